package quant_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/risk/quant"
)

// Simulate two risks for 10,000 years: the expected annual loss beside its
// analytic value, the 1-in-100-years loss, and whether the organization's
// tolerance holds.
func Example() {
	in := quant.Input{
		Currency: "EUR",
		Options:  quant.Options{Years: 10_000, Seed: 7},
		Scenarios: []quant.Scenario{
			{Ref: "R-1", Title: "Ransomware", Frequency: quant.Frequency{Rate: decimal.RequireFromString("0.2")},
				Magnitude: quant.Magnitude{Low: decimal.NewFromInt(20_000), High: decimal.NewFromInt(400_000)}},
			{Ref: "R-2", Title: "Lost laptop", Frequency: quant.Frequency{Rate: decimal.RequireFromString("1")},
				Magnitude: quant.Magnitude{Fixed: decimal.NewFromInt(2_000)}},
		},
		Tolerance: []quant.TolerancePoint{{Loss: decimal.NewFromInt(500_000), Probability: decimal.RequireFromString("0.01")}},
	}
	r, err := quant.Simulate(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("analytic expected annual loss:", r.Analytic, r.Currency)
	fmt.Println("simulated within 3 standard errors:", r.Mean.Sub(r.Analytic).Abs().LessThanOrEqual(r.StdErr.Mul(decimal.NewFromInt(3))))
	fmt.Println("largest contributor:", r.Risks[0].Ref)
	fmt.Println("within tolerance:", r.WithinTolerance)
	// Output:
	// analytic expected annual loss: 29079.89 EUR
	// simulated within 3 standard errors: true
	// largest contributor: R-1
	// within tolerance: true
}
