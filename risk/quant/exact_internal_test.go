package quant

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// 0.999 × 20,000 is 19980.000000000004 in floating point: the float rank
// took the 19,981st year for the 99.9th percentile of 20,000.
func TestPercentile_NearestRankIsExactNotOffByOneFromFloatRounding(t *testing.T) {
	for _, tt := range []struct {
		n       int
		percent string
		rank    int // from 1
	}{
		{20_000, "99.9", 19_980}, {10_000, "99.9", 9_990}, {1_000, "99", 990}, {100, "50", 50},
		{100, "0.5", 1}, {3, "100", 3}, {1_000_000, "99.99", 999_900}, {7, "99.9", 7},
	} {
		sorted := make([]int64, tt.n)
		for i := range sorted {
			sorted[i] = int64(i + 1)
		}
		got := percentileOf(sorted, decimal.RequireFromString(tt.percent), NearestRank)
		assert.True(t, got.Loss.Equal(decimal.NewFromInt(int64(tt.rank)).Shift(-2)), "%d years, %s %%: got rank %s, want %d", tt.n, tt.percent, got.Loss.Shift(2), tt.rank)
	}
}

// Linear is numpy's default percentile (Hyndman–Fan 7).
func TestPercentile_LinearIsNumpysDefinition(t *testing.T) {
	sorted := []int64{100, 200, 400, 800, 1600} // cents
	for _, tt := range []struct{ percent, want string }{
		// numpy.percentile([1, 2, 4, 8, 16], [0, 10, 50, 90, 99, 100])
		{"0.0001", "1"}, {"10", "1.4"}, {"50", "4"}, {"90", "12.8"}, {"99", "15.68"}, {"100", "16"},
	} {
		got := percentileOf(sorted, decimal.RequireFromString(tt.percent), Linear)
		assert.True(t, got.Loss.Equal(decimal.RequireFromString(tt.want)), "%s %%: %s, want %s", tt.percent, got.Loss, tt.want)
	}
}

// panjer returns the distribution of a compound Poisson(λ) sum whose
// severity takes the value k·h with probability f[k]: g[s] = P(S = s·h),
// for s < len(g) (Panjer, 1981: g₀ = e^(−λ(1 − f₀)), g_s = λ/s Σ j f_j g_(s−j)).
func panjer(lambda float64, f []float64, size int) []float64 {
	g := make([]float64, size)
	g[0] = math.Exp(-lambda * (1 - f[0]))
	for s := 1; s < size; s++ {
		acc := 0.0
		for j := 1; j <= min(s, len(f)-1); j++ {
			acc += float64(j) * f[j] * g[s-j]
		}
		g[s] = lambda / float64(s) * acc
	}
	return g
}

// quantileOf is the smallest s·h with P(S ≤ s·h) ≥ p.
func quantileOf(g []float64, h, p float64) float64 {
	c := 0.0
	for s, v := range g {
		c += v
		if c >= p {
			return float64(s) * h
		}
	}
	return math.Inf(1)
}

// An independent exact check: the annual loss of a compound Poisson with a
// lognormal loss, by Panjer's recursion on the loss rounded up and down to
// a grid (which brackets the true distribution), against the simulated
// percentiles within binomial order-statistic bounds (each fails by chance
// with probability under 0.1 %).
func TestSimulate_PercentilesAgreeWithPanjersRecursion(t *testing.T) {
	for _, tt := range []struct {
		rate      float64
		low, high int64
	}{{0.8, 1_000, 20_000}, {3, 500, 5_000}, {0.05, 10_000, 400_000}} {
		s := Scenario{Ref: "R-1", Frequency: Frequency{Rate: decimal.NewFromFloat(tt.rate)},
			Magnitude: Magnitude{Low: decimal.NewFromInt(tt.low), High: decimal.NewFromInt(tt.high)}}
		m := compile(s)
		const years = 200_000
		totals, _, err := simulate([]model{m}, years, 99, 1)
		require.NoError(t, err)
		sorted := sortCents(totals)

		// The loss discretised on a grid of h: up (f[k] = F(kh) − F((k−1)h))
		// and down (f[k] = F((k+1)h) − F(kh)).
		h := float64(tt.high) / 400
		const grid, size = 4_000, 4_000
		cdf := func(x float64) float64 {
			if x <= 0 {
				return 0
			}
			return 0.5 * math.Erfc(-(math.Log(x)-m.mu)/(m.sigma*math.Sqrt2))
		}
		up, down := make([]float64, grid), make([]float64, grid)
		for k := range grid {
			up[k] = cdf(float64(k)*h) - cdf(float64(k-1)*h)
			down[k] = cdf(float64(k+1)*h) - cdf(float64(k)*h)
		}
		gUp, gDown := panjer(tt.rate, up, size), panjer(tt.rate, down, size)
		for _, p := range []float64{0.5, 0.9, 0.95, 0.99, 0.999} {
			hi, lo := quantileOf(gUp, h, p), quantileOf(gDown, h, p)
			require.False(t, math.IsInf(hi, 1), "the grid is too short")
			// Ranks between which the true percentile lies with 99.9 %.
			np, half := years*p, 3.29*math.Sqrt(years*p*(1-p))
			rl, ru := max(int(math.Floor(np-half)), 1), min(int(math.Ceil(np+half)), years)
			simLo, simHi := float64(sorted[rl-1])/100, float64(sorted[ru-1])/100
			assert.LessOrEqual(t, simLo, hi+0.01, "rate %g, p %g: simulated order statistic %g above the exact bracket [%g, %g]", tt.rate, p, simLo, lo, hi)
			assert.GreaterOrEqual(t, simHi, lo-0.01, "rate %g, p %g: simulated order statistic %g below the exact bracket [%g, %g]", tt.rate, p, simHi, lo, hi)
		}
	}
}

