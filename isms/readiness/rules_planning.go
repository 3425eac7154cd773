package readiness

import (
	"errors"
	"fmt"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/soa"
)

// Clause 6: risk assessment and treatment, objectives, planning of changes.
func planningRules() []rule {
	return []rule{
		{"6.1.2", "6.1.2", "Information security risk assessment", 3, checkRiskAssessment},
		{"6.1.3", "6.1.3", "Information security risk treatment and the Statement of Applicability", 3, checkTreatment},
		{"6.2", "6.2", "Measurable information security objectives", 2, checkObjectives},
		{"6.3", "6.3", "Planning of changes", 1, checkChanges},
	}
}

func checkRiskAssessment(in *Input, now time.Time) verdict {
	reg := in.Register
	if len(reg.Risks) == 0 {
		return verdict{Missing, nil, "run a first risk workshop: rate the 3–5 key risks on likelihood and impact, each with an owner"}
	}
	ev := []string{fmt.Sprintf("%d risks assessed with %s", len(reg.Risks), reg.Method.Name)}
	if err := reg.Validate(); err != nil {
		return verdict{Partial, ev, fmt.Sprintf("complete the register: %v", isms.ValidationErrors(err)[0])}
	}
	var latest time.Time
	for _, r := range reg.Risks {
		for _, a := range []time.Time{r.Inherent.Date, r.Residual.Date, r.Target.Date} {
			if a.After(latest) {
				latest = a
			}
		}
	}
	if !latest.IsZero() && now.Sub(latest) > 365*24*time.Hour {
		return verdict{Stale, append(ev, "last assessed "+date(latest)), "reassess the risks: the last assessment is more than a year old"}
	}
	return verdict{Met, ev, ""}
}

func checkTreatment(in *Input, now time.Time) verdict {
	if len(in.Register.Risks) == 0 {
		return verdict{Missing, nil, "assess the risks first, then decide how to treat each"}
	}
	var ev []string
	undecided := len(in.Register.ByTreatment(""))
	if undecided > 0 {
		return verdict{Partial, ev, fmt.Sprintf("decide the treatment of %d risks (modify, retain, avoid or share)", undecided)}
	}
	un, err := in.Register.Unaccepted(now)
	if err != nil {
		return verdict{Partial, ev, "fix the risk register so it can be evaluated"}
	}
	if len(un) > 0 {
		return verdict{Partial, ev, fmt.Sprintf("risk %s is above the appetite without a valid acceptance (%s): have the risk owner, or an authorised role with the owner's agreement, accept the current residual", un[0].Ref, un[0].Problem)}
	}
	s := in.SoA
	if s == nil {
		return verdict{Partial, ev, "generate the Statement of Applicability from the risk treatment (soa.Generate)"}
	}
	ev = append(ev, fmt.Sprintf("SoA edition %d (%s)", s.Revision.Edition, s.Revision.Status))
	if err := errors.Join(s.Validate(), s.CheckRefs(in.Catalogue)); err != nil {
		return verdict{Partial, ev, fmt.Sprintf("fix the SoA: %v", isms.ValidationErrors(err)[0])}
	}
	// Every SoA problem: undecided controls and every blocking lint
	// finding, each on its own line, so the consultant sees the whole list.
	if blocking := soa.Blocking(*s); len(blocking) > 0 {
		undecided := len(s.Undecided())
		step := fmt.Sprintf("the SoA cannot be approved: %d problems (%d undecided controls, %d exclusions to fix); resolve each:", len(blocking), undecided, len(blocking)-undecided)
		for i, f := range blocking {
			step += fmt.Sprintf(" (%d) %s", i+1, f.Message)
		}
		return verdict{Partial, ev, step}
	}
	if s.Revision.Status != isms.Approved {
		return verdict{Partial, ev, "have the SoA approved"}
	}
	if n := len(s.Warnings); n > 0 {
		ev = append(ev, fmt.Sprintf("%d lint findings recorded at approval (soa-lint.txt)", n))
	}
	return verdict{Met, ev, ""}
}

func checkObjectives(in *Input, now time.Time) verdict {
	objs := in.Context.Objectives
	if len(objs) == 0 {
		return verdict{Missing, nil, "set 3–5 objectives, each with a metric, a target, a deadline and an owner"}
	}
	ev := []string{fmt.Sprintf("%d objectives", len(objs))}
	for _, o := range objs {
		if err := o.Validate(); err != nil {
			return verdict{Partial, ev, fmt.Sprintf("objective %q is vague: %v", o.Title, isms.ValidationErrors(err)[0].Problem)}
		}
	}
	for _, o := range objs {
		if p, _ := records.ProgressOf(o, in.Records.Measurements, now); p == records.Missed {
			return verdict{Partial, ev, fmt.Sprintf("objective %q missed its deadline: decide what to do and set a new target", o.Title)}
		}
	}
	if len(objs) < 3 || len(objs) > 5 {
		return verdict{Partial, ev, "keep 3 to 5 objectives"}
	}
	return verdict{Met, ev, ""}
}

func checkChanges(in *Input, _ time.Time) verdict {
	var ev []string
	if in.Policy != nil && in.Policy.Revision.Edition > 1 && in.Policy.Revision.Changes != "" {
		ev = append(ev, fmt.Sprintf("policy edition %d records its changes", in.Policy.Revision.Edition))
	}
	if in.SoA != nil && in.SoA.Revision.Edition > 1 && in.SoA.Revision.Changes != "" {
		ev = append(ev, fmt.Sprintf("SoA edition %d records its changes", in.SoA.Revision.Edition))
	}
	for _, r := range in.Records.Reviews {
		if len(r.Decisions) > 0 {
			ev = append(ev, "management review decisions on "+date(r.Date))
			break
		}
	}
	if len(ev) == 0 {
		return verdict{Partial, nil, "plan changes to the ISMS deliberately: decide them in a management review and record them in each new document version"}
	}
	return verdict{Met, ev, ""}
}

// implemented counts the implementation records in each status.
func implemented(impls []controls.Implementation) map[controls.Status]int {
	out := map[controls.Status]int{}
	for _, im := range impls {
		out[im.Status]++
	}
	return out
}
