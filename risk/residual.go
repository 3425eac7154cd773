package risk

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// Dimension says which part of a rating a control reduces.
type Dimension string

// Dimensions.
const (
	ReducesLikelihood Dimension = "likelihood"
	ReducesImpact     Dimension = "impact"
	ReducesBoth       Dimension = "both"
)

// AppliedControl is a control in place against a risk, with how well it
// works and what it reduces. Leave Reduces empty to take it from the
// control's type in the catalogue: preventive controls reduce likelihood,
// detective and corrective ones reduce impact, a control of both kinds
// reduces both.
type AppliedControl struct {
	Control       controls.ID            `json:"control"`
	Effectiveness controls.Effectiveness `json:"effectiveness"`
	Reduces       Dimension              `json:"reduces,omitempty"`
}

// ControlDimension is a method's say on what one control reduces when
// DeriveResidual derives a residual: it overrides the catalogue type.
type ControlDimension struct {
	Control controls.ID `json:"control"`
	Reduces Dimension   `json:"reduces"`
}

// checkControlDimensions records malformed or repeated entries.
func checkControlDimensions(p *isms.Problems, cds []ControlDimension) {
	if len(cds) > MaxControlDimensions {
		p.Addf("control_dimensions", "the method maps %d controls; at most MaxControlDimensions (%d)", len(cds), MaxControlDimensions)
		return
	}
	seen := make(map[controls.ID]bool, len(cds))
	for i, cd := range cds {
		path := isms.Index("control_dimensions", i)
		switch {
		case cd.Control == "":
			p.Addf(isms.JoinPath(path, "control"), "the entry names no control")
		case seen[cd.Control]:
			p.Addf(isms.JoinPath(path, "control"), "control %s is mapped twice", cd.Control)
		}
		seen[cd.Control] = true
		if cd.Reduces == "" || !validDimension(cd.Reduces) {
			p.Addf(isms.JoinPath(path, "reduces"), "control %s: %q is not likelihood, impact or both", cd.Control, cd.Reduces)
		}
	}
}

// dimensionFor returns what the method says control id reduces.
func (m Method) dimensionFor(id controls.ID) (Dimension, bool) {
	for _, cd := range m.ControlDimensions {
		if cd.Control == id {
			return cd.Reduces, true
		}
	}
	return "", false
}

// DimensionOf returns what a catalogue control reduces, from its control
// type tags.
func DimensionOf(c controls.Control) Dimension {
	prev := c.Has(controls.Preventive)
	other := c.Has(controls.Detective) || c.Has(controls.Corrective)
	switch {
	case prev && other:
		return ReducesBoth
	case prev:
		return ReducesLikelihood
	default:
		return ReducesImpact
	}
}

