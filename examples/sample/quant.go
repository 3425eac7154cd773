package sample

import (
	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
)

// Quant is the sample company's quantitative view of its key risks as they
// stand (residual): how often each loss event happens a year, and what one
// costs, as a 5th–95th percentile range; plus the board's tolerance: a
// year above 250,000 EUR at most once in 10 years, above 1,000,000 EUR at
// most once in 100.
func Quant() quant.Input {
	ns := isms.NewNamespace("Kestrel Cloud Ltd")
	sc := func(ref, title, rate string, low, high int64) quant.Scenario {
		return quant.Scenario{Risk: isms.DeriveID[risk.Risk](ns, ref), Ref: ref, Title: title, Stage: risk.Residual,
			Frequency: quant.Frequency{Rate: decimal.RequireFromString(rate)},
			Magnitude: quant.Magnitude{Low: decimal.NewFromInt(low), High: decimal.NewFromInt(high)}}
	}
	return quant.Input{
		Currency: "EUR",
		Options:  quant.Options{Years: 20_000, Seed: 2027},
		Scenarios: []quant.Scenario{
			sc("R-1", "A leaver's access stays active", "0.3", 5_000, 150_000),
			sc("R-2", "Customer data handled with overly broad rights", "0.1", 20_000, 800_000),
			sc("R-3", "A cloud outage halts customers' work", "0.2", 30_000, 300_000),
			sc("R-4", "Phishing steals staff credentials", "0.5", 5_000, 200_000),
			sc("R-5", "A laptop is lost or stolen", "0.8", 1_500, 12_000),
		},
		Tolerance: []quant.TolerancePoint{
			{Loss: decimal.NewFromInt(250_000), Probability: decimal.RequireFromString("0.1")},
			{Loss: decimal.NewFromInt(1_000_000), Probability: decimal.RequireFromString("0.01")},
		},
	}
}

// QuantTreatments are three planned controls of the sample company (the
// treatment actions of, and the second region R-3 waits for),
// each with its annual cost and the scenarios it would leave: what
// Quant's Input.Treatments may hold.
func QuantTreatments() []quant.Treatment {
	ns := isms.NewNamespace("Kestrel Cloud Ltd")
	sc := func(ref, title, rate string, low, high int64) quant.Scenario {
		return quant.Scenario{Risk: isms.DeriveID[risk.Risk](ns, ref), Ref: ref, Title: title, Stage: risk.Residual,
			Frequency: quant.Frequency{Rate: decimal.RequireFromString(rate)},
			Magnitude: quant.Magnitude{Low: decimal.NewFromInt(low), High: decimal.NewFromInt(high)}}
	}
	return []quant.Treatment{
		{Control: "A.5.18", Title: "Monthly access rights review", Cost: annualCost(6_000), After: []quant.Scenario{
			sc("R-1", "A leaver's access stays active", "0.1", 5_000, 150_000),
			sc("R-2", "Customer data handled with overly broad rights", "0.05", 20_000, 800_000),
		}},
		{Control: "A.8.5", Title: "Phishing-resistant MFA", Cost: annualCost(12_000), After: []quant.Scenario{
			sc("R-4", "Phishing steals staff credentials", "0.2", 5_000, 80_000),
		}},
		{Control: "A.8.14", Title: "A second cloud region", Cost: annualCost(40_000), After: []quant.Scenario{
			sc("R-3", "A cloud outage halts customers' work", "0.2", 10_000, 100_000),
		}},
	}
}

// annualCost is a treatment's known annual cost.
func annualCost(n int64) *decimal.Decimal {
	d := decimal.NewFromInt(n)
	return &d
}
