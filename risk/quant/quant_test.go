package quant_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// dp is a known amount, as an optional field takes it.
func dp(s string) *decimal.Decimal { v := d(s); return &v }

func lognormal(ref, rate, low, high string) quant.Scenario {
	return quant.Scenario{Ref: ref, Frequency: quant.Frequency{Rate: d(rate)}, Magnitude: quant.Magnitude{Low: d(low), High: d(high)}}
}

// riskquant's published cases for its SimpleLoss model.
func TestAnalyticEAL_MatchesRiskquant(t *testing.T) {
	for _, tt := range []struct {
		s    quant.Scenario
		want float64
	}{
		{lognormal("a", "0.1", "1", "10"), 0.4040012826945718},
		{lognormal("b", "3", "1", "10"), 12.120038480837177},
		{lognormal("c", "0.1", "100000", "1000000"), 40400.128269457266},
	} {
		got := quant.AnalyticEAL(tt.s)
		assert.InEpsilon(t, tt.want, got, 1e-9, "%s", tt.s.Ref)
	}
}

func TestSimulate_AgreesWithTheAnalyticValues(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 200_000, Seed: 1}, Scenarios: []quant.Scenario{
		lognormal("R-1", "0.5", "10000", "200000"),
		{Ref: "R-2", Frequency: quant.Frequency{Rate: d("2")}, Magnitude: quant.Magnitude{PERT: &quant.Range{Min: d("1000"), Mode: d("5000"), Max: d("20000")}}},
		{Ref: "R-3", Frequency: quant.Frequency{PERT: &quant.Range{Min: d("0.1"), Mode: d("0.3"), Max: d("1")}}, Magnitude: quant.Magnitude{Fixed: d("7500")}},
		lognormal("R-4", "45", "100", "400"), // above 30 a year: every year draws its count, in chunks
	}}
	r, err := quant.Simulate(in)
	require.NoError(t, err)
	for _, x := range r.Risks {
		gap := x.Mean.Sub(x.Analytic).Abs()
		assert.True(t, gap.LessThanOrEqual(x.StdErr.Mul(d("3"))), "%s: simulated %s vs analytic %s (3 SE = %s)", x.Ref, x.Mean, x.Analytic, x.StdErr.Mul(d("3")))
	}
	assert.True(t, r.Mean.Sub(r.Analytic).Abs().LessThanOrEqual(r.StdErr.Mul(d("3"))), "portfolio %s vs %s", r.Mean, r.Analytic)

	// P(no loss in a year) = e^-rate for a fixed rate.
	for _, x := range r.Risks {
		if x.Ref == "R-1" {
			p := math.Exp(-0.5)
			se := math.Sqrt(p * (1 - p) / 200_000)
			assert.InDelta(t, p, x.ZeroYears.InexactFloat64(), 3*se)
		}
	}
}

func TestPERT_MomentsAreTheTextbookOnes(t *testing.T) {
	// Mean (min + 4 mode + max) / 6; variance (mean − min)(max − mean) / 7.
	s := quant.Scenario{Ref: "p", Frequency: quant.Frequency{Rate: d("1")}, Magnitude: quant.Magnitude{PERT: &quant.Range{Min: d("2"), Mode: d("5"), Max: d("14")}}}
	assert.InDelta(t, (2+4*5+14)/6.0, quant.AnalyticEAL(s), 1e-12)
	mean, variance := quant.PERTMoments(2, 5, 14)
	assert.InDelta(t, 6.0, mean, 1e-12)
	assert.InDelta(t, (6.0-2)*(14-6.0)/7, variance, 1e-12)
}

func TestValidate_NamesTheRiskAndField(t *testing.T) {
	in := quant.Input{Currency: "euro", Scenarios: []quant.Scenario{
		{Ref: "R-1", Frequency: quant.Frequency{Rate: d("-1")}, Magnitude: quant.Magnitude{Low: d("10"), High: d("5")}},
		{Ref: "R-2", Frequency: quant.Frequency{PERT: &quant.Range{Min: d("1"), Mode: d("3"), Max: d("2")}}, Magnitude: quant.Magnitude{Fixed: d("1"), Low: d("1"), High: d("2")}},
		{Ref: "R-1", Frequency: quant.Frequency{Rate: d("1")}, Magnitude: quant.Magnitude{PERT: &quant.Range{Min: d("5"), Mode: d("5"), Max: d("5")}}},
	}, Tolerance: []quant.TolerancePoint{{Loss: d("100"), Probability: d("2")}}}
	err := in.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	var got []string
	for _, v := range isms.ValidationErrors(err) {
		got = append(got, v.Path)
	}
	assert.Equal(t, []string{"currency", "scenarios[0].frequency.rate", "scenarios[0].loss.high", "scenarios[1].frequency.pert.mode",
		"scenarios[1].loss", "scenarios[2].ref", "scenarios[2].loss.pert.max", "tolerance[0].probability"}, got)
	assert.Contains(t, err.Error(), `scenarios[0].frequency.rate: risk "R-1": rate -1 is negative`)

	_, err = quant.DecodeInput(strings.NewReader(`{"currency":"EUR","scenarios":[{"ref":"x","frequency":{"rate":"NaN"}}]}`))
	assert.ErrorIs(t, err, isms.ErrInvalid)
}

