package quant

import (
	"math"
	"math/rand/v2"
	"slices"
)

// The stream version 1 loop (ismskit before issue 20), kept only as the
// benchmarks' baseline: every year draws its count by a table scan, every
// event its loss with math.Exp, and the year totals are sorted in full.

func (t *poissonTable) drawV1(r *rand.Rand) int {
	n := 0
	for range t.chunks {
		u := r.Float64()
		k := 0
		for k < len(t.cdf)-1 && u > t.cdf[k] {
			k++
		}
		n += k
	}
	return n
}

func (m *model) lossV1(r *rand.Rand) float64 {
	switch m.kind {
	case pertLoss: // not in the benchmarks
		return m.lossPERT.mean()
	case fixedLoss:
		return m.fixed
	default:
		return math.Exp(m.mu + m.sigma*r.NormFloat64())
	}
}

func (m *model) eventsV1(r *rand.Rand) int {
	if m.ratePERT != nil {
		return int(m.ratePERT.mean()) // not in the benchmarks
	}
	return m.table.drawV1(r)
}

// simulateV1 is the version 1 loop on one worker.
func simulateV1(models []model, years int, seed uint64) ([]int64, []riskStats) {
	stats := make([]riskStats, len(models))
	acc := make([]int64, years)
	for i := range models {
		m := &models[i]
		r := streamV1(seed, m.key)
		st := &stats[i]
		for y := range years {
			n := m.eventsV1(r)
			if n == 0 {
				st.zero++
				continue
			}
			loss := 0.0
			for range n {
				loss += m.lossV1(r)
			}
			cents := math.Round(loss * 100)
			acc[y] = addCents(acc[y], int64(cents))
			st.sum += cents
			st.sumSq += cents * cents
		}
	}
	return acc, stats
}

// sortV1 is version 1's full comparison sort of the year totals.
func sortV1(totals []int64) []int64 {
	s := slices.Clone(totals)
	slices.Sort(s)
	return s
}
