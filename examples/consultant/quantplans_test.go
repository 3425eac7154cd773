package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
)

// obj decodes a JSON object for a workbook tree.
func obj(t *testing.T, s string) map[string]any {
	t.Helper()
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(s), &v))
	return v
}

// costedTree is the sample workbook with costed plans: R-4's (as in the
// sample), R-1's (its loss, target loss and cost added), R-5's target
// loss (R-5 is retained: no plan, so nothing is simulated for it, and its
// scenario is taken out of the quant section), and two treatments of the quant section's own, one named as
// R-1's plan is.
func costedTree(t *testing.T) map[string]any {
	tree := sampleTree(t)
	r1 := at(tree, "risks", 0).(map[string]any)
	r1["loss"] = obj(t, `{"sle": {"amount": "40000", "currency": "EUR"}, "aro": "0.3"}`)
	r1["target_loss"] = obj(t, `{"sle": {"amount": "40000", "currency": "EUR"}, "aro": "0.1"}`)
	at(tree, "risks", 0, "treatment").(map[string]any)["cost"] = obj(t, `{"amount": "6000", "currency": "EUR"}`)
	r5 := at(tree, "risks", 4).(map[string]any)
	r5["loss"] = obj(t, `{"sle": {"amount": "3000", "currency": "EUR"}, "aro": "0.8"}`)
	r5["target_loss"] = obj(t, `{"sle": {"amount": "500", "currency": "EUR"}, "aro": "0.8"}`)
	r2 := at(tree, "risks", 1).(map[string]any)
	r2["loss"] = obj(t, `{"sle": {"amount": "3000", "currency": "USD"}, "aro": "0.8"}`)
	r2["target_loss"] = obj(t, `{"sle": {"amount": "500", "currency": "USD"}, "aro": "0.8"}`)
	q := at(tree, "quant").(map[string]any)
	q["scenarios"] = q["scenarios"].([]any)[:4]
	q["treatments"] = []any{
		obj(t, `{"control": "A.8.14", "title": "A second cloud region", "cost": "40000", "after": [
			{"risk": "R-3", "frequency": {"rate": "0.2"}, "loss": {"low": "10000", "high": "100000"}}]}`),
		obj(t, `{"control": "R-1: 5.16, 5.18, 8.2", "title": "Named like R-1's plan", "cost": "1000", "after": [
			{"risk": "R-2", "frequency": {"rate": "0.05"}, "loss": {"low": "20000", "high": "800000"}}]}`),
	}
	return tree
}

// TestRun_CostedPlansAreRankedInQuantSummary: the register's costed plans
// reach the loss analysis beside the quant section's own treatments, with
// unique names, ranked by return; a plan whose risk has no scenario is
// listed as not simulated (golden: testdata/costed/quant-summary.md).
func TestRun_CostedPlansAreRankedInQuantSummary(t *testing.T) {
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-in", writeTree(t, costedTree(t)), "-out", out}, &stdout, &stderr), stderr.String())
	b, err := os.ReadFile(filepath.Join(out, "quant-summary.md"))
	require.NoError(t, err)
	golden.Assert(t, "testdata/costed/quant-summary.md", b)
	md := string(b)
	for _, want := range []string{"## What treatment buys", "| R-4: 6.3, 8.2, 8.5 — Treatment of Phishing steals staff credentials | 12000.00 |",
		"| A.8.14 — A second cloud region | 40000.00 |", "| R-1: 5.16, 5.18, 8.2 — Named like R-1's plan | 1000.00 |", "| R-1: 5.16, 5.18, 8.2 (plan) — Treatment of ",
		"## Plans not simulated",
		"- R-2 Customer data handled with overly broad rights: its losses are in USD, the analysis in EUR."} {
		assert.Contains(t, md, want)
	}
	assert.NotContains(t, md, "| R-5:", "R-5 is retained: a target loss without a plan is no treatment")
	// Ranked by return, best first.
	var rosi []float64
	for _, line := range strings.Split(md[strings.Index(md, "## What treatment buys"):], "\n") {
		cols := strings.Split(line, "|")
		if len(cols) > 4 && strings.HasSuffix(strings.TrimSpace(cols[4]), ")") && strings.Contains(cols[4], "%") {
			v, err := decimal.NewFromString(strings.Fields(cols[4])[0])
			require.NoError(t, err)
			rosi = append(rosi, v.InexactFloat64())
		}
	}
	require.Len(t, rosi, 4)
	for i := 1; i < len(rosi); i++ {
		assert.GreaterOrEqual(t, rosi[i-1], rosi[i], "ranked by ROSI")
	}
}

