package risk

import (
	"cmp"
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

// ByOwner returns the risks owned by o. The Register filters copy whole
// risks, which suits a small register; the Compiled view's filters of the
// same names answer with Ranked and copy nothing.
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
	return reg.filter(func(_ int, r *Risk) bool { return r.answeredBy(id) })
}

// answeredBy reports whether the risk applies control id or its treatment
// implements it.
func (r *Risk) answeredBy(id controls.ID) bool {
	if slices.ContainsFunc(r.Applied, func(a AppliedControl) bool { return a.Control == id }) {
		return true
	}
	return slices.ContainsFunc(r.Treatment.Actions, func(a Action) bool { return slices.Contains(a.Controls, id) })
}

// ByTreatment returns the risks with treatment option o ("" for undecided).
func (reg Register) ByTreatment(o Option) []Risk {
	return reg.filter(func(_ int, r *Risk) bool { return r.Treatment.Option == o })
}

func (reg Register) filter(keep func(int, *Risk) bool) []Risk {
	n := 0
	for i := range reg.Risks {
		if keep(i, &reg.Risks[i]) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Risk, 0, n)
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
	if len(keys) == 0 {
		return nil
	}
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
