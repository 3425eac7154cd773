package quant

import "math"

// The simulation loop draws one risk's years in two steps, a few hundred
// events at a time: the first walks the frequency stream and notes each
// year with events and each event's loss stream; the second draws every
// noted event's loss and adds each year's into the totals. Neither step
// calls a function or takes a hard-to-predict branch on its common path,
// so the processor overlaps one event's draws with the next one's.

// Loss streams (stream version 3): the i-th event of year y draws its
// loss from the SplitMix64 stream whose state starts at
// base + (y·2³² + i·2¹²)·γ, base being the risk's magnitude seed. No two
// (year, event) pairs share a draw while an event takes fewer than 2¹²
// draws and a year fewer than refineSlot events; a year's counts stay far
// below (at most maxChunks × 500).
const (
	yearStride  = 0x7f4a7c1500000000 // γ·2³² mod 2⁶⁴
	eventStride = 0x779b97f4a7c15000 // γ·2¹² mod 2⁶⁴
	// refineSlot is the event slot whose stream gives the extra bits of
	// a year's count when the frequency draw's 24 spare bits do not
	// decide it; before and after a treatment see the same bits.
	refineSlot = 1<<20 - 1
	// thinDraw is the draw of an event's stream that decides whether a
	// treatment that lowers the rate keeps the event: its block's last,
	// far from the loss draws at the start.
	thinDraw   = 1<<12 - 1
	thinOffset = 0xd9641e3b2876d3eb // thinDraw·γ mod 2⁶⁴
)

// eventState is the starting state of the loss stream of event i of
// year y.
func eventState(base uint64, y, i int) uint64 {
	return base + uint64(y)*yearStride + uint64(i)*eventStride
}

// Flush limits: the first step stops after flushYears years with events
// or flushEvents events, whichever comes first.
const (
	flushYears  = 256
	flushEvents = 512
)

// scratch is one worker's buffers for the loop, reused from risk to risk.
type scratch struct {
	years  []int32             // the years with events since the last flush, in order
	evSlot []uint8             // each event's year, as an index into years
	evSeed []uint64            // each event's loss stream
	loss   [flushYears]float64 // each noted year's loss so far
}

func newScratch() *scratch {
	return &scratch{
		years:  make([]int32, 0, flushYears),
		evSlot: make([]uint8, 0, 2*flushEvents),
		evSeed: make([]uint64, 0, 2*flushEvents),
	}
}

// note records the n events of year y; small enough to be inlined into
// the first step.
func (sc *scratch) note(base uint64, y, n int) {
	slot := uint8(len(sc.years)) // < flushYears = 256
	sc.years = append(sc.years, int32(y))
	s := base + uint64(y)*yearStride
	for i := range n {
		sc.evSlot = append(sc.evSlot, slot)
		sc.evSeed = append(sc.evSeed, s+uint64(i)*eventStride)
	}
}

// noteThinned records the events of year y that are kept, each with
// probability keep (decided by its thinDraw); a year none is kept of is
// not noted.
func (sc *scratch) noteThinned(base uint64, y, n int, keep float64) {
	slot := uint8(len(sc.years))
	s := base + uint64(y)*yearStride
	kept := len(sc.evSeed)
	for i := range n {
		if e := s + uint64(i)*eventStride; float64(mix(e+thinOffset)>>11)*0x1p-53 < keep {
			sc.evSlot = append(sc.evSlot, slot)
			sc.evSeed = append(sc.evSeed, e)
		}
	}
	if len(sc.evSeed) > kept {
		sc.years = append(sc.years, int32(y))
	}
}

// full reports whether the first step should stop for a flush.
func (sc *scratch) full() bool { return len(sc.years) >= flushYears || len(sc.evSeed) >= flushEvents }

// runner draws one risk's years: the frequency stream gives the gaps and
// counts, and each event draws its loss from its own stream.
type runner struct {
	freq    gen
	magBase uint64
	y       int // the last year the first step reached
}

func newRunner(seed uint64, key []byte) *runner {
	return &runner{freq: stream(seed, key), magBase: magnitudeBase(seed, key), y: -1}
}

