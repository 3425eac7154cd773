package workshop

import (
	"maps"
	"strings"
	"time"

	"github.com/ismskit/ismskit/calendar"
)

// stepKinds are the roadmap steps the yearly plan repeats: their first
// occurrence is the roadmap's.
var stepKinds = []struct {
	step Step
	kind calendar.Kind
}{
	{StepTraining, calendar.Training},
	{StepInternalAudit, calendar.InternalAudit},
	{StepManagementReview, calendar.ManagementReview},
}

// PlanCadence returns cadence (calendar.PlanOptions.Cadence) with the
// month and weekday rule of the yearly plan's security training,
// internal audit and management review set so that they fall on the days
// the roadmap has them due (a day on a weekend moves to the Friday
// before): the calendar then repeats the roadmap's dates at their
// rhythm, and calendar.ics, the roadmap and the audit programme name the
// same days. A kind whose cadence already names a month keeps it (the
// organisation chose it); its other settings (how often, time, title) are
// kept. cadence is not changed.
func (rm Roadmap) PlanCadence(cadence map[calendar.Kind]calendar.Cadence) map[calendar.Kind]calendar.Cadence {
	out := maps.Clone(cadence)
	if out == nil {
		out = map[calendar.Kind]calendar.Cadence{}
	}
	for _, sk := range stepKinds {
		c := out[sk.kind]
		if c.Month != 0 {
			continue
		}
		for _, m := range rm.Milestones {
			if m.Step != sk.step || m.Due.IsZero() {
				continue
			}
			d := m.Due
			for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
				d = d.AddDate(0, 0, -1)
			}
			c.Month, c.Nth, c.Weekday = d.Month(), (d.Day()-1)/7+1, strings.ToLower(d.Weekday().String())
			if c.Nth == 5 {
				c.Nth = -1 // the fifth is the last
			}
			out[sk.kind] = c
		}
	}
	return out
}

// PlanOwners returns owners (calendar.PlanOptions.Owners) with the
// roadmap's owner of the training, internal audit and management review
// steps (the accountable role of the step's responsibility area) for the
// plan's activity of the same kind, so the calendar and the roadmap name
// the same people; a kind the host already names an owner for keeps it,
// and a step without an owner adds none. owners is not changed.
func (rm Roadmap) PlanOwners(owners map[calendar.Kind]string) map[calendar.Kind]string {
	out := maps.Clone(owners)
	if out == nil {
		out = map[calendar.Kind]string{}
	}
	for _, sk := range stepKinds {
		if out[sk.kind] != "" {
			continue
		}
		for _, m := range rm.Milestones {
			if m.Step == sk.step && m.OwnerName != "" {
				out[sk.kind] = m.OwnerName
			}
		}
	}
	return out
}
