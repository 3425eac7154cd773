// Package risktest helps teams property-test their own risk scoring rules
// against ismskit's: rapid generators for scales, methods (threshold and
// grid matrices), ratings, assessments, risks and registers, and CheckScoringRule,
// which runs the properties ismskit's own rules satisfy (deterministic,
// monotonic, bounded, consistent with the matrix) against a host's rule:
//
//	func TestOurScoringRule(t *testing.T) {
//		risktest.CheckScoringRule(t, risk.ScoringRuleFunc(func(l, i int) int { return l*i + i }))
//	}
//
// The generators produce values that pass risk.Register.Validate, so they
// suit properties about queries and exports too.
package risktest