// run simulates m for len(acc) years, adding each year's loss in cents
// into acc (saturating at maxPortfolioCents) and its statistics into st.
// src is the model whose frequency gives the events: m itself in a
// simulation; in a paired (before/after) one the model before, when both
// have fixed rates and m's is not higher, and then each event is kept
// with probability m.rate / src.rate (thinning: Poisson events kept at
// random are Poisson at the lower rate), so the after side has a subset
// of the before side's events, each with the same loss draws. It returns
// the first year beyond MaxAnnualLoss, or nil.
func (rn *runner) run(m, src *model, acc []int64, st *riskStats, sc *scratch) *overflow {
	years := len(acc)
	keep := 1.0
	if src != m {
		keep = m.rate / src.rate // src.rate ≥ m.rate ≥ 0, and src.rate > 0 when it has events
	}
	withLoss := 0
	for done := false; !done; {
		if src.skips() {
			done = rn.skipping(src, keep, years, sc)
		} else {
			done = rn.everyYear(src, keep, years, sc)
		}
		withLoss += len(sc.years)
		if o := sc.flush(m, acc, st); o != nil {
			return o
		}
	}
	st.zero += years - withLoss
	return nil
}

// skipping is the first step for a fixed rate in one table: it jumps from
// one year with events to the next. The years to the next one with an
// event are geometric, ⌊E/λ⌋ for E exponential; the count given at least
// one event is a uniform u on (P(0), 1) inverted in the CDF. One 64-bit
// draw gives both: the ziggurat uses its low 40 bits, u takes the top 24,
// and 53 more bits (from the year's refineSlot stream) only when the 24
// leave the count open. Each event is kept with probability keep. It
// reports whether the last year is reached.
func (rn *runner) skipping(m *model, keep float64, years int, sc *scratch) bool {
	rate := m.rate
	if !(rate > 0) {
		return true
	}
	p0 := math.Exp(-rate)                  // P(no event)
	step := -math.Expm1(-rate) / (1 << 24) // P(some event) / 2²⁴
	inv, last := 1/rate, float64(years-1)
	t := &m.table
	s, y := rn.freq.s, rn.y
	for !sc.full() {
		s += golden
		z := mix(s)
		e, ok := expFast(z)
		if !ok {
			g := gen{s: s}
			e = g.expSlow(z)
			s = g.s
		}
		gap := e * inv
		if gap >= last-float64(y) {
			rn.freq.s, rn.y = s, y
			return true
		}
		y += 1 + int(gap)
		lo := p0 + float64(z>>40)*step
		n := t.invert(lo)
		if t.open(n, lo, step) {
			n = t.refine(n, lo, step, eventState(rn.magBase, y, refineSlot))
		}
		switch {
		case n > 0 && keep < 1:
			sc.noteThinned(rn.magBase, y, n, keep)
		case n > 0:
			sc.note(rn.magBase, y, n)
		}
	}
	rn.freq.s, rn.y = s, y
	return false
}

// everyYear is the first step for the other models (a PERT rate, or a
// rate drawn in chunks): every year draws its count; each event is kept
// with probability keep. It reports whether the last year is reached.
func (rn *runner) everyYear(m *model, keep float64, years int, sc *scratch) bool {
	for !sc.full() {
		rn.y++
		if rn.y >= years {
			return true
		}
		switch n := m.events(&rn.freq); {
		case n > 0 && keep < 1:
			sc.noteThinned(rn.magBase, rn.y, n, keep)
		case n > 0:
			sc.note(rn.magBase, rn.y, n)
		}
	}
	return false
}

// flush is the second step: it draws every noted event's loss, adds each
// year's total, rounded to the cent, into acc and st, and empties sc.
func (sc *scratch) flush(m *model, acc []int64, st *riskStats) *overflow {
	loss := &sc.loss
	switch m.kind {
	case lognormal:
		mu, sigma := m.mu, m.sigma
		for x, s := range sc.evSeed {
			z, ok := normFast(mix(s + golden))
			if !ok {
				g := gen{s: s}
				z = g.NormFloat64()
			}
			l := mu + sigma*z
			if l > -700 && l < 700 {
				l = expIn(l) // fastExp, inlined
			} else {
				l = math.Exp(l)
			}
			loss[sc.evSlot[x]] += l
		}
	case fixedLoss:
		for _, slot := range sc.evSlot {
			loss[slot] += m.fixed
		}
	default:
		for x, s := range sc.evSeed {
			g := gen{s: s}
			loss[sc.evSlot[x]] += m.loss(&g)
		}
	}
	var o *overflow
	for slot, y := range sc.years {
		l := loss[slot]
		loss[slot] = 0
		cents := l*100 + 0.5                       // rounded half up by the truncation below
		if !(cents >= 0 && cents < maxYearCents) { // NaN fails too
			if o == nil { // the first, and loss is cleared all the same
				o = &overflow{year: int(y), loss: l}
			}
			continue
		}
		c := int64(cents)
		acc[y] = addCents(acc[y], c)
		st.sum += float64(c)
		st.sumSq += float64(c) * float64(c)
	}
	sc.years, sc.evSlot, sc.evSeed = sc.years[:0], sc.evSlot[:0], sc.evSeed[:0]
	return o
}
