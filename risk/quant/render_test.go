package quant_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
)

func markdown(t *testing.T, r quant.Result) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, quant.WriteMarkdown(&b, r, quant.MarkdownOptions{}))
	return b.String()
}

func percents(ps ...string) []decimal.Decimal {
	var out []decimal.Decimal
	for _, p := range ps {
		out = append(out, d(p))
	}
	return out
}

// Finding 6: at 1,000 years the 99.9th percentile's upper rank lies beyond
// the years; its interval was clamped to the largest year and covered the
// truth 23 times in 40.
func TestPercentile_AnIntervalBeyondTheYearsIsOpenAndSaysSo(t *testing.T) {
	r, err := quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 1_000, Seed: 7, Percentiles: percents("50", "99", "99.9", "100")},
		Scenarios: []quant.Scenario{lognormal("R-02", "2", "2000", "80000")}})
	require.NoError(t, err)
	byPercent := map[string]quant.Percentile{}
	for _, p := range r.Percentiles {
		byPercent[p.Percent.String()] = p
	}
	for _, tt := range []struct {
		p              string
		lowOpen, hiOpn bool
	}{{"50", false, false}, {"99", false, false}, {"99.9", false, true}, {"100", false, true}} {
		p := byPercent[tt.p]
		assert.Equal(t, tt.lowOpen, p.LowOpen, "P%s low", tt.p)
		assert.Equal(t, tt.hiOpn, p.HighOpen, "P%s high", tt.p)
	}
	md := markdown(t, r)
	assert.Contains(t, md, "| 99.9th percentile (95 % interval) | "+byPercent["99.9"].Loss.StringFixed(2)+" ("+byPercent["99.9"].Low.StringFixed(2)+
		" – above "+byPercent["99.9"].High.StringFixed(2)+", the largest simulated year) |")
	assert.Contains(t, md, "Fewer than 5 of the 1000 simulated years lie above the 99.9th percentile")
	assert.Contains(t, md, "Simulate at least 5000 years for it.")
	assert.Contains(t, md, "The 100th percentile is the largest simulated year")
	assert.NotContains(t, md, "lie above the 99th")
	assert.Equal(t, r.Warnings, warningsIn(md))

	// A percentile no run can bound says so rather than ask for more than
	// MaxYears.
	r.Percentiles = []quant.Percentile{{Percent: d("99.9999"), Loss: d("5"), High: d("5")}}
	assert.Contains(t, markdown(t, r), "It would need 5000000 years, more than MaxYears (1000000) allows.")

	// The low end: every year has a loss, so the smallest year is no floor.
	r, err = quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 12, Seed: 1, Percentiles: percents("1", "50")},
		Scenarios: []quant.Scenario{{Ref: "R-07", Frequency: quant.Frequency{Rate: d("40")}, Magnitude: quant.Magnitude{Fixed: d("150")}}}})
	require.NoError(t, err)
	assert.True(t, r.Percentiles[0].LowOpen)
	assert.False(t, r.Percentiles[1].LowOpen)
	md = markdown(t, r)
	assert.Contains(t, md, "(below "+r.Percentiles[0].Low.StringFixed(2)+", the smallest simulated year – ")
	assert.Contains(t, md, "lie below the 1st percentile")
	assert.Contains(t, md, "Simulate at least 500 years for it.")

	// A smallest year of 0 bounds a low percentile: no loss is below 0.
	r, err = quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 7, Seed: 1, Percentiles: percents("1")},
		Scenarios: []quant.Scenario{lognormal("R-1", "0.1", "1000", "2000")}})
	require.NoError(t, err)
	assert.False(t, r.Percentiles[0].LowOpen)
	assert.NotContains(t, markdown(t, r), "below the 1st")
}

// warningsIn returns the bullets of the Markdown's Warnings section.
func warningsIn(md string) []string {
	_, after, ok := strings.Cut(md, "## Warnings\n\n")
	if !ok {
		return nil
	}
	var out []string
	for _, l := range strings.Split(after, "\n") {
		w, ok := strings.CutPrefix(l, "- ")
		if !ok {
			break
		}
		out = append(out, w)
	}
	return out
}

