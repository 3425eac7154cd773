package risk

import (
	"cmp"
	"container/heap"
	"slices"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// Scored is a risk of the register with its level at one stage. Index is
// its position in Register.Risks.
type Scored struct {
	Index int   `json:"index"`
	Risk  Risk  `json:"risk"`
	Level Level `json:"level"`
}

// compareScored orders most severe first: band, then score (both
// descending), then reference and ID, so the order is total.
func compareScored(a, b Scored) int {
	return cmp.Or(
		b.Level.Compare(a.Level),
		cmp.Compare(a.Risk.Ref, b.Risk.Ref),
		a.Risk.ID.Compare(b.Risk.ID),
	)
}

// scan rates every risk at stage s and calls fn with each level, in
// order. It fails, listing every risk off the scales, rather than skip any;
// fn is not called for those.
func (sc *Scorer) scan(risks []Risk, s Stage, fn func(i int, lvl Level)) error {
	var p isms.Problems
	for i := range risks {
		lvl, err := sc.Rate(risks[i].At(s).Rating)
		if err != nil {
			p.Merge(isms.JoinPath(isms.Index("risks", i), string(s)), err)
			continue
		}
		fn(i, lvl)
	}
	return p.Err()
}

// Top returns the n most severe risks at stage s: highest band first, then
// highest score, then reference.
func (reg Register) Top(n int, s Stage) ([]Scored, error) {
	sc, err := reg.Method.Scorer()
	if err != nil || n <= 0 {
		return nil, err
	}
	h := &minHeap{}
	err = sc.scan(reg.Risks, s, func(i int, lvl Level) {
		if h.Len() < n {
			heap.Push(h, Scored{Index: i, Risk: reg.Risks[i], Level: lvl})
			return
		}
		root := (*h)[0]
		// Compare before copying the risk: most risks do not make the top.
		if c := lvl.Compare(root.Level); c > 0 || (c == 0 && compareScored(Scored{Risk: reg.Risks[i], Level: lvl}, root) < 0) {
			(*h)[0] = Scored{Index: i, Risk: reg.Risks[i], Level: lvl}
			heap.Fix(h, 0)
		}
	})
	if err != nil {
		return nil, err
	}
	out := []Scored(*h)
	slices.SortFunc(out, compareScored)
	return out, nil
}

// minHeap keeps the least severe of the current top n at its root.
type minHeap []Scored

// Len implements heap.Interface.
func (h minHeap) Len() int { return len(h) }

// Less puts the least severe first.
func (h minHeap) Less(i, j int) bool { return compareScored(h[i], h[j]) > 0 }

// Swap implements heap.Interface.
func (h minHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }

// Push implements heap.Interface.
func (h *minHeap) Push(x any) { *h = append(*h, x.(Scored)) }

// Pop implements heap.Interface.
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// ByBand returns the risks whose level at stage s is in band id, in
// register order.
func (reg Register) ByBand(s Stage, id string) ([]Risk, error) {
	sc, err := reg.Method.Scorer()
	if err != nil {
		return nil, err
	}
	var out []Risk
	err = sc.scan(reg.Risks, s, func(i int, lvl Level) {
		if lvl.Band.ID == id {
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
	Risk   string `json:"risk"` // the risk's Ref
	RiskID RiskID `json:"risk_id"`
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
		out[k] = OverdueAction{Risk: r.Ref, RiskID: r.ID, Action: *action(x)}
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
	Risk   string       `json:"risk"`
	RiskID RiskID       `json:"risk_id"`
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
			out = append(out, ReviewDue{Risk: r.Ref, RiskID: r.ID, Reason: reason, Since: since})
		}
	}
	slices.SortFunc(out, func(a, b ReviewDue) int { return cmp.Or(a.Since.Compare(b.Since), cmp.Compare(a.Risk, b.Risk)) })
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
	Scored
	Problem AcceptanceProblem `json:"problem"`
}

// Unaccepted returns the risks whose current level is above the appetite,
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
	err = sc.scan(reg.Risks, Residual, func(i int, lvl Level) {
		if prob := sc.unaccepted(&reg.Risks[i], lvl, now); prob != "" {
			out = append(out, Unaccepted{Scored: Scored{Index: i, Risk: reg.Risks[i], Level: lvl}, Problem: prob})
		}
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Unaccepted) int { return compareScored(a.Scored, b.Scored) })
	return out, nil
}

// unaccepted says why r, at its current level, lacks the acceptance it
// needs at now, or "" when it needs none or has a valid one.
func (s *Scorer) unaccepted(r *Risk, current Level, now time.Time) AcceptanceProblem {
	if !s.AboveAppetite(current) || r.Treatment.Option == Avoid {
		return ""
	}
	if r.Treatment.Option != Retain && r.Treatment.Option != "" && !r.Treatment.Complete() {
		return "" // still being treated
	}
	return s.checkAcceptance(*r, current, now)
}
