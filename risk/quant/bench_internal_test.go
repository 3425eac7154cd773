package quant

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// Old (stream version 1) against new (version 3) in the same run:
//
//	go test -run '^$' -bench 'Versions' -benchtime 5x -count 3 ./risk/quant
//
// ns/risk-year is the wall time per simulated risk-year, summary included.

func benchPortfolio(risks, years int) Input {
	r := rand.New(rand.NewPCG(1, 2))
	in := Input{Currency: "EUR", Options: Options{Years: years, Seed: 42}}
	for i := range risks {
		low := 10_000 + r.Float64()*90_000
		ratio := 5 + r.Float64()*30
		in.Scenarios = append(in.Scenarios, Scenario{
			Ref:       fmt.Sprintf("R-%d", i),
			Frequency: Frequency{Rate: decimal.NewFromFloat(0.05 + r.Float64()*0.95).Round(4)},
			Magnitude: Magnitude{Low: decimal.NewFromFloat(low).Round(0), High: decimal.NewFromFloat(low * ratio).Round(0)},
		})
	}
	return in
}

func benchVersions(b *testing.B, in Input) {
	years := cmp.Or(in.Options.Years, DefaultYears)
	models := make([]model, len(in.Scenarios))
	for i, s := range in.Scenarios {
		models[i] = compile(s)
	}
	riskYears := float64(len(models) * years)
	perRiskYear := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/riskYears, "ns/risk-year")
	}
	b.Run("v1", func(b *testing.B) {
		for b.Loop() {
			totals, stats := simulateV1(models, years, in.Options.Seed)
			if _, err := summarizeSorted(in, models, totals, sortV1(totals), stats, years, DefaultCurvePoints); err != nil {
				b.Fatal(err)
			}
		}
		perRiskYear(b)
	})
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("v3/workers=%d", w), func(b *testing.B) {
			for b.Loop() {
				totals, stats, err := simulate(models, years, in.Options.Seed, w)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := summarize(in, models, totals, stats, years, DefaultCurvePoints); err != nil {
					b.Fatal(err)
				}
			}
			perRiskYear(b)
		})
	}
}

func BenchmarkVersionsPortfolio1000x10000(b *testing.B) {
	benchVersions(b, benchPortfolio(1000, 10_000))
}

func BenchmarkVersionsOneRiskMillionYears(b *testing.B) {
	in := Input{Currency: "EUR", Options: Options{Years: 1_000_000, Seed: 7},
		Scenarios: []Scenario{{Ref: "R-1", Frequency: Frequency{Rate: decimal.RequireFromString("0.5")},
			Magnitude: Magnitude{Low: decimal.NewFromInt(100_000), High: decimal.NewFromInt(5_000_000)}}}}
	benchVersions(b, in)
}

var sink float64

func BenchmarkVersionsExp(b *testing.B) {
	xs := make([]float64, 1024)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range xs {
		xs[i] = 10 + r.NormFloat64()
	}
	b.Run("math.Exp", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			sink += math.Exp(xs[i&1023])
		}
	})
	b.Run("fastExp", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			sink += fastExp(xs[i&1023])
		}
	})
}

// 10,000 risks × 100,000 years (10⁹ risk-years) on every CPU, in bounded
// memory: run it alone, with /usr/bin/time -v for the peak RSS:
//
//	go test -c -o /tmp/quant.test ./risk/quant
//	/usr/bin/time -v /tmp/quant.test -test.run '^$' -test.bench BillionRiskYears -test.benchtime 1x
func BenchmarkBillionRiskYears(b *testing.B) {
	in := benchPortfolio(10_000, 100_000)
	for b.Loop() {
		if _, err := Simulate(in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e9, "ns/risk-year")
}
