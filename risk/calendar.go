package risk

import (
	"fmt"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
)

// CalendarItems returns the register's dated duties as calendar activities:
// each risk's next review, and each open treatment action's due date.
// owner names an isms.Owner (e.g. OrgContext.OwnerName); tz is the time
// zone the dates are shown in. IDs derive from the risks', so they are
// stable across runs.
func (reg Register) CalendarItems(tz string, owner func(isms.Owner) string) []calendar.Activity {
	var out []calendar.Activity
	for _, r := range reg.Risks {
		ns := r.ID.UUID()
		if !r.NextReview.IsZero() {
			out = append(out, calendar.Activity{
				ID: isms.DeriveID[calendar.Activity](ns, "review"), Title: fmt.Sprintf("Review risk %s: %s", r.Ref, r.Title),
				Kind: calendar.RiskReview, Owner: owner(r.Owner), Evidence: "reassessment recorded in the register",
				Rule: calendar.OnceAt(r.NextReview, tz),
			})
		}
		for i, a := range r.Treatment.Actions {
			if !a.Open() || a.Due.IsZero() {
				continue
			}
			out = append(out, calendar.Activity{
				ID: isms.DeriveID[calendar.Activity](ns, fmt.Sprintf("action %d", i)), Title: fmt.Sprintf("%s (%s)", a.Title, r.Ref),
				Kind: calendar.Custom, Owner: owner(a.Owner), Evidence: "action marked done with its completion date",
				Rule: calendar.OnceAt(a.Due, tz),
			})
		}
	}
	return out
}
