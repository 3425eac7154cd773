package quant

import (
	"math"
	"runtime"
	"strconv"
	"sync"

	"github.com/ismskit/ismskit/isms"
)

// model is one scenario compiled for the simulation loop.
type model struct {
	key []byte
	ref string // the scenario's reference, for messages
	// frequency
	rate     float64 // a fixed rate (0 with ratePERT)
	table    poissonTable
	ratePERT *pert
	// severity
	kind      int // lognormal, pertLoss or fixedLoss
	mu, sigma float64
	lossPERT  pert
	fixed     float64
}

const (
	lognormal = iota
	pertLoss
	fixedLoss
)

func compile(s Scenario) model {
	// The streams are keyed by the reference, unique in an Input: two
	// scenarios of one risk (FAIR's several loss scenarios) draw apart.
	m := model{key: []byte(s.Ref), ref: s.Ref}
	if f := s.Frequency.PERT; f != nil {
		p := newPERT(f.Min.InexactFloat64(), f.Mode.InexactFloat64(), f.Max.InexactFloat64())
		m.ratePERT = &p
	} else {
		m.rate = boundRate(s.Frequency.Rate.InexactFloat64())
		m.table = newPoissonTable(m.rate)
	}
	l := s.Magnitude
	switch {
	case l.PERT != nil:
		m.kind = pertLoss
		m.lossPERT = newPERT(l.PERT.Min.InexactFloat64(), l.PERT.Mode.InexactFloat64(), l.PERT.Max.InexactFloat64())
	case !l.Fixed.IsZero():
		m.kind, m.fixed = fixedLoss, l.Fixed.InexactFloat64()
	default:
		lo, hi := math.Log(l.Low.InexactFloat64()), math.Log(l.High.InexactFloat64())
		m.kind, m.mu, m.sigma = lognormal, (lo+hi)/2, (hi-lo)/(2*z95)
	}
	return m
}

// unsound names the part of a compiled scenario (frequency or loss) whose
// floating-point parameters cannot be simulated, and why; "" when every
// parameter is a finite number and every range has a width.
func (m model) unsound() (field, why string) {
	finite := func(vs ...float64) bool {
		for _, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return false
			}
		}
		return true
	}
	pertOK := func(p pert) bool { return p.span > 0 && finite(p.min, p.span, p.alpha, p.beta) }
	if m.ratePERT != nil && !pertOK(*m.ratePERT) {
		return "frequency", "its PERT range is too narrow or too small for floating-point numbers"
	}
	switch m.kind {
	case pertLoss:
		if !pertOK(m.lossPERT) {
			return "loss", "its PERT range is too narrow or too small for floating-point numbers"
		}
	case fixedLoss:
		if !finite(m.fixed) {
			return "loss", "the amount is not a finite floating-point number"
		}
	default:
		if !finite(m.mu, m.sigma) || !finite(m.meanLoss()) {
			return "loss", "low or high is too small or too large for floating-point numbers"
		}
	}
	return "", ""
}

// meanRate and meanLoss give the analytic expectation.
func (m model) meanRate() float64 {
	if m.ratePERT != nil {
		return m.ratePERT.mean()
	}
	return m.rate
}

func (m model) meanLoss() float64 {
	switch m.kind {
	case pertLoss:
		return m.lossPERT.mean()
	case fixedLoss:
		return m.fixed
	default:
		return math.Exp(m.mu + m.sigma*m.sigma/2)
	}
}

// yearVariance is the variance of the model's annual loss, a compound
// Poisson: E[N]·Var(L) + Var(N)·E[L]², with Var(N) = E[λ] + Var(λ) for a
// PERT rate; +Inf when a lognormal's second moment overflows.
func (m model) yearVariance() float64 {
	var second float64 // E[L²]
	switch m.kind {
	case pertLoss:
		mean := m.lossPERT.mean()
		second = m.lossPERT.variance() + mean*mean
	case fixedLoss:
		second = m.fixed * m.fixed
	default:
		second = math.Exp(2*m.mu + 2*m.sigma*m.sigma)
	}
	mean := m.meanLoss()
	varN := m.meanRate()
	if m.ratePERT != nil {
		varN += m.ratePERT.variance()
	}
	return m.meanRate()*(second-mean*mean) + varN*mean*mean
}