func genInput(t *rapid.T) quant.Input {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: rapid.IntRange(50, 2000).Draw(t, "years"), Seed: rapid.Uint64().Draw(t, "seed")}}
	for i := range rapid.IntRange(1, 6).Draw(t, "risks") {
		low := rapid.IntRange(100, 100_000).Draw(t, "low")
		s := quant.Scenario{Ref: string(rune('A' + i)), Frequency: quant.Frequency{Rate: decimal.NewFromInt(int64(rapid.IntRange(1, 300).Draw(t, "rate"))).Shift(-2)}}
		switch rapid.IntRange(0, 2).Draw(t, "kind") {
		case 0:
			s.Magnitude = quant.Magnitude{Low: decimal.NewFromInt(int64(low)), High: decimal.NewFromInt(int64(low * rapid.IntRange(2, 40).Draw(t, "ratio")))}
		case 1:
			s.Magnitude = quant.Magnitude{PERT: &quant.Range{Min: decimal.NewFromInt(int64(low)), Mode: decimal.NewFromInt(int64(low * 2)), Max: decimal.NewFromInt(int64(low * 9))}}
		default:
			s.Magnitude = quant.Magnitude{Fixed: decimal.NewFromInt(int64(low))}
		}
		in.Scenarios = append(in.Scenarios, s)
	}
	return in
}

func TestSimulate_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t)
		r, err := quant.Simulate(in)
		require.NoError(t, err)
		for i := 1; i < len(r.Percentiles); i++ {
			assert.True(t, r.Percentiles[i].Loss.GreaterThanOrEqual(r.Percentiles[i-1].Loss), "percentiles are monotonic")
		}
		for i := 1; i < len(r.Curve); i++ {
			assert.True(t, r.Curve[i].Probability.LessThanOrEqual(r.Curve[i-1].Probability), "the exceedance curve does not increase")
			assert.True(t, r.Curve[i].Loss.GreaterThanOrEqual(r.Curve[i-1].Loss))
		}

		// Worker count never changes results.
		in2 := in
		in2.Options.Workers = rapid.IntRange(1, 8).Draw(t, "workers")
		r2, err := quant.Simulate(in2)
		require.NoError(t, err)
		assert.Equal(t, r, r2, "results depend on the number of workers")

		// Adding a risk never lowers a portfolio percentile.
		more := in
		more.Scenarios = append(append([]quant.Scenario(nil), in.Scenarios...), lognormal("Z", "0.3", "1000", "50000"))
		r3, err := quant.Simulate(more)
		require.NoError(t, err)
		for i := range r.Percentiles {
			assert.True(t, r3.Percentiles[i].Loss.GreaterThanOrEqual(r.Percentiles[i].Loss), "adding a risk lowered the %s th percentile", r.Percentiles[i].Percent)
		}
		for i, x := range r.Risks {
			assert.Equal(t, x.Mean, riskMean(r3, x.Ref), "adding a risk changed risk %s's draws (%d)", x.Ref, i)
		}
	})
}

func riskMean(r quant.Result, ref string) decimal.Decimal {
	for _, x := range r.Risks {
		if x.Ref == ref {
			return x.Mean
		}
	}
	return decimal.Zero
}

