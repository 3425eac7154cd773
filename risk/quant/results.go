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

// DefaultPercentiles are the percentiles reported when
// Options.Percentiles is empty, in percent.
var DefaultPercentiles = []string{"50", "90", "95", "99", "99.9"}

// Percentile definitions (Options.PercentileMethod).
const (
	// NearestRank (the default, "" too) is the smallest simulated annual
	// loss with at least p of the years at or below it: the ⌈p·n⌉-th of
	// the n sorted years. It is always a simulated year.
	NearestRank = "nearest-rank"
	// Linear interpolates between the sorted years: at h = (n − 1)·p, the
	// ⌊h⌋-th plus the fraction of h times the gap to the next (counting
	// from 0). It is Hyndman and Fan's definition 7, the default of numpy,
	// R and Excel's PERCENTILE.INC.
	Linear = "linear"
)

// Percentile is one percentile of the annual loss, with a distribution-free
// 95 % confidence interval [Low, High]: the order statistics at ranks
// n·p ∓ 1.96·√(n·p·(1 − p)) (the binomial law of the number of years below
// the true percentile).
//
// A rank beyond the simulated years has no order statistic: the interval is
// then open at that end. HighOpen says the upper rank lies above the n
// years (always so for the 100th percentile), so the true upper bound lies
// above High, the largest simulated year, by an unknown amount; LowOpen that
// the lower rank lies below the first year and the smallest simulated year,
// Low, is above 0 (a loss is never below 0, so a smallest year of 0 closes
// the interval). Such an interval is not a 95 % interval: simulate more
// years (Result.Warnings says how many).
type Percentile struct {
	Percent decimal.Decimal `json:"percent"`
	Loss    decimal.Decimal `json:"loss"`
	Low     decimal.Decimal `json:"low"`
	High    decimal.Decimal `json:"high"`
	// LowOpen: the true lower bound is below Low, the smallest year.
	LowOpen bool `json:"low_open,omitempty"`
	// HighOpen: the true upper bound is above High, the largest year.
	HighOpen bool `json:"high_open,omitempty"`
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
	Stage        risk.Stage      `json:"stage,omitempty"` // the stage of the estimate simulated (Scenario.Stage)
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
	Currency string `json:"currency"`
	Years    int    `json:"years"`
	Seed     uint64 `json:"seed"`
	Stream   int    `json:"stream"` // the StreamVersion that drew the figures
	// PercentileMethod is the definition the percentiles follow
	// (NearestRank or Linear, Options.PercentileMethod).
	PercentileMethod string          `json:"percentile_method,omitempty"`
	Mean             decimal.Decimal `json:"mean"`
	Analytic         decimal.Decimal `json:"analytic"`
	StdErr           decimal.Decimal `json:"std_err"`
	// AnalyticStdErr is the standard error the mean would have from the
	// model's own variance (Σ rate × E[loss²], with a PERT rate's spread):
	// far above StdErr, the years simulated have not reached the rare
	// huge ones that make the mean (Result.Warnings says so).
	AnalyticStdErr  decimal.Decimal  `json:"analytic_std_err"`
	ZeroYears       decimal.Decimal  `json:"zero_years"`
	Percentiles     []Percentile     `json:"percentiles"`
	ES99            decimal.Decimal  `json:"es99"` // mean of the worst 1 % of years
	Curve           []CurvePoint     `json:"curve"`
	Tolerance       []ToleranceCheck `json:"tolerance,omitempty"`
	WithinTolerance bool             `json:"within_tolerance"`
	Risks           []RiskResult     `json:"risks"` // largest contribution first
	// Treatments is what each of Input.Treatments buys, best first.
	Treatments []TreatmentResult `json:"treatments,omitempty"`
	// Warnings are sentences a reader must see beside the figures, the
	// ones WriteMarkdown prints (computed from the other fields): a mean more than
	// HeavyTailSE standard errors from the analytic value (the tail is too
	// heavy for the years simulated, and the standard error understates
	// the uncertainty), and percentiles with fewer than MinTailYears
	// simulated years beyond them (their intervals are approximate or
	// open), with the years they would need. Empty when there is none.
	Warnings []string `json:"warnings,omitempty"`
}

