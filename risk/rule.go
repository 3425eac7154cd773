package risk

import (
	"encoding/json"
	"fmt"
	"strings"
)

// ScoringRule turns a likelihood and an impact level value into a score.
// Built-in rules are Product (the default) and Sum; a host gives a method
// its own with Method.WithRule (or DecodeMethod's rules) and proves it with
// risk/risktest.CheckScoringRule. A rule must be deterministic and
// monotonic: raising likelihood or impact never lowers the score.
type ScoringRule interface {
	Score(likelihood, impact int) int
}

// ScoringRuleFunc adapts a function to the ScoringRule interface.
type ScoringRuleFunc func(likelihood, impact int) int

// Score calls f.
func (f ScoringRuleFunc) Score(likelihood, impact int) int { return f(likelihood, impact) }

// Names of the built-in rules.
const (
	// RuleProduct names the likelihood × impact rule, the default.
	RuleProduct = "product"
	// RuleSum names the likelihood + impact rule.
	RuleSum = "sum"
)

type productRule struct{}

// Score is likelihood × impact.
func (productRule) Score(l, i int) int { return l * i }

type sumRule struct{}

// Score is likelihood + impact.
func (sumRule) Score(l, i int) int { return l + i }

// Rule is a scoring rule together with the stable name a stored method
// refers to it by. A Method carries its Rule by value, so every part of the
// package that rates a risk (validation, queries, heat maps, summaries,
// exports) uses the same rule. In JSON a Rule is just its name; the built-in
// names resolve by themselves, a host's own names through DecodeMethod's
// rules argument (or Method.WithRule after decoding). The zero Rule is
// Product.
type Rule struct {
	// Name is how the method is stored: "product", "sum" or a host's own
	// name such as "acme-weighted".
	Name string
	// Func is the rule; nil means the built-in rule called Name.
	Func ScoringRule
}

// Product returns the built-in likelihood × impact rule: 1–25 on 5×5
// scales. It is the rule the domain articles and most SME methods use.
func Product() Rule { return Rule{Name: RuleProduct} }

// Sum returns the built-in likelihood + impact rule: 2–10 on 5×5 scales.
func Sum() Rule { return Rule{Name: RuleSum} }

// NewRule names a host's own scoring rule so a method can carry it.
func NewRule(name string, f ScoringRule) Rule { return Rule{Name: name, Func: f} }

// Score scores with the rule, so a Rule is itself a ScoringRule. A name
// that is neither built in nor given a Func scores 0 (Method.Scorer
// refuses such a rule).
func (r Rule) Score(likelihood, impact int) int {
	f, err := r.resolve()
	if err != nil {
		return 0
	}
	return f.Score(likelihood, impact)
}

// IsZero reports whether the rule is unset (meaning Product).
func (r Rule) IsZero() bool { return r.Name == "" && r.Func == nil }

// resolve returns the function the rule stands for, or an error saying how
// to supply a rule the package does not know.
func (r Rule) resolve() (ScoringRule, error) {
	if r.Func != nil {
		if strings.TrimSpace(r.Name) == "" {
			return nil, fmt.Errorf("the scoring rule has no name; give it a stable name (risk.NewRule) so a stored method can refer to it")
		}
		return r.Func, nil
	}
	switch strings.ToLower(r.Name) {
	case "", RuleProduct:
		return productRule{}, nil
	case RuleSum:
		return sumRule{}, nil
	}
	return nil, fmt.Errorf("scoring rule %q is not built in (product, sum); give the method the host's rule with Method.WithRule or DecodeMethod's rules", r.Name)
}

// MarshalJSON writes the rule's name.
func (r Rule) MarshalJSON() ([]byte, error) { return json.Marshal(r.Name) }

// UnmarshalJSON reads a rule's name; the function is resolved when the
// method compiles (built-in names) or supplied by the host.
func (r *Rule) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return fmt.Errorf("a scoring rule is written as its name, e.g. \"product\": %w", err)
	}
	*r = Rule{Name: name}
	return nil
}