// Finding 8: the prose explained a 95th percentile the table did not have.
func TestWriteMarkdown_ExplainsAPercentileThatIsInTheTable(t *testing.T) {
	for _, tt := range []struct {
		percents []string
		want     string // "" means no "1 year in" sentence
	}{
		{[]string{"50", "80", "99", "99.5"}, "The 99th percentile, %s EUR, is the annual loss that 1 year in 100 exceeds."},
		{[]string{"90", "95"}, "The 95th percentile, %s EUR, is the annual loss that 1 year in 20 exceeds."},
		{[]string{"90", "99.9"}, "The 90th percentile, %s EUR, is the annual loss that 1 year in 10 exceeds."},
		{[]string{"50", "99.5"}, ""},
	} {
		r, err := quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 2_000, Seed: 3, Percentiles: percents(tt.percents...)},
			Scenarios: []quant.Scenario{lognormal("R-1", "2", "2000", "80000")}})
		require.NoError(t, err)
		md := markdown(t, r)
		if tt.want == "" {
			assert.NotContains(t, md, "1 year in", tt.percents)
			continue
		}
		var loss string
		for _, p := range r.Percentiles {
			if strings.Contains(tt.want, "The "+strings.TrimSuffix(p.Percent.String(), ".0")+"th ") {
				loss = p.Loss.StringFixed(2)
			}
		}
		require.NotEmpty(t, loss)
		assert.Contains(t, md, strings.Replace(tt.want, "%s", loss, 1), tt.percents)
		assert.Equal(t, 1, strings.Count(md, "1 year in"), tt.percents)
	}
	// No year exceeds a percentile of 0.
	r, err := quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 1_000, Seed: 3},
		Scenarios: []quant.Scenario{lognormal("R-1", "0.001", "2000", "80000")}})
	require.NoError(t, err)
	md := markdown(t, r)
	assert.Contains(t, md, "The 99th percentile is 0: at least 99 % of the simulated years have no loss.")
	assert.NotContains(t, md, "1 year in")
}

// Finding 10: a heavy tail put the mean 11 standard errors from the
// analytic value, and nothing said so.
func TestWriteMarkdown_HeavyTailIsSaidPlainly(t *testing.T) {
	r, err := quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 10_000, Seed: 1},
		Scenarios: []quant.Scenario{lognormal("R-1", "1", "1", "1000000")}})
	require.NoError(t, err)
	gap := r.Mean.Sub(r.Analytic).Abs()
	require.True(t, gap.GreaterThan(r.StdErr.Mul(d("4"))), "the seed should show the heavy tail: %s vs %s ± %s", r.Mean, r.Analytic, r.StdErr)
	require.NotEmpty(t, r.Warnings)
	assert.Contains(t, r.Warnings[0], "the tail is too heavy for 10000 simulated years")
	assert.Contains(t, r.Warnings[0], "the standard error understates the uncertainty")
	assert.Contains(t, r.Warnings[0], "Simulate more years")
	assert.Contains(t, markdown(t, r), "## Warnings\n\n- The simulated mean, "+r.Mean.StringFixed(2)+", is "+gap.Div(r.StdErr).StringFixed(1)+" standard errors from the analytic value")

	// Within 4 standard errors, or a standard error of 0 and a gap of a
	// cent of rounding, there is nothing to say.
	for _, tt := range []struct{ mean, analytic, se string }{{"100", "107.9", "2"}, {"100", "100.01", "0"}} {
		r := quant.Result{Currency: "EUR", Years: 100, Mean: d(tt.mean), Analytic: d(tt.analytic), StdErr: d(tt.se)}
		assert.NotContains(t, markdown(t, r), "Warnings", tt)
	}
	r = quant.Result{Currency: "EUR", Years: 1, Mean: d("0"), Analytic: d("5"), StdErr: d("0")}
	assert.Contains(t, markdown(t, r), "is more than 4 standard errors (the standard error is 0) from the analytic value")
}

// svgTicks returns the loss axis' tick labels and their x.
func svgTicks(t *testing.T, svg string) map[string]float64 {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	out := map[string]float64{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "text" {
			continue
		}
		var x, y float64
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "x":
				x, _ = strconv.ParseFloat(a.Value, 64)
			case "y":
				y, _ = strconv.ParseFloat(a.Value, 64)
			}
		}
		text, err := dec.Token()
		require.NoError(t, err)
		if cd, ok := text.(xml.CharData); ok && y == 356 { // the loss axis' labels
			out[string(cd)] = x
		}
	}
}

