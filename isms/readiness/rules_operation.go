package readiness

import (
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
)

// Clause 8 (operation): the yearly plan kept (8.1), risk assessments at
// planned intervals (8.2) and the treatment plan implemented (8.3). The
// rule table below also lists clause 7 (rules_support.go) and the supplier
// and incident controls (rules_suppliers.go, rules_incidents.go).

// Clauses 7 and 8: resources, competence, awareness, communication,
// documented information, operation.
func operationRules() []rule {
	return []rule{
		{"7.1", "7.1", "Resources for the ISMS", 1, checkResources},
		{"7.2", "7.2", "Competence per role, with evidence for each person", 2, checkCompetence},
		{"7.3", "7.3", "Awareness: policy communicated, staff trained", 2, checkAwareness},
		{"7.4", "7.4", "Communication: what, when, with whom, who", 1, checkCommunication},
		{"7.5.1", "7.5.1", "Documented information: required and the organisation's own", 1, checkDocumentsGeneral},
		{"7.5.2", "7.5.2", "Documented information: identified, reviewed and approved", 1, checkDocumentsUpdating},
		{"7.5.3", "7.5.3", "Documented information: controlled (retention, access, external origin)", 1, checkDocumentsControl},
		{"8.1", "8.1", "Operational planning and control: the yearly plan is kept, the core processes described, suppliers controlled", 2, checkPlan},
		{"8.2", "8.2", "Risk assessments at planned intervals", 2, checkRiskReviews},
		{"8.3", "8.3", "Risk treatment plan implemented", 2, checkActions},
		{"A.5.19-A.5.23", "A.5.19–A.5.23", "Supplier controls: agreements, assurance, assessments, privileged access and cloud exit", 1, checkSuppliers},
		{"A.5.24-A.5.28,A.6.8", "A.5.24–A.5.28, A.6.8", "Incident controls: incidents reported, recorded, handled and notified in time", 1, checkIncidents},
	}
}

// checkPlan judges 8.1 on every check at once: the yearly plan exists and
// is kept (no occurrence overdue, no record outside it), the core
// processes are described, and the suppliers are controlled. The status is
// the worst check's (no plan: missing; an occurrence overdue: stale;
// anything else: partial), and the next step lists each check that fails.
func checkPlan(in *Input, now time.Time) verdict {
	status := Met
	worse := func(s Status) {
		if s.severity() > status.severity() {
			status = s
		}
	}
	var ev, steps []string
	if in.Plan == nil || len(in.Plan.Activities) == 0 {
		worse(Missing)
		steps = append(steps, "build the yearly plan with reviews, audit, training and tests")
	} else {
		ev = append(ev, plural.N(len(in.Plan.Activities), "planned activity"))
		if over := in.Plan.Overdue(now.AddDate(-1, 0, 0), now); len(over) > 0 {
			// Occurrences, not activities: a monthly activity missed all
			// year is twelve overdue occurrences of one activity.
			acts := map[calendar.ActivityID]bool{}
			for _, o := range over {
				acts[o.Activity] = true
			}
			worse(Stale)
			ev = append(ev, fmt.Sprintf("%s overdue in the last 12 months (of %s)", plural.N(len(over), "occurrence"), plural.N(len(acts), "activity")))
			steps = append(steps, fmt.Sprintf("catch up: %q was due on %s", over[0].Title, date(over[0].Due)))
		}
		// A record of the last 12 months that completes no planned
		// occurrence means the plan does not show what happened.
		var stray []string
		for _, h := range in.Plan.Unmatched() {
			if !h.Date.Before(now.AddDate(-1, 0, 0)) && !h.Date.After(now) {
				stray = append(stray, fmt.Sprintf("%q (%s, %s)", shorten(h.Ref), strings.ReplaceAll(string(h.Kind), "_", " "), date(h.Date)))
			}
		}
		if len(stray) > 0 {
			worse(Partial)
			ev = append(ev, plural.N(len(stray), "record")+" "+plural.Pick(len(stray), "matches", "match")+" no planned activity")
			steps = append(steps, "put in the plan what was held, or correct the record's date: "+joinList(clip(stray, 3)))
		}
	}
	if n := len(in.Processes.Processes); n > 0 {
		ev = append(ev, fmt.Sprintf("%d process descriptions", n))
	}
	if n := len(in.Suppliers.Suppliers); n > 0 {
		ev = append(ev, fmt.Sprintf("%d suppliers in the register", n))
	}
	var missing []string
	for _, k := range processes.Cores() {
		if p, ok := in.Processes.ByCore(k); !ok || p.Owner.IsZero() || len(p.Evidence) == 0 {
			missing = append(missing, strings.ReplaceAll(string(k), "_", " "))
		}
	}
	if len(missing) > 0 {
		worse(Partial)
		steps = append(steps, "describe the core processes with an owner, steps and the records that prove they run: "+joinList(missing))
	}
	if step := supplierStep(in, now); step != "" {
		worse(Partial)
		steps = append(steps, step)
	}
	return verdict{status, ev, strings.Join(steps, "; ")}
}

