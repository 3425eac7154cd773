package risktest

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// Scale draws a valid scale of 2–7 levels with ascending, possibly uneven
// values starting between 1 and 3.
func Scale(name string) *rapid.Generator[risk.Scale] {
	return rapid.Custom(func(t *rapid.T) risk.Scale {
		s := risk.Scale{Name: name}
		v := rapid.IntRange(1, 3).Draw(t, name+"_first")
		for i := range rapid.IntRange(2, 7).Draw(t, name+"_levels") {
			s.Levels = append(s.Levels, isms.Level{Value: v, Label: fmt.Sprintf("%s %d", name, i+1)})
			v += rapid.IntRange(1, 3).Draw(t, name+"_step")
		}
		return s
	})
}

// Bands draws 1–5 bands, lowest first.
func Bands() *rapid.Generator[[]risk.Band] {
	return rapid.Custom(func(t *rapid.T) []risk.Band {
		var out []risk.Band
		for i := range rapid.IntRange(1, 5).Draw(t, "bands") {
			out = append(out, risk.Band{ID: fmt.Sprintf("b%d", i), Label: fmt.Sprintf("Band %d", i), Colour: "#888888"})
		}
		return out
	})
}

// Method draws a valid method: random scales, the product or sum rule, and
// a matrix given either by thresholds or by an explicit monotonic grid.
func Method() *rapid.Generator[risk.Method] {
	return rapid.Custom(func(t *rapid.T) risk.Method {
		m := risk.Method{
			Name:       "generated",
			Likelihood: Scale("Likelihood").Draw(t, "likelihood"),
			Impact:     Scale("Impact").Draw(t, "impact"),
			Scoring:    rapid.SampledFrom([]risk.Rule{risk.Product(), risk.Sum()}).Draw(t, "rule"),
			Bands:      Bands().Draw(t, "bands"),
		}
		rule := m.Scoring
		lo := rule.Score(m.Likelihood.Min(), m.Impact.Min())
		hi := rule.Score(m.Likelihood.Max(), m.Impact.Max())
		if rapid.Bool().Draw(t, "grid") {
			for _, row := range monotonicGrid(t, len(m.Likelihood.Levels), len(m.Impact.Levels), len(m.Bands)) {
				ids := make([]string, len(row))
				for i, k := range row {
					ids[i] = m.Bands[k].ID
				}
				m.Grid = append(m.Grid, ids)
			}
		} else {
			m.Thresholds = Thresholds(lo, hi, len(m.Bands)).Draw(t, "thresholds")
		}
		m.Criteria = risk.Criteria{Appetite: rapid.SampledFrom(m.Bands).Draw(t, "appetite").ID}
		if rapid.Bool().Draw(t, "strength") {
			m.ControlStrength = decimal.NewFromInt(int64(rapid.IntRange(1, 100).Draw(t, "strength_pct"))).Shift(-2)
		}
		return m
	})
}

// Thresholds draws n band thresholds for scores between lo and hi, strictly
// ascending after the first.
func Thresholds(lo, hi, n int) *rapid.Generator[[]int] {
	return rapid.Custom(func(t *rapid.T) []int {
		// The lowest band's threshold is ignored by the matrix; drawing it
		// keeps the generator well-formed when there is only one band.
		out := []int{rapid.IntRange(lo-3, lo).Draw(t, "lowest")}
		v := lo
		for range n - 1 {
			v += rapid.IntRange(1, max(1, (hi-lo)/n+1)).Draw(t, "threshold_step")
			out = append(out, v)
		}
		return out
	})
}

// monotonicGrid draws band indexes that never decrease along either axis.
func monotonicGrid(t *rapid.T, nl, ni, nb int) [][]int {
	g := make([][]int, nl)
	for l := range g {
		g[l] = make([]int, ni)
		for i := range g[l] {
			floor := 0
			if l > 0 {
				floor = g[l-1][i]
			}
			if i > 0 {
				floor = max(floor, g[l][i-1])
			}
			g[l][i] = floor + rapid.IntRange(0, min(1, nb-1-floor)).Draw(t, "step")
		}
	}
	return g
}

