package risk

import (
	"cmp"
	"slices"
	"time"

	"github.com/ismskit/ismskit/controls"
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
	sc      *Scorer
	cells   []uint16 // three per risk: the cell index at Inherent, Residual, Target
	facts   []fact   // per risk: what the time-dependent queries need, compactly
	actions []openAction
	ale     []Money
}

// fact is what the queries need of one risk, so they scan a small array
// instead of the risks.
type fact struct {
	expires    time.Time // the acceptance expiry (zero: no acceptance)
	nextReview time.Time
	firstOpen  time.Time // the earliest due date of an open action
	hasOpen    bool      // the treatment has an open action
	refRank    int32     // the risk's rank by reference, then ID
	option     uint8     // index into Summary.Treatments
	assessed   [3]bool   // the stage has its own assessment (Inherent always)
	proposed   bool      // Residual.Proposed()
	unapproved bool      // a decided treatment without the owner's approval
}

// openAction is an open action with a due date, sorted at compile time by
// due date, risk reference, title and position.
type openAction struct {
	due     time.Time
	risk, a int32
}

// Compile validates the register (Register.Validate: the method with its
// own rule, and every risk against it) and returns the compiled view, or
// the validation error listing every problem.
func (reg Register) Compile() (*Compiled, error) {
	sc, err := reg.validate()
	if err != nil {
		return nil, err
	}
	c := &Compiled{Register: reg, sc: sc, cells: make([]uint16, 3*len(reg.Risks)), facts: make([]fact, len(reg.Risks)), ale: TotalALE(reg.Risks)}
	order := make([]int32, len(reg.Risks))
	for i := range reg.Risks {
		r := &reg.Risks[i]
		for k, st := range stages {
			c.cells[3*i+k] = uint16(sc.cellIndex(r.At(st).Rating))
		}
		f := &c.facts[i]
		f.assessed = [3]bool{true, !r.Residual.IsZero(), !r.Target.IsZero()}
		f.proposed = r.Residual.Proposed()
		f.unapproved = r.Treatment.Option != "" && r.Treatment.Approved == nil
		f.option = uint8(1 + slices.Index(options, r.Treatment.Option))
		f.nextReview = r.NextReview
		if r.Acceptance != nil {
			f.expires = r.Acceptance.Expires
		}
		for k := range r.Treatment.Actions {
			a := &r.Treatment.Actions[k]
			if !a.Open() {
				continue
			}
			if !f.hasOpen || a.Due.Before(f.firstOpen) {
				f.firstOpen, f.hasOpen = a.Due, true
			}
			c.actions = append(c.actions, openAction{due: a.Due, risk: int32(i), a: int32(k)})
		}
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		ra, rb := &reg.Risks[a], &reg.Risks[b]
		return cmp.Or(cmp.Compare(ra.Ref, rb.Ref), ra.ID.Compare(rb.ID))
	})
	for rank, i := range order {
		c.facts[i].refRank = int32(rank)
	}
	slices.SortFunc(c.actions, func(x, y openAction) int {
		if c := x.due.Compare(y.due); c != 0 {
			return c
		}
		if c := cmp.Compare(reg.Risks[x.risk].Ref, reg.Risks[y.risk].Ref); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(reg.Risks[x.risk].Treatment.Actions[x.a].Title, reg.Risks[y.risk].Treatment.Actions[y.a].Title),
			cmp.Compare(x.risk, y.risk), cmp.Compare(x.a, y.a))
	})
	return c, nil
}

// overdueCount returns how many open actions are overdue at now: the
// actions due before now, a prefix of the sorted list.
func (c *Compiled) overdueCount(now time.Time) int {
	n, _ := slices.BinarySearchFunc(c.actions, now, func(a openAction, t time.Time) int {
		if a.due.Before(t) {
			return -1
		}
		return 1
	})
	return n
}

// OverdueActions returns the open actions whose due date has passed at
// now, earliest due first, then by risk reference and action title, as
// Register.OverdueActions does, from the order worked out at compile time.
func (c *Compiled) OverdueActions(now time.Time) []OverdueAction {
	n := c.overdueCount(now)
	if n == 0 {
		return nil
	}
	out := make([]OverdueAction, n)
	for k, x := range c.actions[:n] {
		r := &c.Risks[x.risk]
		out[k] = OverdueAction{Risk: r.ID, Ref: r.Ref, Action: r.Treatment.Actions[x.a]}
	}
	return out
}

// reviewDue is Risk.reviewDue from the compiled facts.
func (f *fact) reviewDue(now time.Time) (ReviewReason, time.Time, bool) {
	switch {
	case !f.expires.IsZero() && !now.Before(f.expires):
		return AcceptanceLapsed, f.expires, true
	case !f.nextReview.IsZero() && !now.Before(f.nextReview):
		return ReviewDateReached, f.nextReview, true
	}
	return "", time.Time{}, false
}

// ReviewsDue returns the risks due for review at now, as
// Register.ReviewsDue does: earliest first, then by reference.
func (c *Compiled) ReviewsDue(now time.Time) []ReviewDue {
	type key struct {
		since time.Time
		i     int32
	}
	var keys []key
	for i := range c.facts {
		if _, since, due := c.facts[i].reviewDue(now); due {
			keys = append(keys, key{since, int32(i)})
		}
	}
	if len(keys) == 0 {
		return nil
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(a.since.Compare(b.since), cmp.Compare(c.facts[a.i].refRank, c.facts[b.i].refRank))
	})
	out := make([]ReviewDue, len(keys))
	for k, x := range keys {
		r := &c.Risks[x.i]
		reason, _, _ := c.facts[x.i].reviewDue(now)
		out[k] = ReviewDue{Risk: r.ID, Ref: r.Ref, Reason: reason, Since: x.since}
	}
	return out
}

