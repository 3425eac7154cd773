package quant

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestFastExp_IsWithin4e16OfMathExp(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	worst := 0.0
	for i := range 2_000_000 {
		x := (r.Float64()*2 - 1) * 60 // lognormal exponents: ln(1e-12)..ln(1e26)
		if i%4 == 0 {
			x = (r.Float64()*2 - 1) * 699
		}
		want := math.Exp(x)
		worst = max(worst, math.Abs(fastExp(x)-want)/want)
	}
	assert.LessOrEqual(t, worst, 4e-16)
	for _, x := range []float64{0, 1, -1, 699.9, -699.9} {
		assert.InEpsilon(t, math.Exp(x), fastExp(x), 4e-16, "%g", x)
	}
	for _, x := range []float64{700, -700, 710, -745, math.Inf(1), math.Inf(-1)} {
		assert.Equal(t, math.Exp(x), fastExp(x), "%g", x)
	}
	assert.True(t, math.IsNaN(fastExp(math.NaN())))
}

func TestSortCents_EqualsAComparisonSort(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 20_000).Draw(t, "n")
		shift := rapid.IntRange(0, 62).Draw(t, "bits")
		r := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 1))
		xs := make([]int64, n)
		for i := range xs {
			if r.IntN(3) > 0 { // many zero years
				xs[i] = int64(r.Uint64() >> (1 + shift))
			}
		}
		want := slices.Clone(xs)
		slices.Sort(want)
		assert.Equal(t, want, sortCents(xs))
	})
	big := []int64{maxPortfolioCents, 0, maxPortfolioCents - 1, 1}
	for len(big) < radixMin {
		big = append(big, big...)
	}
	want := slices.Clone(big)
	slices.Sort(want)
	require.Equal(t, want, sortCents(big))
}

// The skipping loop draws the same distribution as a year-by-year one:
// the share of years with k events is Poisson, for rates small and large.
func TestRun_SkippingGivesPoissonCounts(t *testing.T) {
	for _, rate := range []float64{0.001, 0.3, 2, 29} {
		m := compile(Scenario{Ref: "R", Magnitude: Magnitude{Fixed: decimal.NewFromInt(1)}})
		m.rate, m.table = rate, newPoissonTable(rate)
		require.True(t, m.skips())
		const years = 400_000
		counts := map[int64]int{}
		var st riskStats
		acc := make([]int64, years)
		require.Nil(t, newRunner(9, m.key).run(&m, &m, acc, &st, newScratch()))
		for _, c := range acc {
			counts[c/100]++
		}
		assert.Equal(t, st.zero, counts[0])
		for k := range int64(4) {
			p := math.Exp(-rate) * math.Pow(rate, float64(k)) / math.Gamma(float64(k)+1)
			se := math.Sqrt(p * (1 - p) / years)
			assert.InDelta(t, p, float64(counts[k])/years, 4*se+1e-12, "rate %g, %d events", rate, k)
		}
	}
}

// The ziggurat variates follow their distributions: a Kolmogorov–Smirnov
// distance within the 0.1 % critical value, and the tails (beyond the
// ziggurats' base strips) at the right rate.
func TestGen_NormalAndExponentialFollowTheirDistributions(t *testing.T) {
	const n = 400_000
	ks := func(xs []float64, cdf func(float64) float64) float64 {
		slices.Sort(xs)
		d := 0.0
		for i, x := range xs {
			f := cdf(x)
			d = max(d, math.Abs(f-float64(i)/n), math.Abs(float64(i+1)/n-f))
		}
		return d
	}
	crit := 1.95 / math.Sqrt(n) // α = 0.001
	g := gen{s: 12345}
	norm, expo := make([]float64, n), make([]float64, n)
	normTail, expTail := 0, 0
	for i := range n {
		norm[i], expo[i] = g.NormFloat64(), g.ExpFloat64()
		if math.Abs(norm[i]) > zigNormR {
			normTail++
		}
		if expo[i] > zigExpR {
			expTail++
		}
	}
	assert.Less(t, ks(norm, func(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }), crit)
	assert.Less(t, ks(expo, func(x float64) float64 { return -math.Expm1(-x) }), crit)
	pn, pe := math.Erfc(zigNormR/math.Sqrt2), math.Exp(-zigExpR)
	assert.InDelta(t, pn*n, float64(normTail), 4*math.Sqrt(pn*n))
	assert.InDelta(t, pe*n, float64(expTail), 4*math.Sqrt(pe*n)+1)
}
