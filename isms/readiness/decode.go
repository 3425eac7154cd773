package readiness

import (
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
)

// MaxUrgent is how many gaps Report.Urgent lists.
const MaxUrgent = 3

// Decode reads a report that WriteJSON wrote, strictly (isms/jsonio:
// unknown fields, trailing data and type errors are refused with their
// paths), and validates it with Report.Validate, so a host that stores
// reports reads back only what Assess can have made.
func Decode(r io.Reader) (Report, error) {
	var rep Report
	if err := jsonio.Decode(r, &rep, "readiness report"); err != nil {
		return Report{}, err
	}
	if err := rep.Validate(); err != nil {
		return Report{}, err
	}
	return rep, nil
}

// Validate checks that the report is one Assess can have made, reporting
// every problem with its field path: a date within the years 1 to 9999;
// items with an ID, a title, a known status and a positive weight, each ID
// once; counts that are the items' statuses counted; a score that is the
// items' weighted figure (met 1, partial and stale ½, missing 0) rounded
// to one decimal; at most MaxUrgent urgent gaps, each one of the items
// as listed there and not met; and a roadmap section whose steps have known
// states, whose next step is the first not done and whose warnings are
// the ones its late steps give.
func (r Report) Validate() error {
	var p isms.Problems
	isms.CheckDate(&p, "at", "the report date", r.At, true)
	counts := map[Status]int{}
	byID := map[string]Item{}
	total, got := decimal.Zero, decimal.Zero
	weightsOK := true
	for i, it := range r.Items {
		path := isms.Index("items", i)
		validateItem(&p, path, it)
		if _, dup := byID[it.ID]; dup && it.ID != "" {
			p.Addf(isms.JoinPath(path, "id"), "item %q appears twice", it.ID)
		}
		byID[it.ID] = it
		counts[it.Status]++
		if it.Weight < 1 || it.Status.severity() < 0 {
			weightsOK = false
			continue
		}
		w := decimal.NewFromInt(int64(it.Weight))
		total = total.Add(w)
		got = got.Add(w.Mul(it.Status.value()))
	}
	for _, s := range slices.Sorted(maps.Keys(r.Counts)) {
		if r.Counts[s] != counts[s] {
			p.Addf(isms.JoinPath("counts", string(s)), "the items have %d with status %q, not %d", counts[s], s, r.Counts[s])
		}
	}
	for _, s := range []Status{Met, Partial, Stale, Missing} {
		if _, ok := r.Counts[s]; !ok && counts[s] > 0 {
			p.Addf("counts", "the items have %d with status %q, which the counts leave out", counts[s], s)
		}
	}
	if weightsOK {
		want := decimal.Zero
		if total.IsPositive() {
			want = got.Mul(decimal.NewFromInt(100)).DivRound(total, 1)
		}
		if !r.Score.Equal(want) {
			p.Addf("score", "the score is %s, but the items give %s", shorten(r.Score.String()), want)
		}
	}
	validateVerdict(&p, r, byID)
	validateRoadmap(&p, r.Roadmap)
	if len(r.Urgent) > MaxUrgent {
		p.Addf("urgent", "%d urgent gaps; a report lists at most MaxUrgent (%d)", len(r.Urgent), MaxUrgent)
	}
	for i, it := range r.Urgent[:min(len(r.Urgent), MaxUrgent)] {
		path := isms.Index("urgent", i)
		switch item, ok := byID[it.ID]; {
		case !ok:
			p.Addf(isms.JoinPath(path, "id"), "urgent gap %q is not one of the items", shorten(it.ID))
		case it.Status == Met:
			p.Addf(isms.JoinPath(path, "status"), "urgent gap %q is met", shorten(it.ID))
		case !equalItems(item, it):
			p.Addf(path, "urgent gap %q differs from the item of that ID", shorten(it.ID))
		}
	}
	return p.Err()
}

func validateVerdict(p *isms.Problems, r Report, byID map[string]Item) {
	blocks := map[string]Verdict{}
	for _, ru := range VerdictRules() {
		blocks[ru.Code] = ru.Blocks
	}
	for i, b := range r.Blockers {
		path := isms.Index("blockers", i)
		want, ok := blocks[b.Rule]
		switch {
		case !ok:
			p.Addf(isms.JoinPath(path, "rule"), "%q is not a verdict rule", shorten(b.Rule))
		case b.Blocks != want:
			p.Addf(isms.JoinPath(path, "blocks"), "rule %s blocks %q, not %q", b.Rule, want, shorten(string(b.Blocks)))
		}
		for k, id := range b.Items {
			if _, ok := byID[id]; !ok {
				p.Addf(isms.JoinPath(path, isms.Index("items", k)), "blocker item %q is not one of the items", shorten(id))
			}
		}
		if strings.TrimSpace(b.Reason) == "" {
			p.Addf(isms.JoinPath(path, "reason"), "the blocker gives no reason")
		}
	}
	switch want := verdictOf(r.Blockers); {
	case r.Verdict != ReadyStage2 && r.Verdict != ReadyStage1 && r.Verdict != NotReady:
		p.Addf("verdict", "verdict %q is not %q, %q or %q", shorten(string(r.Verdict)), ReadyStage2, ReadyStage1, NotReady)
	case r.Verdict != want:
		p.Addf("verdict", "the verdict is %q, but the blockers give %q", r.Verdict, want)
	}
}

func validateItem(p *isms.Problems, path string, it Item) {
	if strings.TrimSpace(it.ID) == "" {
		p.Addf(isms.JoinPath(path, "id"), "the item has no ID")
	}
	if strings.TrimSpace(it.Title) == "" {
		p.Addf(isms.JoinPath(path, "title"), "the item has no title")
	}
	if it.Status.severity() < 0 {
		p.Addf(isms.JoinPath(path, "status"), "status %q is not %q, %q, %q or %q", shorten(string(it.Status)), Met, Partial, Stale, Missing)
	}
	if it.Weight < 1 {
		p.Addf(isms.JoinPath(path, "weight"), "weight %d: an item weighs at least 1", it.Weight)
	}
}

func equalItems(a, b Item) bool {
	return a.ID == b.ID && a.Clause == b.Clause && a.Title == b.Title && a.Status == b.Status &&
		slices.Equal(a.Evidence, b.Evidence) && a.NextStep == b.NextStep && a.Weight == b.Weight
}

// shorten quotes at most 64 bytes of a value in a message.
func shorten(s string) string { return shortenTo(s, 64) }

// shortenTo quotes at most max bytes of a text, cut at a rune boundary.
func shortenTo(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
