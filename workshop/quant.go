package workshop

import (
	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/threats"
)

// Scenario turns a threat's planning estimate into a risk/quant scenario
// for the register risk id (ref its reference), so that a confirmed
// candidate can be simulated before the organisation has figures of its
// own: the frequency is a PERT range from the estimate's low to its high
// with the mode at their midpoint (a fixed rate when they are equal), and
// the loss per event a lognormal with the estimate's low and high as its
// 5th and 95th percentiles (a fixed amount when the low is zero or equals
// the high). It reports false when the threat has no estimate. The title
// carries the estimate's threats.Estimate.Label, so the assumption stays
// visible in every result and handout: the report and figure a sourced
// estimate rests on, or "unsourced default: …" for an ismskit planning
// assumption that no report backs (threats.Estimate.Sourced).
func Scenario(t threats.Threat, id risk.ID, ref string) (quant.Scenario, bool) {
	e := t.Estimate
	if e == nil {
		return quant.Scenario{}, false
	}
	s := quant.Scenario{Risk: id, Ref: ref, Title: t.Name + " (planning estimate; " + e.Label() + ")", Stage: risk.Inherent}
	f := e.Frequency
	if f.Low.Equal(f.High) {
		s.Frequency.Rate = f.High
	} else {
		s.Frequency.PERT = &quant.Range{Min: f.Low, Mode: f.Low.Add(f.High).Div(decimal.NewFromInt(2)), Max: f.High}
	}
	l := e.Loss
	if l.Low.IsPositive() && l.Low.LessThan(l.High) {
		s.Magnitude = quant.Magnitude{Low: l.Low, High: l.High}
	} else {
		s.Magnitude = quant.Magnitude{Fixed: l.High}
	}
	return s, true
}
