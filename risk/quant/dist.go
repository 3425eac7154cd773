package quant

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"math/rand/v2"
)

// z95 is the standard normal 95th percentile, as riskquant uses it to fit
// a lognormal to a 5th/95th percentile pair.
const z95 = 1.6448536269514722

// maxChunk is the largest Poisson rate drawn by table inversion; larger
// rates are split into equal chunks (a sum of Poissons is Poisson).
const maxChunk = 30.0

// maxChunks is the most chunks a rate up to MaxFrequency is split into:
// the bound of every sampling loop, whatever rate it is given.
const maxChunks = (MaxFrequency + 29) / 30 // ⌈MaxFrequency / maxChunk⌉

// boundRate brings a rate into [0, MaxFrequency] (NaN becomes 0), so no
// sampler loops longer than maxChunks chunks; Validate keeps real rates
// inside already.
func boundRate(rate float64) float64 {
	if !(rate > 0) {
		return 0
	}
	return min(rate, MaxFrequency)
}

// poissonTable is the CDF of a Poisson(λ) up to where the tail is
// negligible, for inversion, with a guide (Chen and Asau's indexed
// search): guide[b] is the smallest k whose CDF reaches b/256, so a
// uniform in [b/256, (b+1)/256) starts its scan there and almost always
// stops at once.
type poissonTable struct {
	cdf    []float64
	guide  [256]uint8
	chunks int
}

func newPoissonTable(rate float64) poissonTable {
	rate = boundRate(rate)
	chunks := max(1, int(math.Ceil(rate/maxChunk)))
	lambda := rate / float64(chunks)
	p := math.Exp(-lambda)
	cdf := []float64{p}
	for k := 1; cdf[len(cdf)-1] < 1-1e-16 && k < 200; k++ {
		p *= lambda / float64(k)
		cdf = append(cdf, cdf[len(cdf)-1]+p)
	}
	return tableOf(cdf, chunks)
}

// tableOf builds the table of a CDF (at most 256 entries, rising) drawn
// chunks times a year.
func tableOf(cdf []float64, chunks int) poissonTable {
	t := poissonTable{cdf: cdf, chunks: chunks}
	k := 0
	for b := range t.guide {
		for k < len(cdf)-1 && float64(b)/256 > cdf[k] {
			k++
		}
		t.guide[b] = uint8(k)
	}
	return t
}

// draw draws a count by inversion: the smallest k with u ≤ CDF(k),
// chunk by chunk.
func (t *poissonTable) draw(r *gen) int {
	n := 0
	for range t.chunks {
		n += t.invert(r.Float64())
	}
	return n
}

// invert returns the smallest k with u ≤ CDF(k) (the table's last k when
// u is beyond it), for u in [0, 1).
func (t *poissonTable) invert(u float64) int {
	return t.scan(int(t.guide[uint8(u*256)]), u)
}

// A count is drawn from a uniform u = lo + v·step, v uniform on [0, 1),
// whose first bits give lo: when every u of [lo, lo+step) has the count
// of lo, v's bits are not needed; open reports when they are, and refine
// draws them. Drawing bits only when they matter gives the same
// distribution as drawing them always.

// open reports whether [lo, lo+step) holds more than count n (lo's).
func (t *poissonTable) open(n int, lo, step float64) bool {
	return n < len(t.cdf)-1 && lo+step > t.cdf[n]
}

// refine returns the count of lo + v·step, v being the first uniform of
// the stream from state s, given that lo's count is n.
func (t *poissonTable) refine(n int, lo, step float64, s uint64) int {
	g := gen{s: s}
	return t.scan(n, lo+g.Float64()*step)
}

// scan returns the smallest k ≥ from with u ≤ CDF(k), or the last k.
func (t *poissonTable) scan(from int, u float64) int {
	k := from
	for k < len(t.cdf)-1 && u > t.cdf[k] {
		k++
	}
	return k
}

// poisson draws from Poisson(rate) without a table (for rates drawn per
// year), in at most maxChunks chunks.
func poisson(r *gen, rate float64) int {
	rate = boundRate(rate)
	n := 0
	for c := 0; rate > 0 && c < maxChunks; c++ {
		lambda := min(rate, maxChunk)
		rate -= lambda
		u, p := r.Float64(), math.Exp(-lambda)
		s, k := p, 0
		for u > s && k < 500 {
			k++
			p *= lambda / float64(k)
			s += p
		}
		n += k
	}
	return n
}

// pert is a PERT distribution on [min, min+span].
type pert struct {
	min, span, alpha, beta float64
}

func newPERT(min, mode, max float64) pert {
	span := max - min
	return pert{min: min, span: span, alpha: 1 + 4*(mode-min)/span, beta: 1 + 4*(max-mode)/span}
}

// Mean and Variance are the textbook PERT moments.
func (p pert) mean() float64 { return p.min + p.span*p.alpha/(p.alpha+p.beta) }

func (p pert) variance() float64 {
	a, b := p.alpha, p.beta
	return p.span * p.span * a * b / ((a + b) * (a + b) * (a + b + 1))
}

func (p pert) draw(r *gen) float64 {
	x := gamma(r, p.alpha)
	y := gamma(r, p.beta)
	return p.min + p.span*x/(x+y)
}

// gamma draws from Gamma(a, 1) for a ≥ 1 (Marsaglia and Tsang); PERT
// shapes are always at least 1.
func gamma(r *gen, a float64) float64 {
	d := a - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

// stream returns the frequency stream of one risk: derived from the seed
// and the risk's key only, so adding a risk does not change the others'
// draws.
func stream(seed uint64, key []byte) gen {
	h := fnv.New64a()
	h.Write(key)
	return gen{s: splitmix(h.Sum64() ^ splitmix(seed^0x5851f42d4c957f2d))}
}

// streamV1 is stream version 1's PCG stream of one risk, for the
// benchmarks' baseline.
func streamV1(seed uint64, key []byte) *rand.Rand {
	h := fnv.New64a()
	h.Write(key)
	a := h.Sum64()
	h.Write([]byte{0xff})
	b := h.Sum64()
	var s [8]byte
	binary.LittleEndian.PutUint64(s[:], seed)
	return rand.New(rand.NewPCG(seed^a, b^binary.BigEndian.Uint64(s[:])))
}

// PERTMoments returns the mean and variance of the PERT distribution on
// (min, mode, max): (min + 4·mode + max)/6 and (mean − min)(max − mean)/7.
func PERTMoments(min, mode, max float64) (mean, variance float64) {
	p := newPERT(min, mode, max)
	return p.mean(), p.variance()
}

// magnitudeBase derives the seed of a risk's loss streams from the seed
// and the risk's key (a different hash from its frequency stream's).
func magnitudeBase(seed uint64, key []byte) uint64 {
	h := fnv.New64a()
	h.Write([]byte("loss"))
	h.Write(key)
	return splitmix(h.Sum64() ^ splitmix(seed))
}

// splitmix is SplitMix64's next output from state z: a bijective mixer
// of z + γ.
func splitmix(z uint64) uint64 { return mix(z + golden) }
