package readiness

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
)

// trainingTarget is the yearly training coverage the domain articles aim for.
var trainingTarget = decimal.RequireFromString("0.95")

// Clauses 7 and 8: competence, awareness, operation.
func operationRules() []rule {
	return []rule{
		{"7.2", "7.2", "Competence: training records", 2, checkTraining},
		{"7.3", "7.3", "Awareness of the policy", 1, checkAwareness},
		{"8.1", "8.1", "Operational planning and control: the yearly plan is kept", 2, checkPlan},
		{"8.1-incidents", "8.1", "Incidents recorded and handled within their deadlines", 1, checkIncidents},
		{"8.2", "8.2", "Risk assessments at planned intervals", 2, checkRiskReviews},
		{"8.3", "8.3", "Risk treatment plan carried out", 2, checkActions},
	}
}

func checkTraining(in *Input, now time.Time) verdict {
	cov := records.TrainingCoverage(in.Context.People, in.Records.Training, now)
	ev := []string{fmt.Sprintf("training coverage %s %% in the last 12 months", cov.Mul(decimal.NewFromInt(100)).StringFixed(0))}
	switch {
	case len(in.Records.Training) == 0:
		return verdict{Missing, nil, "train every employee this year and record who completed what and when"}
	case cov.LessThan(trainingTarget):
		return verdict{Partial, ev, "train the rest of the staff: the target is at least 95 % a year"}
	}
	return verdict{Met, ev, ""}
}

func checkAwareness(in *Input, now time.Time) verdict {
	p := in.Policy
	if p == nil || p.Revision.Status != isms.Approved {
		return verdict{Missing, nil, "approve the policy, then tell every employee where to find it"}
	}
	ev := []string{"policy approved on " + date(p.Revision.Approval.At)}
	// The communication duty is the policy's first duty; the calendar
	// keeps its UUID as the activity's.
	comm := p.Duties()[0]
	if in.Plan != nil {
		for _, c := range in.Plan.Completions {
			if c.Activity.UUID() == comm.ID.UUID() {
				return verdict{Met, append(ev, "communicated on "+date(c.Done)), ""}
			}
		}
	}
	return verdict{Partial, ev, fmt.Sprintf("tell staff about the policy within 7 days of approval (by %s) and record it as done in the plan", date(comm.Due))}
}

func checkPlan(in *Input, now time.Time) verdict {
	if in.Plan == nil || len(in.Plan.Activities) == 0 {
		return verdict{Missing, nil, "build the yearly plan (calendar.DefaultPlan) with reviews, audit, training and tests"}
	}
	ev := []string{fmt.Sprintf("%d planned activities", len(in.Plan.Activities))}
	over := in.Plan.Overdue(now.AddDate(-1, 0, 0), now)
	if len(over) > 0 {
		return verdict{Stale, append(ev, fmt.Sprintf("%d overdue", len(over))), fmt.Sprintf("catch up: %q was due on %s", over[0].Title, date(over[0].Due))}
	}
	return verdict{Met, ev, ""}
}

func checkIncidents(in *Input, _ time.Time) verdict {
	incs := in.Records.Incidents
	if len(incs) == 0 {
		return verdict{Met, []string{"no incidents recorded"}, ""}
	}
	late := 0
	for _, x := range incs {
		if x.Recorded.IsZero() {
			late++
			continue
		}
		if ok, _, err := calendar.IncidentRecording.Met(x.Detected, x.Recorded, workdays(in)); err != nil || !ok {
			late++
		}
	}
	ev := []string{fmt.Sprintf("%d incidents", len(incs))}
	if late > 0 {
		return verdict{Partial, ev, fmt.Sprintf("%d incidents were not recorded the same working day or within 24 hours; remind staff and the on-call of the deadline", late)}
	}
	return verdict{Met, ev, ""}
}

func workdays(in *Input) calendar.Workdays {
	if in.Plan != nil {
		return in.Plan.Workdays
	}
	return calendar.Workdays{}
}

func checkRiskReviews(in *Input, now time.Time) verdict {
	if len(in.Register.Risks) == 0 {
		return verdict{Missing, nil, "assess the risks, then review them every quarter"}
	}
	due := in.Register.ReviewsDue(now)
	if len(due) > 0 {
		return verdict{Stale, []string{fmt.Sprintf("%d risks due for review", len(due))}, fmt.Sprintf("review risk %s (%s since %s)", due[0].Ref, due[0].Reason, date(due[0].Since))}
	}
	return verdict{Met, []string{"no risk review overdue"}, ""}
}

func checkActions(in *Input, now time.Time) verdict {
	if len(in.Register.Risks) == 0 {
		return verdict{Missing, nil, "plan the treatment of the key risks"}
	}
	od := in.Register.OverdueActions(now)
	counts := implemented(in.Implementations)
	ev := []string{fmt.Sprintf("%d controls implemented, %d in progress, %d planned", counts[controls.Implemented], counts[controls.InProgress], counts[controls.Planned])}
	if len(od) > 0 {
		return verdict{Stale, append(ev, fmt.Sprintf("%d actions overdue", len(od))), fmt.Sprintf("finish %q (%s), due %s", od[0].Action.Title, od[0].Ref, date(od[0].Action.Due))}
	}
	return verdict{Met, ev, ""}
}
