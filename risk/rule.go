package risk

// ScoringRule turns a likelihood and an impact level value into a score.
// Built-in rules are Product (the default) and Sum; a host plugs in its own
// with Method.ScorerWith, and proves it with
// risk/risktest.CheckScoringRule. A rule must be deterministic and
// monotonic: raising likelihood or impact never lowers the score.
type ScoringRule interface {
	Score(likelihood, impact int) int
}

// ScoringRuleFunc adapts a function to the ScoringRule interface.
type ScoringRuleFunc func(likelihood, impact int) int

// Score calls f.
func (f ScoringRuleFunc) Score(likelihood, impact int) int { return f(likelihood, impact) }

// Product scores likelihood × impact: 1–25 on 5×5 scales. It is the rule
// the domain articles and most SME methods use.
var Product ScoringRule = ScoringRuleFunc(func(l, i int) int { return l * i })

// Sum scores likelihood + impact: 2–10 on 5×5 scales.
var Sum ScoringRule = ScoringRuleFunc(func(l, i int) int { return l + i })
