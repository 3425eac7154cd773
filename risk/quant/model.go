package quant

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
	"github.com/ismskit/ismskit/risk"
)

// Frequency says how often a risk's loss event happens in a year (FAIR's
// loss event frequency; the word means only this in ismskit): a Poisson
// process with a fixed Rate, or with a rate drawn each simulated year from
// a PERT range (Min, Mode, Max).
type Frequency struct {
	Rate decimal.Decimal `json:"rate,omitzero"`
	PERT *Range          `json:"pert,omitempty"`
}

// Range is a three-point estimate for a PERT distribution: α = 1 +
// 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min).
type Range struct {
	Min  decimal.Decimal `json:"min"`
	Mode decimal.Decimal `json:"mode"`
	Max  decimal.Decimal `json:"max"`
}

// Magnitude says what one loss event costs (FAIR's loss magnitude): a
// lognormal fitted to Low and High as its 5th and 95th percentiles (the
// riskquant convention), a PERT range, or a Fixed amount (the classic
// single loss expectancy).
type Magnitude struct {
	Low   decimal.Decimal `json:"low,omitzero"`
	High  decimal.Decimal `json:"high,omitzero"`
	PERT  *Range          `json:"pert,omitempty"`
	Fixed decimal.Decimal `json:"fixed,omitzero"`
}

// Scenario is the quantitative assumption of one risk of the register.
type Scenario struct {
	Risk      risk.ID    `json:"risk"`
	Ref       string     `json:"ref"`
	Title     string     `json:"title,omitempty"`
	Stage     risk.Stage `json:"stage,omitempty"` // which assessment the assumption describes
	Frequency Frequency  `json:"frequency"`
	// Magnitude is the loss per event. (In JSON it is "loss", as before.)
	Magnitude Magnitude `json:"loss"`
}

// TolerancePoint is one point of the organization's loss tolerance: the
// annual loss may exceed Loss with at most Probability (0.01 = 1 in 100 years).
type TolerancePoint struct {
	Loss        decimal.Decimal `json:"loss"`
	Probability decimal.Decimal `json:"probability"`
}

// Options tune a simulation.
type Options struct {
	// Years is how many years to simulate (at most MaxYears, and years ×
	// draws a year at most MaxWork); 0 means DefaultYears.
	Years int `json:"years,omitempty"`
	// Seed makes runs reproducible: the same seed gives the same bytes.
	Seed uint64 `json:"seed"`
	// Workers is how many goroutines simulate; 0 means one per CPU, and
	// more than one per CPU (or per scenario) are not started. It never
	// changes the results.
	Workers int `json:"workers,omitempty"`
	// CurvePoints is the number of loss exceedance points, at most
	// MaxCurvePoints; 0 means DefaultCurvePoints.
	CurvePoints int `json:"curve_points,omitempty"`
	// Percentiles lists the percentiles to report, in percent, each in
	// (0, 100], at most MaxPercentiles; empty means DefaultPercentiles.
	Percentiles []decimal.Decimal `json:"percentiles,omitempty"`
	// PercentileMethod is NearestRank ("" too) or Linear.
	PercentileMethod string `json:"percentile_method,omitempty"`
}

// Input is a whole quantitative analysis: scenarios in one currency, the
// options and the tolerance curve.
type Input struct {
	Currency  string           `json:"currency"`
	Scenarios []Scenario       `json:"scenarios"`
	Options   Options          `json:"options"`
	Tolerance []TolerancePoint `json:"tolerance,omitempty"`
	// Treatments are controls whose effect on the scenarios is simulated
	// on common random numbers (Result.Treatments).
	Treatments []Treatment `json:"treatments,omitempty"`
}

