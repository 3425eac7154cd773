package quant

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/risk"
)

// FromRegister makes scenarios from the risks of a register as they stand:
// FromRegisterAt the residual stage.
func FromRegister(reg risk.Register, currency string) []Scenario {
	return FromRegisterAt(reg, currency, risk.Residual)
}

// FromRegisterAt makes scenarios from the risks' classic loss estimates
// (SLE × ARO) at stage s, with the fallbacks of risk.Risk.LossAt (a
// scenario's Stage is the stage its estimate is from): the ARO becomes
// the Poisson rate and the SLE a fixed loss per event. Risks with no
// estimate at s, one in another currency, or one of 0 a year are
// skipped (LeftOut names them); the order is the register's. A stage
// other than risk.Stages' gives none (LeftOut says so).
func FromRegisterAt(reg risk.Register, currency string, s risk.Stage) []Scenario {
	if !slices.Contains(risk.Stages(), s) {
		return nil // LeftOut says why
	}
	var out []Scenario
	for _, r := range reg.Risks {
		if l := r.LossAt(s); l != nil && l.SLE.Currency == currency && positive(*l) {
			out = append(out, scenarioOf(r, stageOf(r, s), *l))
		}
	}
	return out
}

// positive reports whether a loss estimate is more than 0 a year.
func positive(l risk.Loss) bool { return l.SLE.Amount.IsPositive() && l.ARO.IsPositive() }

// stageOf is the stage whose estimate r.LossAt(s) returns.
func stageOf(r risk.Risk, s risk.Stage) risk.Stage {
	if s == risk.Target && r.TargetLoss == nil {
		s = risk.Residual
	}
	if s == risk.Residual && r.Loss == nil {
		s = risk.Inherent
	}
	return s
}

// LeftOut says, one line per risk, which risks of the register
// FromRegisterAt leaves out of an analysis in currency at stage s, and
// why: "R-4 Customs data leak: its loss is in SEK, the analysis in EUR",
// "R-9 Lost pallet label: a loss of 0 a year, nothing to simulate", "R-6
// Office flood: no loss estimate", "R-2 Laptop theft: no inherent loss
// estimate". Give the lines to MarkdownOptions.LeftOut so that a summary
// never silently covers less than the register.
func LeftOut(reg risk.Register, currency string, s risk.Stage) []string {
	if !slices.Contains(risk.Stages(), s) {
		return []string{fmt.Sprintf("every risk: %q is not a stage (inherent, residual or target)", s)}
	}
	var out []string
	for _, r := range reg.Risks {
		name := r.Ref + " " + r.Title
		l := r.LossAt(s)
		switch {
		case l == nil && r.Loss == nil && r.TargetLoss == nil:
			out = append(out, name+": no loss estimate")
		case l == nil:
			out = append(out, fmt.Sprintf("%s: no %s loss estimate", name, s))
		case l.SLE.Currency != currency:
			out = append(out, fmt.Sprintf("%s: its loss is in %s, the analysis in %s", name, l.SLE.Currency, currency))
		case !positive(*l):
			out = append(out, name+": a loss of 0 a year, nothing to simulate")
		}
	}
	return out
}

func scenarioOf(r risk.Risk, s risk.Stage, l risk.Loss) Scenario {
	return Scenario{Risk: r.ID, Ref: r.Ref, Title: r.Title, Stage: s,
		Frequency: Frequency{Rate: l.ARO}, Magnitude: Magnitude{Fixed: l.SLE.Amount}}
}

