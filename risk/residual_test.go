package risk_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/risktest"
)

func TestDeriveResidual_DocumentedRule(t *testing.T) {
	m := risk.DefaultMethod()
	cat := controls.AnnexA()
	tests := []struct {
		name    string
		applied []risk.AppliedControl
		want    risk.Rating
	}{
		{"no controls", nil, risk.Rating{Likelihood: 4, Impact: 5}},
		// Likelihood rank 3 × (1 − 0.5·1) = 1.5 → ⌈1.5⌉ = 2 → value 3.
		{"one effective preventive control", []risk.AppliedControl{{Control: "8.5", Effectiveness: controls.Effective}}, risk.Rating{Likelihood: 3, Impact: 5}},
		// Two: 3 × 0.5 × 0.5 = 0.75 → 1 → value 2.
		{"two effective preventive controls", []risk.AppliedControl{
			{Control: "8.5", Effectiveness: controls.Effective}, {Control: "5.18", Effectiveness: controls.Effective},
		}, risk.Rating{Likelihood: 2, Impact: 5}},
		// 8.13 backup is corrective: impact rank 4 × 0.5 = 2 → value 3.
		{"corrective control lowers impact", []risk.AppliedControl{{Control: "8.13", Effectiveness: controls.Effective}}, risk.Rating{Likelihood: 4, Impact: 3}},
		// Partially effective: 3 × (1 − 0.25) = 2.25 → 3 → value 4: no change.
		{"partially effective control may not move a level", []risk.AppliedControl{{Control: "8.5", Effectiveness: controls.PartiallyEffective}}, risk.Rating{Likelihood: 4, Impact: 5}},
		{"explicit dimension", []risk.AppliedControl{{Control: "X-1", Effectiveness: controls.Effective, Reduces: risk.ReducesBoth}}, risk.Rating{Likelihood: 3, Impact: 3}},
		{"not assessed counts for nothing", []risk.AppliedControl{{Control: "8.5", Effectiveness: controls.NotAssessed}}, risk.Rating{Likelihood: 4, Impact: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := risk.DeriveResidual(m, risk.Rating{Likelihood: 4, Impact: 5}, tt.applied, cat)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDeriveResidual_Errors(t *testing.T) {
	_, err := risk.DeriveResidual(risk.DefaultMethod(), risk.Rating{Likelihood: 7, Impact: 1}, []risk.AppliedControl{
		{Control: "X-9", Effectiveness: controls.Effective},
		{Control: "8.5", Effectiveness: 9},
		{Control: "8.5", Effectiveness: 1, Reduces: "sideways"},
	}, nil)
	assert.Equal(t, []string{"likelihood", "applied[0].reduces", "applied[1].effectiveness", "applied[2].reduces"}, paths(err))
}

func TestDimensionOf(t *testing.T) {
	cat := controls.AnnexA()
	for id, want := range map[controls.ID]risk.Dimension{"8.5": risk.ReducesLikelihood, "8.13": risk.ReducesImpact, "8.16": risk.ReducesImpact, "5.7": risk.ReducesBoth} {
		c, ok := cat.ByID(id)
		require.True(t, ok)
		assert.Equal(t, want, risk.DimensionOf(c), "%s", id)
	}
}

// A derived residual never exceeds the inherent risk, and more effective
// controls never make it worse.
func TestDeriveResidual_Properties(t *testing.T) {
	effs := []controls.Effectiveness{controls.NotAssessed, controls.Ineffective, controls.PartiallyEffective, controls.LargelyEffective, controls.Effective}
	dims := []risk.Dimension{risk.ReducesLikelihood, risk.ReducesImpact, risk.ReducesBoth}
	rapid.Check(t, func(t *rapid.T) {
		m := risktest.Method().Draw(t, "method")
		sc, err := m.Scorer()
		require.NoError(t, err)
		in := risktest.Rating(m).Draw(t, "inherent")
		var applied []risk.AppliedControl
		for range rapid.IntRange(0, 4).Draw(t, "n") {
			applied = append(applied, risk.AppliedControl{Control: "C", Effectiveness: rapid.SampledFrom(effs).Draw(t, "eff"), Reduces: rapid.SampledFrom(dims).Draw(t, "dim")})
		}
		res, err := risk.DeriveResidual(m, in, applied, nil)
		require.NoError(t, err)
		assert.LessOrEqual(t, res.Likelihood, in.Likelihood)
		assert.LessOrEqual(t, res.Impact, in.Impact)
		li, _ := sc.Rate(in)
		lr, err := sc.Rate(res)
		require.NoError(t, err, "the residual lies on the scales")
		assert.LessOrEqual(t, lr.Compare(li), 0, "residual level above inherent")

		if len(applied) > 0 {
			k := rapid.IntRange(0, len(applied)-1).Draw(t, "improve")
			better := append([]risk.AppliedControl(nil), applied...)
			if better[k].Effectiveness < controls.Effective {
				better[k].Effectiveness++
			}
			rb, err := risk.DeriveResidual(m, in, better, nil)
			require.NoError(t, err)
			assert.LessOrEqual(t, rb.Likelihood, res.Likelihood, "a more effective control raised likelihood")
			assert.LessOrEqual(t, rb.Impact, res.Impact, "a more effective control raised impact")
		}
		again, _ := risk.DeriveResidual(m, in, applied, nil)
		assert.Equal(t, res, again)
	})
}
