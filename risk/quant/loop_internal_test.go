package quant

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// The guide only chooses where the scan starts: the count is the plain
// linear scan's, for every rate and every uniform, the CDF's own values
// included.
func TestPoissonTable_GuideGivesTheLinearScansCount(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rate := rapid.Float64Range(1e-6, MaxFrequency).Draw(t, "rate")
		tab := newPoissonTable(rate)
		u := rapid.Float64Range(0, 1).Draw(t, "u")
		if rapid.Bool().Draw(t, "on a CDF value") {
			u = tab.cdf[rapid.IntRange(0, len(tab.cdf)-1).Draw(t, "k")]
		}
		u = min(u, math.Nextafter(1, 0))
		want := 0
		for want < len(tab.cdf)-1 && u > tab.cdf[want] {
			want++
		}
		if got := tab.invert(u); got != want {
			t.Fatalf("rate %g, u %g: guided %d, linear %d", rate, u, got, want)
		}
	})
}

// When [lo, lo+step) straddles a CDF value the extra bits split it in
// proportion; when it does not, they are not drawn.
func TestPoissonTable_RefineDrawsBitsOnlyWhenTheyDecide(t *testing.T) {
	tab := tableOf([]float64{0.3, 0.6, 1}, 1)
	const step = 0.001
	assert.False(t, tab.open(tab.invert(0.4), 0.4, step), "inside one count")
	assert.False(t, tab.open(2, 0.9995, step), "the table's last count")
	lo := 0.3 - step/4 // a quarter of the interval counts 0, the rest 1
	n := tab.invert(lo)
	require.Equal(t, 0, n)
	require.True(t, tab.open(n, lo, step))
	const draws = 100_000
	zeros := 0
	for s := range uint64(draws) {
		switch tab.refine(n, lo, step, splitmix(s)) {
		case 0:
			zeros++
		case 1:
		default:
			t.Fatal("a count outside the interval")
		}
	}
	assert.InDelta(t, 0.25, float64(zeros)/draws, 4*math.Sqrt(0.25*0.75/draws))
}

// Each event's loss stream is the SplitMix64 sequence at its own offset:
// the strides are γ shifted by 32 and 12 bits, so (year, event, draw)
// never collide within the limits.
func TestEventState_StridesAreShiftsOfGamma(t *testing.T) {
	g := uint64(golden)
	assert.Equal(t, g<<32, uint64(yearStride))
	assert.Equal(t, g<<12, uint64(eventStride))
	assert.Equal(t, g*thinDraw, uint64(thinOffset))
	assert.Greater(t, refineSlot, maxChunks*500, "a year's events stay below the refine slot")
	base := rand.Uint64()
	assert.Equal(t, base+(uint64(3)<<32+uint64(5)<<12)*g, eventState(base, 3, 5))
}

// A treatment that lowers a fixed rate keeps a subset of the events
// before it, each with the same loss: every year after is at most the
// year before, whichever side of maxChunk the rates fall (a trial found
// 30.2 → 30.0 and 40 → 15 drawn independently, with 25× the noise).
func TestRun_ALowerRateKeepsASubsetOfTheEventsBefore(t *testing.T) {
	for _, tc := range []struct{ before, after float64 }{{30.2, 30}, {40, 15}, {0.5, 0.3}, {2, 0}, {45, 44.9}, {0.7, 0.7}} {
		b := compile(lognormalScenario("R", tc.before))
		a := compile(lognormalScenario("R", tc.after))
		const years = 20_000
		bi, ai := make([]int64, years), make([]int64, years)
		var stB, stA riskStats
		require.Nil(t, newRunner(3, b.key).run(&b, &b, bi, &stB, newScratch()))
		require.Nil(t, newRunner(3, a.key).run(&a, &b, ai, &stA, newScratch()))
		var events, kept float64
		for y := range years {
			require.LessOrEqual(t, ai[y], bi[y], "%g → %g, year %d", tc.before, tc.after, y)
			if bi[y] > 0 {
				events++
			}
			if ai[y] > 0 {
				kept++
			}
		}
		// The years with an event after thinning are as often as at the lower rate.
		p := -math.Expm1(-tc.after)
		assert.InDelta(t, p, kept/years, 4*math.Sqrt(p*(1-p)/years)+1e-9, "%g → %g", tc.before, tc.after)
		if tc.after == tc.before {
			assert.Equal(t, bi, ai, "the same rate keeps every event")
		}
	}
}

func lognormalScenario(ref string, rate float64) Scenario {
	return Scenario{Ref: ref, Frequency: Frequency{Rate: decimal.NewFromFloat(rate)},
		Magnitude: Magnitude{Low: decimal.NewFromInt(1000), High: decimal.NewFromInt(50_000)}}
}

// Two scenarios of one risk (FAIR's several loss scenarios) draw from
// their own streams, keyed by reference: a trial found them drawing the
// same numbers, so the portfolio's loss-free years were e^-λ, not e^-2λ.
func TestSimulate_TwoScenariosOfOneRiskDrawApart(t *testing.T) {
	id := isms.MustParseID[risk.Risk]("6f1c7a4e-5b0d-4c53-9d3e-2a8b7c6d5e4f")
	s1, s2 := lognormalScenario("R-20a", 0.5), lognormalScenario("R-20b", 0.5)
	s1.Risk, s2.Risk = id, id
	r, err := Simulate(Input{Currency: "EUR", Scenarios: []Scenario{s1, s2}, Options: Options{Years: 100_000, Seed: 5}})
	require.NoError(t, err)
	assert.NotEqual(t, r.Risks[0].Mean, r.Risks[1].Mean)
	p := math.Exp(-1.0)
	assert.InDelta(t, p, r.ZeroYears.InexactFloat64(), 4*math.Sqrt(p*(1-p)/100_000))
}
