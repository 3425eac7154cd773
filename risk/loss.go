package risk

import (
	"cmp"
	"slices"
	"strings"

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

// ALE returns the annualized loss expectancy, SLE × ARO, exact.
func (l Loss) ALE() Money {
	return Money{Amount: l.SLE.Amount.Mul(l.ARO), Currency: l.SLE.Currency}
}

func (l Loss) validate() error {
	var p isms.Problems
	if len(strings.TrimSpace(l.SLE.Currency)) != 3 {
		p.Addf("sle.currency", "currency %q is not a three-letter ISO 4217 code", l.SLE.Currency)
	}
	if l.SLE.Amount.IsNegative() {
		p.Addf("sle.amount", "a loss of %s is negative", l.SLE.Amount)
	}
	if l.ARO.IsNegative() {
		p.Addf("aro", "an annual rate of %s is negative", l.ARO)
	}
	return p.Err()
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
