package risk

import (
	"fmt"

	"github.com/ismskit/ismskit/isms"
)

// Rating is a point on the risk matrix: a likelihood and an impact level
// value.
type Rating struct {
	Likelihood int `json:"likelihood"`
	Impact     int `json:"impact"`
}

// Grade is what a Rating scores: the rule's score and the band, with the
// band's order (0 for the lowest band). (A step on a likelihood or impact
// scale is an isms.Level; a Grade is a cell of the matrix.)
type Grade struct {
	Score int  `json:"score"`
	Order int  `json:"order"`
	Band  Band `json:"band"`
}

// Compare orders grades by band, then score.
func (l Grade) Compare(o Grade) int {
	switch {
	case l.Order != o.Order:
		return cmpInt(l.Order, o.Order)
	default:
		return cmpInt(l.Score, o.Score)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Scorer is a compiled Method: every cell's score and band precomputed, so
// rating a risk is a table lookup that does not allocate. A Scorer is
// immutable and safe for concurrent use.
type Scorer struct {
	method     Method
	lMin, iMin int
	lRank      []int // value − lMin → rank, or −1
	iRank      []int
	nImpact    int
	cells      []Grade // rank-major: [lRank*nImpact + iRank]
	appetite   int     // order of the appetite band
}

// compile builds the cell table, recording problems in p.
func (m Method) compile(p *isms.Problems, rule ScoringRule) *Scorer {
	s := &Scorer{method: m, lMin: m.Likelihood.Min(), iMin: m.Impact.Min(), nImpact: len(m.Impact.Levels), appetite: m.BandIndex(m.Criteria.Appetite)}
	s.lRank = rankTable(m.Likelihood)
	s.iRank = rankTable(m.Impact)
	nl, ni := len(m.Likelihood.Levels), len(m.Impact.Levels)
	s.cells = make([]Grade, nl*ni)
	before := p.Len()

	if len(m.Thresholds) > 0 {
		if len(m.Thresholds) != len(m.Bands) {
			p.Addf("thresholds", "there are %d thresholds for %d bands; give one per band", len(m.Thresholds), len(m.Bands))
			return nil
		}
		for k := 2; k < len(m.Thresholds); k++ {
			if m.Thresholds[k] <= m.Thresholds[k-1] {
				p.Addf(isms.Index("thresholds", k), "threshold %d of band %q is not above %d of band %q",
					m.Thresholds[k], m.Bands[k].ID, m.Thresholds[k-1], m.Bands[k-1].ID)
			}
		}
	} else {
		if len(m.Grid) != nl {
			p.Addf("grid", "the grid has %d rows; it needs one per likelihood level (%d)", len(m.Grid), nl)
			return nil
		}
		for l, row := range m.Grid {
			if len(row) != ni {
				p.Addf(isms.Index("grid", l), "grid row %d has %d cells; it needs one per impact level (%d)", l, len(row), ni)
			}
		}
	}
	if p.Len() > before {
		return nil
	}
	for l, lv := range m.Likelihood.Levels {
		for i, iv := range m.Impact.Levels {
			score := rule.Score(lv.Value, iv.Value)
			order := 0
			if len(m.Thresholds) > 0 {
				for k := 1; k < len(m.Thresholds); k++ {
					if score >= m.Thresholds[k] {
						order = k
					}
				}
			} else {
				order = m.BandIndex(m.Grid[l][i])
				if order < 0 {
					p.Addf(isms.Index("grid", l)+fmt.Sprintf("[%d]", i),
						"grid cell (likelihood %d, impact %d) names band %q, which is not defined", lv.Value, iv.Value, m.Grid[l][i])
					continue
				}
			}
			s.cells[l*ni+i] = Grade{Score: score, Order: order, Band: m.Bands[order]}
		}
	}
	if p.Len() > before {
		return nil
	}
	// Monotonic: each cell at least as high as its lower neighbours, in band
	// and in score.
	for l := range nl {
		for i := range ni {
			c := s.cells[l*ni+i]
			for _, nb := range [][2]int{{l - 1, i}, {l, i - 1}} {
				if nb[0] < 0 || nb[1] < 0 {
					continue
				}
				d := s.cells[nb[0]*ni+nb[1]]
				lv, iv := m.Likelihood.Levels[l].Value, m.Impact.Levels[i].Value
				if c.Order < d.Order {
					p.Addf("grid", "the matrix is not monotonic: cell (likelihood %d, impact %d) is %s, lower than %s at (likelihood %d, impact %d)",
						lv, iv, c.Band.ID, d.Band.ID, m.Likelihood.Levels[nb[0]].Value, m.Impact.Levels[nb[1]].Value)
				}
				if c.Score < d.Score {
					p.Addf("rule", "the scoring rule is not monotonic: (likelihood %d, impact %d) scores %d, less than %d at (likelihood %d, impact %d)",
						lv, iv, c.Score, d.Score, m.Likelihood.Levels[nb[0]].Value, m.Impact.Levels[nb[1]].Value)
				}
			}
		}
	}
	if p.Len() > before {
		return nil
	}
	return s
}

// rankTable maps value − min to the value's rank on the scale (−1 between levels).
func rankTable(s Scale) []int {
	if len(s.Levels) == 0 {
		return nil
	}
	t := make([]int, s.Max()-s.Min()+1)
	for i := range t {
		t[i] = -1
	}
	for r, l := range s.Levels {
		t[l.Value-s.Min()] = r
	}
	return t
}

// Method returns the method the scorer was compiled from.
func (s *Scorer) Method() Method { return s.method }

// Rate scores a rating. It fails, wrapping isms.ErrInvalid, when a value is
// not a level of its scale; otherwise it does not allocate.
func (s *Scorer) Rate(r Rating) (Grade, error) {
	l, i := r.Likelihood-s.lMin, r.Impact-s.iMin
	if l < 0 || l >= len(s.lRank) || s.lRank[l] < 0 || i < 0 || i >= len(s.iRank) || s.iRank[i] < 0 {
		return Grade{}, s.offScale(r)
	}
	return s.cells[s.lRank[l]*s.nImpact+s.iRank[i]], nil
}

func (s *Scorer) offScale(r Rating) error {
	var p isms.Problems
	if !s.method.Likelihood.Contains(r.Likelihood) {
		p.Addf("likelihood", "likelihood %d is outside the scale %s", r.Likelihood, s.method.Likelihood.Describe())
	}
	if !s.method.Impact.Contains(r.Impact) {
		p.Addf("impact", "impact %d is outside the scale %s", r.Impact, s.method.Impact.Describe())
	}
	return p.Err()
}

// Cell returns the grade of the cell at likelihood rank l and impact rank i
// (both from 0), for drawing the matrix, and false for a cell outside it.
func (s *Scorer) Cell(l, i int) (Grade, bool) {
	if l < 0 || i < 0 || i >= s.nImpact || l*s.nImpact+i >= len(s.cells) {
		return Grade{}, false
	}
	return s.cells[l*s.nImpact+i], true
}

// Bands returns the method's bands, lowest first.
func (s *Scorer) Bands() []Band { return append([]Band(nil), s.method.Bands...) }

// AboveAppetite reports whether a grade is above the method's risk appetite
// and so may not be retained without an acceptance.
func (s *Scorer) AboveAppetite(l Grade) bool {
	return l.Order > s.appetite
}
