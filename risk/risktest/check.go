package risktest

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// DefaultRandomScales is how many random scale pairs CheckScoringRule
// tries, after the host's own scales, when CheckOptions.RandomScales is 0.
const DefaultRandomScales = 100

// CheckOptions tune CheckScoringRule. The zero value checks the rule on
// DefaultRandomScales random scale pairs, deterministically, writing no
// files.
type CheckOptions struct {
	// Likelihood and Impact are the host's own scales. When both are given
	// the rule is checked on them first, cell by cell.
	Likelihood, Impact risk.Scale
	// RandomScales is how many random scale pairs to try as well; 0 means
	// DefaultRandomScales, a negative number none.
	RandomScales int
	// Rapid runs the random part under rapid.Check, which shrinks a
	// failure to a small case and, as rapid does, writes a failure file
	// under testdata/rapid in the calling package (unless the test runs
	// with -rapid.nofailfile). Off by default: a failing check then writes
	// nothing into the host's package.
	Rapid bool
}

// CheckScoringRule checks a host's scoring rule for the properties ismskit
// holds its own rules to, on the host's scales (opts.Likelihood and
// opts.Impact) and on random ones, and fails t with the property that
// failed, in words that match it:
//
//   - "not deterministic": the same rating scored twice gives two scores;
//   - "not monotonic in likelihood at (l, i)": raising likelihood by one
//     level from l lowers the score (and likewise "in impact");
//   - "does not compile into a matrix": a method with band thresholds over
//     the rule's range does not compile, or rates a cell unlike the rule
//     and thresholds.
//
// (Monotonic implies bounded: every score lies between the lowest and the
// highest cell's.) A host's test reads:
//
//	risktest.CheckScoringRule(t, ours, risktest.CheckOptions{Likelihood: m.Likelihood, Impact: m.Impact})
func CheckScoringRule(t *testing.T, rule risk.ScoringRule, opts CheckOptions) {
	t.Helper()
	if len(opts.Likelihood.Levels) > 0 || len(opts.Impact.Levels) > 0 {
		if err := ScoringRuleProblem(rule, opts.Likelihood, opts.Impact); err != nil {
			t.Fatalf("on the host's scales: %v", err)
		}
	}
	n := opts.RandomScales
	if n == 0 {
		n = DefaultRandomScales
	}
	if n < 0 {
		return
	}
	if opts.Rapid {
		rapid.Check(t, func(t *rapid.T) {
			l, i := Scale("Likelihood").Draw(t, "likelihood"), Scale("Impact").Draw(t, "impact")
			if err := ScoringRuleProblem(rule, l, i); err != nil {
				t.Fatal(err)
			}
		})
		return
	}
	for seed := range n {
		l, i := Scale("Likelihood").Example(2*seed), Scale("Impact").Example(2*seed+1)
		if err := ScoringRuleProblem(rule, l, i); err != nil {
			t.Fatalf("on scales %s and %s: %v", l.Describe(), i.Describe(), err)
		}
	}
}

// ScoringRuleProblem checks rule on one pair of scales, cell by cell, and
// returns the first property that fails (see CheckScoringRule), or nil.
// The scales must be valid (isms.Scale.Validate).
func ScoringRuleProblem(rule risk.ScoringRule, l, i risk.Scale) error {
	if rule == nil {
		return fmt.Errorf("no scoring rule was given")
	}
	var p isms.Problems
	p.Merge("likelihood", l.Validate())
	p.Merge("impact", i.Validate())
	if err := p.Err(); err != nil {
		return fmt.Errorf("the scales are not valid: %w", err)
	}
	for a, lv := range l.Levels {
		for b, iv := range i.Levels {
			s := rule.Score(lv.Value, iv.Value)
			if again := rule.Score(lv.Value, iv.Value); again != s {
				return fmt.Errorf("not deterministic at (%d, %d): scored %d, then %d", lv.Value, iv.Value, s, again)
			}
			if a > 0 {
				prev := l.Levels[a-1].Value
				if p := rule.Score(prev, iv.Value); s < p {
					return fmt.Errorf("not monotonic in likelihood at (%d, %d): raising likelihood to %d lowers the score from %d to %d", prev, iv.Value, lv.Value, p, s)
				}
			}
			if b > 0 {
				prev := i.Levels[b-1].Value
				if p := rule.Score(lv.Value, prev); s < p {
					return fmt.Errorf("not monotonic in impact at (%d, %d): raising impact to %d lowers the score from %d to %d", lv.Value, prev, iv.Value, p, s)
				}
			}
		}
	}
	// A threshold matrix over the rule's range compiles and agrees with it.
	lo, hi := rule.Score(l.Min(), i.Min()), rule.Score(l.Max(), i.Max())
	bands := []risk.Band{{ID: "low", Label: "Low"}, {ID: "high", Label: "High"}}
	th := []int{lo, lo + (hi-lo)/2 + 1}
	if hi == lo {
		bands, th = bands[:1], th[:1]
	}
	m := risk.Method{Name: "check", Likelihood: l, Impact: i, Bands: bands, Thresholds: th,
		Criteria: risk.Criteria{Appetite: "low"}}.WithRule(risk.NewRule("checked", rule))
	sc, err := m.Scorer()
	if err != nil {
		return fmt.Errorf("does not compile into a matrix: %w", err)
	}
	for _, lv := range l.Levels {
		for _, iv := range i.Levels {
			got, err := sc.Rate(risk.Rating{Likelihood: lv.Value, Impact: iv.Value})
			s := rule.Score(lv.Value, iv.Value)
			want := 0
			if len(th) > 1 && s >= th[1] {
				want = 1
			}
			if err != nil || got.Score != s || got.Order != want {
				return fmt.Errorf("does not compile into a matrix: (%d, %d) rates score %d band %d (%v); the rule and thresholds give %d band %d", lv.Value, iv.Value, got.Score, got.Order, err, s, want)
			}
		}
	}
	return nil
}