// Finding 9: x() clamped losses below the smallest plotted one, so the
// "1k" tick was drawn where 4,500 EUR is.
func TestWriteSVG_TicksSitAtTheirTruePositions(t *testing.T) {
	r := quant.Result{Currency: "EUR", Years: 100, Curve: []quant.CurvePoint{
		{Loss: d("4500"), Probability: d("0.5")}, {Loss: d("50000"), Probability: d("0.1")}, {Loss: d("900000"), Probability: d("0")}}}
	var svg bytes.Buffer
	require.NoError(t, quant.WriteSVG(&svg, r, quant.SVGOptions{}))
	ticks := svgTicks(t, svg.String())
	// The axis runs from 1k to 1M over 540 px from x = 80: 180 px a decade.
	assert.Equal(t, map[string]float64{"1k": 80, "10k": 260, "100k": 440, "1M": 620}, ticks)
	// The curve starts at 4,500 EUR, not at the 1k tick.
	x4500 := 80 + 180*(math.Log10(4500)-3)
	assert.Contains(t, svg.String(), `points="`+strconv.FormatFloat(x4500, 'f', 1, 64)+",")
}

// Finding 14: a Control naming no treatment silently drew no curve.
func TestWriteSVG_AControlNamingNoTreatmentIsAnError(t *testing.T) {
	r := treatedResult(t)
	err := quant.WriteSVG(io.Discard, r, quant.SVGOptions{Control: "no such control"})
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), `"no such control"`)
	assert.Equal(t, "control", isms.ValidationErrors(err)[0].Path)
	require.NoError(t, quant.WriteSVG(io.Discard, r, quant.SVGOptions{Control: "5.14 Payment call-back"}))
}

// treatedResult has a cheap treatment that ranks first and barely moves
// the tail, and a dearer one that cuts the 99th percentile.
func treatedResult(t *testing.T) quant.Result {
	t.Helper()
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 5_000, Seed: 5, CurvePoints: 10},
		Scenarios: []quant.Scenario{lognormal("R-01", "0.1", "50000", "2000000"), lognormal("R-02", "2", "2000", "80000")},
		Treatments: []quant.Treatment{
			{Control: "5.14 Payment call-back", Cost: dp("2000"), After: []quant.Scenario{lognormal("R-02", "1", "2000", "80000")}},
			{Control: "8.13 Immutable backups", Cost: dp("12000"), After: []quant.Scenario{lognormal("R-01", "0.1", "20000", "600000")}},
			{Control: "8.7 EDR", Title: "EDR on every endpoint", Cost: dp("30000"), After: []quant.Scenario{lognormal("R-01", "0.08", "50000", "2000000")}},
		}}
	r, err := quant.Simulate(in)
	require.NoError(t, err)
	return r
}

// Finding 14: the default curve was the best return (the call-back, with
// almost no tail effect) rather than the treatment that cuts the tail.
func TestWriteSVG_DefaultCurveIsTheTreatmentThatLowersP99Most(t *testing.T) {
	r := treatedResult(t)
	require.Equal(t, "5.14 Payment call-back", r.Treatments[0].Control, "the call-back should rank first")
	var svg bytes.Buffer
	require.NoError(t, quant.WriteSVG(&svg, r, quant.SVGOptions{}))
	assert.Contains(t, svg.String(), "— after 8.13 Immutable backups")

	// On a tie the ranking's order decides.
	for i := range r.Treatments {
		r.Treatments[i].P99After = r.Treatments[i].P99Before.Sub(d("10"))
	}
	svg.Reset()
	require.NoError(t, quant.WriteSVG(&svg, r, quant.SVGOptions{}))
	assert.Contains(t, svg.String(), "— after "+r.Treatments[0].Control+"<")
}

