package quant

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// Treatment is a control, planned or in place, and what it changes: the
// scenarios of the risks it treats as they would be after it, and what it
// costs a year.
type Treatment struct {
	// Control names the control or treatment, e.g. "A.8.13 Backup";
	// unique among an Input's treatments.
	Control string `json:"control"`
	Title   string `json:"title,omitempty"`
	// Cost is the annual cost in the input's currency: nil when unknown
	// (no return on security investment is computed, and it ranks after
	// those with a cost), 0 when the treatment is free (a free treatment
	// that avoids loss ranks first).
	Cost *decimal.Decimal `json:"cost,omitempty"`
	// After holds the treated scenarios: each Ref names a scenario of
	// Input.Scenarios (the risk before treatment), at most once.
	After []Scenario `json:"after"`
}

// Estimate is a simulated figure with its standard error and 95 %
// interval (Value ∓ 1.96 standard errors).
type Estimate struct {
	Value  decimal.Decimal `json:"value"`
	StdErr decimal.Decimal `json:"std_err"`
	Low    decimal.Decimal `json:"low"`
	High   decimal.Decimal `json:"high"`
}

// TreatedRisk is what a treatment buys on one risk.
type TreatedRisk struct {
	Risk        risk.ID  `json:"risk"`
	Ref         string   `json:"ref"`
	LossAvoided Estimate `json:"loss_avoided"` // mean annual loss before − after
}

// TreatmentResult is what a treatment buys, simulated on common random
// numbers: the portfolio before is Simulate's, and after it the treated
// risks' scenarios are replaced, drawn from the same streams.
type TreatmentResult struct {
	Control string `json:"control"`
	Title   string `json:"title,omitempty"`
	// Cost is the treatment's (nil when unknown, 0 when free).
	Cost *decimal.Decimal `json:"cost,omitempty"`
	// LossAvoided is the expected annual loss avoided (before − after).
	LossAvoided Estimate `json:"loss_avoided"`
	// ROSI is the return on security investment, (loss avoided − cost) /
	// cost, with its interval from the loss avoided's; nil when the cost
	// is unknown or 0 (a free treatment's return has no bound).
	ROSI *Estimate `json:"rosi,omitempty"`
	// The portfolio's 95th and 99th percentiles (by Options.PercentileMethod,
	// as the result's own) before and after, and whether it is within the
	// tolerance before and after.
	P95Before    decimal.Decimal `json:"p95_before"`
	P95After     decimal.Decimal `json:"p95_after"`
	P99Before    decimal.Decimal `json:"p99_before"`
	P99After     decimal.Decimal `json:"p99_after"`
	WithinBefore bool            `json:"within_before"`
	WithinAfter  bool            `json:"within_after"`
	// Risks is the loss avoided per treated risk, in the order of After.
	Risks []TreatedRisk `json:"risks"`
	// Curve is the portfolio's loss exceedance curve after the treatment.
	Curve []CurvePoint `json:"curve"`
}

// checkTreatments checks the treatments, recording problems in p, and
// returns the draws a simulated year of them takes (before and after of
// every treated risk).
func (in Input) checkTreatments(p *isms.Problems) float64 {
	if len(in.Treatments) > MaxTreatments {
		p.Addf("treatments", "%d treatments are more than MaxTreatments (%d)", len(in.Treatments), MaxTreatments)
		return 0
	}
	byRef := map[string]int{}
	for i, s := range in.Scenarios {
		byRef[s.Ref] = i
	}
	controls := map[string]bool{}
	maxCost := decimal.NewFromInt(MaxLoss)
	work := 0.0
	for i, t := range in.Treatments {
		path := isms.Index("treatments", i)
		switch {
		case strings.TrimSpace(t.Control) == "":
			p.Addf(isms.JoinPath(path, "control"), "the treatment names no control")
		case controls[t.Control]:
			p.Addf(isms.JoinPath(path, "control"), "control %q has two treatments", t.Control)
		}
		controls[t.Control] = true
		if c := t.Cost; c != nil && (c.IsNegative() || c.GreaterThan(maxCost)) {
			p.Addf(isms.JoinPath(path, "cost"), "control %q: a cost of %s is not between 0 and MaxLoss (%d)", t.Control, isms.QuoteDecimal(*c), int64(MaxLoss))
		}
		if len(t.After) == 0 {
			p.Addf(isms.JoinPath(path, "after"), "control %q treats no scenario", t.Control)
		}
		seen := map[string]bool{}
		for j, s := range t.After {
			sp := isms.Index(isms.JoinPath(path, "after"), j)
			k, ok := byRef[s.Ref]
			switch {
			case !ok:
				p.Addf(isms.JoinPath(sp, "ref"), "control %q: risk %q has no scenario before treatment", t.Control, s.Ref)
				continue
			case seen[s.Ref]:
				p.Addf(isms.JoinPath(sp, "ref"), "control %q: risk %q is treated twice", t.Control, s.Ref)
			}
			seen[s.Ref] = true
			if w := checkScenario(p, sp, s); w > 0 {
				work += w + 1 + in.Scenarios[k].Frequency.Rate.InexactFloat64()
				if f := in.Scenarios[k].Frequency.PERT; f != nil {
					work += f.Max.InexactFloat64()
				}
			}
		}
	}
	return work
}

