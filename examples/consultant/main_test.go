package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/suppliers"
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
		Quant:   ptr(sample.Quant()), Suppliers: sample.Suppliers(), Processes: sample.Processes(),
	}
}

// v1Form is wb as the v1 form can hold it: without the risks' suppliers,
// as it has no supplier register to name.
func v1Form(wb Workbook) Workbook {
	for i := range wb.Risks {
		wb.Risks[i].Supplier = suppliers.ID{}
	}
	return wb
}

// v1Sample is the sample company as an ismskit-workbook/1 file, which the
// hostile corpus and the v1 tests start from.
const v1Sample = "testdata/v1-sample-workbook.json"

// TestSampleWorkbook_IsTheSampleCompany keeps sample-workbook.json (v2) and
// its v1 form equal to the sample company (go test ./examples/consultant
// -update rewrites them).
func TestSampleWorkbook_IsTheSampleCompany(t *testing.T) {
	b, err := encodeWorkbook(v1Form(sampleWorkbook(t)))
	require.NoError(t, err)
	golden.Assert(t, v1Sample, b)
	b, err = encodeWorkbookV2(upgrade(sampleWorkbook(t)))
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
	assert.Contains(t, stdout.String(), "Kestrel Cloud Ltd: ready for stage 1 (4 blockers), readiness")

	// The same company gives the same SoA as the quickstart's golden file.
	got, err := os.ReadFile(filepath.Join(out, "soa.csv"))
	require.NoError(t, err)
	want, err := os.ReadFile("../quickstart/testdata/out/soa.csv")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

func TestRun_SoAThatCannotBeApprovedIsADraftAndEveryFileIsWritten(t *testing.T) {
	wb := sampleWorkbook(t)
	wb.Decisions = wb.Decisions[1:] // 7.6 is undecided again
	wb.Decisions[0].Justification = "Not needed."
	b, err := encodeWorkbook(v1Form(wb))
	require.NoError(t, err)
	in := filepath.Join(t.TempDir(), "draft.json")
	require.NoError(t, os.WriteFile(in, b, 0o644))
	out := filepath.Join(t.TempDir(), "client")

	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-in", in, "-out", out}, &stdout, &stderr), "an SoA that cannot be approved is not invalid input")
	assert.Contains(t, stdout.String(), "The SoA is a draft: 2 problems block its approval")
	for _, name := range []string{"soa.md", "soa-lint.txt", "readiness.md", "policy.md", "calendar.ics"} {
		assert.FileExists(t, filepath.Join(out, name))
	}
	lint, err := os.ReadFile(filepath.Join(out, "soa-lint.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(lint), "draft, 2 problems block approval")
	assert.Contains(t, string(lint), "soa/undecided")
	assert.Contains(t, string(lint), "soa/justification-too-short")
	md, err := os.ReadFile(filepath.Join(out, "soa.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "**Draft: not ready for approval.** 2 problems block approval")
	rd, err := os.ReadFile(filepath.Join(out, "readiness.md"))
	require.NoError(t, err)
	assert.Contains(t, string(rd), "the SoA cannot be approved: 2 problems (1 undecided control, 1 exclusion to fix)")
	assert.Contains(t, string(rd), "7.6 Working in secure areas is undecided")
}

func TestRun_BadWorkbookGetsEveryProblemAndNoFiles(t *testing.T) {
	wb := sampleWorkbook(t)
	wb.AsOf = "1.12.2026"
	wb.Context.Assets[2].Owner = isms.Owner{}
	wb.Risks[0].Inherent.Likelihood = 9
	wb.Risks[1].Treatment.Actions[0].Controls = append(wb.Risks[1].Treatment.Actions[0].Controls, "9.99")
	wb.Implementations[2].Evidence = nil
	wb.Records.Training[0].Person = isms.NewID[isms.Person]()
	wb.Plan.Year = 0
	wb.Quant.Scenarios[0].Frequency.Rate = wb.Quant.Scenarios[0].Frequency.Rate.Neg()
	b, err := encodeWorkbook(v1Form(wb))
	require.NoError(t, err)
	in := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(in, b, 0o644))
	out := filepath.Join(t.TempDir(), "client")

	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-in", in, "-out", out}, &stdout, &stderr))
	for _, path := range []string{"as_of:", "context.assets[2].owner:", "risks[0].inherent.likelihood:", "risks[1].treatment.actions[0].controls[2]:",
		"implementations[2].evidence:", "records.training[0].person:", "plan.year:", "quant.scenarios[0].frequency.rate:"} {
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

// FuzzWorkbook: no input makes decoding, checking or rendering a workbook
// panic.
func FuzzWorkbook(f *testing.F) {
	for _, name := range []string{"sample-workbook.json", v1Sample} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, c := range hostileCases() { // the hostile corpus
		if b, err := os.ReadFile(filepath.Join("testdata", "hostile", c.name+".json")); err == nil {
			f.Add(b)
		}
	}
	if b, err := os.ReadFile("sample-workbook.json"); err == nil { // with the workshop and a treatment of the quant section
		var tree map[string]any
		if json.Unmarshal(b, &tree) == nil {
			tree["workshop"] = map[string]any{"start": "2026-11-02", "key_assets": []any{"Staff laptops"}, "stage2_target": "2027-09-30",
				"certification": map[string]any{"stage1": "2026-11-20"}}
			tree["quant"].(map[string]any)["treatments"] = []any{map[string]any{"control": "A.8.14", "cost": "40000",
				"after": []any{map[string]any{"risk": "R-3", "frequency": map[string]any{"rate": "0.1"}, "loss": map[string]any{"low": "10000", "high": "100000"}}}}}
			if b, err := json.Marshal(tree); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte(`{"format":"ismskit-workbook/1","as_of":"2026-12-01","plan":{"year":2027}}`))
	f.Add([]byte(`{"risks":[{"inherent":{"likelihood":3}}],"method":{"bands":[{"id":"x"}],"grid":[["x"]]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, err := decodeWorkbook(bytes.NewReader(data))
		if err != nil {
			return
		}
		if b, err := buildV2After(wb, nil, nil); err == nil {
			_, _ = deliverables(b)
		}
	})
}

func ptr[T any](v T) *T { return &v }

// tree returns every file and folder under root with its content ("/" for
// a folder), to compare a folder before and after.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			out[rel] = "/"
			return nil
		}
		b, err := os.ReadFile(p)
		out[rel] = string(b)
		return err
	}))
	return out
}

// TestRun_ADirectoryWhereSoaMdShouldBeWritesNothing: the output folder
// holds a folder named soa.md. The consultant used to write five files
// before failing on it; now it fails before writing, exits non-zero, and
// the folder is as it was.
func TestRun_ADirectoryWhereSoaMdShouldBeWritesNothing(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "client")
	require.NoError(t, os.MkdirAll(filepath.Join(out, "soa.md"), 0o755))
	before := tree(t, root)
	var stdout, stderr bytes.Buffer
	err := run([]string{"-in", "sample-workbook.json", "-out", out}, &stdout, &stderr)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"soa.md"`)
	assert.Equal(t, before, tree(t, root), "no new files")
	code, msg := runMain(t, "-in", "sample-workbook.json", "-out", out)
	assert.Equal(t, 1, code, msg)
	assert.NotContains(t, msg, "goroutine ")
	assert.Equal(t, before, tree(t, root), "no new files")
}

// TestRun_AnExistingFolderStaysAsItWasOnError: a folder with a file of the
// user's in it is neither written into nor replaced, whether the workbook
// is good or bad; a folder of a previous run is replaced by the new run.
func TestRun_AnExistingFolderStaysAsItWasOnError(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "client")
	require.NoError(t, os.Mkdir(out, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(out, "notes.txt"), []byte("the client's notes"), 0o644))
	before := tree(t, root)
	for _, in := range []string{"sample-workbook.json", filepath.Join("testdata", "hostile", "wrong-format.json")} {
		var stdout, stderr bytes.Buffer
		require.Error(t, run([]string{"-in", in, "-out", out}, &stdout, &stderr), in)
		assert.Equal(t, before, tree(t, root), in)
	}

	prev := filepath.Join(root, "previous")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-in", "sample-workbook.json", "-out", prev}, &stdout, &stderr))
	require.NoError(t, os.WriteFile(filepath.Join(prev, "soa.md"), []byte("edited by hand"), 0o644))
	require.Error(t, run([]string{"-in", filepath.Join("testdata", "hostile", "wrong-format.json"), "-out", prev}, &stdout, &stderr))
	got, err := os.ReadFile(filepath.Join(prev, "soa.md"))
	require.NoError(t, err)
	assert.Equal(t, "edited by hand", string(got), "a bad workbook leaves the previous run as it was")
	require.NoError(t, run([]string{"-in", "sample-workbook.json", "-out", prev}, &stdout, &stderr))
	got, err = os.ReadFile(filepath.Join(prev, "soa.md"))
	require.NoError(t, err)
	assert.NotEqual(t, "edited by hand", string(got), "a good workbook replaces the previous run")
	entries, err := os.ReadDir(root)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary folder is left beside the output")
}