// Validate reports every bad parameter at once, each naming the risk and
// the field: negative rates, low ≥ high, a PERT range out of order,
// negative losses, an unknown currency, and every limit exceeded
// (MaxScenarios, MaxYears, MaxCurvePoints, MaxFrequency, MaxLoss,
// MaxLossSpread, MaxAnnualLoss, MaxWork, MaxPortfolioLoss), so a valid
// input simulates in bounded time and memory with money held exactly.
func (in Input) Validate() error {
	var p isms.Problems
	isms.CheckCurrency(&p, "currency", in.Currency)
	o := in.Options
	if o.Years < 0 || o.Years > MaxYears {
		p.Addf("options.years", "years %d is not between 1 and MaxYears (%d)", o.Years, MaxYears)
	}
	if o.Workers < 0 {
		p.Addf("options.workers", "workers %d is negative", o.Workers)
	}
	if o.CurvePoints < 0 || o.CurvePoints > MaxCurvePoints {
		p.Addf("options.curve_points", "curve points %d is not between 1 and MaxCurvePoints (%d)", o.CurvePoints, MaxCurvePoints)
	}
	if len(o.Percentiles) > MaxPercentiles {
		p.Addf("options.percentiles", "%d percentiles are more than MaxPercentiles (%d)", len(o.Percentiles), MaxPercentiles)
	}
	for i, pc := range o.Percentiles {
		if !pc.IsPositive() || pc.GreaterThan(decimal.NewFromInt(100)) {
			p.Addf(isms.Index("options.percentiles", i), "percentile %s is not in (0, 100]", isms.QuoteDecimal(pc))
		}
	}
	if m := o.PercentileMethod; m != "" && m != NearestRank && m != Linear {
		p.Addf("options.percentile_method", "percentile method %q is neither %q nor %q", m, NearestRank, Linear)
	}
	if len(in.Scenarios) == 0 {
		p.Addf("scenarios", "give at least one scenario: there is nothing to simulate")
	}
	if len(in.Scenarios) > MaxScenarios {
		p.Addf("scenarios", "%d scenarios are more than MaxScenarios (%d); simulate the largest risks, or split the portfolio", len(in.Scenarios), MaxScenarios)
	} else if work, ok := in.checkScenarios(&p); ok {
		work += in.checkTreatments(&p)
		years := float64(cmp.Or(o.Years, DefaultYears))
		if units := years * work; units > MaxWork {
			p.Addf("options.years", "%s years × %s draws a year = %s draws, above MaxWork (%d); simulate fewer years, fewer scenarios or lower rates",
				count(years), count(work), count(units), MaxWork)
		}
	}
	for i, t := range in.Tolerance {
		path := isms.Index("tolerance", i)
		if !t.Loss.IsPositive() {
			p.Addf(isms.JoinPath(path, "loss"), "a tolerated loss must be positive")
		} else if t.Loss.GreaterThan(decimal.NewFromInt(MaxPortfolioLoss)) {
			p.Addf(isms.JoinPath(path, "loss"), "a tolerated loss of %s is above MaxPortfolioLoss (%d)", isms.QuoteDecimal(t.Loss), int64(MaxPortfolioLoss))
		}
		if !t.Probability.IsPositive() || t.Probability.GreaterThan(decimal.NewFromInt(1)) {
			p.Addf(isms.JoinPath(path, "probability"), "probability %s is not in (0, 1]", isms.QuoteDecimal(t.Probability))
		}
		for j, u := range in.Tolerance[:i] {
			if !t.Loss.IsPositive() || !u.Loss.IsPositive() || !t.Probability.IsPositive() || t.Probability.GreaterThan(decimal.NewFromInt(1)) {
				continue // said above
			}
			if u.Loss.Equal(t.Loss) {
				p.Addf(isms.JoinPath(path, "loss"), "a loss above %s is already tolerated in tolerance[%d]; give each loss once", isms.QuoteDecimal(t.Loss), j)
				break
			}
			// A curve: a larger loss is tolerated at most as often as a smaller one.
			if u.Loss.LessThan(t.Loss) && u.Probability.LessThan(t.Probability) || u.Loss.GreaterThan(t.Loss) && u.Probability.GreaterThan(t.Probability) {
				p.Addf(isms.JoinPath(path, "probability"), "a loss above %s is tolerated with probability %s, but a loss above %s (tolerance[%d]) only with %s; a larger loss must be tolerated at most as often as a smaller one",
					isms.QuoteDecimal(t.Loss), isms.QuoteDecimal(t.Probability), isms.QuoteDecimal(u.Loss), j, isms.QuoteDecimal(u.Probability))
				break
			}
		}
	}
	return p.Err()
}

// checkScenarios checks every scenario, recording problems in p, and
// returns the draws one simulated year takes (Σ 1 + largest rate) and
// whether every scenario was valid.
func (in Input) checkScenarios(p *isms.Problems) (work float64, ok bool) {
	before := p.Len()
	refs := map[string]bool{}
	for i, s := range in.Scenarios {
		path := isms.Index("scenarios", i)
		if strings.TrimSpace(s.Ref) == "" {
			p.Addf(isms.JoinPath(path, "ref"), "risk %q: the scenario has no risk reference", s.Ref)
		} else if refs[s.Ref] {
			p.Addf(isms.JoinPath(path, "ref"), "risk %q: reference used twice", s.Ref)
		}
		refs[s.Ref] = true
		work += checkScenario(p, path, s)
	}
	return work, p.Len() == before
}

