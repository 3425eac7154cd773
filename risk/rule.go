package risk

// Rule turns a likelihood and an impact level value into a score. Built-in
// rules are Product (the default) and Sum; a host plugs in its own with
// Method.ScorerWith, and proves it with risk/risktest.CheckRule. A rule must
// be deterministic and monotonic: raising likelihood or impact never lowers
// the score.
type Rule interface {
	Score(likelihood, impact int) int
}

// RuleFunc adapts a function to the Rule interface.
type RuleFunc func(likelihood, impact int) int

// Score calls f.
func (f RuleFunc) Score(likelihood, impact int) int { return f(likelihood, impact) }

// Product scores likelihood × impact: 1–25 on 5×5 scales. It is the rule
// the domain articles and most SME methods use.
var Product Rule = RuleFunc(func(l, i int) int { return l * i })

// Sum scores likelihood + impact: 2–10 on 5×5 scales.
var Sum Rule = RuleFunc(func(l, i int) int { return l + i })