// Scaling every loss by k scales every money result by k, up to the
// rounding to cents.
func TestSimulate_ScalesWithLosses(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t)
		k := int64(rapid.IntRange(2, 9).Draw(t, "k"))
		scaled := in
		scaled.Scenarios = nil
		fixedOnly := true
		for _, s := range in.Scenarios {
			kd := decimal.NewFromInt(k)
			switch {
			case s.Magnitude.PERT != nil:
				p := *s.Magnitude.PERT
				s.Magnitude.PERT = &quant.Range{Min: p.Min.Mul(kd), Mode: p.Mode.Mul(kd), Max: p.Max.Mul(kd)}
				fixedOnly = false
			case !s.Magnitude.Fixed.IsZero():
				s.Magnitude.Fixed = s.Magnitude.Fixed.Mul(kd)
			default:
				s.Magnitude.Low, s.Magnitude.High = s.Magnitude.Low.Mul(kd), s.Magnitude.High.Mul(kd)
				fixedOnly = false
			}
			scaled.Scenarios = append(scaled.Scenarios, s)
		}
		a, err := quant.Simulate(in)
		require.NoError(t, err)
		b, err := quant.Simulate(scaled)
		require.NoError(t, err)
		kd := decimal.NewFromInt(k)
		// Each year's loss is rounded to cents and results to cents once
		// more, so k·x and y may differ by up to k cents per risk; fitted
		// distributions add a relative float error.
		check := func(name string, x, y decimal.Decimal) {
			tol := decimal.NewFromInt(k * int64(len(in.Scenarios)+1)).Shift(-2)
			if !fixedOnly {
				tol = tol.Add(y.Abs().Shift(-6))
			}
			assert.True(t, x.Mul(kd).Sub(y).Abs().LessThanOrEqual(tol), "%s: %s × %d vs %s", name, x, k, y)
		}
		check("mean", a.Mean, b.Mean)
		check("es99", a.ES99, b.ES99)
		for i := range a.Percentiles {
			check("percentile "+a.Percentiles[i].Percent.String(), a.Percentiles[i].Loss, b.Percentiles[i].Loss)
		}
	})
}

func TestSimulate_SameSeedSameBytesAndGolden(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 20_000, Seed: 2026, CurvePoints: 20},
		Scenarios: []quant.Scenario{lognormal("R-1", "0.5", "10000", "200000"), lognormal("R-2", "0.1", "100000", "2000000")},
		Tolerance: []quant.TolerancePoint{{Loss: d("100000"), Probability: d("0.2")}, {Loss: d("1000000"), Probability: d("0.01")}}}
	render := func() (string, string, string) {
		r, err := quant.Simulate(in)
		require.NoError(t, err)
		var js, md, svg bytes.Buffer
		require.NoError(t, quant.WriteJSON(&js, r, quant.JSONOptions{}))
		require.NoError(t, quant.WriteMarkdown(&md, r, quant.MarkdownOptions{}))
		require.NoError(t, quant.WriteSVG(&svg, r, quant.SVGOptions{Title: "Loss exceedance"}))
		return js.String(), md.String(), svg.String()
	}
	j1, m1, s1 := render()
	j2, m2, s2 := render()
	assert.Equal(t, j1, j2)
	assert.Equal(t, m1, m2)
	assert.Equal(t, s1, s2)
	golden.Assert(t, filepath.Join("testdata", "result.json"), []byte(j1))
	golden.Assert(t, filepath.Join("testdata", "summary.md"), []byte(m1))
	golden.Assert(t, filepath.Join("testdata", "lec.svg"), []byte(s1))
}

// hostileText is text a person might type, or an attacker plant: a line
// break, a pipe, a spreadsheet formula, HTML and a right-to-left override.
const hostileText = "=cmd|' /C calc'!A1\n<script>alert(1)</script> | \u202eevil"

func TestValidate_ACurrencyIsThreeCapitalLetters(t *testing.T) {
	for _, c := range []string{"eur", " EUR", "EU", "EURO", "<x>", "€", ""} {
		in := quant.Input{Currency: c, Scenarios: []quant.Scenario{lognormal("R-1", "0.5", "1000", "2000")}}
		err := in.Validate()
		require.ErrorIs(t, err, isms.ErrInvalid, c)
		require.Len(t, isms.ValidationErrors(err), 1, c)
		assert.Equal(t, "currency", isms.ValidationErrors(err)[0].Path, c)
	}
}

func TestWriters_HostileText(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 2_000, Seed: 1, CurvePoints: 5},
		Scenarios: []quant.Scenario{lognormal(hostileText, "0.5", "10000", "200000"), lognormal("R-2", "0.1", "100000", "2000000")},
		Tolerance: []quant.TolerancePoint{{Loss: d("100000"), Probability: d("0.2")}}}
	in.Scenarios[1].Title = hostileText
	in.Treatments = []quant.Treatment{{Control: hostileText, Title: hostileText, Cost: dp("1000"), After: []quant.Scenario{lognormal(hostileText, "0.1", "10000", "200000")}}}
	r, err := quant.Simulate(in)
	require.NoError(t, err)
	var js, md, svg bytes.Buffer
	require.NoError(t, quant.WriteJSON(&js, r, quant.JSONOptions{}))
	require.NoError(t, quant.WriteMarkdown(&md, r, quant.MarkdownOptions{}))
	require.NoError(t, quant.WriteSVG(&svg, r, quant.SVGOptions{Title: hostileText}))
	golden.Assert(t, filepath.Join("testdata", "hostile.json"), js.Bytes())
	golden.Assert(t, filepath.Join("testdata", "hostile.md"), md.Bytes())
	golden.Assert(t, filepath.Join("testdata", "hostile.svg"), svg.Bytes())

	for _, out := range []string{md.String(), svg.String()} {
		assert.NotContains(t, out, "<script>")
		assert.NotContains(t, out, "\u202e")
	}
	for _, line := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(line, "|") {
			assert.True(t, strings.HasSuffix(line, "|"), "a table row is cut: %q", line)
		}
	}
	dec := xml.NewDecoder(&svg)
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG is well-formed XML")
	}
}

