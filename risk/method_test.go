package risk_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/risktest"
)

func TestPresets_AreValid(t *testing.T) {
	for name, m := range map[string]risk.Method{
		"3x3": risk.Preset3x3(), "4x4": risk.Preset4x4(), "5x5": risk.Preset5x5(), "5x5 ISO 27005": risk.Preset5x5ISO27005(),
	} {
		t.Run(name, func(t *testing.T) { require.NoError(t, m.Validate()) })
	}
}

func TestPreset5x5_BandsAndScores(t *testing.T) {
	sc, err := risk.DefaultMethod().Scorer()
	require.NoError(t, err)
	for _, tt := range []struct {
		l, i, score int
		band        string
	}{
		{1, 1, 1, "low"}, {2, 2, 4, "low"}, {1, 5, 5, "medium"}, {3, 3, 9, "medium"},
		{2, 5, 10, "high"}, {4, 4, 16, "high"}, {4, 5, 20, "critical"}, {5, 5, 25, "critical"},
	} {
		lvl, err := sc.Rate(risk.Rating{Likelihood: tt.l, Impact: tt.i})
		require.NoError(t, err)
		assert.Equal(t, tt.score, lvl.Score, "(%d, %d)", tt.l, tt.i)
		assert.Equal(t, tt.band, lvl.Band.ID, "(%d, %d)", tt.l, tt.i)
	}
	_, err = sc.Rate(risk.Rating{Likelihood: 9, Impact: 0})
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"likelihood", "impact"}, paths(err))
	assert.Contains(t, err.Error(), "likelihood 9 is outside the scale 1..5")
}

func TestMethod_GridMatrix(t *testing.T) {
	m := risk.Preset3x3()
	m.Thresholds = nil
	m.Grid = [][]string{
		{"low", "low", "medium"},
		{"low", "medium", "high"},
		{"medium", "high", "high"},
	}
	sc, err := m.Scorer()
	require.NoError(t, err)
	lvl, _ := sc.Rate(risk.Rating{Likelihood: 2, Impact: 3})
	assert.Equal(t, "high", lvl.Band.ID)
	assert.Equal(t, 6, lvl.Score, "the rule still scores a grid matrix")
}

func TestMethod_ValidationReportsEveryProblem(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(m *risk.Method)
		want   []string
	}{
		{"non-monotonic grid", func(m *risk.Method) {
			m.Thresholds = nil
			m.Grid = [][]string{{"low", "medium", "low"}, {"low", "medium", "high"}, {"medium", "high", "high"}}
		}, []string{"grid"}},
		{"grid of the wrong size", func(m *risk.Method) {
			m.Thresholds = nil
			m.Grid = [][]string{{"low"}, {"low", "medium", "high"}, {"medium", "high", "high"}}
		}, []string{"grid[0]"}},
		{"grid names an unknown band", func(m *risk.Method) {
			m.Thresholds = nil
			m.Grid = [][]string{{"low", "low", "low"}, {"low", "amber", "high"}, {"high", "high", "high"}}
		}, []string{"grid[1][1]"}},
		{"both thresholds and grid", func(m *risk.Method) { m.Grid = [][]string{{"low"}} }, []string{"grid"}},
		{"neither", func(m *risk.Method) { m.Thresholds = nil }, []string{"thresholds"}},
		{"thresholds out of order", func(m *risk.Method) { m.Thresholds = []int{1, 6, 3} }, []string{"thresholds[2]"}},
		{"unknown rule, unknown appetite", func(m *risk.Method) { m.Scoring, m.Criteria.Appetite = risk.Rule{Name: "max"}, "amber" },
			[]string{"rule", "criteria.appetite"}},
		{"bad authority", func(m *risk.Method) {
			m.Criteria.Authorities = []risk.Authority{{UpTo: "extreme", MaxMonths: 0}}
		}, []string{"criteria.authorities[0].role", "criteria.authorities[0].up_to", "criteria.authorities[0].max_months"}},
		{"band without label, duplicate ID", func(m *risk.Method) {
			m.Bands[2] = risk.Band{ID: "low"}
		}, []string{"bands[2].id", "bands[2].label"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := risk.Preset3x3()
			tt.break_(&m)
			err := m.Validate()
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Equal(t, tt.want, paths(err))
		})
	}
}

func TestMethod_HostRuleMustBeMonotonic(t *testing.T) {
	dip := risk.ScoringRuleFunc(func(l, i int) int {
		if l == 3 {
			return 0
		}
		return l * i
	})
	_, err := risk.DefaultMethod().WithRule(risk.NewRule("dip", dip)).Scorer()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "the scoring rule is not monotonic")
}

// Score and band are monotonic in likelihood and impact, and band lookup
// agrees with the matrix definition, for every generated method.
func TestScorer_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := risktest.Method().Draw(t, "method")
		sc, err := m.Scorer()
		require.NoError(t, err)
		r := risktest.Rating(m).Draw(t, "rating")
		lvl, err := sc.Rate(r)
		require.NoError(t, err)
		li, ii := m.Likelihood.Rank(r.Likelihood), m.Impact.Rank(r.Impact)
		if li+1 < len(m.Likelihood.Levels) {
			up, _ := sc.Rate(risk.Rating{Likelihood: m.Likelihood.Levels[li+1].Value, Impact: r.Impact})
			assert.GreaterOrEqual(t, up.Score, lvl.Score)
			assert.GreaterOrEqual(t, up.Order, lvl.Order)
		}
		if ii+1 < len(m.Impact.Levels) {
			up, _ := sc.Rate(risk.Rating{Likelihood: r.Likelihood, Impact: m.Impact.Levels[ii+1].Value})
			assert.GreaterOrEqual(t, up.Score, lvl.Score)
			assert.GreaterOrEqual(t, up.Order, lvl.Order)
		}
		// Agrees with the definition.
		if len(m.Grid) > 0 {
			assert.Equal(t, m.Grid[li][ii], lvl.Band.ID)
		} else {
			want := 0
			for k := 1; k < len(m.Thresholds); k++ {
				if lvl.Score >= m.Thresholds[k] {
					want = k
				}
			}
			assert.Equal(t, want, lvl.Order)
		}
		assert.Equal(t, m.Bands[lvl.Order], lvl.Band)
		again, _ := sc.Rate(r)
		assert.Equal(t, lvl, again, "deterministic")
	})
}

func TestBuiltInRules_PassTheHostChecker(t *testing.T) {
	risktest.CheckScoringRule(t, risk.Product(), risktest.CheckOptions{})
	risktest.CheckScoringRule(t, risk.Sum(), risktest.CheckOptions{})
}

func TestScorer_CellOutsideTheMatrix(t *testing.T) {
	sc, err := risk.Preset3x3().Scorer()
	require.NoError(t, err)
	lvl, ok := sc.Cell(2, 2)
	assert.True(t, ok)
	assert.Equal(t, "high", lvl.Band.ID)
	for _, c := range [][2]int{{-1, 0}, {0, 3}, {3, 0}, {0, -1}} {
		_, ok := sc.Cell(c[0], c[1])
		assert.False(t, ok, "%v", c)
	}
}