// TestPlanTreatments_ScaleTheSectionsScenarioByTheRegistersEstimates: the
// scenario after a plan is the section's scenario with the frequency
// scaled by target ARO / ARO and the loss by target SLE / SLE, never the
// register's fixed loss beside the section's lognormal; a target of no
// loss is no event.
func TestPlanTreatments_ScaleTheSectionsScenarioByTheRegistersEstimates(t *testing.T) {
	d := decimal.RequireFromString
	loss := func(sle int64, aro string) *risk.Loss {
		return &risk.Loss{SLE: risk.Money{Amount: decimal.NewFromInt(sle), Currency: "EUR"}, ARO: d(aro)}
	}
	reg := risk.Register{Risks: []risk.Risk{
		{Ref: "R-1", Title: "one", Loss: loss(25_000, "0.5"), TargetLoss: loss(10_000, "0.2"),
			Treatment: risk.Treatment{Option: risk.Modify, Cost: &risk.Money{Amount: d("1000"), Currency: "EUR"}}},
		{Ref: "R-2", Title: "two", Loss: loss(1_000, "2"), TargetLoss: loss(1_000, "0"), Treatment: risk.Treatment{Option: risk.Modify}},
		{Ref: "R-3", Title: "three", Loss: loss(0, "2"), TargetLoss: loss(0, "1"), Treatment: risk.Treatment{Option: risk.Modify}},
	}}
	in := quant.Input{Currency: "EUR", Scenarios: []quant.Scenario{
		{Ref: "R-1", Frequency: quant.Frequency{PERT: &quant.Range{Min: d("0.25"), Mode: d("0.5"), Max: d("1")}},
			Magnitude: quant.Magnitude{Low: d("5000"), High: d("200000")}},
		{Ref: "R-2", Frequency: quant.Frequency{Rate: d("3")}, Magnitude: quant.Magnitude{Fixed: d("800")}},
		{Ref: "R-3", Frequency: quant.Frequency{Rate: d("3")}, Magnitude: quant.Magnitude{Fixed: d("800")}},
	}}
	before := in.Scenarios[0]
	plans, at := planTreatments(reg, in)
	require.Len(t, plans, 2, "R-3's loss as it stands is zero: nothing to simulate")
	assert.Equal(t, []int{0, 1}, at)
	a := plans[0].After[0]
	assert.Equal(t, "1000", plans[0].Cost.String())
	assert.Equal(t, []string{"0.1", "0.2", "0.4"}, []string{a.Frequency.PERT.Min.String(), a.Frequency.PERT.Mode.String(), a.Frequency.PERT.Max.String()})
	assert.Equal(t, []string{"2000", "80000"}, []string{a.Magnitude.Low.String(), a.Magnitude.High.String()})
	assert.Equal(t, risk.Target, a.Stage)
	assert.Equal(t, before, in.Scenarios[0], "the section's scenario is not changed")
	assert.True(t, plans[1].After[0].Frequency.Rate.IsZero() && plans[1].After[0].Frequency.PERT == nil, "a target ARO of 0 is no event")
	r, err := quant.Simulate(quant.Input{Currency: "EUR", Scenarios: in.Scenarios, Treatments: plans, Options: quant.Options{Years: 2_000, Seed: 1}})
	require.NoError(t, err)
	assert.Len(t, r.Treatments, 2)
}

// TestRun_APlanScaledPastMaxLossIsAProblemAtItsTargetLoss: a target loss
// that scales the section's scenario past quant.MaxLoss is a problem at
// the risk's target_loss, in the risk's words, and nothing is written.
func TestRun_APlanScaledPastMaxLossIsAProblemAtItsTargetLoss(t *testing.T) {
	tree := sampleTree(t)
	at(tree, "risks", 3, "target_loss", "sle").(map[string]any)["amount"] = "2500000000000"
	at(tree, "risks", 3, "target_loss").(map[string]any)["aro"] = "0.000000001" // a lower expected loss, so only the scaling fails
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-in", writeTree(t, tree), "-out", out}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), `risks[3].target_loss: risk "R-4": its plan cannot be simulated on the quant section's scenario scaled by target_loss / loss: a loss of 2e13 is above MaxLoss`)
	assert.NoDirExists(t, out)
}

// TestRun_WithoutAQuantSectionLossesAreNotSimulated: risks with losses and
// costed plans but no quant section give no loss analysis (the losses are
// in risk-register.csv).
func TestRun_WithoutAQuantSectionLossesAreNotSimulated(t *testing.T) {
	tree := sampleTree(t)
	delete(tree, "quant")
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-in", writeTree(t, tree), "-out", out}, &stdout, &stderr), stderr.String())
	assert.NoFileExists(t, filepath.Join(out, "quant-summary.md"))
	csv, err := os.ReadFile(filepath.Join(out, "risk-register.csv"))
	require.NoError(t, err)
	assert.Contains(t, string(csv), "12000.00")
}

// TestResolve_AQuantTreatmentNamesItsRisksByRef: a treatment of the quant
// section names each treated risk by its ref; an unknown one gets a "did
// you mean", and v1 treatments upgrade to the same form.
func TestResolve_AQuantTreatmentNamesItsRisksByRef(t *testing.T) {
	tree := costedTree(t)
	at(tree, "quant", "treatments", 0, "after", 0).(map[string]any)["risk"] = "R3"
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), `quant.treatments[0].after[0].risk: "A second cloud region": no risk is named "R3"; did you mean "R-3"?`)
	assert.Contains(t, stderr.String(), "has 1 problem;", "the library's ref is the workbook's risk: said once")

	wb := sampleWorkbook(t)
	wb.Quant.Treatments = []quant.Treatment{{Control: "A.8.14", Title: "A second cloud region", Cost: func() *decimal.Decimal { v := decimal.NewFromInt(40_000); return &v }(),
		After: []quant.Scenario{{Risk: wb.Risks[2].ID, Ref: "R-3", Frequency: quant.Frequency{Rate: decimal.RequireFromString("0.2")},
			Magnitude: quant.Magnitude{Low: decimal.NewFromInt(10_000), High: decimal.NewFromInt(100_000)}}}}}
	v2 := upgrade(wb)
	require.Len(t, v2.Quant.Treatments, 1)
	assert.Equal(t, "R-3", v2.Quant.Treatments[0].After[0].Risk)
	back, _, err := resolve(v2)
	require.NoError(t, err)
	assert.Equal(t, wb.Quant.Treatments[0].After[0].Risk, back.Quant.Treatments[0].After[0].Risk)
}