// loss draws one event's loss.
func (m *model) loss(r *gen) float64 {
	switch m.kind {
	case pertLoss:
		return m.lossPERT.draw(r)
	case fixedLoss:
		return m.fixed
	default:
		return fastExp(m.mu + m.sigma*r.NormFloat64())
	}
}

// events draws one year's count (the per-year path).
func (m *model) events(r *gen) int {
	if m.ratePERT != nil {
		return poisson(r, m.ratePERT.draw(r))
	}
	return m.table.draw(r)
}

// skips reports whether the model jumps from one year with events to the
// next (a fixed rate up to maxChunk, one table); otherwise every year
// draws its count.
func (m *model) skips() bool { return m.ratePERT == nil && m.table.chunks == 1 }

// riskStats are one risk's simulated totals.
type riskStats struct {
	sum, sumSq float64
	zero       int
}

// Limits of the simulation loop in whole cents.
const (
	maxYearCents      = MaxAnnualLoss * 100    // one scenario's year
	maxPortfolioCents = MaxPortfolioLoss * 100 // the portfolio's year
)

// overflow is a scenario whose simulated year went beyond MaxAnnualLoss.
type overflow struct {
	year int
	loss float64 // currency units
}

// simulate runs every model for years years, each from its own stream,
// and returns the portfolio's loss per year in cents and each risk's
// statistics. Workers share the risks; each adds into its own array of
// whole cents, and integer addition does not depend on order, so the
// result is bit-identical whatever the number of workers. A year beyond
// MaxAnnualLoss (one scenario) or MaxPortfolioLoss (the portfolio) is an
// error: portfolio sums saturate at the limit, which does not depend on
// the order either, so the error is the same whatever the workers.
func simulate(models []model, years int, seed uint64, workers int) ([]int64, []riskStats, error) {
	workers = min(workers, runtime.GOMAXPROCS(0))
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(models)))
	stats := make([]riskStats, len(models))
	over := make([]*overflow, len(models))
	totals := make([][]int64, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := make([]int64, years)
			sc := newScratch()
			for i := w; i < len(models); i += workers {
				m := &models[i]
				over[i] = newRunner(seed, m.key).run(m, m, acc, &stats[i], sc)
			}
			totals[w] = acc
		}()
	}
	wg.Wait()
	var p isms.Problems
	for i, o := range over {
		if o != nil {
			p.Addf(isms.JoinPath(isms.Index("scenarios", i), "loss"),
				"risk %q: simulated year %d lost %s, above MaxAnnualLoss (%d), the most a year's sum holds to the cent; lower the loss estimates or their spread",
				models[i].ref, o.year+1, strconv.FormatFloat(o.loss, 'g', 4, 64), int64(MaxAnnualLoss))
		}
	}
	if err := p.Err(); err != nil {
		return nil, nil, err
	}
	out := totals[0]
	for _, t := range totals[1:] {
		for y := range out {
			out[y] = addCents(out[y], t[y])
		}
	}
	for y, c := range out {
		if c >= maxPortfolioCents {
			p.Addf("scenarios", "the portfolio's loss in simulated year %d reaches MaxPortfolioLoss (%d), the most a year holds in whole cents; simulate fewer or smaller scenarios",
				y+1, int64(MaxPortfolioLoss))
			return nil, nil, p.Err()
		}
	}
	return out, stats, nil
}

// addCents adds two non-negative amounts of cents, saturating at
// maxPortfolioCents: min(a+b, limit) whatever the order of additions.
func addCents(a, b int64) int64 {
	if b > maxPortfolioCents-a {
		return maxPortfolioCents
	}
	return a + b
}
