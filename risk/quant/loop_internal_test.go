package quant

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
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
	assert.Greater(t, refineSlot, maxChunks*500, "a year's events stay below the refine slot")
	base := rand.Uint64()
	assert.Equal(t, base+(uint64(3)<<32+uint64(5)<<12)*g, eventState(base, 3, 5))
}
