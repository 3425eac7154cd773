package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
)

// What the register's treatment plans buy. A risk whose plan has a
// target_loss beside its loss as it stands (loss, or inherent_loss when it
// has none) in the quant section's currency is a treatment of the Monte
// Carlo analysis (quant.TreatmentsFromRegister): its annual cost is the
// plan's treatment.cost, and quant-summary.md ranks it with the section's
// own treatments by its return on security investment.
//
// The section's scenario of the risk stays the model of the risk as it
// stands; the register's two estimates say how far the plan moves it. The
// scenario after the plan is the section's scenario with its frequency
// multiplied by target ARO / ARO and its loss by target SLE / SLE, so the
// simulation compares one model before and after, never the section's
// lognormal with the register's fixed loss. A plan whose risk has no
// scenario in the section, whose loss as it stands is zero, or whose
// losses are in another currency is not simulated: quant-summary.md lists it under "Plans not simulated", with
// the reason, as it lists a plan with a cost but no target loss, and one
// whose cost is in another currency (simulated without a return on
// investment). Without a quant section the losses stay in the register
// (risk-register.csv) and nothing is simulated.

// planTreatments returns the treatments of the register's plans for the
// quant input in, named apart from in's own treatments, and for each the
// index of its risk in reg.
func planTreatments(reg risk.Register, in quant.Input) ([]quant.Treatment, []int) {
	taken := map[string]bool{}
	for _, t := range in.Treatments {
		taken[t.Control] = true
	}
	var out []quant.Treatment
	var at []int
	for _, t := range quant.TreatmentsFromRegister(reg, in.Currency) {
		k, s, why := planScenario(reg, in, t)
		if why != "" {
			continue
		}
		for taken[t.Control] {
			t.Control += " (plan)"
		}
		taken[t.Control] = true
		t.After = []quant.Scenario{s}
		out, at = append(out, t), append(at, k)
	}
	return out, at
}

// planScenario finds the risk of the register's treatment t (its index in
// reg) and the scenario after its plan, or says why the plan is not
// simulated.
func planScenario(reg risk.Register, in quant.Input, t quant.Treatment) (int, quant.Scenario, string) {
	ref := t.After[0].Ref
	k := slices.IndexFunc(reg.Risks, func(r risk.Risk) bool { return r.Ref == ref })
	if k < 0 {
		return -1, quant.Scenario{}, "it is not in the register"
	}
	r := reg.Risks[k]
	i := slices.IndexFunc(in.Scenarios, func(s quant.Scenario) bool { return s.Ref == ref })
	if i < 0 {
		return k, quant.Scenario{}, "quant.scenarios has no scenario for " + ref + "; add one to simulate its plan"
	}
	before, target := r.LossAt(risk.Residual), r.TargetLoss
	if before.ARO.IsZero() || before.SLE.Amount.IsZero() {
		return k, quant.Scenario{}, "its loss as it stands is zero, so the plan has nothing to reduce"
	}
	s := in.Scenarios[i]
	s.Stage = risk.Target
	if target.ARO.IsZero() || target.SLE.Amount.IsZero() {
		s.Frequency = quant.Frequency{} // no event, no loss
		return k, s, ""
	}
	scale := func(v, to, from decimal.Decimal) decimal.Decimal { return v.Mul(to).Div(from) }
	scaleRange := func(r *quant.Range, to, from decimal.Decimal) *quant.Range {
		if r == nil {
			return nil
		}
		return &quant.Range{Min: scale(r.Min, to, from), Mode: scale(r.Mode, to, from), Max: scale(r.Max, to, from)}
	}
	fTo, fFrom := target.ARO, before.ARO
	s.Frequency = quant.Frequency{Rate: scale(s.Frequency.Rate, fTo, fFrom), PERT: scaleRange(s.Frequency.PERT, fTo, fFrom)}
	mTo, mFrom := target.SLE.Amount, before.SLE.Amount
	m := s.Magnitude
	s.Magnitude = quant.Magnitude{Low: scale(m.Low, mTo, mFrom), High: scale(m.High, mTo, mFrom), PERT: scaleRange(m.PERT, mTo, mFrom),
		Fixed: scale(m.Fixed, mTo, mFrom)}
	return k, s, ""
}