// treat computes what each treatment buys, from the simulation's year
// totals (sorted too) and models; ranked by ROSI (highest first; those
// without a cost last), then loss avoided, then control.
func treat(in Input, models []model, totals, sorted []int64, years, points int) ([]TreatmentResult, error) {
	if len(in.Treatments) == 0 {
		return nil, nil
	}
	byRef := map[string]int{}
	for i, s := range in.Scenarios {
		byRef[s.Ref] = i
	}
	seed := in.Options.Seed
	n := decimal.NewFromInt(int64(years))
	var p isms.Problems
	beforeT, afterT := make([]int64, years), make([]int64, years)
	bi, ai := make([]int64, years), make([]int64, years)
	after := make([]int64, years)
	sc := newScratch()
	var out []TreatmentResult
	for ti, t := range in.Treatments {
		clear(beforeT)
		clear(afterT)
		tr := TreatmentResult{Control: t.Control, Title: t.Title, Cost: clonePtr(t.Cost)}
		for j, s := range t.After {
			i := byRef[s.Ref]
			b := &models[i]
			a := compile(s)
			a.key, a.ref = b.key, b.ref // the same streams as before
			clear(bi)
			clear(ai)
			var stB, stA riskStats
			newRunner(seed, b.key).run(b, b, bi, &stB, sc) // Simulate's draws exactly
			src := &a
			if a.ratePERT == nil && b.ratePERT == nil && a.rate <= b.rate {
				src = b // before's events, thinned: fewer events, never more
			}
			if o := newRunner(seed, a.key).run(&a, src, ai, &stA, sc); o != nil {
				p.Addf(isms.JoinPath(isms.Index(isms.JoinPath(isms.Index("treatments", ti), "after"), j), "loss"),
					"control %q, risk %q: simulated year %d lost more than MaxAnnualLoss (%d)", t.Control, s.Ref, o.year+1, int64(MaxAnnualLoss))
				return nil, p.Err()
			}
			tr.Risks = append(tr.Risks, TreatedRisk{Risk: in.Scenarios[i].Risk, Ref: s.Ref, LossAvoided: difference(bi, ai, n)})
			for y := range years {
				beforeT[y] = addCents(beforeT[y], bi[y])
				afterT[y] = addCents(afterT[y], ai[y])
			}
		}
		tr.LossAvoided = difference(beforeT, afterT, n)
		for y := range years {
			after[y] = addCents(totals[y]-beforeT[y], afterT[y])
			if after[y] >= maxPortfolioCents {
				p.Addf(isms.Index("treatments", ti), "control %q: the portfolio's loss after it in simulated year %d reaches MaxPortfolioLoss (%d)", t.Control, y+1, int64(MaxPortfolioLoss))
				return nil, p.Err()
			}
		}
		if c := t.Cost; c != nil && c.IsPositive() {
			e := tr.LossAvoided
			rosi := func(v decimal.Decimal) decimal.Decimal { return v.Sub(*c).DivRound(*c, 4) }
			tr.ROSI = &Estimate{Value: rosi(e.Value), StdErr: e.StdErr.DivRound(*c, 4), Low: rosi(e.Low), High: rosi(e.High)}
		}
		sortedAfter := sortCents(after)
		p95, p99 := decimal.NewFromInt(95), decimal.NewFromInt(99)
		method := cmp.Or(in.Options.PercentileMethod, NearestRank) // the summary's own
		tr.P95Before, tr.P99Before = percentileOf(sorted, p95, method).Loss, percentileOf(sorted, p99, method).Loss
		tr.P95After, tr.P99After = percentileOf(sortedAfter, p95, method).Loss, percentileOf(sortedAfter, p99, method).Loss
		tr.WithinBefore, tr.WithinAfter = within(in.Tolerance, sorted), within(in.Tolerance, sortedAfter)
		tr.Curve = curve(sortedAfter, points)
		out = append(out, tr)
	}
	slices.SortStableFunc(out, func(a, b TreatmentResult) int {
		ta, va := returnKey(a)
		tb, vb := returnKey(b)
		return cmp.Or(cmp.Compare(ta, tb), vb.Cmp(va), b.LossAvoided.Value.Cmp(a.LossAvoided.Value), cmp.Compare(a.Control, b.Control))
	})
	return out, nil
}

// returnKey orders treatments by return: a free one that avoids loss
// first (its return is unbounded), then by ROSI, highest first, a free one
// that changes nothing counting as breaking even (ROSI 0); then a free one
// that raises the loss; then those whose cost is unknown.
func returnKey(t TreatmentResult) (tier int, rosi decimal.Decimal) {
	switch {
	case t.Cost == nil:
		return 3, decimal.Zero
	case t.ROSI != nil:
		return 1, t.ROSI.Value
	case t.LossAvoided.Value.IsPositive():
		return 0, decimal.Zero
	case t.LossAvoided.Value.IsNegative():
		return 2, decimal.Zero
	}
	return 1, decimal.Zero
}

// clonePtr copies a decimal behind a pointer, so a result shares nothing
// with its input.
func clonePtr(d *decimal.Decimal) *decimal.Decimal {
	if d == nil {
		return nil
	}
	c := *d
	return &c
}

// difference estimates the mean of before − after per year: exact in
// decimal, with the standard error of the yearly differences.
func difference(before, after []int64, n decimal.Decimal) Estimate {
	var sum, sumSq float64
	for y := range before {
		d := float64(before[y] - after[y])
		sum += d
		sumSq += d * d
	}
	se := decimal.NewFromFloat(stdErr(sum, sumSq, len(before))).Shift(-2).Round(2)
	v := sum128(before).Sub(sum128(after)).Div(n).Shift(-2).Round(2)
	half := se.Mul(decimal.RequireFromString("1.96")).Round(2)
	return Estimate{Value: v, StdErr: se, Low: v.Sub(half), High: v.Add(half)}
}

// within reports whether sorted year totals meet every tolerance point.
func within(tol []TolerancePoint, sorted []int64) bool {
	for _, t := range tol {
		if exceedance(sorted, t.Loss.Mul(decimal.NewFromInt(100)).IntPart()).GreaterThan(t.Probability) {
			return false
		}
	}
	return true
}
