package readiness

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/soa"
)

// Clause 6: risk assessment and treatment, objectives, planning of changes.
func planningRules() []rule {
	return []rule{
		{"6.1.1", "6.1.1", "Risks and opportunities of the ISMS, and actions on them", 2, checkRisksAndOpportunities},
		{"6.1.2", "6.1.2", "Information security risk assessment", 3, checkRiskAssessment},
		{"6.1.3", "6.1.3", "Information security risk treatment and the Statement of Applicability", 3, checkTreatment},
		{"6.2", "6.2", "Measurable information security objectives", 2, checkObjectives},
		{"6.3", "6.3", "Planning of changes", 1, checkChanges},
	}
}

func checkRisksAndOpportunities(in *Input, _ time.Time) verdict {
	risks, opps := len(in.Register.Risks), len(in.Records.Opportunities)
	actions := 0
	for _, r := range in.Register.Risks {
		actions += len(r.Treatment.Actions)
	}
	ev := []string{plural.N(risks, "risk") + " with " + plural.N(actions, "treatment action") + ", " + plural.N(opps, "opportunity")}
	switch {
	case risks == 0 && opps == 0:
		return verdict{Missing, nil, "determine the risks and opportunities of the ISMS (from the issues and requirements) and plan actions on them"}
	case opps == 0:
		return verdict{Partial, ev, "record the opportunities of the ISMS too (e.g. winning tenders with the certificate, automating access reviews), each with an action and an owner"}
	case risks == 0:
		return verdict{Partial, ev, "assess the risks of the ISMS and plan actions on them"}
	}
	for _, o := range in.Records.Opportunities {
		if isms.IsPlaceholder(o.Action) || o.Owner.Validate() != nil {
			return verdict{Partial, ev, fmt.Sprintf("plan an action with an owner on the opportunity %q", shorten(o.Description))}
		}
	}
	return verdict{Met, ev, ""}
}

func checkRiskAssessment(in *Input, now time.Time) verdict {
	reg := in.Register
	if len(reg.Risks) == 0 {
		return verdict{Missing, nil, "run a first risk workshop: rate the 3–5 key risks on likelihood and impact, each with an owner"}
	}
	ev := []string{fmt.Sprintf("%s assessed with %s", plural.N(len(reg.Risks), "risk"), reg.Method.Name)}
	if err := reg.Validate(); err != nil {
		return verdict{Partial, ev, fmt.Sprintf("complete the register: %v", isms.ValidationErrors(err)[0])}
	}
	var latest time.Time
	for _, r := range reg.Risks {
		for _, a := range []time.Time{r.Inherent.Date, r.Residual.Date, r.Target.Date} {
			if a.After(latest) && !a.After(now) {
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
		return verdict{Partial, ev, fmt.Sprintf("decide the treatment of %s (modify, retain, avoid or share)", plural.N(undecided, "risk"))}
	}
	un, err := in.Register.Unaccepted(now)
	if err != nil {
		return verdict{Partial, ev, "fix the risk register so it can be evaluated"}
	}
	if len(un) > 0 {
		return verdict{Partial, ev, fmt.Sprintf("risk %s is above the appetite without a valid acceptance (%s): have the risk owner, or an authorised role with the owner's agreement, accept the current residual", un[0].Ref, strings.ReplaceAll(string(un[0].Problem), "_", " "))}
	}
	if un := unaddressed(in.Context); len(un) > 0 {
		return verdict{Partial, ev, fmt.Sprintf("treat the %s not yet addressed (a control in the SoA or a treatment action each): %s", plural.N(len(un), "requirement"), requirementNames(un))}
	}
	s := in.SoA
	if s == nil {
		return verdict{Partial, ev, "draw up the Statement of Applicability from the risk treatment: each Annex A control applicable or not, with the reason"}
	}
	ev = append(ev, fmt.Sprintf("SoA edition %d (%s)", s.Revision.Edition, s.Revision.Status))
	if err := errors.Join(s.Validate(), s.CheckRefs(in.Catalogue)); err != nil {
		return verdict{Partial, ev, fmt.Sprintf("fix the SoA: %v", isms.ValidationErrors(err)[0])}
	}
	// Every SoA problem: undecided controls and every blocking lint
	// finding, each on its own line, so the consultant sees the whole list.
	if blocking := soa.Blocking(*s); len(blocking) > 0 {
		undecided := len(s.Undecided())
		step := fmt.Sprintf("the SoA cannot be approved: %s (%s, %s to fix); resolve each:", plural.N(len(blocking), "problem"), plural.N(undecided, "undecided control"), plural.N(len(blocking)-undecided, "exclusion"))
		for i, f := range blocking {
			step += fmt.Sprintf(" (%d) %s", i+1, f.Message)
		}
		return verdict{Partial, ev, step}
	}
	if s.Revision.Status != isms.Approved {
		return verdict{Partial, ev, "have the SoA approved"}
	}
	if n := len(s.Warnings); n > 0 {
		ev = append(ev, plural.N(n, "lint finding")+" recorded at approval")
	}
	return verdict{Met, ev, ""}
}

func checkObjectives(in *Input, now time.Time) verdict {
	objs := in.Context.Objectives
	if len(objs) == 0 {
		return verdict{Missing, nil, "set 3–5 objectives, each with a metric, a target, a deadline and an owner"}
	}
	ev := []string{plural.N(len(objs), "objective")}
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
	var ev, undocumented []string
	changed := false
	for _, d := range []struct {
		name string
		rev  *isms.Revision
	}{{"policy", policyRevision(in)}, {"SoA", soaRevision(in)}} {
		if d.rev == nil || d.rev.Edition <= 1 {
			continue
		}
		changed = true
		if isms.IsPlaceholder(d.rev.Changes) {
			undocumented = append(undocumented, fmt.Sprintf("%s edition %d", d.name, d.rev.Edition))
		} else {
			ev = append(ev, fmt.Sprintf("%s edition %d records its changes", d.name, d.rev.Edition))
		}
	}
	for _, r := range in.Records.Reviews {
		if len(r.Changes) > 0 {
			changed = true
			ev = append(ev, fmt.Sprintf("management review on %s decided %s", date(r.Date), plural.N(len(r.Changes), "change")))
		}
	}
	for _, n := range in.Records.Nonconformities {
		if !isms.IsPlaceholder(n.Changes) {
			changed = true
			ev = append(ev, fmt.Sprintf("nonconformity %q changed the ISMS", shorten(n.Description)))
		}
	}
	switch {
	case len(undocumented) > 0:
		return verdict{Partial, ev, "record what changed, why, and what it affects in " + joinList(undocumented)}
	case !changed:
		return verdict{Met, []string{"a first ISMS: nothing changed yet, so no change to plan"}, ""}
	}
	return verdict{Met, ev, ""}
}

func policyRevision(in *Input) *isms.Revision {
	if in.Policy == nil {
		return nil
	}
	return &in.Policy.Revision
}

func soaRevision(in *Input) *isms.Revision {
	if in.SoA == nil {
		return nil
	}
	return &in.SoA.Revision
}