// withPlans is the quant section q with the register's plans as
// treatments beside the section's own, checked: a problem of a plan's
// scenario (a scaled loss past MaxLoss, more work than MaxWork) is told at
// the risk's target_loss, the others at the quant section's path. The
// register must be valid (its losses not negative).
func withPlans(p *isms.Problems, reg risk.Register, q quant.Input) (quant.Input, error) {
	plans, at := planTreatments(reg, q)
	own := len(q.Treatments)
	q.Treatments = append(slices.Clip(q.Treatments), plans...)
	return q, quantProblems(p, reg, q.Validate(), own, at)
}

// quantProblems adds the problems of err, from the quant input whose
// treatments past own are the plans of the risks at, to p and returns err.
func quantProblems(p *isms.Problems, reg risk.Register, err error, own int, at []int) error {
	plan := func(path string) int { // the risk of a plan's problem, or -1
		var i int
		if n, _ := fmt.Sscanf(path, "treatments[%d]", &i); n == 1 && i >= own && i-own < len(at) && at[i-own] >= 0 {
			return at[i-own]
		}
		return -1
	}
	if !slices.ContainsFunc(isms.ValidationErrors(err), func(v *isms.ValidationError) bool { return plan(v.Path) >= 0 }) {
		p.Merge("quant", err) // the section's own problems, as they are
		return err
	}
	for _, v := range isms.ValidationErrors(err) {
		if k := plan(v.Path); k >= 0 {
			if strings.HasSuffix(v.Path, "].cost") {
				why := v.Problem
				if i := strings.Index(why, "a cost of"); i >= 0 {
					why = why[i:]
				}
				p.Addf(fmt.Sprintf("risks[%d].treatment.cost", k), "risk %q: the loss analysis cannot take the plan's annual cost: %s", reg.Risks[k].Ref, why)
				continue
			}
			why := strings.TrimPrefix(v.Problem, fmt.Sprintf("risk %q: ", reg.Risks[k].Ref))
			p.Addf(fmt.Sprintf("risks[%d].target_loss", k), "risk %q: its plan cannot be simulated on the quant section's scenario scaled by target_loss / loss: %s",
				reg.Risks[k].Ref, why)
			continue
		}
		p.Addf(isms.JoinPath("quant", v.Path), "%s", v.Problem)
	}
	return err
}

// simulate runs the quant input q that withPlans made, its problems told
// as withPlans tells them.
func simulate(p *isms.Problems, reg risk.Register, q quant.Input, own int) (quant.Result, error) {
	r, err := quant.Simulate(q)
	if err != nil {
		var at []int
		for _, t := range q.Treatments[own:] {
			at = append(at, slices.IndexFunc(reg.Risks, func(r risk.Risk) bool { return r.Ref == t.After[0].Ref }))
		}
		return r, quantProblems(p, reg, err, own, at)
	}
	return r, nil
}

// unsimulatedPlans is the section of quant-summary.md that lists the
// register's plans with a target loss that were not simulated, each with
// the reason (no scenario, nothing to reduce, another currency); "" when
// there is none.
func unsimulatedPlans(reg risk.Register, r quant.Result) string {
	in := quant.Input{Currency: r.Currency}
	for _, x := range r.Risks {
		in.Scenarios = append(in.Scenarios, quant.Scenario{Ref: x.Ref})
	}
	var b strings.Builder
	for _, t := range quant.TreatmentsFromRegister(reg, r.Currency) {
		if _, _, why := planScenario(reg, in, t); why != "" {
			fmt.Fprintf(&b, "- %s %s: %s.\n", cells.Markdown(t.After[0].Ref), cells.Markdown(t.After[0].Title), cells.Markdown(why))
		}
	}
	for _, x := range reg.Risks { // the section's scenarios are its own, so LeftOut does not name these
		if before := x.LossAt(risk.Residual); x.TargetLoss != nil && before != nil && before.SLE.Currency != r.Currency {
			fmt.Fprintf(&b, "- %s %s: its losses are in %s, the analysis in %s.\n", cells.Markdown(x.Ref), cells.Markdown(x.Title),
				cells.Markdown(before.SLE.Currency), cells.Markdown(r.Currency))
		}
	}
	for _, l := range quant.PlansLeftOut(reg, r.Currency) {
		fmt.Fprintf(&b, "- %s.\n", cells.Markdown(l))
	}
	if b.Len() == 0 {
		return ""
	}
	return "\n## Plans not simulated\n\nThese risks' treatment plans are not in the analysis above, or are without their cost:\n\n" + b.String()
}