// checkScenario checks one scenario, recording problems in p under path,
// and returns the draws one simulated year takes (1 + its largest rate),
// 0 when it is not valid.
func checkScenario(p *isms.Problems, path string, s Scenario) float64 {
	maxLoss := decimal.NewFromInt(MaxLoss)
	name := s.Ref
	mine := p.Len()
	add := func(field, format string, args ...any) {
		p.Addf(isms.JoinPath(path, field), "risk %q: %s", name, fmt.Sprintf(format, args...))
	}
	f := s.Frequency
	rate := f.Rate // the largest rate
	switch {
	case f.PERT != nil && !f.Rate.IsZero():
		add("frequency", "give a rate or a PERT range, not both")
	case f.PERT != nil:
		checkRange(add, "frequency.pert", *f.PERT)
		rate = f.PERT.Max
		if rate.GreaterThan(decimal.NewFromInt(MaxFrequency)) {
			add("frequency.pert.max", "a maximum of %s events a year is above MaxFrequency (%d), beyond what a Poisson loss model is for", isms.QuoteDecimal(rate), MaxFrequency)
		}
	case f.Rate.IsNegative():
		add("frequency.rate", "rate %s is negative", isms.QuoteDecimal(f.Rate))
	case f.Rate.GreaterThan(decimal.NewFromInt(MaxFrequency)):
		add("frequency.rate", "rate %s a year is above MaxFrequency (%d), beyond what a Poisson loss model is for", isms.QuoteDecimal(f.Rate), MaxFrequency)
	}
	l := s.Magnitude
	upper := l.Fixed // the largest loss named
	kinds := 0
	amount := func(field string, v decimal.Decimal) {
		if v.GreaterThan(maxLoss) {
			add(field, "a loss of %s is above MaxLoss (%d)", isms.QuoteDecimal(v), int64(MaxLoss))
		}
	}
	if !l.Low.IsZero() || !l.High.IsZero() {
		kinds++
		upper = l.High
		switch {
		case !l.Low.IsPositive():
			add("loss.low", "low %s must be positive", isms.QuoteDecimal(l.Low))
		case !l.High.GreaterThan(l.Low):
			add("loss.high", "high %s must be above low %s", isms.QuoteDecimal(l.High), isms.QuoteDecimal(l.Low))
		case l.High.GreaterThan(l.Low.Mul(decimal.NewFromInt(MaxLossSpread))):
			add("loss.low", "high %s is more than MaxLossSpread (%d) times low %s; no lognormal that wide can be simulated in money", isms.QuoteDecimal(l.High), MaxLossSpread, isms.QuoteDecimal(l.Low))
		}
		amount("loss.high", l.High)
	}
	if l.PERT != nil {
		kinds++
		upper = l.PERT.Max
		checkRange(add, "loss.pert", *l.PERT)
		amount("loss.pert.max", l.PERT.Max)
	}
	if !l.Fixed.IsZero() {
		kinds++
		if l.Fixed.IsNegative() {
			add("loss.fixed", "a loss of %s is negative", isms.QuoteDecimal(l.Fixed))
		}
		amount("loss.fixed", l.Fixed)
	}
	if kinds != 1 {
		add("loss", "give exactly one of low/high, pert or fixed")
	}
	if p.Len() > mine {
		return 0
	}
	if yearly := rate.Mul(upper); yearly.GreaterThan(decimal.NewFromInt(MaxAnnualLoss / 10)) {
		add("loss", "a rate of %s a year at losses up to %s is %s a year, above a tenth of MaxAnnualLoss (%d); a bad year could not be summed to the cent",
			isms.QuoteDecimal(rate), isms.QuoteDecimal(upper), isms.QuoteDecimal(yearly), int64(MaxAnnualLoss))
		return 0
	}
	m := compile(s)
	if field, why := m.unsound(); why != "" {
		add(field, "the %s cannot be simulated: %s", field, why)
		return 0
	}
	return 1 + rate.InexactFloat64()
}

// count prints a number of draws.
func count(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }

func checkRange(add func(string, string, ...any), path string, r Range) {
	switch {
	case r.Min.IsNegative():
		add(path+".min", "min %s is negative", isms.QuoteDecimal(r.Min))
	case !r.Max.GreaterThan(r.Min):
		add(path+".max", "max %s must be above min %s", isms.QuoteDecimal(r.Max), isms.QuoteDecimal(r.Min))
	case r.Mode.LessThan(r.Min) || r.Mode.GreaterThan(r.Max):
		add(path+".mode", "mode %s is outside [%s, %s]", isms.QuoteDecimal(r.Mode), isms.QuoteDecimal(r.Min), isms.QuoteDecimal(r.Max))
	}
}

// DecodeInput reads an Input from JSON, rejecting unknown fields, and
// validates it; the error lists every problem with its JSON path.
func DecodeInput(r io.Reader) (Input, error) {
	var in Input
	if err := jsonio.Decode(r, &in, "quantitative input"); err != nil {
		return Input{}, err
	}
	return in, in.Validate()
}
