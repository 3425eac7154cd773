package risk

import (
	"cmp"
	"container/heap"
	"slices"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// Ranked is a risk of the register with its grade at one stage, as the
// ranking queries return it. Index is its position in Register.Risks,
// where the whole risk is; Risk, Ref and Title identify it.
type Ranked struct {
	Index int    `json:"index"`
	Risk  ID     `json:"risk"`
	Ref   string `json:"ref"`
	Title string `json:"title"`
	Grade Grade  `json:"grade"`
}

func ranked(i int, r *Risk, g Grade) Ranked {
	return Ranked{Index: i, Risk: r.ID, Ref: r.Ref, Title: r.Title, Grade: g}
}

// compareRanked orders most severe first: band, then score (both
// descending), then reference and ID, so the order is total.
func compareRanked(a, b Ranked) int {
	return cmp.Or(
		b.Grade.Compare(a.Grade),
		cmp.Compare(a.Ref, b.Ref),
		a.Risk.Compare(b.Risk),
	)
}

// scan grades every risk at stage s and calls fn with each grade, in
// order. It fails, listing every risk off the scales, rather than skip any;
// fn is not called for those.
func (sc *Scorer) scan(risks []Risk, s Stage, fn func(i int, g Grade)) error {
	var p isms.Problems
	for i := range risks {
		g, err := sc.Rate(risks[i].At(s).Rating)
		if err != nil {
			p.Merge(isms.JoinPath(isms.Index("risks", i), string(s)), err)
			continue
		}
		fn(i, g)
	}
	return p.Err()
}

// Highest returns the n most severe risks at stage s: highest band first,
// then highest score, then reference.
func (reg Register) Highest(n int, s Stage) ([]Ranked, error) {
	sc, err := reg.Method.Scorer()
	if err != nil || n <= 0 {
		return nil, err
	}
	h := &minHeap{}
	err = sc.scan(reg.Risks, s, func(i int, g Grade) {
		r := &reg.Risks[i]
		if h.Len() < n {
			heap.Push(h, ranked(i, r, g))
			return
		}
		root := (*h)[0]
		if c := g.Compare(root.Grade); c > 0 || (c == 0 && compareRanked(ranked(i, r, g), root) < 0) {
			(*h)[0] = ranked(i, r, g)
			heap.Fix(h, 0)
		}
	})
	if err != nil {
		return nil, err
	}
	out := []Ranked(*h)
	slices.SortFunc(out, compareRanked)
	return out, nil
}

// minHeap keeps the least severe of the current top n at its root.
type minHeap []Ranked

// Len implements heap.Interface.
func (h minHeap) Len() int { return len(h) }

// Less puts the least severe first.
func (h minHeap) Less(i, j int) bool { return compareRanked(h[i], h[j]) > 0 }

// Swap implements heap.Interface.
func (h minHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }

// Push implements heap.Interface.
func (h *minHeap) Push(x any) { *h = append(*h, x.(Ranked)) }

// Pop implements heap.Interface.
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// ByBand returns the risks whose grade at stage s is in band id, in
// register order.
func (reg Register) ByBand(s Stage, id string) ([]Risk, error) {
	sc, err := reg.Method.Scorer()
	if err != nil {
		return nil, err
	}
	var out []Risk
	err = sc.scan(reg.Risks, s, func(i int, g Grade) {
		if g.Band.ID == id {
			out = append(out, reg.Risks[i])
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ByOwner returns the risks owned by o.
func (reg Register) ByOwner(o isms.Owner) []Risk {
	return reg.filter(func(_ int, r *Risk) bool { return r.Owner == o })
}

// ByAsset returns the risks that name asset id.
func (reg Register) ByAsset(id isms.AssetID) []Risk {
	return reg.filter(func(_ int, r *Risk) bool { return slices.Contains(r.Assets, id) })
}

// ByControl returns the risks that apply control id or whose treatment
// implements it: the risks a control answers.
func (reg Register) ByControl(id controls.ID) []Risk {
	return reg.filter(func(_ int, r *Risk) bool {
		if slices.ContainsFunc(r.Applied, func(a AppliedControl) bool { return a.Control == id }) {
			return true
		}
		return slices.ContainsFunc(r.Treatment.Actions, func(a Action) bool { return slices.Contains(a.Controls, id) })
	})
}

// ByTreatment returns the risks with treatment option o ("" for undecided).
func (reg Register) ByTreatment(o Option) []Risk {
	return reg.filter(func(_ int, r *Risk) bool { return r.Treatment.Option == o })
}

func (reg Register) filter(keep func(int, *Risk) bool) []Risk {
	var out []Risk
	for i := range reg.Risks {
		if keep(i, &reg.Risks[i]) {
			out = append(out, reg.Risks[i])
		}
	}
	return out
}

// OverdueAction is an open treatment action past its due date.
type OverdueAction struct {
	Risk   ID     `json:"risk"`
	Ref    string `json:"ref"`
	Action Action `json:"action"`
}

// OverdueActions returns the open actions whose due date has passed at
// now, earliest due first, then by risk reference and action title.
func (reg Register) OverdueActions(now time.Time) []OverdueAction {
	// Sort small keys, then build the (larger) results in order.
	type key struct {
		sec     int64 // the due time as Unix seconds and nanoseconds
		nsec    int32
		ref     string
		risk, a int32
	}
	var keys []key
	for i := range reg.Risks {
		acts := reg.Risks[i].Treatment.Actions
		for j := range acts {
			if acts[j].Overdue(now) {
				due := acts[j].Due
				keys = append(keys, key{sec: due.Unix(), nsec: int32(due.Nanosecond()), ref: reg.Risks[i].Ref, risk: int32(i), a: int32(j)})
			}
		}
	}
	action := func(k key) *Action { return &reg.Risks[k.risk].Treatment.Actions[k.a] }
	slices.SortFunc(keys, func(a, b key) int {
		if a.sec != b.sec || a.nsec != b.nsec {
			return cmp.Or(cmp.Compare(a.sec, b.sec), cmp.Compare(a.nsec, b.nsec))
		}
		if a.ref != b.ref {
			return cmp.Compare(a.ref, b.ref)
		}
		return cmp.Or(
			cmp.Compare(action(a).Title, action(b).Title),
			cmp.Compare(a.risk, b.risk), cmp.Compare(a.a, b.a))
	})
	out := make([]OverdueAction, len(keys))
	for k, x := range keys {
		r := &reg.Risks[x.risk]
		out[k] = OverdueAction{Risk: r.ID, Ref: r.Ref, Action: *action(x)}
	}
	return out
}

// ReviewReason says why a risk is due for review.
type ReviewReason string

// Review reasons.
const (
	ReviewDateReached ReviewReason = "review_date"
	AcceptanceLapsed  ReviewReason = "acceptance_expired"
	NeverScheduled    ReviewReason = "no_review_date"
)

// ReviewDue is a risk that needs reviewing.
type ReviewDue struct {
	Risk   ID           `json:"risk"`
	Ref    string       `json:"ref"`
	Reason ReviewReason `json:"reason"`
	Since  time.Time    `json:"since,omitzero"`
}

// ReviewsDue returns the risks due for review at now: their review date has
// come, or their acceptance has expired (an expired acceptance puts a risk
// back into review). Earliest first, then by reference.
func (reg Register) ReviewsDue(now time.Time) []ReviewDue {
	var out []ReviewDue
	for i := range reg.Risks {
		r := &reg.Risks[i]
		if reason, since, due := r.reviewDue(now); due {
			out = append(out, ReviewDue{Risk: r.ID, Ref: r.Ref, Reason: reason, Since: since})
		}
	}
	slices.SortFunc(out, func(a, b ReviewDue) int {
		return cmp.Or(a.Since.Compare(b.Since), cmp.Compare(a.Ref, b.Ref), a.Risk.Compare(b.Risk))
	})
	return out
}

// reviewDue says whether r is due for review at now, why and since when.
func (r *Risk) reviewDue(now time.Time) (ReviewReason, time.Time, bool) {
	switch {
	case r.Acceptance != nil && r.Acceptance.Expired(now):
		return AcceptanceLapsed, r.Acceptance.Expires, true
	case !r.NextReview.IsZero() && !now.Before(r.NextReview):
		return ReviewDateReached, r.NextReview, true
	}
	return "", time.Time{}, false
}

// Unaccepted is a risk above the appetite that is not covered by a valid
// acceptance, with the reason.
type Unaccepted struct {
	Ranked
	Problem AcceptanceProblem `json:"problem"`
}

// Unaccepted returns the risks whose current grade is above the appetite,
// that are retained (or undecided, or whose treatment is complete, so what
// remains is residual risk to accept), and that have no valid acceptance at
// now: none, expired, given for another rating, by a role not allowed, or
// for too long. Most severe first.
func (reg Register) Unaccepted(now time.Time) ([]Unaccepted, error) {
	sc, err := reg.Method.Scorer()
	if err != nil {
		return nil, err
	}
	var out []Unaccepted
	err = sc.scan(reg.Risks, Residual, func(i int, g Grade) {
		if prob := sc.unaccepted(&reg.Risks[i], g, now); prob != "" {
			out = append(out, Unaccepted{Ranked: ranked(i, &reg.Risks[i], g), Problem: prob})
		}
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Unaccepted) int { return compareRanked(a.Ranked, b.Ranked) })
	return out, nil
}

// unaccepted says why r, at its current grade, lacks the acceptance it
// needs at now, or "" when it needs none or has a valid one.
func (s *Scorer) unaccepted(r *Risk, current Grade, now time.Time) AcceptanceProblem {
	if !s.AboveAppetite(current) || r.Treatment.Option == Avoid {
		return ""
	}
	if r.Treatment.Option != Retain && r.Treatment.Option != "" && !r.Treatment.Complete() {
		return "" // still being treated
	}
	return s.checkAcceptance(*r, current, now)
}
