package quant_test

import (
	"bytes"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk/quant"
)

// scaled returns s with its rate and losses multiplied by k (0 < k ≤ 1).
func scaled(s quant.Scenario, k decimal.Decimal) quant.Scenario {
	s.Frequency.Rate = s.Frequency.Rate.Mul(k)
	m := s.Magnitude
	switch {
	case m.PERT != nil:
		s.Magnitude.PERT = &quant.Range{Min: m.PERT.Min.Mul(k), Mode: m.PERT.Mode.Mul(k), Max: m.PERT.Max.Mul(k)}
	case !m.Fixed.IsZero():
		s.Magnitude.Fixed = m.Fixed.Mul(k)
	default:
		s.Magnitude.Low, s.Magnitude.High = m.Low.Mul(k), m.High.Mul(k)
	}
	return s
}

func TestTreatments_IdenticalAfterAtNoCostBuysExactlyNothing(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t)
		i := rapid.IntRange(0, len(in.Scenarios)-1).Draw(t, "treated")
		in.Treatments = []quant.Treatment{{Control: "C-1", After: []quant.Scenario{in.Scenarios[i]}}}
		if rapid.Bool().Draw(t, "free") { // a cost of 0, as the issue says, or none
			in.Treatments[0].Cost = dp("0")
		}
		in.Tolerance = []quant.TolerancePoint{{Loss: d("50000"), Probability: d("0.1")}}
		r, err := quant.Simulate(in)
		require.NoError(t, err)
		require.Len(t, r.Treatments, 1)
		tr := r.Treatments[0]
		zero := quant.Estimate{Value: decimal.Zero, StdErr: decimal.Zero, Low: decimal.Zero, High: decimal.Zero}
		for _, e := range []quant.Estimate{tr.LossAvoided, tr.Risks[0].LossAvoided} {
			for _, v := range []decimal.Decimal{e.Value, e.StdErr, e.Low, e.High} {
				assert.True(t, v.IsZero(), "benefit %+v, want %+v", e, zero)
			}
		}
		assert.Nil(t, tr.ROSI)
		assert.True(t, tr.P95Before.Equal(tr.P95After) && tr.P99Before.Equal(tr.P99After))
		assert.Equal(t, tr.WithinBefore, tr.WithinAfter)
		assert.Equal(t, r.WithinTolerance, tr.WithinBefore)
	})
}

func TestTreatments_AMoreEffectiveTreatmentNeverAvoidsLess(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t)
		i := rapid.IntRange(0, len(in.Scenarios)-1).Draw(t, "treated")
		weak := rapid.IntRange(2, 10).Draw(t, "weak")         // tenths kept
		strong := rapid.IntRange(1, weak-1).Draw(t, "strong") // fewer kept
		s := in.Scenarios[i]
		in.Treatments = []quant.Treatment{
			{Control: "weak", Cost: dp("1000"), After: []quant.Scenario{scaled(s, decimal.New(int64(weak), -1))}},
			{Control: "strong", Cost: dp("1000"), After: []quant.Scenario{scaled(s, decimal.New(int64(strong), -1))}},
		}
		r, err := quant.Simulate(in)
		require.NoError(t, err)
		by := map[string]quant.TreatmentResult{}
		for _, tr := range r.Treatments {
			by[tr.Control] = tr
		}
		w, st := by["weak"], by["strong"]
		assert.True(t, st.LossAvoided.Value.GreaterThanOrEqual(w.LossAvoided.Value), "strong %s < weak %s", st.LossAvoided.Value, w.LossAvoided.Value)
		assert.True(t, st.P99After.LessThanOrEqual(w.P99After), "strong leaves a higher P99")
		assert.False(t, st.LossAvoided.Value.IsNegative())
		if st.LossAvoided.Value.GreaterThan(w.LossAvoided.Value) {
			assert.Equal(t, "strong", r.Treatments[0].Control, "ranked by ROSI at equal cost")
		}

		in2 := in
		in2.Options.Workers = rapid.IntRange(1, 4).Draw(t, "workers")
		r2, err := quant.Simulate(in2)
		require.NoError(t, err)
		assert.Equal(t, r, r2, "treatments depend on the number of workers")
	})
}

func TestTreatments_ROSIAndRanking(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 20_000, Seed: 5},
		Scenarios: []quant.Scenario{lognormal("R-1", "0.5", "10000", "200000"), lognormal("R-2", "0.2", "50000", "1000000")},
		Treatments: []quant.Treatment{
			{Control: "MFA", Cost: dp("5000"), After: []quant.Scenario{lognormal("R-1", "0.1", "10000", "200000")}},
			{Control: "Backups", Cost: dp("20000"), After: []quant.Scenario{lognormal("R-2", "0.2", "5000", "100000")}},
			{Control: "Training", After: []quant.Scenario{lognormal("R-1", "0.4", "10000", "200000")}},
		}}
	r, err := quant.Simulate(in)
	require.NoError(t, err)
	require.Len(t, r.Treatments, 3)
	for _, tr := range r.Treatments {
		e := tr.LossAvoided
		assert.True(t, e.Low.LessThanOrEqual(e.Value) && e.Value.LessThanOrEqual(e.High))
		if tr.ROSI != nil {
			want := e.Value.Sub(*tr.Cost).DivRound(*tr.Cost, 4)
			assert.True(t, tr.ROSI.Value.Equal(want), "%s: ROSI %s, want %s", tr.Control, tr.ROSI.Value, want)
		}
	}
	assert.Equal(t, "Training", r.Treatments[2].Control, "without a cost, last")
	assert.True(t, r.Treatments[0].ROSI.Value.GreaterThanOrEqual(r.Treatments[1].ROSI.Value))
	// Analytic loss avoided: MFA 0.4 × E[loss of R-1]; Backups 0.9 × R-2's.
	for _, tr := range r.Treatments {
		var want float64
		switch tr.Control {
		case "MFA":
			want = quant.AnalyticEAL(in.Scenarios[0]) * 0.8
		case "Backups":
			want = quant.AnalyticEAL(in.Scenarios[1]) * 0.9
		default:
			want = quant.AnalyticEAL(in.Scenarios[0]) * 0.2
		}
		assert.InDelta(t, want, tr.LossAvoided.Value.InexactFloat64(), 4*tr.LossAvoided.StdErr.InexactFloat64(), tr.Control)
	}
}