// TreatmentsFromRegister makes one Treatment per risk whose treatment plan
// (option modify, share or avoid; a retained risk has none) has an
// estimate of what it leaves: a TargetLoss in currency beside a loss as
// the risk stands (LossAt(Residual)) of more than 0 a year in the same
// currency, the risk FromRegister simulates. Its After is the risk at the
// target (a target of 0 a year, as an avoided risk has, is a scenario
// with no events); its Cost the plan's annual cost when given in
// currency (unknown otherwise); it is named by the risk's reference and
// the controls of its actions ("R-4: 6.3, 8.5") and titled after the
// risk. With FromRegister's scenarios as the portfolio before, Simulate
// ranks the plans by what they buy; PlansLeftOut names the plans it
// leaves out. The order is the register's.
func TreatmentsFromRegister(reg risk.Register, currency string) []Treatment {
	var out []Treatment
	for _, r := range reg.Risks {
		before := r.LossAt(risk.Residual)
		if r.TargetLoss == nil || before == nil || r.TargetLoss.SLE.Currency != currency || before.SLE.Currency != currency || !positive(*before) {
			continue
		}
		if o := r.Treatment.Option; o != risk.Modify && o != risk.Share && o != risk.Avoid {
			continue // retained or undecided: no plan to carry out, whatever the target says
		}
		if r.TargetLoss.ALE().Amount.GreaterThan(before.ALE().Amount) {
			continue // a target above today: the register's own validation refuses it
		}
		after := scenarioOf(r, risk.Target, *r.TargetLoss)
		if !positive(*r.TargetLoss) {
			after.Frequency, after.Magnitude = Frequency{}, Magnitude{Fixed: before.SLE.Amount} // no event, so no loss
		}
		t := Treatment{Control: planName(r), Title: "Treatment of " + r.Title, After: []Scenario{after}}
		if c := r.Treatment.Cost; c != nil && c.Currency == currency {
			t.Cost = clonePtr(&c.Amount)
		}
		out = append(out, t)
	}
	return out
}

// PlansLeftOut says, one line per risk, which treatment plans or plan
// figures TreatmentsFromRegister leaves out of an analysis in currency,
// and why: a plan with a cost but no target loss ("R-2 Laptop theft: its
// plan costs 1200 EUR a year but has no target loss, so what it buys
// cannot be simulated"), a target above the loss as it stands (which the
// register's validation refuses), a target for a risk whose loss as it
// stands is 0 a year, a cost in another currency, a target or cost for a risk that
// is retained or has no treatment decided. A risk with no loss estimate,
// or whose losses are in another currency, is LeftOut's, not repeated
// here. Give the lines to MarkdownOptions.PlansLeftOut (their risks may
// be in the analysis; LeftOut's lines go to MarkdownOptions.LeftOut).
func PlansLeftOut(reg risk.Register, currency string) []string {
	var out []string
	for _, r := range reg.Risks {
		before, target, cost := r.LossAt(risk.Residual), r.TargetLoss, r.Treatment.Cost
		if target == nil && cost == nil || before == nil || before.SLE.Currency != currency {
			continue // nothing to say, or LeftOut's line says it (no estimate, another currency)
		}
		name := r.Ref + " " + r.Title
		switch o := r.Treatment.Option; {
		case o == "":
			out = append(out, name+": a target loss or plan cost, but no treatment option decided, so no plan is simulated")
		case o == risk.Retain:
			out = append(out, name+": a target loss or plan cost, but the risk is retained, so no plan is simulated")
		case target == nil:
			out = append(out, fmt.Sprintf("%s: its plan costs %s %s a year but has no target loss, so what it buys cannot be simulated",
				name, cost.Amount.String(), cost.Currency))
		case !positive(*before):
			out = append(out, name+": its plan has a target loss but the risk's loss as it stands is 0 a year, so there is nothing to reduce")
		case target.ALE().Amount.GreaterThan(before.ALE().Amount):
			out = append(out, fmt.Sprintf("%s: its target loss (%s %s a year) is above its loss as it stands (%s %s), so the plan is not simulated; correct the target",
				name, target.ALE().Amount.StringFixed(2), currency, before.ALE().Amount.StringFixed(2), currency))
		case target.SLE.Currency != currency:
			out = append(out, fmt.Sprintf("%s: its target loss is in %s, the analysis in %s", name, target.SLE.Currency, currency))
		case cost != nil && cost.Currency != currency:
			out = append(out, fmt.Sprintf("%s: its plan's cost is in %s, the analysis in %s, so no return on investment is computed", name, cost.Currency, currency))
		}
	}
	return out
}

// planName names a risk's treatment plan by the risk and the controls its
// actions implement.
func planName(r risk.Risk) string {
	var ids []string
	seen := map[controls.ID]bool{}
	for _, a := range r.Treatment.Actions {
		for _, c := range a.Controls {
			if !seen[c] {
				seen[c] = true
				ids = append(ids, string(c))
			}
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return controls.CompareIDs(controls.ID(a), controls.ID(b)) })
	if len(ids) == 0 {
		return r.Ref + ": treatment plan"
	}
	return r.Ref + ": " + strings.Join(ids, ", ")
}
