// Package risktest helps teams property-test their own risk scoring rules
// and code that uses the risk package:
//
//	func TestOurScoringRule(t *testing.T) {
//		ours := risk.ScoringRuleFunc(func(l, i int) int { return l*i + i })
//		risktest.CheckScoringRule(t, ours)
//	}
//
//	rapid.Check(t, func(t *rapid.T) {
//		reg := risktest.Register().Draw(t, "register") // always valid
//		// … a property of the host's code over reg …
//	})
//
// # Checking a scoring rule
//
// CheckScoringRule runs, on many random scales, the properties ismskit's
// own rules (risk.Product, risk.Sum) satisfy: deterministic, monotonic,
// bounded by the lowest and highest cells, and consistent with a threshold
// matrix built over it.
//
// # Generators
//
// Scale, Bands, Thresholds, Method (threshold and grid matrices), Rating,
// Assessment, Risk and Register are rapid generators whose values pass
// risk.Register.Validate, so they suit properties about queries, duties
// and writers too.
package risktest