// Rating draws a rating on m's scales.
func Rating(m risk.Method) *rapid.Generator[risk.Rating] {
	return rapid.Custom(func(t *rapid.T) risk.Rating {
		return risk.Rating{
			Likelihood: rapid.SampledFrom(m.Likelihood.Levels).Draw(t, "likelihood").Value,
			Impact:     rapid.SampledFrom(m.Impact.Levels).Draw(t, "impact").Value,
		}
	})
}

// Assessment draws an assessment on m's scales with a rationale and a date
// in 2025–2027.
func Assessment(m risk.Method) *rapid.Generator[risk.Assessment] {
	return rapid.Custom(func(t *rapid.T) risk.Assessment {
		return risk.Assessment{
			Rating:    Rating(m).Draw(t, "rating"),
			Rationale: "assessed in the risk workshop",
			Date:      time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rapid.IntRange(0, 1000).Draw(t, "day")),
		}
	})
}

// Risk draws a risk of m that passes Register.Validate: residual and target
// never above the stage before, an owner, a treatment with a deadline, and
// no acceptance.
func Risk(m risk.Method) *rapid.Generator[risk.Risk] {
	return rapid.Custom(func(t *rapid.T) risk.Risk {
		owner := isms.OwnedByRole(isms.IDFromUUID[isms.Role]([16]byte{1}))
		n := rapid.IntRange(1, 1_000_000).Draw(t, "ref")
		in := Assessment(m).Draw(t, "inherent")
		r := risk.Risk{
			ID:         isms.IDFromUUID[risk.Risk](uuidFor(n)),
			Ref:        fmt.Sprintf("R-%d", n),
			Title:      "Generated risk",
			Kind:       risk.EventBased,
			Scenario:   "something goes wrong",
			Properties: []risk.Property{rapid.SampledFrom([]risk.Property{risk.Confidentiality, risk.Integrity, risk.Availability}).Draw(t, "property")},
			Owner:      owner,
			Inherent:   in,
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{{
				Title: "do something", Owner: owner, Status: risk.ActionPlanned,
				Due: in.Date.AddDate(0, rapid.IntRange(1, 12).Draw(t, "months"), 0),
			}}},
		}
		if rapid.Bool().Draw(t, "has_residual") {
			r.Residual = lower(t, m, in, "residual")
			if rapid.Bool().Draw(t, "has_target") {
				r.Target = lower(t, m, r.Residual, "target")
			}
		}
		return r
	})
}

// lower draws an assessment whose likelihood and impact are at most a's.
func lower(t *rapid.T, m risk.Method, a risk.Assessment, label string) risk.Assessment {
	out := a
	out.Likelihood = m.Likelihood.Levels[rapid.IntRange(0, m.Likelihood.Rank(a.Likelihood)).Draw(t, label+"_l")].Value
	out.Impact = m.Impact.Levels[rapid.IntRange(0, m.Impact.Rank(a.Impact)).Draw(t, label+"_i")].Value
	out.Rationale = label + " after controls"
	return out
}

func uuidFor(n int) [16]byte {
	var u [16]byte
	u[0] = 0x42
	for i := 15; n > 0; i-- {
		u[i] = byte(n)
		n >>= 8
	}
	return u
}

// Register draws a valid register of 0–30 risks with distinct references.
func Register() *rapid.Generator[risk.Register] {
	return rapid.Custom(func(t *rapid.T) risk.Register {
		m := Method().Draw(t, "method")
		reg := risk.Register{Method: m}
		seen := map[string]bool{}
		for range rapid.IntRange(0, 30).Draw(t, "risks") {
			r := Risk(m).Draw(t, "risk")
			if seen[r.Ref] {
				continue
			}
			seen[r.Ref] = true
			reg.Risks = append(reg.Risks, r)
		}
		return reg
	})
}
