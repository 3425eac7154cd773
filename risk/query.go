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

// levels rates every risk at stage s; it fails, listing every risk off the
// scales, rather than skip any.
func (reg Register) levels(s Stage) (*Scorer, []Level, error) {
	sc, err := reg.Method.Scorer()
	if err != nil {
		return nil, nil, err
	}
	out := make([]Level, len(reg.Risks))
	var p isms.Problems
	for i := range reg.Risks {
		lvl, err := sc.Rate(reg.Risks[i].At(s).Rating)
		if err != nil {
			p.Merge(isms.JoinPath(isms.Index("risks", i), string(s)), err)
			continue
		}
		out[i] = lvl
	}
	return sc, out, p.Err()
}

// Top returns the n most severe risks at stage s: highest band first, then
// highest score, then reference.
func (reg Register) Top(n int, s Stage) ([]Scored, error) {
	_, lv, err := reg.levels(s)
	if err != nil || n <= 0 {
		return nil, err
	}
	h := &minHeap{}
	for i := range reg.Risks {
		x := Scored{Index: i, Risk: reg.Risks[i], Level: lv[i]}
		if h.Len() < n {
			heap.Push(h, x)
		} else if compareScored(x, (*h)[0]) < 0 {
			(*h)[0] = x
			heap.Fix(h, 0)
		}
	}
	out := []Scored(*h)
	slices.SortFunc(out, compareScored)
	return out, nil
}

// minHeap keeps the least severe of the current top n at its root.
type minHeap []Scored

func (h minHeap) Len() int           { return len(h) }
func (h minHeap) Less(i, j int) bool { return compareScored(h[i], h[j]) > 0 }
func (h minHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)        { *h = append(*h, x.(Scored)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// ByBand returns the risks whose level at stage s is in band id, in
// register order.
func (reg Register) ByBand(s Stage, id string) ([]Risk, error) {
	_, lv, err := reg.levels(s)
	if err != nil {
		return nil, err
	}
	return reg.filter(func(i int, _ *Risk) bool { return lv[i].Band.ID == id }), nil
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
// now, earliest due first.
func (reg Register) OverdueActions(now time.Time) []OverdueAction {
	var out []OverdueAction
	for i := range reg.Risks {
		r := &reg.Risks[i]
		for _, a := range r.Treatment.Actions {
			if a.Overdue(now) {
				out = append(out, OverdueAction{Risk: r.Ref, RiskID: r.ID, Action: a})
			}
		}
	}
	slices.SortFunc(out, func(a, b OverdueAction) int {
		return cmp.Or(a.Action.Due.Compare(b.Action.Due), cmp.Compare(a.Risk, b.Risk), cmp.Compare(a.Action.Title, b.Action.Title))
	})
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
		switch {
		case r.Acceptance != nil && r.Acceptance.Expired(now):
			out = append(out, ReviewDue{Risk: r.Ref, RiskID: r.ID, Reason: AcceptanceLapsed, Since: r.Acceptance.Expires})
		case !r.NextReview.IsZero() && !now.Before(r.NextReview):
			out = append(out, ReviewDue{Risk: r.Ref, RiskID: r.ID, Reason: ReviewDateReached, Since: r.NextReview})
		}
	}
	slices.SortFunc(out, func(a, b ReviewDue) int { return cmp.Or(a.Since.Compare(b.Since), cmp.Compare(a.Risk, b.Risk)) })
	return out
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
	sc, lv, err := reg.levels(Residual)
	if err != nil {
		return nil, err
	}
	var out []Unaccepted
	for i := range reg.Risks {
		r := &reg.Risks[i]
		if !sc.AboveAppetite(lv[i]) || r.Treatment.Option == Avoid {
			continue
		}
		mustAccept := r.Treatment.Option == Retain || r.Treatment.Option == "" || r.Treatment.Complete()
		if !mustAccept {
			continue
		}
		if prob := sc.checkAcceptance(*r, lv[i], now); prob != "" {
			out = append(out, Unaccepted{Scored: Scored{Index: i, Risk: *r, Level: lv[i]}, Problem: prob})
		}
	}
	slices.SortFunc(out, func(a, b Unaccepted) int { return compareScored(a.Scored, b.Scored) })
	return out, nil
}
