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
// (SLE × ARO) at stage s, with the fallbacks of risk.Risk.LossAt: the ARO
// becomes the Poisson rate and the SLE a fixed loss per event. Risks with
// no estimate at s, one in another currency, or one of 0 a year are
// skipped (LeftOut names them); the order is the register's.
func FromRegisterAt(reg risk.Register, currency string, s risk.Stage) []Scenario {
	var out []Scenario
	for _, r := range reg.Risks {
		if l := r.LossAt(s); l != nil && l.SLE.Currency == currency && l.SLE.Amount.IsPositive() && l.ARO.IsPositive() {
			out = append(out, scenarioOf(r, s, *l))
		}
	}
	return out
}

// LeftOut says, one line per risk, which risks with a loss estimate at
// stage s FromRegisterAt leaves out of an analysis in currency, and why:
// "R-4 Customs data leak: its loss is in SEK", "R-9 Lost pallet label: a
// loss of 0 a year, nothing to simulate". Give the lines to
// MarkdownOptions.LeftOut so that a summary never silently covers less
// than the register.
func LeftOut(reg risk.Register, currency string, s risk.Stage) []string {
	var out []string
	for _, r := range reg.Risks {
		l := r.LossAt(s)
		switch {
		case l == nil:
		case l.SLE.Currency != currency:
			out = append(out, fmt.Sprintf("%s %s: its loss is in %s, the analysis in %s", r.Ref, r.Title, l.SLE.Currency, currency))
		case !l.SLE.Amount.IsPositive() || !l.ARO.IsPositive():
			out = append(out, fmt.Sprintf("%s %s: a loss of 0 a year, nothing to simulate", r.Ref, r.Title))
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
// the risk stands (LossAt(Residual)) in the same currency. Its
// After is the risk at the target; its Cost the plan's annual cost when
// given in currency (0, unknown, otherwise); it is named by the risk's
// reference and the controls of its actions ("R-4: 6.3, 8.5") and titled
// after the risk. With FromRegister's scenarios as the portfolio before,
// Simulate ranks the plans by what they buy. The order is the register's.
func TreatmentsFromRegister(reg risk.Register, currency string) []Treatment {
	var out []Treatment
	for _, r := range reg.Risks {
		before := r.LossAt(risk.Residual)
		if r.TargetLoss == nil || before == nil || r.TargetLoss.SLE.Currency != currency || before.SLE.Currency != currency {
			continue
		}
		if o := r.Treatment.Option; o != risk.Modify && o != risk.Share && o != risk.Avoid {
			continue // retained or undecided: no plan to carry out, whatever the target says
		}
		t := Treatment{Control: planName(r), Title: "Treatment of " + r.Title,
			After: []Scenario{scenarioOf(r, risk.Target, *r.TargetLoss)}}
		if c := r.Treatment.Cost; c != nil && c.Currency == currency {
			t.Cost = c.Amount
		}
		out = append(out, t)
	}
	return out
}

// PlansLeftOut says, one line per risk, which treatment plans
// TreatmentsFromRegister leaves out of an analysis in currency, or takes
// without their cost, and why: a plan with a cost but no target loss
// ("R-2 Laptop theft: its plan costs 1200 EUR a year but has no target
// loss, so what it buys cannot be simulated"), a target without a loss
// as the risk stands, losses or a cost in another currency. Give the
// lines to MarkdownOptions.LeftOut beside LeftOut's.
func PlansLeftOut(reg risk.Register, currency string) []string {
	var out []string
	for _, r := range reg.Risks {
		if o := r.Treatment.Option; o != risk.Modify && o != risk.Share && o != risk.Avoid {
			continue
		}
		before, target, cost := r.LossAt(risk.Residual), r.TargetLoss, r.Treatment.Cost
		name := r.Ref + " " + r.Title
		switch {
		case target == nil && cost != nil:
			out = append(out, fmt.Sprintf("%s: its plan costs %s %s a year but has no target loss, so what it buys cannot be simulated",
				name, cost.Amount.String(), cost.Currency))
		case target == nil:
		case before == nil:
			out = append(out, name+": its plan has a target loss but the risk has no loss as it stands to compare it with")
		case target.SLE.Currency != currency || before.SLE.Currency != currency:
			out = append(out, fmt.Sprintf("%s: its losses are in %s, the analysis in %s", name, otherCurrency(currency, before.SLE.Currency, target.SLE.Currency), currency))
		case cost != nil && cost.Currency != currency:
			out = append(out, fmt.Sprintf("%s: its plan's cost is in %s, the analysis in %s, so no return on investment is computed", name, cost.Currency, currency))
		}
	}
	return out
}

// otherCurrency returns the first of cs that is not c.
func otherCurrency(c string, cs ...string) string {
	for _, x := range cs {
		if x != c {
			return x
		}
	}
	return c
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
