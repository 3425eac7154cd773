package risk

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
)

// Scale is an ordered set of levels, such as likelihood 1 Rare … 5 Almost
// certain. It is the kernel's scale: the same type rates assets.
type Scale = isms.Scale

// Band is a risk level such as Low, Medium, High or Critical. Bands are
// listed lowest first in a Method; a band's position is its order.
type Band struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Colour string `json:"colour"` // CSS colour for heat maps, e.g. "#c62828"
}

// Method is the organization's risk assessment method (clause 6.1.2): the
// likelihood and impact scales, how a (likelihood, impact) pair becomes a
// score and a band, and the risk acceptance criteria.
//
// The matrix is defined in one of two ways:
//   - by a scoring rule and band thresholds: Scoring is the rule (Product,
//     the default, Sum, or the host's own) and Thresholds[k] is the lowest score of
//     Bands[k] (Thresholds[0] is ignored: the lowest band takes every score
//     below Thresholds[1]);
//   - by an explicit grid, as many GRC tools store it: Grid[l][i] is the
//     band ID of the cell with the l-th likelihood level and the i-th impact
//     level (both counted from 0, lowest first). The rule still gives each
//     cell a score, used to order risks within a band.
//
// Either way the result must be monotonic: no cell is in a lower band than
// a cell with lower or equal likelihood and impact. Level values start at 1
// or more, because a zero rating means "not assessed".
type Method struct {
	Name string `json:"name"`
	// Version identifies this edition of the method, e.g. "2026-1". Each
	// assessment records the version it was made with
	// (Assessment.MethodVersion), so results stay comparable (clause 6.1.2
	// b) and Trend rates each snapshot with the method of its time.
	Version string `json:"version,omitempty"`
	// Approved records who approved this version of the method, and when.
	Approved   *Approval `json:"approved,omitempty"`
	Likelihood Scale     `json:"likelihood"`
	Impact     Scale     `json:"impact"`
	// Scoring is the scoring rule, stored by name: Product (the default),
	// Sum, or the host's own (NewRule, WithRule).
	Scoring    Rule       `json:"rule,omitzero"`
	Bands      []Band     `json:"bands"`
	Thresholds []int      `json:"thresholds,omitempty"`
	Grid       [][]string `json:"grid,omitempty"`
	Criteria   Criteria   `json:"criteria"`
	// ControlStrength is the share of exposure one fully effective control
	// removes when residual risk is derived (see DeriveResidual): above 0
	// and at most 1, with at most MaxControlStrengthPlaces decimal places.
	// Zero means the default, 0.5.
	ControlStrength decimal.Decimal `json:"control_strength,omitzero"`
	// ControlDimensions says, per control, what DeriveResidual takes it to
	// reduce when an applied control leaves Reduces empty; controls not
	// listed fall back to their catalogue type (DimensionOf). At most
	// MaxControlDimensions entries, each control once.
	ControlDimensions []ControlDimension `json:"control_dimensions,omitempty"`
}

// WithRule returns a copy of m that scores with rule (its Name is what a
// stored method keeps). The copy shares nothing mutable with m's rule
// field; m is unchanged.
func (m Method) WithRule(rule Rule) Method {
	m.Scoring = rule
	return m
}

// Limits on a method's scales, far above any real method, that keep the
// compiled matrix small whatever a configuration file says.
const (
	MaxLevels     = 20
	MaxLevelValue = 1000
	// MaxBands is the most risk bands a method may have.
	MaxBands = 20
	// MaxAuthorities is the most acceptance authorities a method's
	// criteria may list.
	MaxAuthorities = 100
	// MaxAcceptanceMonths is the longest period, in months, an authority
	// may accept a risk for (ten years).
	MaxAcceptanceMonths = 120
	// MaxAppliedControls is the most controls one risk may have applied
	// (Risk.Applied, and the controls DeriveResidual is given).
	MaxAppliedControls = 1000
	// MaxControlStrengthPlaces is the most decimal places a method's
	// ControlStrength may have, which keeps DeriveResidual's exact
	// arithmetic small.
	MaxControlStrengthPlaces = 4
	// MaxControlDimensions is the most per-control dimension entries a
	// method's ControlDimensions may have.
	MaxControlDimensions = 1000
)

// DefaultControlStrength is the ControlStrength used when a Method leaves it
// zero: one fully effective control halves the exposure.
var defaultControlStrength = decimal.RequireFromString("0.5")

