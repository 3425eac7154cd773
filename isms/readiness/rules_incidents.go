package readiness

import (
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/processes"
)

// The incident controls A.5.24–A.5.28 and A.6.8: incidents reported,
// recorded, handled and notified in time.

// incidentProcess returns the incident handling process when it is
// described as 8.1 expects (an owner and the records that prove it runs).
func incidentProcess(in *Input) (processes.Process, bool) {
	p, ok := in.Processes.ByCore(processes.CoreIncidentHandling)
	return p, ok && !p.Owner.IsZero() && len(p.Evidence) > 0
}

// lookedAtIncidents returns what shows that someone checked the incident
// register in the 12 months before now: an internal audit performed, or
// the incident process reviewed. Empty when nobody did.
func lookedAtIncidents(in *Input, p processes.Process, now time.Time) string {
	year := now.AddDate(-1, 0, 0)
	if a := performedAudits(in, now); len(a) > 0 && !a[0].Performed.Before(year) {
		return "internal audit on " + date(a[0].Performed)
	}
	if !p.LastReview.IsZero() && !p.LastReview.Before(year) && !p.LastReview.After(now) {
		return "incident process reviewed on " + date(p.LastReview)
	}
	return ""
}

// checkIncidents judges the incident controls. No incident recorded is
// evidence, as for 10.2, only when there is a described incident process
// to record them and someone has looked in the last 12 months.
func checkIncidents(in *Input, now time.Time) verdict {
	incs := in.Records.Incidents
	proc, described := incidentProcess(in)
	const describe = "describe the incident handling process (how staff report, who records an incident within a working day, who decides on notifications) with an owner and the records that prove it runs"
	if len(incs) == 0 {
		if !described {
			return verdict{Partial, []string{"no incidents recorded, and no incident handling process to record any"},
				describe + ", and tell staff how to report; no incidents is evidence only after someone has looked"}
		}
		looked := lookedAtIncidents(in, proc, now)
		if looked == "" {
			return verdict{Partial, []string{"no incidents recorded, and nobody has looked: no internal audit or review of the incident process in the last 12 months"},
				"review the incident register and the incident process, or have the internal audit check them; no incidents is evidence only after someone has looked"}
		}
		return verdict{Met, []string{"no incidents recorded; checked: " + looked}, ""}
	}
	late := 0
	var lateNotes []string
	owed := 0
	for _, x := range incs {
		if x.Recorded.IsZero() {
			late++
		} else if ok, _, err := calendar.IncidentRecording.Met(x.Detected, x.Recorded, workdays(in)); err != nil || !ok {
			late++
		}
		for _, n := range x.Notifications {
			owed++
			if n.Late(x.Detected, now) {
				what := "not sent"
				if !n.Sent.IsZero() {
					what = "sent " + n.Sent.Sub(n.Deadline(x.Detected)).Round(time.Hour).String() + " late"
				}
				lateNotes = append(lateNotes, fmt.Sprintf("%q to %s within %d hours: %s", shorten(x.Title), shorten(n.Recipient), n.WithinHours, what))
			}
		}
	}
	ev := []string{plural.N(len(incs), "incident") + ", " + plural.N(owed, "notification") + " owed"}
	var steps []string
	if len(lateNotes) > 0 {
		steps = append(steps, "notifications missed their deadlines: "+joinList(clip(lateNotes, 3)))
	}
	if late > 0 {
		steps = append(steps, fmt.Sprintf("%s %s not recorded the same working day or within 24 hours; remind staff and the on-call of the deadline", plural.N(late, "incident"), plural.Pick(late, "was", "were")))
	}
	if !described {
		steps = append(steps, describe)
	}
	if len(steps) > 0 {
		return verdict{Partial, ev, strings.Join(steps, "; ")}
	}
	return verdict{Met, ev, ""}
}

func workdays(in *Input) calendar.Workdays {
	if in.Plan != nil {
		return in.Plan.Workdays
	}
	return calendar.Workdays{}
}
