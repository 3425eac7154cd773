package quant

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
)

// Each scenario within MaxAnnualLoss, but together beyond what a year
// holds in int64 cents: an error, the same whatever the workers, never a
// wrapped (negative) year.
func TestSimulate_PortfolioYearBeyondMaxPortfolioLossIsAnError(t *testing.T) {
	// Exactly one event a year of 0.9 × MaxAnnualLoss, 1,200 times.
	models := make([]model, 1200)
	for i := range models {
		models[i] = compile(Scenario{Ref: fmt.Sprint("R-", i), Magnitude: Magnitude{Fixed: decimal.NewFromInt(MaxAnnualLoss / 10 * 9)}})
		models[i].table = tableOf([]float64{0, 1}, 1)
		models[i].rate = 50 // a year without an event is e^-50 likely
	}
	var msgs []string
	for _, w := range []int{1, 2} {
		_, _, err := simulate(models, 20, 1, w)
		require.ErrorIs(t, err, isms.ErrInvalid)
		assert.Contains(t, err.Error(), "MaxPortfolioLoss")
		msgs = append(msgs, err.Error())
	}
	assert.Equal(t, msgs[0], msgs[1], "the error depends on the workers")
}

// A million years near MaxPortfolioLoss sum beyond int64: the mean and
// the expected shortfall are still exact.
func TestSummarize_SumsBeyondInt64AreExact(t *testing.T) {
	in := Input{Currency: "EUR", Scenarios: []Scenario{{Ref: "R-1", Frequency: Frequency{Rate: decimal.NewFromInt(1)}, Magnitude: Magnitude{Fixed: decimal.NewFromInt(1)}}}}
	totals := make([]int64, 1000)
	for i := range totals {
		totals[i] = maxPortfolioCents - 1
	}
	res, err := summarize(in, []model{compile(in.Scenarios[0])}, totals, make([]riskStats, 1), len(totals), 10)
	require.NoError(t, err)
	want := decimal.NewFromInt(maxPortfolioCents - 1).Shift(-2)
	assert.True(t, res.Mean.Equal(want), "mean %s, want %s", res.Mean, want)
	assert.True(t, res.ES99.Equal(want), "es99 %s, want %s", res.ES99, want)
	for _, c := range res.Curve {
		assert.False(t, c.Loss.IsNegative(), "curve %s", c.Loss)
	}
}