// Strength returns the method's control strength, or the default 0.5. It
// is not checked: Validate refuses a strength outside (0, 1].
func (m Method) Strength() decimal.Decimal {
	if m.ControlStrength.IsZero() {
		return defaultControlStrength
	}
	return m.ControlStrength
}

// BandIndex returns the position (order) of band id, or -1.
func (m Method) BandIndex(id string) int {
	return slices.IndexFunc(m.Bands, func(b Band) bool { return b.ID == id })
}

// Validate checks the scales, the bands, the matrix definition (exactly one
// of thresholds and grid, sized to the scales, monotonic) and the criteria,
// reporting every problem at once.
func (m Method) Validate() error {
	_, err := m.Scorer()
	return err
}

// Scorer compiles the method with its own rule (Method.Scoring) into a
// Scorer. The rule is called once per cell, here; scoring a risk afterwards
// is a table lookup.
func (m Method) Scorer() (*Scorer, error) {
	var p isms.Problems
	rule, err := m.Scoring.resolve()
	if err != nil {
		p.Addf("rule", "%v", err)
		m.check(&p, nil)
		return nil, p.Err()
	}
	s := m.check(&p, rule)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// check validates the method and, when rule is given and everything is
// valid so far, compiles the scorer.
func (m Method) check(p *isms.Problems, rule ScoringRule) *Scorer {
	before := p.Len()
	p.Merge("likelihood", m.Likelihood.Validate())
	p.Merge("impact", m.Impact.Validate())
	for _, sc := range []struct {
		path string
		s    Scale
	}{{"likelihood", m.Likelihood}, {"impact", m.Impact}} {
		if len(sc.s.Levels) > 0 && sc.s.Min() < 1 {
			p.Addf(isms.JoinPath(sc.path, "levels[0].value"), "%s levels start at %d; start at 1 or more (0 means not assessed)", strings.ToLower(sc.s.Name), sc.s.Min())
		}
		if len(sc.s.Levels) > MaxLevels || sc.s.Max() > MaxLevelValue {
			p.Addf(isms.JoinPath(sc.path, "levels"), "%s has %d levels up to %d; a risk scale has at most %d levels with values up to %d",
				strings.ToLower(sc.s.Name), len(sc.s.Levels), sc.s.Max(), MaxLevels, MaxLevelValue)
		}
	}
	if s := m.ControlStrength; !s.IsZero() && (!s.IsPositive() || s.GreaterThan(decimal.NewFromInt(1)) || !s.Round(MaxControlStrengthPlaces).Equal(s)) {
		p.Addf("control_strength", "control strength %s is not above 0 and at most 1 with at most %d decimal places (MaxControlStrengthPlaces); it is the share of exposure one fully effective control removes, e.g. 0.5",
			isms.QuoteDecimal(s), MaxControlStrengthPlaces)
	}
	if len(m.Bands) == 0 {
		p.Addf("bands", "the method has no risk bands; list them lowest first, e.g. Low, Medium, High")
	}
	if len(m.Bands) > MaxBands {
		p.Addf("bands", "the method has %d risk bands; a method has at most MaxBands (%d)", len(m.Bands), MaxBands)
		return nil
	}
	ids := map[string]bool{}
	for i, b := range m.Bands {
		path := isms.Index("bands", i)
		if strings.TrimSpace(b.ID) == "" {
			p.Addf(isms.JoinPath(path, "id"), "band %d has no ID", i)
		} else if ids[b.ID] {
			p.Addf(isms.JoinPath(path, "id"), "band ID %q is used twice", b.ID)
		}
		ids[b.ID] = true
		if strings.TrimSpace(b.Label) == "" {
			p.Addf(isms.JoinPath(path, "label"), "band %q has no label", b.ID)
		}
	}
	switch {
	case len(m.Thresholds) > 0 && len(m.Grid) > 0:
		p.Addf("grid", "give either thresholds or a grid, not both")
	case len(m.Thresholds) == 0 && len(m.Grid) == 0:
		p.Addf("thresholds", "the matrix is not defined; give band thresholds or a grid")
	}
	p.Merge("criteria", m.Criteria.validate(m))
	if m.Approved != nil {
		p.Merge("approved", m.Approved.validate("the method's approval"))
	}
	checkControlDimensions(p, m.ControlDimensions)
	if p.Len() > before || rule == nil {
		return nil
	}
	return m.compile(p, rule)
}
