package risktest_test

import (
	"fmt"
	"testing"

	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/risktest"
)

// weighted is a host's own scoring rule: impact counts twice.
var weighted = risk.ScoringRuleFunc(func(likelihood, impact int) int { return likelihood + 2*impact })

// TestWeightedRule is all a host writes to check its rule: one call.
func TestWeightedRule(t *testing.T) {
	risktest.CheckScoringRule(t, weighted, risktest.CheckOptions{})
}

// A host checks its scoring rule with one call in a test (see
// TestWeightedRule in this file); the rule then scores like the built-in
// ones.
func ExampleCheckScoringRule() {
	fmt.Println("likelihood 3, impact 4 scores", weighted.Score(3, 4))
	// Output: likelihood 3, impact 4 scores 11
}

// The generators feed a host's own properties (rapid.Check(t, …) with
// risktest.Register().Draw(t, "register")); Example draws one outside a
// property.
func ExampleRegister() {
	for seed := range 10 {
		reg := risktest.Register().Example(seed)
		if err := reg.Validate(); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println("10 generated registers are valid")
	// Output: 10 generated registers are valid
}

// Every generated method is valid.
func ExampleMethod() {
	for seed := range 20 {
		if err := risktest.Method().Example(seed).Validate(); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println("20 generated methods are valid")
	// Output: 20 generated methods are valid
}