// Finding 14: an empty title left "5.14 Payment call-back  " and a control
// ran into its title ("8.7 EDR EDR on every endpoint").
func TestWriteMarkdown_NamesHaveNoTrailingSpaceNorARunTogetherTitle(t *testing.T) {
	md := markdown(t, treatedResult(t))
	assert.Contains(t, md, "| 5.14 Payment call-back | 2000.00 |")
	assert.Contains(t, md, "| 8.7 EDR — EDR on every endpoint | 30000.00 |")
	assert.Contains(t, md, "| R-01 | ")
	for _, l := range strings.Split(md, "\n") {
		assert.NotContains(t, l, "  ", "a doubled space: %q", l)
	}
	r := quant.Result{Currency: "EUR", Years: 1, Treatments: []quant.TreatmentResult{
		{Control: "8.7 EDR", Title: "8.7 EDR on every endpoint"}, {Control: "A.5", Title: "a.5"}, {Control: "A.5", Title: "A.50 Other"}}}
	md = markdown(t, r)
	assert.Contains(t, md, "| 8.7 EDR on every endpoint | unknown")
	assert.Contains(t, md, "| A.5 | unknown")
	assert.Contains(t, md, "| A.5 — A.50 Other | unknown")
}

func TestWriteSVG_LogProbabilityAxisSpreadsTheTail(t *testing.T) {
	r := quant.Result{Currency: "EUR", Years: 10_000, Curve: []quant.CurvePoint{
		{Loss: d("1000"), Probability: d("0.5")}, {Loss: d("100000"), Probability: d("0.01")}, {Loss: d("1000000"), Probability: d("0.0001")}, {Loss: d("2000000"), Probability: d("0")}},
		Tolerance: []quant.ToleranceCheck{{TolerancePoint: quant.TolerancePoint{Loss: d("500000"), Probability: d("0.01")}, Within: true}}}
	var lin, log bytes.Buffer
	require.NoError(t, quant.WriteSVG(&lin, r, quant.SVGOptions{}))
	require.NoError(t, quant.WriteSVG(&log, r, quant.SVGOptions{LogProbability: true}))
	assert.Contains(t, lin.String(), ">25 %<")
	for _, tick := range []string{">100 %<", ">10 %<", ">1 %<", ">0.1 %<", ">0.01 %<"} {
		assert.Contains(t, log.String(), tick)
	}
	assert.NotContains(t, log.String(), ">0.001 %<")
	// 1 % is half-way down a four-decade axis (y from 40 to 340), not in
	// its bottom 3 px; the year of probability 0 is left off.
	assert.Contains(t, log.String(), `<circle cx="`)
	assert.Contains(t, log.String(), `cy="190.0"`)
	assert.Contains(t, log.String(), "485.0,340.0") // 1M at 0.01 %
	assert.NotContains(t, log.String(), " 525.6,")  // 2M at 0 is left off
	assert.Contains(t, log.String(), "Probability of exceeding (log scale)")
}

// FuzzWriters: no result, however hand-made, makes WriteMarkdown or
// WriteSVG panic or write a broken table, NaN or infinity; an unknown
// control is the only SVG error.
func FuzzWriters(f *testing.F) {
	f.Add("EUR", 1000, "99.9", "1000", "0", "4500", "0.5", "-3", "8.7 EDR", "EDR on every endpoint", "", true)
	f.Add("", 0, "100", "1e30", "-1", "0", "2", "1e-40", "", "", "x", false)
	f.Add("<x>", -5, "0", "-7", "1e400", "NaN", "-0.1", "0", "a|b", "a|b\n", "a|b", true)
	f.Fuzz(func(t *testing.T, currency string, years int, percent, mean, se, loss, prob, tolProb, control, title, want string, logP bool) {
		dec := func(s string) decimal.Decimal {
			v, err := decimal.NewFromString(s)
			if err != nil {
				return decimal.Zero
			}
			return v
		}
		r := quant.Result{Currency: currency, Years: years, Mean: dec(mean), Analytic: dec(loss), StdErr: dec(se),
			Percentiles: []quant.Percentile{{Percent: dec(percent), Loss: dec(loss), Low: dec(se), High: dec(mean), HighOpen: logP, LowOpen: !logP}},
			Curve:       []quant.CurvePoint{{Loss: dec(loss), Probability: dec(prob)}, {Loss: dec(mean), Probability: dec(tolProb)}},
			Tolerance:   []quant.ToleranceCheck{{TolerancePoint: quant.TolerancePoint{Loss: dec(mean), Probability: dec(tolProb)}}},
			Risks:       []quant.RiskResult{{Ref: control, Title: title}},
			Treatments: []quant.TreatmentResult{{Control: control, Title: title, P99Before: dec(loss), P99After: dec(mean),
				Curve: []quant.CurvePoint{{Loss: dec(se), Probability: dec(prob)}}}}}
		var md bytes.Buffer
		require.NoError(t, quant.WriteMarkdown(&md, r, quant.MarkdownOptions{LeftOut: []string{title}}))
		for _, line := range strings.Split(md.String(), "\n") {
			if strings.HasPrefix(line, "|") {
				assert.True(t, strings.HasSuffix(line, "|"), "a table row is cut: %q", line)
			}
		}
		var svg bytes.Buffer
		err := quant.WriteSVG(&svg, r, quant.SVGOptions{Control: want, LogProbability: logP, Title: title})
		if err != nil {
			require.ErrorIs(t, err, isms.ErrInvalid)
			require.NotEqual(t, control, want)
			return
		}
		assert.NotContains(t, svg.String(), "NaN")
		assert.NotContains(t, svg.String(), "Inf")
		d := xml.NewDecoder(&svg)
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, svg.String())
		}
	})
}