func checkRiskReviews(in *Input, now time.Time) verdict {
	if len(in.Register.Risks) == 0 {
		return verdict{Missing, nil, "assess the risks, then review them every quarter"}
	}
	due := in.Register.ReviewsDue(now)
	if len(due) > 0 {
		return verdict{Stale, []string{plural.N(len(due), "risk") + " due for review"}, fmt.Sprintf("review risk %s: %s", due[0].Ref, reviewReason(due[0]))}
	}
	return verdict{Met, []string{"no risk review overdue"}, ""}
}

// reviewReason says in words why a risk is due for review.
func reviewReason(d risk.ReviewDue) string {
	switch d.Reason {
	case risk.ReviewDateReached:
		return "its review date passed on " + date(d.Since)
	case risk.AcceptanceLapsed:
		return "its acceptance expired on " + date(d.Since)
	case risk.NeverScheduled:
		return "no review date is set"
	}
	return strings.ReplaceAll(string(d.Reason), "_", " ") + " since " + date(d.Since)
}

// planProgress is where the risk treatment plan stands at now: its
// actions (cancelled ones aside), how many are done, the open ones past
// their due day and the open one due first.
type planProgress struct {
	total, done int
	overdue     []risk.OverdueAction
	next        *risk.OverdueAction // the open action due first; nil when none is open
}

func progressOf(reg risk.Register, now time.Time) planProgress {
	var p planProgress
	for _, r := range reg.Risks {
		for _, a := range r.Treatment.Actions {
			switch {
			case a.Status == risk.ActionCancelled:
				continue
			case a.Status == risk.ActionDone:
				p.done++
			case p.next == nil || a.Due.Before(p.next.Action.Due):
				p.next = &risk.OverdueAction{Ref: r.Ref, Action: a}
			}
			p.total++
		}
	}
	p.overdue = reg.OverdueActions(now)
	return p
}

// checkActions judges 8.3 by the treatment plan's own actions: done, open
// on schedule, or overdue. Implementation records of controls the plan
// does not touch are no evidence that the plan was carried out.
func checkActions(in *Input, now time.Time) verdict {
	if len(in.Register.Risks) == 0 {
		return verdict{Missing, nil, "plan the treatment of the key risks"}
	}
	p := progressOf(in.Register, now)
	if p.total == 0 {
		if mod := in.Register.ByTreatment(risk.Modify); len(mod) > 0 {
			return verdict{Partial, []string{"no treatment actions"}, fmt.Sprintf("plan the actions that modify risk %s: what, who, by when, which controls", mod[0].Ref)}
		}
		return verdict{Met, []string{"no treatment actions: no risk is to be modified"}, ""}
	}
	ev := []string{fmt.Sprintf("%d of %s done", p.done, plural.N(p.total, "treatment action"))}
	late := lateControls(in, now)
	if len(late) > 0 {
		ev = append(ev, plural.N(len(late), "applicable control")+" not implemented past "+plural.Pick(len(late), "its date", "their dates"))
	}
	switch {
	case len(p.overdue) > 0:
		od := p.overdue
		return verdict{Stale, append(ev, plural.N(len(od), "action")+" overdue"), fmt.Sprintf("finish %q (%s), due %s", od[0].Action.Title, od[0].Ref, date(od[0].Action.Due))}
	case len(late) > 0:
		return verdict{Stale, ev, "implement the applicable controls still planned past their treatment dates: " + joinList(clip(late, 5))}
	case p.next != nil:
		return verdict{Partial, append(ev, fmt.Sprintf("%d open, on schedule", p.total-p.done)), fmt.Sprintf("carry out the plan: next %q (%s), due %s", p.next.Action.Title, p.next.Ref, date(p.next.Action.Due))}
	}
	return verdict{Met, ev, ""}
}

// lateControls lists the applicable controls of the SoA not implemented
// although a treatment action that relies on them was due before now.
func lateControls(in *Input, now time.Time) []string {
	if in.SoA == nil {
		return nil
	}
	due := map[controls.ID]time.Time{}
	for _, r := range in.Register.Risks {
		for _, a := range r.Treatment.Actions {
			for _, c := range a.Controls {
				if d, ok := due[c]; !ok || a.Due.Before(d) {
					due[c] = a.Due
				}
			}
		}
	}
	var out []string
	for _, e := range in.SoA.Entries {
		d, ok := due[e.Control]
		if e.Applicable && ok && !d.IsZero() && now.After(d) && e.Status != controls.Implemented {
			out = append(out, fmt.Sprintf("%s (%s, due %s)", e.Control, statusWord(e.Status), date(d)))
		}
	}
	return out
}

func statusWord(s controls.Status) string {
	if s == "" {
		return "no status"
	}
	return strings.ReplaceAll(string(s), "_", " ")
}
