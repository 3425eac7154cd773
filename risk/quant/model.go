package quant

import (
	"fmt"
	"io"
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
	// Years is how many years to simulate; 0 means 10,000.
	Years int `json:"years,omitempty"`
	// Seed makes runs reproducible: the same seed gives the same bytes.
	Seed uint64 `json:"seed"`
	// Workers is how many goroutines simulate; 0 means one per CPU. It
	// never changes the results.
	Workers int `json:"workers,omitempty"`
	// CurvePoints is the number of loss exceedance points; 0 means 100.
	CurvePoints int `json:"curve_points,omitempty"`
}

// Input is a whole quantitative analysis: scenarios in one currency, the
// options and the tolerance curve.
type Input struct {
	Currency  string           `json:"currency"`
	Scenarios []Scenario       `json:"scenarios"`
	Options   Options          `json:"options"`
	Tolerance []TolerancePoint `json:"tolerance,omitempty"`
}

// Validate reports every bad parameter at once, each naming the risk and
// the field: negative rates, low ≥ high, a PERT range out of order,
// negative losses, an unknown currency.
func (in Input) Validate() error {
	var p isms.Problems
	if len(strings.TrimSpace(in.Currency)) != 3 {
		p.Addf("currency", "currency %q is not a three-letter ISO 4217 code", in.Currency)
	}
	if in.Options.Years < 0 || in.Options.Years > 100_000_000 {
		p.Addf("options.years", "years %d is not between 1 and 100,000,000", in.Options.Years)
	}
	if in.Options.Workers < 0 || in.Options.CurvePoints < 0 {
		p.Addf("options", "workers and curve points cannot be negative")
	}
	refs := map[string]bool{}
	for i, s := range in.Scenarios {
		path := isms.Index("scenarios", i)
		name := s.Ref
		add := func(field, format string, args ...any) {
			p.Addf(isms.JoinPath(path, field), "risk %q: %s", name, fmt.Sprintf(format, args...))
		}
		if strings.TrimSpace(s.Ref) == "" {
			add("ref", "the scenario has no risk reference")
		} else if refs[s.Ref] {
			add("ref", "reference used twice")
		}
		refs[s.Ref] = true
		f := s.Frequency
		switch {
		case f.PERT != nil && !f.Rate.IsZero():
			add("frequency", "give a rate or a PERT range, not both")
		case f.PERT != nil:
			checkRange(add, "frequency.pert", *f.PERT)
		case f.Rate.IsNegative():
			add("frequency.rate", "rate %s is negative", f.Rate)
		case f.Rate.GreaterThan(decimal.NewFromInt(1000)):
			add("frequency.rate", "rate %s a year is beyond what a Poisson loss model is for", f.Rate)
		}
		l := s.Magnitude
		kinds := 0
		if !l.Low.IsZero() || !l.High.IsZero() {
			kinds++
			switch {
			case !l.Low.IsPositive():
				add("loss.low", "low %s must be positive", l.Low)
			case !l.High.GreaterThan(l.Low):
				add("loss.high", "high %s must be above low %s", l.High, l.Low)
			}
		}
		if l.PERT != nil {
			kinds++
			checkRange(add, "loss.pert", *l.PERT)
		}
		if !l.Fixed.IsZero() {
			kinds++
			if l.Fixed.IsNegative() {
				add("loss.fixed", "a loss of %s is negative", l.Fixed)
			}
		}
		if kinds != 1 {
			add("loss", "give exactly one of low/high, pert or fixed")
		}
	}
	for i, t := range in.Tolerance {
		path := isms.Index("tolerance", i)
		if !t.Loss.IsPositive() {
			p.Addf(isms.JoinPath(path, "loss"), "a tolerated loss must be positive")
		}
		if !t.Probability.IsPositive() || t.Probability.GreaterThan(decimal.NewFromInt(1)) {
			p.Addf(isms.JoinPath(path, "probability"), "probability %s is not in (0, 1]", t.Probability)
		}
	}
	return p.Err()
}

func checkRange(add func(string, string, ...any), path string, r Range) {
	switch {
	case r.Min.IsNegative():
		add(path+".min", "min %s is negative", r.Min)
	case !r.Max.GreaterThan(r.Min):
		add(path+".max", "max %s must be above min %s", r.Max, r.Min)
	case r.Mode.LessThan(r.Min) || r.Mode.GreaterThan(r.Max):
		add(path+".mode", "mode %s is outside [%s, %s]", r.Mode, r.Min, r.Max)
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

// FromRegister makes scenarios from the risks of a register that carry a
// classic Loss (SLE × ARO): the ARO becomes the Poisson rate and the SLE a
// fixed loss per event. Risks without a Loss, or in another currency, are
// skipped.
func FromRegister(reg risk.Register, currency string) []Scenario {
	var out []Scenario
	for _, r := range reg.Risks {
		if r.Loss == nil || r.Loss.SLE.Currency != currency {
			continue
		}
		out = append(out, Scenario{Risk: r.ID, Ref: r.Ref, Title: r.Title, Stage: risk.Residual,
			Frequency: Frequency{Rate: r.Loss.ARO}, Magnitude: Magnitude{Fixed: r.Loss.SLE.Amount}})
	}
	return out
}
