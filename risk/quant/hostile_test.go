package quant_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/hostile"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk/quant"
)

// decodeAndSimulate decodes js and, whether or not it validates, also
// simulates the decoded input directly (as a Go host could).
func decodeAndSimulate(t *testing.T, js string) (decodeErr, simErr error) {
	t.Helper()
	decodeErr = hostile.Within(t, func() error {
		_, err := quant.DecodeInput(strings.NewReader(js))
		return err
	})
	var in quant.Input
	require.NoError(t, jsonUnmarshal(js, &in))
	simErr = hostile.Within(t, func() error {
		_, err := quant.Simulate(in)
		return err
	})
	return decodeErr, simErr
}

func scenarioJSON(freq, loss string, options string) string {
	return `{"currency":"EUR","scenarios":[{"ref":"R-1","frequency":` + freq + `,"loss":` + loss + `}],"options":` + options + `}`
}

func assertRefused(t *testing.T, err error, path, says string) {
	t.Helper()
	require.ErrorIs(t, err, isms.ErrInvalid)
	var paths []string
	for _, v := range isms.ValidationErrors(err) {
		paths = append(paths, v.Path)
	}
	assert.Contains(t, paths, path, "%v", err)
	assert.Contains(t, err.Error(), says)
}

func TestSimulate_LossOf1e308IsAnErrorNotAPanic(t *testing.T) {
	for _, tt := range []struct {
		name, freq, loss, path, says string
	}{
		{"fixed 1e308", `{"rate":"1"}`, `{"fixed":"1e308"}`, "scenarios[0].loss.fixed", "MaxLoss"},
		{"fixed 1e400", `{"rate":"1"}`, `{"fixed":"1e400"}`, "scenarios[0].loss.fixed", "MaxLoss"},
		{"low 1e-300 high 1e300", `{"rate":"1"}`, `{"low":"1e-300","high":"1e300"}`, "scenarios[0].loss.high", "MaxLoss"},
		{"low 1e-300 high 1", `{"rate":"1"}`, `{"low":"1e-300","high":"1"}`, "scenarios[0].loss.low", "MaxLossSpread"},
		{"low 1e-400 high 1e-399", `{"rate":"1"}`, `{"low":"1e-400","high":"1e-399"}`, "scenarios[0].loss", "cannot be simulated"},
		{"pert max 1e308", `{"rate":"1"}`, `{"pert":{"min":"0","mode":"1","max":"1e308"}}`, "scenarios[0].loss.pert.max", "MaxLoss"},
		{"pert narrower than a float", `{"rate":"1"}`, `{"pert":{"min":"1","mode":"1","max":"1.00000000000000000001"}}`, "scenarios[0].loss", "cannot be simulated"},
		{"frequency pert narrower than a float", `{"pert":{"min":"1","mode":"1","max":"1.00000000000000000001"}}`, `{"fixed":"10"}`, "scenarios[0].frequency", "cannot be simulated"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			decErr, simErr := decodeAndSimulate(t, scenarioJSON(tt.freq, tt.loss, `{"years":100}`))
			assertRefused(t, decErr, tt.path, tt.says)
			assertRefused(t, simErr, tt.path, tt.says)
		})
	}
}

// A lognormal whose parameters are within the limits but whose tail
// draws a year beyond what whole cents hold exactly: an error naming the
// scenario, never a wrapped or rounded figure.
func TestSimulate_ADrawBeyondMaxAnnualLossIsAnErrorNamingTheScenario(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 2000, Seed: 1}, Scenarios: []quant.Scenario{
		lognormal("R-1", "0.5", "1000", "20000"),
		lognormal("R-2", "1", "1000000", "1000000000000"),
	}}
	require.NoError(t, in.Validate())
	err := hostile.Within(t, func() error { _, err := quant.Simulate(in); return err })
	assertRefused(t, err, "scenarios[1].loss", "MaxAnnualLoss")
	assert.Contains(t, err.Error(), `risk "R-2"`)
}

func TestSimulate_PERTFrequencyWithHugeMaxIsRefusedNotAHang(t *testing.T) {
	for _, max := range []string{"1e300", "2000000", "1001"} {
		t.Run(max, func(t *testing.T) {
			decErr, simErr := decodeAndSimulate(t, scenarioJSON(`{"pert":{"min":"0","mode":"1","max":"`+max+`"}}`, `{"fixed":"10"}`, `{"years":100}`))
			assertRefused(t, decErr, "scenarios[0].frequency.pert.max", "MaxFrequency")
			assertRefused(t, simErr, "scenarios[0].frequency.pert.max", "MaxFrequency")
		})
	}
	// At the limit it runs, in bounded time.
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 1000, Seed: 1}, Scenarios: []quant.Scenario{
		{Ref: "R-1", Frequency: quant.Frequency{PERT: &quant.Range{Min: d("0"), Mode: d("1"), Max: decimal.NewFromInt(quant.MaxFrequency)}}, Magnitude: quant.Magnitude{Fixed: d("10")}},
	}}
	require.NoError(t, hostile.Within(t, func() error { _, err := quant.Simulate(in); return err }))
}