// Common random numbers: on a test portfolio, the yearly difference
// between before and after a treatment varies at least ten times less
// than between independent runs (another seed after treatment).
func TestTreat_CommonRandomNumbersCutTheVarianceTenfold(t *testing.T) {
	in := Input{Currency: "EUR", Options: Options{Years: 50_000, Seed: 11}}
	for i := range 20 {
		in.Scenarios = append(in.Scenarios, Scenario{Ref: string(rune('A' + i)), Frequency: Frequency{Rate: decimal.New(int64(5+i*7), -2)},
			Magnitude: Magnitude{Low: decimal.NewFromInt(int64(5_000 + 1_000*i)), High: decimal.NewFromInt(int64(100_000 + 20_000*i))}})
	}
	// Halve R-A's and R-F's losses and their rates by a third.
	var after []Scenario
	for _, k := range []int{0, 5} {
		s := in.Scenarios[k]
		s.Frequency.Rate = s.Frequency.Rate.Mul(decimal.RequireFromString("0.66"))
		s.Magnitude.Low, s.Magnitude.High = s.Magnitude.Low.Div(decimal.NewFromInt(2)), s.Magnitude.High.Div(decimal.NewFromInt(2))
		after = append(after, s)
	}
	in.Treatments = []Treatment{{Control: "C", After: after}}
	require.NoError(t, in.Validate())
	run := func(in Input) []int64 {
		models := make([]model, len(in.Scenarios))
		for i, s := range in.Scenarios {
			models[i] = compile(s)
		}
		totals, _, err := simulate(models, in.Options.Years, in.Options.Seed, 1)
		require.NoError(t, err)
		return totals
	}
	variance := func(a, b []int64) float64 {
		var sum, sumSq float64
		for y := range a {
			d := float64(a[y]-b[y]) / 100
			sum, sumSq = sum+d, sumSq+d*d
		}
		n := float64(len(a))
		return (sumSq - sum*sum/n) / (n - 1)
	}
	before := run(in)
	// Treat's estimator, on common random numbers (shared streams, gaps
	// and uniforms): the variance of its yearly differences from its
	// standard error.
	r, err := Simulate(in)
	require.NoError(t, err)
	se := r.Treatments[0].LossAvoided.StdErr.InexactFloat64()
	crn := se * se * float64(in.Options.Years)
	// The same seed with the scenarios replaced (shared streams only).
	afterIn := in
	afterIn.Treatments = nil
	afterIn.Scenarios = append([]Scenario(nil), in.Scenarios...)
	afterIn.Scenarios[0], afterIn.Scenarios[5] = after[0], after[1]
	sameSeed := variance(before, run(afterIn))
	// Independent runs: another seed after treatment.
	afterIn.Options.Seed = 12
	independent := variance(before, run(afterIn))
	t.Logf("variance of the yearly difference: treat %.4g, same seed %.4g, independent %.4g (%.0f×, %.0f×)",
		crn, sameSeed, independent, independent/crn, independent/sameSeed)
	assert.GreaterOrEqual(t, independent/crn, 10.0)
	assert.GreaterOrEqual(t, independent/sameSeed, 10.0)
	assert.LessOrEqual(t, crn, sameSeed, "sharing the gaps couples better than sharing the streams")
}
