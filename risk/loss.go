package risk

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
)

// Money is an exact amount in a currency (ISO 4217 code, e.g. "EUR").
type Money struct {
	Amount   decimal.Decimal `json:"amount"`
	Currency string          `json:"currency"`
}

// String renders "12500.00 EUR".
func (m Money) String() string { return m.Amount.StringFixed(2) + " " + m.Currency }

// Loss is the classic quantitative view of a risk: the single loss
// expectancy (what one occurrence costs) and the annual rate of occurrence
// (how many times a year it is expected; 0.2 = once in five years).
type Loss struct {
	SLE Money           `json:"sle"`
	ARO decimal.Decimal `json:"aro"`
}

// clone returns a copy of l (nil for nil).
func (l *Loss) clone() *Loss {
	if l == nil {
		return nil
	}
	c := *l
	return &c
}

// clone returns a copy of m (nil for nil).
func (m *Money) clone() *Money {
	if m == nil {
		return nil
	}
	c := *m
	return &c
}

// ALE returns the annualized loss expectancy, SLE × ARO, exact.
func (l Loss) ALE() Money {
	return Money{Amount: l.SLE.Amount.Mul(l.ARO), Currency: l.SLE.Currency}
}

func (l Loss) validate(name string) error {
	var p isms.Problems
	p.Merge("sle", l.SLE.validate(fmt.Sprintf("risk %q: a loss", name)))
	if l.ARO.IsNegative() {
		p.Addf("aro", "risk %q: an annual rate of %s is negative", name, isms.QuoteDecimal(l.ARO))
	}
	return p.Err()
}

// validate checks an amount of money; what names it in the messages.
func (m Money) validate(what string) error {
	var p isms.Problems
	isms.CheckCurrency(&p, "currency", m.Currency)
	if m.Amount.IsNegative() {
		p.Addf("amount", "%s of %s is negative", what, isms.QuoteDecimal(m.Amount))
	}
	return p.Err()
}

// currency is the currency of the risk's first loss estimate or its
// treatment cost ("" when it has none); Validate makes them agree.
func (r Risk) currency() string {
	for _, l := range []*Loss{r.Loss, r.InherentLoss, r.TargetLoss} {
		if l != nil {
			return l.SLE.Currency
		}
	}
	if r.Treatment.Cost != nil {
		return r.Treatment.Cost.Currency
	}
	return ""
}

// checkLossOrder records, for a risk named name, loss estimates in the
// wrong order: the controls in place do not raise the expected loss
// (inherent ≥ residual) and a treatment plan does not either (residual ≥
// target), compared as annualised loss expectancies in one currency.
// Ratings above the earlier stage need a reason (Assessment.AboveReason);
// a loss estimate has none, so a higher later figure is a typing mistake.
func (r Risk) checkLossOrder(p *isms.Problems, name string) {
	pairs := []struct {
		earlier, later         *Loss
		path, earlierName, why string
	}{
		{r.InherentLoss, r.Loss, "loss", "the inherent loss", "the controls in place do not raise the expected loss"},
		{r.LossAt(Residual), r.TargetLoss, "target_loss", "the loss as it stands", "a treatment plan lowers the expected loss or keeps it"},
	}
	for _, pr := range pairs {
		if pr.earlier == nil || pr.later == nil || pr.earlier.SLE.Currency != pr.later.SLE.Currency {
			continue
		}
		a, b := pr.earlier.ALE().Amount, pr.later.ALE().Amount
		if b.GreaterThan(a) {
			p.Addf(pr.path, "risk %q: an expected loss of %s a year is above %s (%s a year); %s — check the figures",
				name, isms.QuoteDecimal(b.Round(2)), pr.earlierName, isms.QuoteDecimal(a.Round(2)), pr.why)
		}
	}
}

// checkCurrencies records, for a risk named name, loss estimates and a
// treatment cost in more than one currency: the stages compare, so they
// must share one.
func (r Risk) checkCurrencies(p *isms.Problems, name string) {
	first, firstPath := "", ""
	check := func(path, c string) {
		switch {
		case !isms.IsCurrency(c): // Money.validate reports it
		case first == "":
			first, firstPath = c, path
		case c != first:
			p.Addf(path, "risk %q: currency %s differs from %s in %s; give every loss estimate and the treatment cost in one currency", name, c, first, firstPath)
		}
	}
	for _, l := range []struct {
		path string
		l    *Loss
	}{{"inherent_loss", r.InherentLoss}, {"loss", r.Loss}, {"target_loss", r.TargetLoss}} {
		if l.l != nil {
			check(l.path+".sle.currency", l.l.SLE.Currency)
		}
	}
	if r.Treatment.Cost != nil {
		check("treatment.cost.currency", r.Treatment.Cost.Currency)
	}
}

// TotalALE sums the annualized loss expectancy of risks per currency, in
// currency order. Risks without a Loss are skipped.
func TotalALE(risks []Risk) []Money {
	sums := map[string]decimal.Decimal{}
	for _, r := range risks {
		if r.Loss == nil {
			continue
		}
		ale := r.Loss.ALE()
		sums[ale.Currency] = sums[ale.Currency].Add(ale.Amount)
	}
	out := make([]Money, 0, len(sums))
	for c, a := range sums {
		out = append(out, Money{Amount: a, Currency: c})
	}
	slices.SortFunc(out, func(a, b Money) int { return cmp.Compare(a.Currency, b.Currency) })
	return out
}
