package quant

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// model is one scenario compiled for the simulation loop.
type model struct {
	key []byte
	// frequency
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
	m := model{key: []byte(s.Ref)}
	if !s.Risk.IsZero() {
		m.key = []byte(s.Risk.String())
	}
	if f := s.Frequency.PERT; f != nil {
		p := newPERT(f.Min.InexactFloat64(), f.Mode.InexactFloat64(), f.Max.InexactFloat64())
		m.ratePERT = &p
	} else {
		m.table = newPoissonTable(s.Frequency.Rate.InexactFloat64())
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

// meanRate and meanLoss give the analytic expectation.
func (m model) meanRate() float64 {
	if m.ratePERT != nil {
		return m.ratePERT.mean()
	}
	lambda := 0.0
	if len(m.table.cdf) > 0 {
		// Recover λ from P(0) = e^-λ per chunk.
		lambda = -math.Log(m.table.cdf[0]) * float64(m.table.chunks)
	}
	return lambda
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

func (m *model) loss(r *rand.Rand) float64 {
	switch m.kind {
	case pertLoss:
		return m.lossPERT.draw(r)
	case fixedLoss:
		return m.fixed
	default:
		return math.Exp(m.mu + m.sigma*r.NormFloat64())
	}
}

func (m *model) events(r *rand.Rand) int {
	if m.ratePERT != nil {
		return poisson(r, m.ratePERT.draw(r))
	}
	return m.table.draw(r)
}

// riskStats are one risk's simulated totals.
type riskStats struct {
	sum, sumSq float64
	zero       int
}

// simulate runs every model for years years, each from its own stream,
// and returns the portfolio's loss per year in cents and each risk's
// statistics. Workers share the risks; each adds into its own array of
// whole cents, and integer addition does not depend on order, so the
// result is bit-identical whatever the number of workers.
func simulate(models []model, years int, seed uint64, workers int) ([]int64, []riskStats) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(models)))
	stats := make([]riskStats, len(models))
	totals := make([][]int64, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := make([]int64, years)
			for i := w; i < len(models); i += workers {
				m := &models[i]
				r := stream(seed, m.key)
				st := &stats[i]
				for y := range years {
					n := m.events(r)
					if n == 0 {
						st.zero++
						continue
					}
					loss := 0.0
					for range n {
						loss += m.loss(r)
					}
					cents := math.Round(loss * 100)
					acc[y] += int64(cents)
					st.sum += cents
					st.sumSq += cents * cents
				}
			}
			totals[w] = acc
		}()
	}
	wg.Wait()
	out := totals[0]
	for _, t := range totals[1:] {
		for y := range out {
			out[y] += t[y]
		}
	}
	return out, stats
}
