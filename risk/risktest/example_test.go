package risktest_test

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/risktest"
)

// A host checks its own scoring rule with one call. (Examples cannot
// receive a *testing.T, so this one is compiled but not run; the same call
// runs in this package's tests.)
func ExampleCheckScoringRule() {
	testOurRule := func(t *testing.T) {
		weighted := risk.ScoringRuleFunc(func(likelihood, impact int) int { return likelihood + 2*impact })
		risktest.CheckScoringRule(t, weighted)
	}
	_ = testOurRule
}

// The generators feed a host's own properties.
func ExampleRegister() {
	property := func(t *rapid.T) {
		reg := risktest.Register().Draw(t, "register")
		if err := reg.Validate(); err != nil {
			t.Fatalf("generated registers are valid: %v", err)
		}
	}
	_ = property // rapid.Check(t, property) in a test
}

// Every generated method is valid; Example draws one outside a property.
func ExampleMethod() {
	ok := true
	for seed := range 20 {
		ok = ok && risktest.Method().Example(seed).Validate() == nil
	}
	fmt.Println("20 generated methods valid:", ok)
	// Output: 20 generated methods valid: true
}
