package risktest

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/risk"
)

// CheckScoringRule runs, against a host's scoring rule, the properties ismskit
// holds its own rules to, on many random scales:
//
//   - deterministic: the same rating always scores the same;
//   - monotonic: raising likelihood or impact by one level never lowers
//     the score;
//   - bounded: every score lies between the scores of the lowest and the
//     highest cell;
//   - consistent with the matrix: a method with band thresholds over the
//     rule's range compiles, and every rating's band is the highest band
//     whose threshold its score reaches.
//
// A host's test reads: risktest.CheckScoringRule(t, myRule).
func CheckScoringRule(t *testing.T, rule risk.ScoringRule) {
	t.Helper()
	rapid.Check(t, func(t *rapid.T) {
		l, i := Scale("Likelihood").Draw(t, "likelihood"), Scale("Impact").Draw(t, "impact")
		lo := rule.Score(l.Min(), i.Min())
		hi := rule.Score(l.Max(), i.Max())
		for a, lv := range l.Levels {
			for b, iv := range i.Levels {
				s := rule.Score(lv.Value, iv.Value)
				if again := rule.Score(lv.Value, iv.Value); again != s {
					t.Fatalf("not deterministic: (%d, %d) scored %d, then %d", lv.Value, iv.Value, s, again)
				}
				if s < lo || s > hi {
					t.Fatalf("not bounded: (%d, %d) scores %d, outside [%d, %d] of the lowest and highest cells", lv.Value, iv.Value, s, lo, hi)
				}
				if a > 0 {
					if prev := rule.Score(l.Levels[a-1].Value, iv.Value); s < prev {
						t.Fatalf("not monotonic in likelihood: (%d, %d) scores %d, less than %d at likelihood %d", lv.Value, iv.Value, s, prev, l.Levels[a-1].Value)
					}
				}
				if b > 0 {
					if prev := rule.Score(lv.Value, i.Levels[b-1].Value); s < prev {
						t.Fatalf("not monotonic in impact: (%d, %d) scores %d, less than %d at impact %d", lv.Value, iv.Value, s, prev, i.Levels[b-1].Value)
					}
				}
			}
		}

		bands := Bands().Draw(t, "bands")
		m := risk.Method{
			Name: "check", Likelihood: l, Impact: i, Bands: bands,
			Thresholds: Thresholds(lo, hi, len(bands)).Draw(t, "thresholds"),
			Criteria:   risk.Criteria{Appetite: bands[0].ID},
		}
		sc, err := m.ScorerWith(rule)
		if err != nil {
			t.Fatalf("a threshold matrix over the rule does not compile: %v", err)
		}
		for _, lv := range l.Levels {
			for _, iv := range i.Levels {
				got, err := sc.Rate(risk.Rating{Likelihood: lv.Value, Impact: iv.Value})
				if err != nil {
					t.Fatalf("rate (%d, %d): %v", lv.Value, iv.Value, err)
				}
				s := rule.Score(lv.Value, iv.Value)
				want := 0
				for k := 1; k < len(m.Thresholds); k++ {
					if s >= m.Thresholds[k] {
						want = k
					}
				}
				if got.Score != s || got.Order != want {
					t.Fatalf("(%d, %d): scorer gives score %d band %d, the rule and thresholds give %d band %d", lv.Value, iv.Value, got.Score, got.Order, s, want)
				}
			}
		}
	})
}
