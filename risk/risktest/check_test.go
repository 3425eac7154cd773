package risktest_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/risktest"
)

// scale returns a scale with levels 1..n.
func scale(name string, n int) risk.Scale {
	s := risk.Scale{Name: name}
	for v := 1; v <= n; v++ {
		s.Levels = append(s.Levels, isms.Level{Value: v, Label: fmt.Sprintf("%s %d", name, v)})
	}
	return s
}

// fixedScales are the hosts' scales the checker must work on: 4×6 and 3×5.
var fixedScales = []struct {
	name string
	l, i risk.Scale
}{
	{"4x6", scale("Likelihood", 4), scale("Impact", 6)},
	{"3x5", scale("Likelihood", 3), scale("Impact", 5)},
}

func TestCheckScoringRule_GoodRulesPassOnFixedScales(t *testing.T) {
	good := map[string]risk.ScoringRule{
		"product":  risk.Product(),
		"sum":      risk.Sum(),
		"weighted": risk.ScoringRuleFunc(func(l, i int) int { return 2*l + 3*i }),
	}
	for _, sc := range fixedScales {
		for name, rule := range good {
			t.Run(sc.name+"/"+name, func(t *testing.T) {
				require.NoError(t, risktest.ScoringRuleProblem(rule, sc.l, sc.i))
				risktest.CheckScoringRule(t, rule, risktest.CheckOptions{Likelihood: sc.l, Impact: sc.i, RandomScales: 20})
			})
		}
	}
}

func TestCheckScoringRule_BrokenRulesFailWithThePropertyThatFailed(t *testing.T) {
	tests := []struct {
		name string
		rule func() risk.ScoringRule // fresh, so hidden state starts again
		want string
	}{
		{"drops when likelihood rises", func() risk.ScoringRule {
			return risk.ScoringRuleFunc(func(l, i int) int {
				if l == 3 {
					return 0
				}
				return l * i
			})
		}, "not monotonic in likelihood at (2, 1)"},
		{"drops when impact rises", func() risk.ScoringRule {
			return risk.ScoringRuleFunc(func(l, i int) int { return l * (10 - i) })
		}, "not monotonic in impact at (1, 1)"},
		{"depends on hidden state", func() risk.ScoringRule {
			n := 0
			return risk.ScoringRuleFunc(func(l, i int) int { n++; return l*i + n%2 })
		}, "not deterministic at (1, 1)"},
	}
	for _, sc := range fixedScales {
		for _, tt := range tests {
			t.Run(sc.name+"/"+tt.name, func(t *testing.T) {
				err := risktest.ScoringRuleProblem(tt.rule(), sc.l, sc.i)
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.want)
				assert.NotContains(t, err.Error(), "bounded")
			})
		}
	}
}