// needsAcceptance says whether risk i, at its current grade, needs an
// acceptance at now (see Unaccepted), and whether because its treatment
// is overdue, from the compiled facts alone.
func (c *Compiled) needsAcceptance(i int, now time.Time) (need, overdue bool) {
	f := &c.facts[i]
	if !c.sc.AboveAppetite(*c.grade(i, 1)) {
		return false, false
	}
	switch opt := optionAt(f.option); {
	case opt == Avoid:
		return false, false
	case opt == Modify && f.hasOpen && now.Sub(f.firstOpen) > c.sc.method.Criteria.grace():
		return true, true
	case opt != Retain && opt != "" && f.hasOpen:
		return false, false // still being treated, on time
	}
	return true, false
}

func optionAt(k uint8) Option {
	if k == 0 {
		return ""
	}
	return options[k-1]
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
// register order, with their residual grade. Like every filter of the
// compiled view it answers with Ranked (index, reference, title, grade);
// the whole risk is c.Risks[r.Index], so a filter that matches 100,000
// risks copies no risk.
func (c *Compiled) ByBand(s Stage, id string) []Ranked {
	k, b := stageIndex(s), c.Method.BandIndex(id)
	if k < 0 || b < 0 {
		return nil
	}
	return c.rankedIf(func(i int) bool { return c.grade(i, k).Order == b })
}

// ByOwner returns the risks owned by o, in register order.
func (c *Compiled) ByOwner(o isms.Owner) []Ranked {
	return c.rankedIf(func(i int) bool { return c.Risks[i].Owner == o })
}

// ByAsset returns the risks that name asset id, in register order.
func (c *Compiled) ByAsset(id isms.AssetID) []Ranked {
	return c.rankedIf(func(i int) bool { return slices.Contains(c.Risks[i].Assets, id) })
}

// ByControl returns the risks that apply control id or whose treatment
// implements it, in register order.
func (c *Compiled) ByControl(id controls.ID) []Ranked {
	return c.rankedIf(func(i int) bool { return c.Risks[i].answeredBy(id) })
}

// ByTreatment returns the risks with treatment option o ("" for
// undecided), in register order.
func (c *Compiled) ByTreatment(o Option) []Ranked {
	return c.rankedIf(func(i int) bool { return c.Risks[i].Treatment.Option == o })
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
	for i := range c.facts {
		need, overdue := c.needsAcceptance(i, now)
		if !need {
			continue
		}
		if prob := c.sc.checkAcceptance(&c.Risks[i], *c.grade(i, 1), now); prob != "" {
			hits = append(hits, hit{i, prob, overdue})
		}
	}
	if len(hits) == 0 {
		return nil
	}
	// Most severe first: the order of compareRanked, on small keys (the
	// reference rank orders by reference, then ID).
	slices.SortFunc(hits, func(a, b hit) int {
		ga, gb := c.grade(a.i, 1), c.grade(b.i, 1)
		return cmp.Or(gb.Compare(*ga), cmp.Compare(c.facts[a.i].refRank, c.facts[b.i].refRank))
	})
	out := make([]Unaccepted, len(hits))
	for k, h := range hits {
		out[k] = Unaccepted{Ranked: ranked(h.i, &c.Risks[h.i], *c.grade(h.i, 1)), Problem: h.prob, TreatmentOverdue: h.overdue}
	}
	return out
}

// Unconfirmed returns the risks whose residual rating is a derived
// proposal the risk owner has not confirmed or overridden, in register
// order, with their residual grade.
func (c *Compiled) Unconfirmed() []Ranked {
	return c.rankedWhere(func(f *fact) bool { return f.proposed })
}

// AwaitingApproval returns the risks with a decided treatment whose plan
// the risk owner has not approved (Treatment.Approved), in register order,
// with their residual grade.
func (c *Compiled) AwaitingApproval() []Ranked {
	return c.rankedWhere(func(f *fact) bool { return f.unapproved })
}

func (c *Compiled) rankedWhere(keep func(*fact) bool) []Ranked {
	return c.rankedIf(func(i int) bool { return keep(&c.facts[i]) })
}

// rankedIf returns, in register order, the risks for whose index keep is
// true, each with its residual grade; it allocates once.
func (c *Compiled) rankedIf(keep func(i int) bool) []Ranked {
	n := 0
	for i := range c.Risks {
		if keep(i) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Ranked, 0, n)
	for i := range c.Risks {
		if keep(i) {
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
	// Where the scales are the same, a cell maps to a cell.
	same := slices.Equal(levelValues(c.Method.Likelihood), levelValues(next.Likelihood)) && slices.Equal(levelValues(c.Method.Impact), levelValues(next.Impact))
	var out []BandChange
	for i := range c.facts {
		for k, st := range stages {
			if !c.facts[i].assessed[k] {
				continue // falls back to the stage before: reported there
			}
			old := *c.grade(i, k)
			if same {
				if g := &ns.cells[c.cells[3*i+k]]; g.Band.ID != old.Band.ID {
					out = append(out, BandChange{Ranked: ranked(i, &c.Risks[i], old), Stage: st, New: *g})
				}
				continue
			}
			r := &c.Risks[i]
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

func levelValues(s Scale) []int {
	out := make([]int, len(s.Levels))
	for k, l := range s.Levels {
		out[k] = l.Value
	}
	return out
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