func TestValidate_WorkIsBounded(t *testing.T) {
	many := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"ref":"R-%d","frequency":{"rate":"1"},"loss":{"fixed":"10"}}`, i)
		}
		return b.String()
	}
	for _, tt := range []struct {
		name, js, path, says string
	}{
		{"curve points 1e9", scenarioJSON(`{"rate":"1"}`, `{"fixed":"10"}`, `{"curve_points":1000000000}`), "options.curve_points", "MaxCurvePoints"},
		{"years 1e8", scenarioJSON(`{"rate":"1"}`, `{"fixed":"10"}`, `{"years":100000000}`), "options.years", "MaxYears"},
		{"too many scenarios", `{"currency":"EUR","scenarios":[` + many(quant.MaxScenarios+1) + `],"options":{"years":1}}`, "scenarios", "MaxScenarios"},
		{"years × scenarios", `{"currency":"EUR","scenarios":[` + many(1001) + `],"options":{"years":1000000}}`, "options.years", "MaxWork"},
		{"years × events", `{"currency":"EUR","scenarios":[{"ref":"R-1","frequency":{"rate":"1000"},"loss":{"fixed":"10"}},` +
			`{"ref":"R-2","frequency":{"rate":"1000"},"loss":{"fixed":"10"}}],"options":{"years":1000000}}`, "options.years", "MaxWork"},
		{"negative workers", scenarioJSON(`{"rate":"1"}`, `{"fixed":"10"}`, `{"workers":-1}`), "options.workers", "negative"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			decErr, simErr := decodeAndSimulate(t, tt.js)
			assertRefused(t, decErr, tt.path, tt.says)
			assertRefused(t, simErr, tt.path, tt.says)
		})
	}
	// Workers beyond the CPUs cost nothing: they are capped.
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 100, Seed: 1, Workers: 1 << 40}, Scenarios: []quant.Scenario{lognormal("R-1", "1", "10", "100")}}
	require.NoError(t, hostile.Within(t, func() error { _, err := quant.Simulate(in); return err }))
}

func TestSimulate_MoneyBeyondExactCentsIsAnErrorNotAWrappedInteger(t *testing.T) {
	for _, tt := range []struct {
		name, freq, loss, path, says string
	}{
		{"fixed 1e17 gave mean 0", `{"rate":"1"}`, `{"fixed":"1e17"}`, "scenarios[0].loss.fixed", "MaxLoss"},
		{"1e16 at rate 10 gave a negative mean", `{"rate":"10"}`, `{"fixed":"1e16"}`, "scenarios[0].loss.fixed", "MaxLoss"},
		{"rate × loss beyond a tenth of MaxAnnualLoss", `{"rate":"100"}`, `{"fixed":"900000000000"}`, "scenarios[0].loss", "MaxAnnualLoss"},
		{"PERT rate × loss", `{"pert":{"min":"1","mode":"2","max":"1000"}}`, `{"low":"100000","high":"100000000000"}`, "scenarios[0].loss", "MaxAnnualLoss"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			decErr, simErr := decodeAndSimulate(t, scenarioJSON(tt.freq, tt.loss, `{"years":100}`))
			assertRefused(t, decErr, tt.path, tt.says)
			assertRefused(t, simErr, tt.path, tt.says)
		})
	}
	// At the limits the figures are right: never negative, never wrapped.
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 100, Seed: 1}, Scenarios: []quant.Scenario{
		{Ref: "R-1", Frequency: quant.Frequency{Rate: d("9")}, Magnitude: quant.Magnitude{Fixed: decimal.NewFromInt(quant.MaxLoss)}},
	}}
	r, err := quant.Simulate(in)
	require.NoError(t, err)
	assert.True(t, r.Mean.Sub(d("9e12")).Abs().LessThan(d("1e12")), "mean %s", r.Mean)
	assert.True(t, r.ES99.GreaterThan(r.Mean), "es99 %s", r.ES99)
}

func TestValidate_ToleranceBeyondWholeCentsIsRefused(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 100, Seed: 1}, Scenarios: []quant.Scenario{lognormal("R-1", "1", "10", "100")},
		Tolerance: []quant.TolerancePoint{{Loss: d("1e30"), Probability: d("0.5")}}}
	err := hostile.Within(t, func() error { _, err := quant.Simulate(in); return err })
	assertRefused(t, err, "tolerance[0].loss", "MaxPortfolioLoss")
}

func jsonUnmarshal(js string, v any) error { return json.Unmarshal([]byte(js), v) }

// A result built by hand with a loss no simulation returns: the chart's
// axis is bounded (it looped for ever on +Inf decades).
func TestWriteSVG_HugeLossIsBoundedNotAHang(t *testing.T) {
	for _, loss := range []string{"1e400", "1e-400", "-5", "1e300"} {
		t.Run(loss, func(t *testing.T) {
			r := quant.Result{Currency: "EUR", Curve: []quant.CurvePoint{{Loss: d("10"), Probability: d("0.9")}, {Loss: d(loss), Probability: d("0.5")}},
				Tolerance: []quant.ToleranceCheck{{TolerancePoint: quant.TolerancePoint{Loss: d(loss), Probability: d("0.1")}}}}
			var b strings.Builder
			require.NoError(t, hostile.Within(t, func() error { return quant.WriteSVG(&b, r, quant.SVGOptions{}) }))
			assert.Less(t, b.Len(), 20_000)
			assert.NotContains(t, b.String(), "Inf")
			assert.NotContains(t, b.String(), "NaN")
		})
	}
}

// A treatment whose scenario is within the limits but draws a year
// beyond MaxAnnualLoss: an error naming the control and the risk.
func TestTreatments_ADrawBeyondMaxAnnualLossIsAnErrorNamingTheControl(t *testing.T) {
	in := quant.Input{Currency: "EUR", Options: quant.Options{Years: 2000, Seed: 1}, Scenarios: []quant.Scenario{lognormal("R-1", "0.5", "1000", "20000")},
		Treatments: []quant.Treatment{{Control: "C-9", After: []quant.Scenario{lognormal("R-1", "1", "1000000", "1000000000000")}}}}
	require.NoError(t, in.Validate())
	err := hostile.Within(t, func() error { _, err := quant.Simulate(in); return err })
	assertRefused(t, err, "treatments[0].after[0].loss", "MaxAnnualLoss")
	assert.Contains(t, err.Error(), `control "C-9", risk "R-1"`)
}