// Simulate runs the Monte Carlo analysis: every scenario's events each
// simulated year (a year's loss is the sum of its events' losses, so
// loss-free years exist), summed into the portfolio year by year. Each risk
// draws from its own stream derived from (seed, scenario reference), and the portfolio is
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
	sorted := sortCents(totals)
	res, err := summarizeSorted(in, models, totals, sorted, stats, years, points)
	if err != nil {
		return Result{}, err
	}
	if res.Treatments, err = treat(in, models, totals, sorted, years, points); err != nil {
		return Result{}, err
	}
	return res, nil
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

	res := Result{Currency: in.Currency, Years: years, Seed: in.Options.Seed, Stream: StreamVersion,
		PercentileMethod: cmp.Or(in.Options.PercentileMethod, NearestRank)}
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
	percents := in.Options.Percentiles
	if len(percents) == 0 {
		for _, p := range DefaultPercentiles {
			percents = append(percents, decimal.RequireFromString(p))
		}
	}
	for _, pd := range percents {
		res.Percentiles = append(res.Percentiles, percentileOf(sorted, pd, in.Options.PercentileMethod))
	}
	tail := max(1, int(math.Ceil(float64(years)*0.01)))
	res.ES99 = sum128(sorted[years-tail:]).Div(decimal.NewFromInt(int64(tail))).Div(decimal.NewFromInt(100)).Round(2)
	res.Curve = curve(sorted, points)

	analytic, variance := 0.0, 0.0
	for i, m := range models {
		a := m.meanRate() * m.meanLoss()
		analytic += a
		variance += m.yearVariance()
		st := stats[i]
		rr := RiskResult{
			Risk: in.Scenarios[i].Risk, Ref: in.Scenarios[i].Ref, Title: in.Scenarios[i].Title, Stage: in.Scenarios[i].Stage,
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
	if se := math.Sqrt(variance / float64(years)); se < 1e30 { // +Inf and NaN fail too
		res.AnalyticStdErr = decimal.NewFromFloat(se).Round(2)
	} else {
		res.AnalyticStdErr = decimal.New(1, 30) // beyond any money: the mean's spread is unbounded
	}
	slices.SortStableFunc(res.Risks, func(a, b RiskResult) int { return cmp.Or(b.Mean.Cmp(a.Mean), cmp.Compare(a.Ref, b.Ref)) })

	res.WithinTolerance = true
	for _, t := range in.Tolerance {
		limit := t.Loss.Mul(decimal.NewFromInt(100)).IntPart()
		p := exceedance(sorted, limit)
		ok := !p.GreaterThan(t.Probability)
		res.Tolerance = append(res.Tolerance, ToleranceCheck{TolerancePoint: t, Simulated: p, Within: ok})
		res.WithinTolerance = res.WithinTolerance && ok
	}
	res.Warnings = warnings(res)
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

// percentileOf gives the percentile pd (in percent) of sorted cents by
// method, with its 95 % interval; money in currency units.
func percentileOf(sorted []int64, pd decimal.Decimal, method string) Percentile {
	n := len(sorted)
	p := pd.Shift(-2)
	out := Percentile{Percent: pd}
	cents := func(c int64) decimal.Decimal { return decimal.NewFromInt(c).Shift(-2) }
	if method == Linear {
		h := p.Mul(decimal.NewFromInt(int64(n - 1)))
		j := h.Floor()
		a := sorted[j.IntPart()]
		b := sorted[min(int(j.IntPart())+1, n-1)]
		out.Loss = cents(a).Add(h.Sub(j).Mul(cents(b - a))).Round(2)
	} else {
		// ⌈p·n⌉ exactly, in decimal: no float rounding moves a rank.
		k := p.Mul(decimal.NewFromInt(int64(n))).Ceil().IntPart()
		out.Loss = cents(sorted[min(max(k-1, 0), int64(n-1))])
	}
	pf := p.InexactFloat64()
	np, half := float64(n)*pf, 1.959963984540054*math.Sqrt(float64(n)*pf*(1-pf))
	loRank, hiRank := math.Floor(np-half), math.Ceil(np+half) // ranks from 1
	lo := int(min(max(loRank, 1), float64(n)))
	hi := int(min(max(hiRank, 1), float64(n)))
	out.Low, out.High = cents(sorted[lo-1]), cents(sorted[hi-1])
	// Beyond the years there is no order statistic: the bound is open
	// (the 100th percentile's upper bound always is), except below a
	// smallest year of 0, under which no loss lies.
	out.HighOpen = hiRank > float64(n) || p.Equal(decimal.NewFromInt(1))
	out.LowOpen = loRank < 1 && sorted[0] > 0
	return out
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
