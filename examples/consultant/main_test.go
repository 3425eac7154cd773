package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
)

// sampleWorkbook is the sample company as a workbook.
func sampleWorkbook(t *testing.T) Workbook {
	t.Helper()
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	approved := sample.Workshop.AddDate(0, 0, 14)
	return Workbook{
		Format: WorkbookFormat, AsOf: "2026-12-01", Context: c, Method: reg.Method, Risks: reg.Risks,
		Implementations: sample.Implementations(), Links: sample.Links(), Decisions: sample.Decisions(),
		SoA:     Approval{Author: "Jussi Lahti (IT manager)", Approver: "Maria Virtanen (CEO)", Approved: approved},
		Policy:  Approval{Approver: "Maria Virtanen (CEO)", Approved: approved},
		Plan:    PlanInput{Year: 2027, TZ: sample.TZ, DefaultOwner: "IT manager", Owners: sample.PlanOwners(), Holidays: sample.Holidays()},
		Records: sample.Records(),
		Quant:   ptr(sample.Quant()),
	}
}

// TestSampleWorkbook_IsTheSampleCompany keeps sample-workbook.json equal to
// the sample company (go test ./examples/consultant -update rewrites it).
func TestSampleWorkbook_IsTheSampleCompany(t *testing.T) {
	b, err := encodeWorkbook(sampleWorkbook(t))
	require.NoError(t, err)
	golden.Assert(t, "sample-workbook.json", b)
}

func TestRun_SampleWorkbookWritesTheDeliverables(t *testing.T) {
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-in", "sample-workbook.json", "-out", out}, &stdout, &stderr), stderr.String())
	for _, f := range []string{"risk-register.csv", "soa.csv", "soa.md", "policy.md", "policy.html", "calendar.ics", "readiness.md", "heatmap-residual.svg", "loss-exceedance.svg"} {
		_, err := os.Stat(filepath.Join(out, f))
		assert.NoError(t, err, f)
	}
	assert.Contains(t, stdout.String(), "Kestrel Cloud Ltd: readiness")

	// The same company gives the same SoA as the quickstart's golden file.
	got, err := os.ReadFile(filepath.Join(out, "soa.csv"))
	require.NoError(t, err)
	want, err := os.ReadFile("../quickstart/testdata/out/soa.csv")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

func TestRun_BadWorkbookGetsEveryProblemAndNoFiles(t *testing.T) {
	wb := sampleWorkbook(t)
	wb.AsOf = "1.12.2026"
	wb.Context.Assets[2].Owner = isms.Owner{}
	wb.Risks[0].Inherent.Likelihood = 9
	wb.Risks[1].Treatment.Actions[0].Controls = append(wb.Risks[1].Treatment.Actions[0].Controls, "9.99")
	wb.Implementations[3].Evidence = nil
	wb.Records.Training[0].Person = isms.NewID[isms.Person]()
	wb.Plan.Year = 0
	wb.Quant.Scenarios[0].Frequency.Rate = wb.Quant.Scenarios[0].Frequency.Rate.Neg()
	b, err := encodeWorkbook(wb)
	require.NoError(t, err)
	in := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(in, b, 0o644))
	out := filepath.Join(t.TempDir(), "client")

	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-in", in, "-out", out}, &stdout, &stderr))
	for _, path := range []string{"as_of:", "context.assets[2].owner:", "risks[0].inherent.likelihood:", "risks[1].treatment.actions[0].controls[2]:",
		"implementations[3].evidence:", "records.training[0].person:", "plan.year:", "quant.scenarios[0].frequency.rate:"} {
		assert.Contains(t, stderr.String(), path)
	}
	assert.Contains(t, stderr.String(), "nothing was written")
	_, err = os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no output folder for a bad workbook")
}

func TestDecodeWorkbook_RejectsUnknownFields(t *testing.T) {
	_, err := decodeWorkbook(strings.NewReader(`{"format":"ismskit-workbook/1","contxt":{}}`))
	require.ErrorIs(t, err, isms.ErrInvalid)
	_, err = decodeWorkbook(strings.NewReader(`{} {}`))
	require.ErrorIs(t, err, isms.ErrInvalid)
}

// FuzzWorkbook: no input makes decoding or checking a workbook panic.
func FuzzWorkbook(f *testing.F) {
	if b, err := os.ReadFile("sample-workbook.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"format":"ismskit-workbook/1","as_of":"2026-12-01","plan":{"year":2027}}`))
	f.Add([]byte(`{"risks":[{"inherent":{"likelihood":3}}],"method":{"bands":[{"id":"x"}],"grid":[["x"]]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, err := decodeWorkbook(bytes.NewReader(data))
		if err != nil {
			return
		}
		_, _ = build(wb)
	})
}

func ptr[T any](v T) *T { return &v }