func TestWriteSVG_ZeroOptionsHaveATitle(t *testing.T) {
	r, err := quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 100, Seed: 1},
		Scenarios: []quant.Scenario{lognormal("R-1", "0.5", "10", "200")}})
	require.NoError(t, err)
	var svg bytes.Buffer
	require.NoError(t, quant.WriteSVG(&svg, r, quant.SVGOptions{}))
	assert.Contains(t, svg.String(), "<title>Annual loss exceedance</title>")
}

// FuzzDecodeInput: no input makes decoding or simulating panic or hang;
// every failure wraps ErrInvalid, and a validated input simulates or
// fails with a problem naming what went beyond a limit. The hostile seeds
// are under testdata/fuzz/FuzzDecodeInput.
func FuzzDecodeInput(f *testing.F) {
	f.Add([]byte(`{"currency":"EUR","scenarios":[{"ref":"R-1","frequency":{"rate":"0.5"},"loss":{"low":"1000","high":"9000"}}],"options":{"years":100,"seed":1}}`))
	f.Add([]byte(`{"currency":"EUR","scenarios":[{"ref":"R-1","frequency":{"pert":{"min":"0","mode":"1","max":"2"}},"loss":{"pert":{"min":"1","mode":"2","max":"3"}}}],"options":{"years":50}}`))
	f.Add([]byte(`{"scenarios":[{}]}`))
	f.Add([]byte(`{"currency":"EUR","scenarios":[{"ref":"R-1","frequency":{"rate":"0.5"},"loss":{"low":"1000","high":"9000"}}],"options":{"years":100,"percentiles":["12.5"],"percentile_method":"linear"},` +
		`"treatments":[{"control":"C","cost":"100","after":[{"ref":"R-1","frequency":{"rate":"0.2"},"loss":{"low":"500","high":"9000"}}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := quant.DecodeInput(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, isms.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		// Keep each run small; the limits are tested elsewhere.
		in.Options.Years = min(max(in.Options.Years, 1), 200)
		in.Options.CurvePoints = min(in.Options.CurvePoints, 200)
		if len(in.Scenarios) > 50 {
			in.Scenarios = in.Scenarios[:50]
		}
		if len(in.Treatments) > 20 {
			in.Treatments = in.Treatments[:20]
		}
		r, err := quant.Simulate(in)
		if err != nil {
			if !errors.Is(err, isms.ErrInvalid) || !strings.Contains(err.Error(), "Max") {
				t.Fatalf("a validated input fails to simulate: %v", err)
			}
			return
		}
		if r.Mean.IsNegative() || r.ES99.IsNegative() || r.Analytic.IsNegative() {
			t.Fatalf("negative money: mean %s, es99 %s, analytic %s", r.Mean, r.ES99, r.Analytic)
		}
		for _, tr := range r.Treatments {
			if tr.P95After.IsNegative() || tr.P99After.IsNegative() || tr.LossAvoided.StdErr.IsNegative() {
				t.Fatalf("treatment %q: negative money %+v", tr.Control, tr)
			}
		}
	})
}

func TestFromRegister_UsesTheClassicLosses(t *testing.T) {
	reg := risk.Register{Risks: []risk.Risk{
		{ID: isms.NewID[risk.Risk](), Ref: "R-1", Loss: &risk.Loss{SLE: risk.Money{Amount: d("20000"), Currency: "EUR"}, ARO: d("0.5")}},
		{Ref: "R-2"},
		{Ref: "R-3", Loss: &risk.Loss{SLE: risk.Money{Amount: d("5"), Currency: "USD"}, ARO: d("1")}},
	}}
	sc := quant.FromRegister(reg, "EUR")
	require.Len(t, sc, 1)
	assert.Equal(t, "R-1", sc[0].Ref)
	assert.Equal(t, reg.Risks[0].ID, sc[0].Risk)
	assert.InDelta(t, 10000, quant.AnalyticEAL(sc[0]), 1e-9, "ARO × SLE")
}

func TestFromRegisterAt_TakesEachStagesLossWithFallbacks(t *testing.T) {
	eur := func(sle, aro string) *risk.Loss {
		return &risk.Loss{SLE: risk.Money{Amount: d(sle), Currency: "EUR"}, ARO: d(aro)}
	}
	reg := risk.Register{Risks: []risk.Risk{
		{Ref: "R-1", InherentLoss: eur("1000", "2"), Loss: eur("1000", "1"), TargetLoss: eur("1000", "0.5")},
		{Ref: "R-2", InherentLoss: eur("10", "1")},
		{Ref: "R-3", Loss: eur("100", "1")},
	}}
	rates := func(sc []quant.Scenario) map[string]string {
		out := map[string]string{}
		for _, s := range sc {
			out[s.Ref] = s.Frequency.Rate.String()
		}
		return out
	}
	assert.Equal(t, map[string]string{"R-1": "2", "R-2": "1"}, rates(quant.FromRegisterAt(reg, "EUR", risk.Inherent)))
	assert.Equal(t, map[string]string{"R-1": "1", "R-2": "1", "R-3": "1"}, rates(quant.FromRegisterAt(reg, "EUR", risk.Residual)))
	assert.Equal(t, map[string]string{"R-1": "0.5", "R-2": "1", "R-3": "1"}, rates(quant.FromRegisterAt(reg, "EUR", risk.Target)))
	assert.Equal(t, quant.FromRegisterAt(reg, "EUR", risk.Residual), quant.FromRegister(reg, "EUR"))
	stages := map[string]risk.Stage{}
	for _, s := range quant.FromRegisterAt(reg, "EUR", risk.Target) {
		stages[s.Ref] = s.Stage
	}
	assert.Equal(t, map[string]risk.Stage{"R-1": risk.Target, "R-2": risk.Inherent, "R-3": risk.Residual}, stages,
		"a scenario's stage is the one its estimate is from (a trial's inherent-only risk showed as residual)")
	assert.Empty(t, quant.FromRegisterAt(reg, "EUR", "bogus"), "a trial's unknown stage stamped 18 scenarios")
	assert.Equal(t, []string{`every risk: "bogus" is not a stage (inherent, residual or target)`}, quant.LeftOut(reg, "EUR", "bogus"))
	assert.Equal(t, []string{"R-3 : no inherent loss estimate"}, quant.LeftOut(reg, "EUR", risk.Inherent),
		"a risk the inherent analysis leaves out is named (a trial found two dropped without a word)")
}

func TestTreatmentsFromRegister_BeforeAndAfterTheRegistersPlans(t *testing.T) {
	eur := func(sle, aro string) *risk.Loss {
		return &risk.Loss{SLE: risk.Money{Amount: d(sle), Currency: "EUR"}, ARO: d(aro)}
	}
	plan := risk.Treatment{Option: risk.Modify, Actions: []risk.Action{{Title: "MFA", Controls: []controls.ID{"8.5", "5.17"}}, {Title: "again", Controls: []controls.ID{"8.5"}}},
		Cost: &risk.Money{Amount: d("3000"), Currency: "EUR"}}
	reg := risk.Register{Risks: []risk.Risk{
		{Ref: "R-1", Title: "Phishing", Loss: eur("20000", "0.5"), TargetLoss: eur("20000", "0.1"), Treatment: plan},
		{Ref: "R-2", Title: "No target", Loss: eur("1000", "1")},
		{Ref: "R-3", Title: "Target in USD", Loss: eur("1000", "1"), TargetLoss: &risk.Loss{SLE: risk.Money{Amount: d("1"), Currency: "USD"}, ARO: d("1")}},
		{Ref: "R-4", Title: "No cost", InherentLoss: eur("500", "2"), TargetLoss: eur("500", "1"), Treatment: risk.Treatment{Option: risk.Share}},
		{Ref: "R-5", Title: "Retained: no plan", Loss: eur("500", "2"), TargetLoss: eur("500", "1"), Treatment: risk.Treatment{Option: risk.Retain}},
		{Ref: "R-6", Title: "Undecided", Loss: eur("500", "2"), TargetLoss: eur("500", "1")},
	}}
	tr := quant.TreatmentsFromRegister(reg, "EUR")
	require.Len(t, tr, 2)
	assert.Equal(t, "R-1: 5.17, 8.5", tr[0].Control)
	assert.Equal(t, "3000", tr[0].Cost.String())
	assert.Equal(t, "R-4: treatment plan", tr[1].Control)
	assert.Nil(t, tr[1].Cost, "no cost given: unknown")

	res, err := quant.Simulate(quant.Input{Currency: "EUR", Options: quant.Options{Years: 20_000, Seed: 1},
		Scenarios: quant.FromRegister(reg, "EUR"), Treatments: tr})
	require.NoError(t, err)
	require.Len(t, res.Treatments, 2)
	byControl := map[string]quant.TreatmentResult{}
	for _, r := range res.Treatments {
		byControl[r.Control] = r
	}
	// 0.5 → 0.1 events a year of 20,000: 8,000 a year avoided;
	// 2 → 1 of 500: 500.
	r1, r4 := byControl["R-1: 5.17, 8.5"], byControl["R-4: treatment plan"]
	assert.InDelta(t, 8000, r1.LossAvoided.Value.InexactFloat64(), 4*r1.LossAvoided.StdErr.InexactFloat64()+1)
	assert.InDelta(t, 500, r4.LossAvoided.Value.InexactFloat64(), 4*r4.LossAvoided.StdErr.InexactFloat64()+1)
	require.NotNil(t, r1.ROSI)
	assert.Nil(t, r4.ROSI, "no cost, no return on investment")
}

func TestSimulate_ArbitraryPercentilesWithIntervals(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 5_000, Seed: 3, Percentiles: []decimal.Decimal{d("75"), d("99.5"), d("100")}},
		Scenarios: []quant.Scenario{lognormal("R-1", "2", "1000", "20000")}}
	r, err := quant.Simulate(in)
	require.NoError(t, err)
	require.Len(t, r.Percentiles, 3)
	in.Options.PercentileMethod = quant.Linear
	lin, err := quant.Simulate(in)
	require.NoError(t, err)
	for i, p := range r.Percentiles {
		assert.Equal(t, in.Options.Percentiles[i], p.Percent)
		assert.True(t, p.Low.LessThanOrEqual(p.Loss) && p.Loss.LessThanOrEqual(p.High), "%s: %s not in [%s, %s]", p.Percent, p.Loss, p.Low, p.High)
		assert.True(t, lin.Percentiles[i].Loss.Sub(p.Loss).Abs().LessThanOrEqual(p.High.Sub(p.Low)), "linear and nearest rank differ by more than the interval")
	}
	assert.True(t, r.Percentiles[2].Loss.Equal(lin.Percentiles[2].Loss), "the 100th percentile is the largest year either way")

	in.Options.Percentiles = []decimal.Decimal{d("0"), d("100.1"), d("-5")}
	in.Options.PercentileMethod = "median-unbiased"
	err = in.Validate()
	var got []string
	for _, v := range isms.ValidationErrors(err) {
		got = append(got, v.Path)
	}
	assert.Equal(t, []string{"options.percentiles[0]", "options.percentiles[1]", "options.percentiles[2]", "options.percentile_method"}, got)
	in.Options.Percentiles = make([]decimal.Decimal, quant.MaxPercentiles+1)
	assertRefused(t, in.Validate(), "options.percentiles", "MaxPercentiles")
}

func TestWriteMarkdown_PercentilesAreOrdinals(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 1_000, Seed: 1,
		Percentiles: []decimal.Decimal{d("1"), d("2"), d("3"), d("11"), d("12"), d("21"), d("50"), d("99.9")}},
		Scenarios: []quant.Scenario{lognormal("R-1", "1", "1000", "20000")}}
	r, err := quant.Simulate(in)
	require.NoError(t, err)
	var md bytes.Buffer
	require.NoError(t, quant.WriteMarkdown(&md, r, quant.MarkdownOptions{}))
	for _, want := range []string{"| 1st percentile", "| 2nd percentile", "| 3rd percentile", "| 11th percentile", "| 12th percentile", "| 21st percentile", "| 50th percentile", "| 99.9th percentile"} {
		assert.Contains(t, md.String(), want)
	}
}

func TestWriteMarkdown_NoToleranceNoToleranceColumn(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 1_000, Seed: 1},
		Scenarios:  []quant.Scenario{lognormal("R-1", "1", "1000", "20000")},
		Treatments: []quant.Treatment{{Control: "8.5", Cost: dp("100"), After: []quant.Scenario{lognormal("R-1", "0.5", "1000", "20000")}}}}
	r, err := quant.Simulate(in)
	require.NoError(t, err)
	var md bytes.Buffer
	require.NoError(t, quant.WriteMarkdown(&md, r, quant.MarkdownOptions{}))
	assert.NotContains(t, md.String(), "within", "no tolerance was given: nothing is within or outside it")
	assert.Contains(t, md.String(), "| Treatment | Annual cost (EUR)")
}

// An input without scenarios is an error, not a summary of a portfolio
// that never loses (a trial's "Years without any loss: 100.0 %").
func TestValidate_NoScenarioIsAnError(t *testing.T) {
	err := quant.Input{Currency: "EUR"}.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, "scenarios", isms.ValidationErrors(err)[0].Path)
}

func TestValidate_AToleranceCurveFallsAsTheLossGrows(t *testing.T) {
	pt := func(loss, p string) quant.TolerancePoint {
		return quant.TolerancePoint{Loss: d(loss), Probability: d(p)}
	}
	for _, tc := range []struct {
		name  string
		tol   []quant.TolerancePoint
		paths []string
	}{
		{"falls", []quant.TolerancePoint{pt("250000", "0.1"), pt("1000000", "0.01")}, nil},
		{"in any order", []quant.TolerancePoint{pt("1000000", "0.01"), pt("250000", "0.1")}, nil},
		{"flat is allowed", []quant.TolerancePoint{pt("100000", "0.1"), pt("200000", "0.1")}, nil},
		{"the trial's inverted curve", []quant.TolerancePoint{pt("250000", "0.1"), pt("100000", "0.01")}, []string{"tolerance[1].probability"}},
		{"one loss twice (a trial's 1000 at 0.1 and at 0.5)", []quant.TolerancePoint{pt("1000", "0.1"), pt("1000", "0.5")}, []string{"tolerance[1].loss"}},
		{"a loss of 0 is said once, not compared", []quant.TolerancePoint{pt("1000", "0.1"), pt("0", "0")}, []string{"tolerance[1].loss", "tolerance[1].probability"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := quant.Input{Currency: "EUR", Scenarios: []quant.Scenario{lognormal("R-1", "0.5", "1000", "2000")}, Tolerance: tc.tol}
			err := in.Validate()
			if tc.paths == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, isms.ErrInvalid)
			var got []string
			for _, v := range isms.ValidationErrors(err) {
				got = append(got, v.Path)
			}
			assert.Equal(t, tc.paths, got)
		})
	}
}

func TestLeftOut_NamesWhatFromRegisterSkips(t *testing.T) {
	money := func(sle, aro, cur string) *risk.Loss {
		return &risk.Loss{SLE: risk.Money{Amount: d(sle), Currency: cur}, ARO: d(aro)}
	}
	reg := risk.Register{Risks: []risk.Risk{
		{Ref: "R-1", Title: "kept", Loss: money("1000", "1", "EUR")},
		{Ref: "R-2", Title: "in SEK", Loss: money("1000", "1", "SEK")},
		{Ref: "R-3", Title: "free", Loss: money("0", "1", "EUR")},
		{Ref: "R-4", Title: "never", Loss: money("1000", "0", "EUR")},
		{Ref: "R-5", Title: "no estimate"},
	}}
	sc := quant.FromRegister(reg, "EUR")
	require.Len(t, sc, 1, "a loss of 0 a year is nothing to simulate (it used to fail Simulate with a message about fields nobody typed)")
	left := quant.LeftOut(reg, "EUR", risk.Residual)
	assert.Equal(t, []string{"R-2 in SEK: its loss is in SEK, the analysis in EUR", "R-3 free: a loss of 0 a year, nothing to simulate",
		"R-4 never: a loss of 0 a year, nothing to simulate", "R-5 no estimate: no loss estimate"}, left)
	r, err := quant.Simulate(quant.Input{Currency: "EUR", Scenarios: sc, Options: quant.Options{Years: 100, Seed: 1}})
	require.NoError(t, err)
	var md bytes.Buffer
	require.NoError(t, quant.WriteMarkdown(&md, r, quant.MarkdownOptions{LeftOut: left}))
	assert.Contains(t, md.String(), "## Left out of this analysis\n\n- R-2 in SEK: its loss is in SEK, the analysis in EUR\n")
}

func TestPlansLeftOut_NamesEveryPlanTreatmentsFromRegisterCannotPrice(t *testing.T) {
	money := func(sle, aro, cur string) *risk.Loss {
		return &risk.Loss{SLE: risk.Money{Amount: d(sle), Currency: cur}, ARO: d(aro)}
	}
	cost := func(a, cur string) *risk.Money { return &risk.Money{Amount: d(a), Currency: cur} }
	plan := func(o risk.Option, c *risk.Money) risk.Treatment { return risk.Treatment{Option: o, Cost: c} }
	reg := risk.Register{Risks: []risk.Risk{
		{Ref: "R-1", Title: "simulated", Loss: money("1000", "1", "EUR"), TargetLoss: money("100", "1", "EUR"), Treatment: plan(risk.Modify, cost("50", "EUR"))},
		{Ref: "R-2", Title: "cost, no target", Loss: money("1000", "1", "EUR"), Treatment: plan(risk.Modify, cost("1200", "EUR"))},
		{Ref: "R-3", Title: "target in SEK", Loss: money("1000", "1", "SEK"), TargetLoss: money("100", "1", "SEK"), Treatment: plan(risk.Share, nil)},
		{Ref: "R-4", Title: "cost in USD", Loss: money("1000", "1", "EUR"), TargetLoss: money("100", "1", "EUR"), Treatment: plan(risk.Avoid, cost("9", "USD"))},
		{Ref: "R-5", Title: "retained", Loss: money("1000", "1", "EUR"), TargetLoss: money("900", "1", "EUR"), Treatment: plan(risk.Retain, cost("10", "EUR"))},
		{Ref: "R-6", Title: "no plan cost, no target", Loss: money("1000", "1", "EUR"), Treatment: plan(risk.Modify, nil)},
		{Ref: "R-7", Title: "avoided", Loss: money("4000", "1", "EUR"), TargetLoss: money("0", "0", "EUR"), Treatment: plan(risk.Avoid, cost("500", "EUR"))},
		{Ref: "R-8", Title: "nothing as it stands", Loss: money("10000", "0", "EUR"), TargetLoss: money("0", "0", "EUR"), Treatment: plan(risk.Modify, nil)},
		{Ref: "R-9", Title: "undecided", Loss: money("1000", "1", "EUR"), TargetLoss: money("100", "1", "EUR")},
		{Ref: "R-10", Title: "no estimate", Treatment: plan(risk.Modify, cost("300", "EUR"))}, // LeftOut's "no loss estimate", not repeated
		{Ref: "R-11", Title: "worse", Loss: money("120000", "1", "EUR"), TargetLoss: money("120000", "2", "EUR"), Treatment: plan(risk.Modify, cost("20000", "EUR"))},
	}}
	ts := quant.TreatmentsFromRegister(reg, "EUR")
	var names []string
	for _, t := range ts {
		names = append(names, t.After[0].Ref)
	}
	assert.Equal(t, []string{"R-1", "R-4", "R-7"}, names)
	assert.Equal(t, []string{
		"R-2 cost, no target: its plan costs 1200 EUR a year but has no target loss, so what it buys cannot be simulated",
		"R-4 cost in USD: its plan's cost is in USD, the analysis in EUR, so no return on investment is computed",
		"R-5 retained: a target loss or plan cost, but the risk is retained, so no plan is simulated",
		"R-8 nothing as it stands: its plan has a target loss but the risk's loss as it stands is 0 a year, so there is nothing to reduce",
		"R-9 undecided: a target loss or plan cost, but no treatment option decided, so no plan is simulated",
		"R-11 worse: its target loss (240000.00 EUR a year) is above its loss as it stands (120000.00 EUR), so the plan is not simulated; correct the target",
	}, quant.PlansLeftOut(reg, "EUR"), "R-3's losses in SEK are LeftOut's line, not repeated; a trial's worsening plan ranked above five that helped")

	// The two lists build an input Simulate takes: an avoided risk (a
	// target of 0) avoids its whole loss, and a risk with nothing as it
	// stands is in neither (a trial's two register analyses failed).
	r, err := quant.Simulate(quant.Input{Currency: "EUR", Scenarios: quant.FromRegister(reg, "EUR"), Treatments: ts, Options: quant.Options{Years: 2000, Seed: 1}})
	require.NoError(t, err)
	found := false
	for _, tr := range r.Treatments {
		if tr.Risks[0].Ref == "R-7" {
			found = true
			assert.Equal(t, riskMean(r, "R-7").String(), tr.LossAvoided.Value.String(), "the whole simulated loss is avoided")
		}
	}
	assert.True(t, found)

	// The plans have a section of their own: their risks are in the
	// analysis (a trial read simulated risks under "Left out").
	var md bytes.Buffer
	require.NoError(t, quant.WriteMarkdown(&md, r, quant.MarkdownOptions{LeftOut: quant.LeftOut(reg, "EUR", risk.Residual), PlansLeftOut: quant.PlansLeftOut(reg, "EUR")}))
	out := md.String()
	left, plans := strings.Index(out, "## Left out of this analysis"), strings.Index(out, "## Plans not simulated, or without their cost")
	require.True(t, left >= 0 && plans > left, out)
	assert.NotContains(t, out[left:plans], "R-11", "R-11 is simulated; its plan is not")
	assert.Contains(t, out[plans:], "R-11 worse: its target loss")
}