// Whatever the seed, a tail too heavy for the years simulated is said: a
// trial found the gap-based warning on only 10 of 20 seeds of one input.
func TestWriteMarkdown_HeavyTailIsSaidWhateverTheSeed(t *testing.T) {
	for seed := range uint64(8) {
		r, err := quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 2000, Seed: seed},
			Scenarios: []quant.Scenario{lognormal("R-1", "1", "1", "1000000")}})
		require.NoError(t, err)
		require.NotEmpty(t, r.Warnings, "seed %d", seed)
		assert.True(t, r.AnalyticStdErr.GreaterThan(r.StdErr.Mul(d("3"))), "seed %d", seed)
	}
	// A spread an SME types (high 20× low) gets no warning.
	r, err := quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 10_000, Seed: 1},
		Scenarios: []quant.Scenario{lognormal("R-1", "2", "5000", "100000"), lognormal("R-2", "0.3", "20000", "400000")}})
	require.NoError(t, err)
	assert.Empty(t, r.Warnings)
}

// A register analysed with estimates of different stages says which row
// is which (a trial's inherent-only risk sat among residual ones
// unmarked); ordinals of decimals follow the last digit.
func TestWriteMarkdown_MixedStagesAndDecimalOrdinals(t *testing.T) {
	a, b := lognormal("R-1", "1", "1000", "5000"), lognormal("R-2", "1", "1000", "5000")
	a.Stage, b.Stage = risk.Residual, risk.Inherent
	r, err := quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 100, Seed: 1,
		Percentiles: []decimal.Decimal{d("33.3"), d("99.9"), d("0.1")}}, Scenarios: []quant.Scenario{a, b}})
	require.NoError(t, err)
	md := markdown(t, r)
	assert.Contains(t, md, "| R-2 (inherent estimate) |")
	assert.Contains(t, md, "| R-1 (residual estimate) |")
	assert.Contains(t, md, "33.3rd percentile")
	assert.Contains(t, md, "99.9th percentile")
	assert.Contains(t, md, "0.1st percentile")
	a.Stage, b.Stage = risk.Residual, risk.Residual
	r, err = quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 100, Seed: 1}, Scenarios: []quant.Scenario{a, b}})
	require.NoError(t, err)
	assert.NotContains(t, markdown(t, r), "estimate)")
}

// The per-risk table of what treatment buys is written only when a
// treatment touches more than one risk: otherwise it repeats the table
// above it (a trial's managing partner read the same figures twice).
func TestWriteMarkdown_PerRiskTableOnlyWhenATreatmentTouchesSeveral(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 500, Seed: 1},
		Scenarios:  []quant.Scenario{lognormal("R-1", "1", "1000", "5000"), lognormal("R-2", "1", "1000", "5000")},
		Treatments: []quant.Treatment{{Control: "8.5", After: []quant.Scenario{lognormal("R-1", "0.5", "1000", "5000")}}}}
	r, err := quant.Simulate(in)
	require.NoError(t, err)
	assert.NotContains(t, markdown(t, r), "| Treatment | Risk | Loss avoided a year |")
	in.Treatments = append(in.Treatments, quant.Treatment{Control: "8.7", After: []quant.Scenario{lognormal("R-1", "0.8", "1000", "5000"), lognormal("R-2", "0.8", "1000", "5000")}})
	r, err = quant.Simulate(in)
	require.NoError(t, err)
	assert.Contains(t, markdown(t, r), "| Treatment | Risk | Loss avoided a year |")
}
