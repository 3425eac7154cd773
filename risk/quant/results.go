package quant

import (
	"cmp"
	"math"
	"math/big"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// Percentiles reported for the portfolio, in percent.
var reportedPercentiles = []string{"50", "90", "95", "99", "99.9"}

// Percentile is one percentile of the annual loss.
type Percentile struct {
	Percent decimal.Decimal `json:"percent"`
	Loss    decimal.Decimal `json:"loss"`
}

// CurvePoint is one point of the loss exceedance curve: the probability
// that a year's loss is greater than Loss.
type CurvePoint struct {
	Loss        decimal.Decimal `json:"loss"`
	Probability decimal.Decimal `json:"probability"`
}

// RiskResult is one risk's simulated and analytic annual loss.
type RiskResult struct {
	Risk         risk.ID         `json:"risk"`
	Ref          string          `json:"ref"`
	Title        string          `json:"title,omitempty"`
	Mean         decimal.Decimal `json:"mean"`
	Analytic     decimal.Decimal `json:"analytic"` // rate × expected loss per event
	StdErr       decimal.Decimal `json:"std_err"`
	ZeroYears    decimal.Decimal `json:"zero_years"`   // share of years without a loss
	Contribution decimal.Decimal `json:"contribution"` // share of the portfolio mean
}

// ToleranceCheck compares the portfolio with one tolerance point.
type ToleranceCheck struct {
	TolerancePoint
	Simulated decimal.Decimal `json:"simulated"` // P(annual loss > Loss)
	Within    bool            `json:"within"`
}

// Result is a simulation's outcome. Money is decimal in the input's
// currency, rounded once, to cents, at output.
type Result struct {
	Currency        string           `json:"currency"`
	Years           int              `json:"years"`
	Seed            uint64           `json:"seed"`
	Stream          int              `json:"stream"` // the StreamVersion that drew the figures
	Mean            decimal.Decimal  `json:"mean"`
	Analytic        decimal.Decimal  `json:"analytic"`
	StdErr          decimal.Decimal  `json:"std_err"`
	ZeroYears       decimal.Decimal  `json:"zero_years"`
	Percentiles     []Percentile     `json:"percentiles"`
	ES99            decimal.Decimal  `json:"es99"` // mean of the worst 1 % of years
	Curve           []CurvePoint     `json:"curve"`
	Tolerance       []ToleranceCheck `json:"tolerance,omitempty"`
	WithinTolerance bool             `json:"within_tolerance"`
	Risks           []RiskResult     `json:"risks"` // largest contribution first
}

// Simulate runs the Monte Carlo analysis: every scenario's events each
// simulated year (a year's loss is the sum of its events' losses, so
// loss-free years exist), summed into the portfolio year by year. Each risk
// draws from its own stream derived from (seed, risk), and the portfolio is
// summed in whole cents, so the result is bit-identical whatever
// Options.Workers is, and adding a risk does not change the others' draws.
// It returns the validation problems of a bad input, and an error naming
// the scenario when a simulated year goes beyond MaxAnnualLoss (or the
// portfolio's beyond MaxPortfolioLoss): money is exact or an error, never
// rounded beyond the cent, wrapped or infinite.
func Simulate(in Input) (Result, error) {
	if err := in.Validate(); err != nil {
		return Result{}, err
	}
	years := cmp.Or(in.Options.Years, DefaultYears)
	points := cmp.Or(in.Options.CurvePoints, DefaultCurvePoints)
	models := make([]model, len(in.Scenarios))
	for i, s := range in.Scenarios {
		models[i] = compile(s)
	}
	totals, stats, err := simulate(models, years, in.Options.Seed, in.Options.Workers)
	if err != nil {
		return Result{}, err
	}
	return summarize(in, models, totals, stats, years, points)
}

// sum128 adds non-negative int64s without overflow: a million years of
// MaxPortfolioLoss does not fit in 64 bits.
func sum128(xs []int64) decimal.Decimal {
	var hi, lo uint64
	for _, x := range xs {
		var carry uint64
		lo, carry = bits.Add64(lo, uint64(x), 0)
		hi += carry
	}
	v := new(big.Int).SetUint64(hi)
	v.Lsh(v, 64).Or(v, new(big.Int).SetUint64(lo))
	return decimal.NewFromBigInt(v, 0)
}

func summarize(in Input, models []model, totals []int64, stats []riskStats, years, points int) (Result, error) {
	return summarizeSorted(in, models, totals, sortCents(totals), stats, years, points)
}

// summarizeSorted summarizes the year totals, given also sorted.
func summarizeSorted(in Input, models []model, totals, sorted []int64, stats []riskStats, years, points int) (Result, error) {
	n := decimal.NewFromInt(int64(years))
	var bad []string
	finite := func(what string, v float64) decimal.Decimal {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			bad = append(bad, what)
			return decimal.Zero
		}
		return decimal.NewFromFloat(v)
	}
	cents := func(what string, c float64) decimal.Decimal {
		return finite(what, c).Div(decimal.NewFromInt(100)).Round(2)
	}
	money := func(what string, v float64) decimal.Decimal { return finite(what, v).Round(2) }

	res := Result{Currency: in.Currency, Years: years, Seed: in.Options.Seed, Stream: StreamVersion}
	var sum, sumSq float64
	zero := 0
	for _, c := range totals {
		sum += float64(c)
		sumSq += float64(c) * float64(c)
		if c == 0 {
			zero++
		}
	}
	mean := sum / float64(years)
	res.Mean = sum128(totals).Div(n).Div(decimal.NewFromInt(100)).Round(2)
	res.StdErr = cents("the standard error", stdErr(sum, sumSq, years))
	res.ZeroYears = decimal.NewFromInt(int64(zero)).DivRound(n, 6)
	for _, p := range reportedPercentiles {
		pd := decimal.RequireFromString(p)
		res.Percentiles = append(res.Percentiles, Percentile{Percent: pd, Loss: decimal.NewFromInt(percentile(sorted, pd.InexactFloat64()/100)).Shift(-2)})
	}
	tail := max(1, int(math.Ceil(float64(years)*0.01)))
	res.ES99 = sum128(sorted[years-tail:]).Div(decimal.NewFromInt(int64(tail))).Div(decimal.NewFromInt(100)).Round(2)
	res.Curve = curve(sorted, points)

	analytic := 0.0
	for i, m := range models {
		a := m.meanRate() * m.meanLoss()
		analytic += a
		st := stats[i]
		rr := RiskResult{
			Risk: in.Scenarios[i].Risk, Ref: in.Scenarios[i].Ref, Title: in.Scenarios[i].Title,
			Mean: cents("a risk's mean", st.sum/float64(years)), Analytic: money("a risk's analytic loss", a),
			StdErr:    cents("a risk's standard error", stdErr(st.sum, st.sumSq, years)),
			ZeroYears: decimal.NewFromInt(int64(st.zero)).DivRound(n, 6),
		}
		if mean > 0 {
			rr.Contribution = finite("a contribution", st.sum/float64(years)/mean).Round(4)
		}
		res.Risks = append(res.Risks, rr)
	}
	res.Analytic = money("the analytic loss", analytic)
	slices.SortStableFunc(res.Risks, func(a, b RiskResult) int { return cmp.Or(b.Mean.Cmp(a.Mean), cmp.Compare(a.Ref, b.Ref)) })

	res.WithinTolerance = true
	for _, t := range in.Tolerance {
		limit := t.Loss.Mul(decimal.NewFromInt(100)).IntPart()
		p := exceedance(sorted, limit)
		ok := !p.GreaterThan(t.Probability)
		res.Tolerance = append(res.Tolerance, ToleranceCheck{TolerancePoint: t, Simulated: p, Within: ok})
		res.WithinTolerance = res.WithinTolerance && ok
	}
	if len(bad) > 0 {
		var p isms.Problems
		p.Addf("scenarios", "%s is not a finite number; the scenarios cannot be summarized in money", bad[0])
		return Result{}, p.Err()
	}
	return res, nil
}

