package policy

import (
	"fmt"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
)

// CalendarItems returns Deadlines as calendar activities in time zone tz:
// communicating the approved version to staff, and the next review.
func (p Policy) CalendarItems(tz string) []calendar.Activity {
	var out []calendar.Activity
	for i, d := range p.Deadlines() {
		kind := calendar.PolicyReview
		if i == 0 {
			kind = calendar.Custom
		}
		out = append(out, calendar.Activity{
			ID:    isms.DeriveID[calendar.Activity](p.ID.UUID(), fmt.Sprintf("deadline %d", i)),
			Title: d.Title, Kind: kind, Owner: d.Owner, Rule: calendar.OnceAt(d.Due, tz),
		})
	}
	return out
}