// DeriveResidual proposes a residual rating from the inherent rating and
// the controls applied. It is a proposal: record it with Assessment.Derived
// set, and the risk owner confirms or overrides it (Assessment.Confirmed);
// until then reports list it as unconfirmed. The exact rule:
//
//  1. Each control's effectiveness gives a factor f (controls.Effectiveness
//     Factor: 0, 0, 0.5, 0.75 or 1) and the method a strength s
//     (Method.Strength, 0.5 by default).
//  2. For likelihood and for impact separately, the remaining exposure is
//     E = Π (1 − s·f) over the controls that reduce that dimension
//     (E = 1 when none do).
//  3. The residual level is the one at rank ⌈r·E⌉ on the scale, where r is
//     the inherent level's rank counted from 0. Rounding up keeps the
//     estimate on the cautious side.
//
// All arithmetic is in decimals, so the result is exact and deterministic,
// and never above the inherent rating. cat resolves empty Reduces fields;
// it may be nil when every applied control states what it reduces. The
// method's own fields are validated first (its problems are returned
// under "method"; the scoring rule is not needed here),
// and at most MaxAppliedControls controls are taken. An applied control
// with an empty Reduces takes the method's ControlDimensions entry for it,
// else its catalogue type (DimensionOf).
//
// Known limits of the rule, which is why the owner decides:
//   - weak controls stack: three partially effective controls (f = 0.5,
//     s = 0.5) leave 0.75³ ≈ 0.42 of the exposure, as much as one fully
//     effective control and a half, though weak controls often fail
//     together;
//   - rounding up is cautious at the bottom of a scale: at the default
//     strength a level of rank 1 (level 2 of 1–5) never reaches rank 0,
//     since ⌈1·E⌉ = 1 for every E > 0, and one control only moves rank r
//     to ⌈r/2⌉;
//   - it knows nothing of the threat: a control's effectiveness is the
//     same against every risk it is applied to.
func DeriveResidual(m Method, inherent Rating, applied []AppliedControl, cat *controls.Catalogue) (Rating, error) {
	var p isms.Problems
	var mp isms.Problems
	m.check(&mp, nil) // scales, bands, strength, criteria; whatever the rule
	if err := mp.Err(); err != nil {
		p.Merge("method", err)
		return Rating{}, p.Err()
	}
	if len(applied) > MaxAppliedControls {
		p.Addf("applied", "%d applied controls are more than MaxAppliedControls (%d)", len(applied), MaxAppliedControls)
		return Rating{}, p.Err()
	}
	if !m.Likelihood.Contains(inherent.Likelihood) {
		p.Addf("likelihood", "likelihood %d is outside the scale %s", inherent.Likelihood, m.Likelihood.Describe())
	}
	if !m.Impact.Contains(inherent.Impact) {
		p.Addf("impact", "impact %d is outside the scale %s", inherent.Impact, m.Impact.Describe())
	}
	one := decimal.NewFromInt(1)
	eL, eI := one, one
	s := m.Strength()
	for i, a := range applied {
		path := isms.Index("applied", i)
		if a.Effectiveness < controls.NotAssessed || a.Effectiveness > controls.Effective {
			p.Addf(isms.JoinPath(path, "effectiveness"), "control %s: effectiveness %d is outside 0..4", a.Control, a.Effectiveness)
			continue
		}
		d := a.Reduces
		if d == "" {
			d, _ = m.dimensionFor(a.Control)
		}
		if d == "" {
			c, ok := lookup(cat, a.Control)
			if !ok {
				where := "it is not in the catalogue"
				if cat == nil {
					where = "no catalogue was given to look it up"
				}
				p.Addf(isms.JoinPath(path, "reduces"), "control %s: say whether it reduces likelihood, impact or both (%s)", a.Control, where)
				continue
			}
			d = DimensionOf(c)
		}
		keep := one.Sub(s.Mul(a.Effectiveness.Factor()))
		switch d {
		case ReducesLikelihood:
			eL = eL.Mul(keep)
		case ReducesImpact:
			eI = eI.Mul(keep)
		case ReducesBoth:
			eL, eI = eL.Mul(keep), eI.Mul(keep)
		default:
			p.Addf(isms.JoinPath(path, "reduces"), "control %s: %q is not likelihood, impact or both", a.Control, d)
		}
	}
	if err := p.Err(); err != nil {
		return Rating{}, err
	}
	return Rating{
		Likelihood: reduce(m.Likelihood, inherent.Likelihood, eL),
		Impact:     reduce(m.Impact, inherent.Impact, eI),
	}, nil
}

// reduce moves value v down its scale to rank ⌈rank(v)·e⌉, with e in
// [0, 1] (a valid method's strength keeps it there; it is clamped anyway,
// so the index is always on the scale).
func reduce(s Scale, v int, e decimal.Decimal) int {
	rank := s.Rank(v)
	e = decimal.Min(decimal.Max(e, decimal.Zero), decimal.NewFromInt(1))
	r := decimal.NewFromInt(int64(rank)).Mul(e).Ceil().IntPart()
	return s.Levels[min(max(r, 0), int64(rank))].Value
}

func lookup(cat *controls.Catalogue, id controls.ID) (controls.Control, bool) {
	if cat == nil {
		return controls.Control{}, false
	}
	return cat.ByID(id)
}

var dimensions = []Dimension{ReducesLikelihood, ReducesImpact, ReducesBoth}

func validDimension(d Dimension) bool { return d == "" || slices.Contains(dimensions, d) }
