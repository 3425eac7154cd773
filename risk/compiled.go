package risk

import (
	"slices"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Compiled is a validated register with its method compiled once and every
// risk's grade at each stage worked out: the view the queries run on. Once
// Register.Compile has succeeded, no query can fail, so none returns an
// error. It embeds the Register it was compiled from (its Risks are read,
// never changed; do not change them while the view is in use) and is safe
// for concurrent use.
type Compiled struct {
	Register
	sc    *Scorer
	cells []uint16 // three per risk: the cell index at Inherent, Residual, Target
}

// Compile validates the register (Register.Validate: the method with its
// own rule, and every risk against it) and returns the compiled view, or
// the validation error listing every problem.
func (reg Register) Compile() (*Compiled, error) {
	sc, err := reg.validate()
	if err != nil {
		return nil, err
	}
	c := &Compiled{Register: reg, sc: sc, cells: make([]uint16, 3*len(reg.Risks))}
	for i := range reg.Risks {
		for k, st := range stages {
			c.cells[3*i+k] = uint16(sc.cellIndex(reg.Risks[i].At(st).Rating))
		}
	}
	return c, nil
}

var stages = [3]Stage{Inherent, Residual, Target}

// stageIndex returns the position of s in stages, or -1.
func stageIndex(s Stage) int {
	switch s {
	case Inherent:
		return 0
	case Residual:
		return 1
	case Target:
		return 2
	}
	return -1
}

// cellIndex returns the cell a rating on the scales falls in (the caller
// has validated it).
func (s *Scorer) cellIndex(r Rating) int {
	return s.lRank[r.Likelihood-s.lMin]*s.nImpact + s.iRank[r.Impact-s.iMin]
}

// Scorer returns the compiled method.
func (c *Compiled) Scorer() *Scorer { return c.sc }

// Grade returns the grade of risk i (its index in Risks) at stage s, and
// false for an index outside the register or an unknown stage.
func (c *Compiled) Grade(i int, s Stage) (Grade, bool) {
	k := stageIndex(s)
	if i < 0 || i >= len(c.Risks) || k < 0 {
		return Grade{}, false
	}
	return c.sc.cells[c.cells[3*i+k]], true
}

// grade is Grade for a known index and stage position.
func (c *Compiled) grade(i, k int) *Grade { return &c.sc.cells[c.cells[3*i+k]] }

// Highest returns the n most severe risks at stage s: highest band first,
// then highest score, then reference and ID. An unknown stage or n ≤ 0
// gives none.
func (c *Compiled) Highest(n int, s Stage) []Ranked {
	k := stageIndex(s)
	if n <= 0 || k < 0 || len(c.Risks) == 0 {
		return nil
	}
	n = min(n, len(c.Risks))
	h := make([]Ranked, 0, n) // a heap whose root is the least severe kept
	for i := range c.Risks {
		g := c.grade(i, k)
		if len(h) < n {
			h = append(h, ranked(i, &c.Risks[i], *g))
			up(h, len(h)-1)
			continue
		}
		if cmp := g.Compare(h[0].Grade); cmp < 0 || (cmp == 0 && compareRanked(ranked(i, &c.Risks[i], *g), h[0]) >= 0) {
			continue
		}
		h[0] = ranked(i, &c.Risks[i], *g)
		down(h, 0)
	}
	slices.SortFunc(h, compareRanked)
	return h
}

// up and down keep h a heap with the least severe at the root.
func up(h []Ranked, j int) {
	for j > 0 {
		p := (j - 1) / 2
		if compareRanked(h[j], h[p]) <= 0 {
			return
		}
		h[j], h[p] = h[p], h[j]
		j = p
	}
}

func down(h []Ranked, j int) {
	for {
		l := 2*j + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && compareRanked(h[r], h[l]) > 0 {
			m = r
		}
		if compareRanked(h[m], h[j]) <= 0 {
			return
		}
		h[j], h[m] = h[m], h[j]
		j = m
	}
}

// ByBand returns the risks whose grade at stage s is in band id, in
// register order.
func (c *Compiled) ByBand(s Stage, id string) []Risk {
	k, b := stageIndex(s), c.Method.BandIndex(id)
	if k < 0 || b < 0 {
		return nil
	}
	n := 0
	for i := range c.Risks {
		if c.grade(i, k).Order == b {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Risk, 0, n)
	for i := range c.Risks {
		if c.grade(i, k).Order == b {
			out = append(out, c.Risks[i])
		}
	}
	return out
}

// Unaccepted is a risk above the appetite that is not covered by a valid
// acceptance, with the reason.
type Unaccepted struct {
	Ranked
	Problem AcceptanceProblem `json:"problem"`
	// TreatmentOverdue says the risk is being modified but its actions are
	// overdue past the criteria's grace, so the residual risk they leave
	// in place needs an acceptance.
	TreatmentOverdue bool `json:"treatment_overdue,omitempty"`
}

// Unaccepted returns the risks whose current grade is above the appetite,
// that need an acceptance at now, and have no valid one. A risk needs one
// when it is retained, undecided, its treatment is complete (what remains
// is residual risk to accept), or it is being modified but an open action
// is overdue by more than the criteria's grace (Criteria.OverdueGraceDays).
// A valid acceptance is by a role the criteria allow for the band, for no
// longer than they allow, for the current rating, unexpired, and given by
// the risk owner or with the owner's agreement. Most severe first.
func (c *Compiled) Unaccepted(now time.Time) []Unaccepted {
	type hit struct {
		i       int
		prob    AcceptanceProblem
		overdue bool
	}
	var hits []hit
	for i := range c.Risks {
		if prob, overdue := c.sc.unaccepted(&c.Risks[i], *c.grade(i, 1), now); prob != "" {
			hits = append(hits, hit{i, prob, overdue})
		}
	}
	if len(hits) == 0 {
		return nil
	}
	out := make([]Unaccepted, len(hits))
	for k, h := range hits {
		out[k] = Unaccepted{Ranked: ranked(h.i, &c.Risks[h.i], *c.grade(h.i, 1)), Problem: h.prob, TreatmentOverdue: h.overdue}
	}
	slices.SortFunc(out, func(a, b Unaccepted) int { return compareRanked(a.Ranked, b.Ranked) })
	return out
}

// unaccepted says why r, at its current grade, lacks the acceptance it
// needs at now, or "" when it needs none or has a valid one, and whether
// the need comes from an overdue treatment.
func (s *Scorer) unaccepted(r *Risk, current Grade, now time.Time) (AcceptanceProblem, bool) {
	if !s.AboveAppetite(current) || r.Treatment.Option == Avoid {
		return "", false
	}
	overdue := r.treatmentOverdue(s.method.Criteria.grace(), now)
	if r.Treatment.Option != Retain && r.Treatment.Option != "" && !r.Treatment.Complete() && !overdue {
		return "", false // still being treated, on time
	}
	return s.checkAcceptance(r, current, now), overdue
}

// Unconfirmed returns the risks whose residual rating is a derived
// proposal the risk owner has not confirmed or overridden, in register
// order, with their residual grade.
func (c *Compiled) Unconfirmed() []Ranked {
	return c.rankedWhere(func(r *Risk) bool { return r.Residual.Proposed() })
}

// AwaitingApproval returns the risks with a decided treatment whose plan
// the risk owner has not approved (Treatment.Approved), in register order,
// with their residual grade.
func (c *Compiled) AwaitingApproval() []Ranked {
	return c.rankedWhere(func(r *Risk) bool { return r.Treatment.Option != "" && r.Treatment.Approved == nil })
}

func (c *Compiled) rankedWhere(keep func(*Risk) bool) []Ranked {
	n := 0
	for i := range c.Risks {
		if keep(&c.Risks[i]) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Ranked, 0, n)
	for i := range c.Risks {
		if keep(&c.Risks[i]) {
			out = append(out, ranked(i, &c.Risks[i], *c.grade(i, 1)))
		}
	}
	return out
}

// BandChange is a risk whose band at a stage changes when the method
// changes: Grade is under the current method, New under the next one.
type BandChange struct {
	Ranked
	Stage Stage `json:"stage"`
	New   Grade `json:"new"`
	// OffScale says the rating is not on the next method's scales, so the
	// risk must be reassessed (New is then zero).
	OffScale bool `json:"off_scale,omitempty"`
}

// BandChanges compiles next (with its own rule) and lists, for each risk
// and stage in register order, where the band under next differs from the
// band now, or where the rating is not on next's scales: the risks a
// method change moves, to review before adopting it. It fails only when
// next is invalid.
func (c *Compiled) BandChanges(next Method) ([]BandChange, error) {
	ns, err := next.Scorer()
	if err != nil {
		return nil, err
	}
	var out []BandChange
	for i := range c.Risks {
		r := &c.Risks[i]
		for k, st := range stages {
			if st != Inherent && r.At(st) == r.At(stages[k-1]) {
				continue // falls back to the stage before: reported there
			}
			old := *c.grade(i, k)
			g, err := ns.Rate(r.At(st).Rating)
			switch {
			case err != nil:
				out = append(out, BandChange{Ranked: ranked(i, r, old), Stage: st, OffScale: true})
			case g.Band.ID != old.Band.ID:
				out = append(out, BandChange{Ranked: ranked(i, r, old), Stage: st, New: g})
			}
		}
	}
	return out, nil
}

// Trend returns the trend of risk i at stage s (Risk.Trend) with the
// compiled method as the current one and earlier methods for snapshots
// made with them; nil for an index outside the register.
func (c *Compiled) Trend(i int, s Stage, earlier ...*Scorer) []Point {
	if i < 0 || i >= len(c.Risks) {
		return nil
	}
	return c.Risks[i].Trend(s, append([]*Scorer{c.sc}, earlier...)...)
}

// validate is Register.Validate, returning the compiled method too.
func (reg Register) validate() (*Scorer, error) {
	var p isms.Problems
	sc, err := reg.Method.Scorer()
	p.Merge("method", err)
	ids := make(map[ID]bool, len(reg.Risks))
	refs := make(map[string]bool, len(reg.Risks))
	for i, r := range reg.Risks {
		path := isms.Index("risks", i)
		p.Merge(path, r.Validate())
		if sc != nil {
			p.Merge(path, sc.checkRatings(r))
		}
		if !r.ID.IsZero() {
			if ids[r.ID] {
				p.Addf(isms.JoinPath(path, "id"), "risk %q: ID %s is used twice", r.name(), r.ID)
			}
			ids[r.ID] = true
		}
		ref := normRef(r.Ref)
		if ref != "" {
			if refs[ref] {
				p.Addf(isms.JoinPath(path, "ref"), "risk reference %q is used twice", r.Ref)
			}
			refs[ref] = true
		}
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return sc, nil
}
