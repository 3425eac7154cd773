package risktest_test

import (
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/risktest"
)

const brokenEnv = "RISKTEST_BROKEN_RULE"

// brokenRules each break one property CheckScoringRule promises to check.
var brokenRules = map[string]risk.ScoringRule{
	// Drops at the third likelihood level: not monotonic.
	"dips": risk.ScoringRuleFunc(func(l, i int) int {
		if l == 3 {
			return 0
		}
		return l * i
	}),
	// Scores the top cell lower than a middle one: not bounded by it.
	"unbounded": risk.ScoringRuleFunc(func(l, i int) int { return (l * i) % 7 }),
	// Depends on hidden state: not deterministic.
	"flaky": func() risk.ScoringRule {
		n := 0
		return risk.ScoringRuleFunc(func(l, i int) int { n++; return l*i + n%2 })
	}(),
}

func TestProductAndSumPass(t *testing.T) {
	risktest.CheckScoringRule(t, risk.Product)
	risktest.CheckScoringRule(t, risk.Sum)
	risktest.CheckScoringRule(t, risk.ScoringRuleFunc(func(l, i int) int { return 2*l + 3*i }))
}

// TestBrokenRule runs CheckScoringRule on the rule named by brokenEnv; it only runs
// as a child of TestCheckScoringRuleCatchesBrokenRules, where it must fail.
func TestBrokenRule(t *testing.T) {
	name := os.Getenv(brokenEnv)
	if name == "" {
		t.Skip("runs only as a child of TestCheckScoringRuleCatchesBrokenRules")
	}
	risktest.CheckScoringRule(t, brokenRules[name])
}

func TestCheckScoringRuleCatchesBrokenRules(t *testing.T) {
	for name := range brokenRules {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestBrokenRule$", "-rapid.nofailfile")
			cmd.Env = append(os.Environ(), brokenEnv+"="+name)
			out, err := cmd.CombinedOutput()
			require.Error(t, err, "CheckScoringRule passed the %s rule:\n%s", name, out)
			require.Contains(t, string(out), "--- FAIL: TestBrokenRule")
		})
	}
}