// AnalyticEAL returns the analytic expected annual loss of one scenario:
// the mean rate times the mean loss per event (for a lognormal fitted to
// low and high as 5th and 95th percentiles, exp(μ + σ²/2)).
func AnalyticEAL(s Scenario) float64 {
	m := compile(s)
	return m.meanRate() * m.meanLoss()
}

func stdErr(sum, sumSq float64, n int) float64 {
	if n < 2 {
		return 0
	}
	mean := sum / float64(n)
	v := (sumSq - float64(n)*mean*mean) / float64(n-1)
	return math.Sqrt(max(v, 0) / float64(n))
}

// percentile is the nearest-rank percentile of sorted data.
func percentile(sorted []int64, p float64) int64 {
	k := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[min(max(k, 0), len(sorted)-1)]
}

// exceedance is P(X > limit) over sorted data.
func exceedance(sorted []int64, limit int64) decimal.Decimal {
	i, _ := slices.BinarySearch(sorted, limit+1)
	return decimal.NewFromInt(int64(len(sorted)-i)).DivRound(decimal.NewFromInt(int64(len(sorted))), 6)
}

// curve computes the loss exceedance curve in one pass over the sorted
// years: points loss levels spaced evenly on a log scale between the
// smallest and the largest positive annual loss.
func curve(sorted []int64, points int) []CurvePoint {
	first, _ := slices.BinarySearch(sorted, 1) // first positive year
	if first == len(sorted) || points < 2 {
		return nil
	}
	lo, hi := math.Log(float64(sorted[first])), math.Log(float64(sorted[len(sorted)-1]))
	out := make([]CurvePoint, 0, points)
	i := first
	n := decimal.NewFromInt(int64(len(sorted)))
	for k := range points {
		// Clamped to the data, so rounding cannot leave int64.
		level := int64(min(max(math.Round(math.Exp(lo+(hi-lo)*float64(k)/float64(points-1))), float64(sorted[first])), float64(sorted[len(sorted)-1])))
		for i < len(sorted) && sorted[i] <= level {
			i++
		}
		out = append(out, CurvePoint{
			Loss:        decimal.NewFromInt(level).Div(decimal.NewFromInt(100)).Round(2),
			Probability: decimal.NewFromInt(int64(len(sorted)-i)).DivRound(n, 6),
		})
	}
	return out
}
