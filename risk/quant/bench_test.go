package quant_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/risk/quant"
)

// portfolio is the reference workload: 1,000 risks with rates
// 0.05–1.0 a year, 5th-percentile losses 10k–100k and 95th/5th ratios 5–35.
func portfolio(years, workers int) quant.Input {
	r := rand.New(rand.NewPCG(1, 2))
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: years, Seed: 42, Workers: workers}}
	for i := range 1000 {
		low := 10_000 + r.Float64()*90_000
		ratio := 5 + r.Float64()*30
		in.Scenarios = append(in.Scenarios, quant.Scenario{
			Ref:       fmt.Sprintf("R-%d", i),
			Frequency: quant.Frequency{Rate: decimal.NewFromFloat(0.05 + r.Float64()*0.95).Round(4)},
			Magnitude: quant.Magnitude{Low: decimal.NewFromFloat(low).Round(0), High: decimal.NewFromFloat(low * ratio).Round(0)},
		})
	}
	return in
}

func BenchmarkPortfolio1000Risks10000Years(b *testing.B) {
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			in := portfolio(10_000, w)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := quant.Simulate(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkOneRiskMillionYears(b *testing.B) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 1_000_000, Seed: 7, Workers: 1},
		Scenarios: []quant.Scenario{{Ref: "R-1", Frequency: quant.Frequency{Rate: decimal.RequireFromString("0.5")},
			Magnitude: quant.Magnitude{Low: decimal.NewFromInt(100_000), High: decimal.NewFromInt(5_000_000)}}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := quant.Simulate(in); err != nil {
			b.Fatal(err)
		}
	}
}