func TestTreatments_ValidateNamesTheControlAndField(t *testing.T) {
	in := quant.Input{Currency: "EUR", Scenarios: []quant.Scenario{lognormal("R-1", "0.5", "10", "200")},
		Treatments: []quant.Treatment{
			{Control: "", Cost: dp("-1"), After: []quant.Scenario{lognormal("R-9", "0.5", "10", "200")}},
			{Control: "C", After: nil},
			{Control: "C", After: []quant.Scenario{lognormal("R-1", "-1", "10", "200"), lognormal("R-1", "0.1", "10", "20")}},
		}}
	err := in.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	var got []string
	for _, v := range isms.ValidationErrors(err) {
		got = append(got, v.Path)
	}
	assert.Equal(t, []string{"treatments[0].control", "treatments[0].cost", "treatments[0].after[0].ref", "treatments[1].after",
		"treatments[2].control", "treatments[2].after[0].frequency.rate", "treatments[2].after[1].ref"}, got)
	in.Treatments = make([]quant.Treatment, quant.MaxTreatments+1)
	assertRefused(t, in.Validate(), "treatments", "MaxTreatments")
}

// The treatment table's percentiles follow the result's method: a trial
// with the linear method read two different 99th percentiles.
func TestTreatments_PercentilesFollowTheResultsMethod(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 1000, Seed: 3, PercentileMethod: quant.Linear, Percentiles: []decimal.Decimal{decimal.NewFromInt(95), decimal.NewFromInt(99)}},
		Scenarios: []quant.Scenario{{Ref: "R-1", Frequency: quant.Frequency{Rate: decimal.RequireFromString("2")},
			Magnitude: quant.Magnitude{Low: decimal.NewFromInt(1000), High: decimal.NewFromInt(90_000)}}}}
	after := in.Scenarios[0]
	after.Frequency.Rate = decimal.NewFromInt(1)
	in.Treatments = []quant.Treatment{{Control: "A.8.7", After: []quant.Scenario{after}}}
	r, err := quant.Simulate(in)
	require.NoError(t, err)
	assert.Equal(t, r.Percentiles[0].Loss.String(), r.Treatments[0].P95Before.String())
	assert.Equal(t, r.Percentiles[1].Loss.String(), r.Treatments[0].P99Before.String())
	var md bytes.Buffer
	require.NoError(t, quant.WriteMarkdown(&md, r, quant.MarkdownOptions{}))
	assert.Contains(t, md.String(), "1000 simulated years, seed 3 (stream version 3); percentiles interpolated between the simulated years (linear).",
		"the summary says which definition and which stream drew the figures")
}

// A cost of 0 is free, not unknown: a free treatment that avoids loss
// ranks first (a trial's free awareness training ranked below a
// migration that raised the loss), one that raises the loss ranks after
// every costed one, and one without a cost last; the summary says
// "free".
func TestTreatments_AFreeTreatmentRanksByWhatItBuys(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 5000, Seed: 5},
		Scenarios: []quant.Scenario{lognormal("R-1", "0.5", "10000", "200000"), lognormal("R-2", "0.2", "50000", "1000000")},
		Treatments: []quant.Treatment{
			{Control: "Migration", Cost: dp("40000"), After: []quant.Scenario{lognormal("R-2", "0.3", "50000", "1000000")}},
			{Control: "Unknown", After: []quant.Scenario{lognormal("R-1", "0.4", "10000", "200000")}},
			{Control: "Free worse", Cost: dp("0"), After: []quant.Scenario{lognormal("R-1", "0.6", "10000", "200000")}},
			{Control: "MFA", Cost: dp("5000"), After: []quant.Scenario{lognormal("R-1", "0.1", "10000", "200000")}},
			{Control: "Free training", Cost: dp("0"), After: []quant.Scenario{lognormal("R-1", "0.3", "10000", "200000")}},
		}}
	r, err := quant.Simulate(in)
	require.NoError(t, err)
	var order []string
	for _, tr := range r.Treatments {
		order = append(order, tr.Control)
	}
	assert.Equal(t, []string{"Free training", "MFA", "Migration", "Free worse", "Unknown"}, order)
	assert.Nil(t, r.Treatments[0].ROSI)
	require.NotNil(t, r.Treatments[0].Cost)
	assert.True(t, r.Treatments[0].Cost.IsZero())
	assert.Nil(t, r.Treatments[4].Cost)
	var md bytes.Buffer
	require.NoError(t, quant.WriteMarkdown(&md, r, quant.MarkdownOptions{}))
	assert.Contains(t, md.String(), "| Free training | 0.00 | ")
	assert.Regexp(t, `\| Free training \| 0\.00 \| [^|]+ \| free \|`, md.String())
	assert.Regexp(t, `\| Unknown \| unknown \| `, md.String())
}
