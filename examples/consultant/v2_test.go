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

	"github.com/ismskit/ismskit/isms"
)

// sampleTree is sample-workbook.json as a generic JSON tree, to type
// mistakes into.
func sampleTree(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile("sample-workbook.json")
	require.NoError(t, err)
	var tree map[string]any
	require.NoError(t, json.Unmarshal(b, &tree))
	return tree
}

// at walks a tree by keys and indexes.
func at(tree any, path ...any) any {
	for _, k := range path {
		switch k := k.(type) {
		case string:
			tree = tree.(map[string]any)[k]
		case int:
			tree = tree.([]any)[k]
		}
	}
	return tree
}

func writeTree(t *testing.T, tree any) string {
	t.Helper()
	b, err := json.MarshalIndent(tree, "", "  ")
	require.NoError(t, err)
	in := filepath.Join(t.TempDir(), "workbook.json")
	require.NoError(t, os.WriteFile(in, b, 0o644))
	return in
}

// fiveMistakes types into the sample workbook the five mistakes a person
// typing a workbook makes, and returns the workbook path of each.
func fiveMistakes(t *testing.T) (map[string]any, []string) {
	tree := sampleTree(t)
	inherent := at(tree, "risks", 0, "inherent").(map[string]any)
	inherent["likelyhood"] = inherent["likelihood"] // a misspelt field
	delete(inherent, "likelihood")
	at(tree, "implementations", 0).(map[string]any)["control"] = "A.5.1"             // a control ID as Annex A prints it
	at(tree, "context", "objectives", 0).(map[string]any)["deadline"] = "31/03/2027" // a date as people write it
	at(tree, "context", "assets", 0).(map[string]any)["owner"] = "IT manger"         // an owner nobody is
	assets := at(tree, "context").(map[string]any)["assets"].([]any)
	at(tree, "context").(map[string]any)["assets"] = append(assets, assets[1]) // the same asset twice
	return tree, []string{"risks[0].inherent.likelyhood", "implementations[0].control", "context.objectives[0].deadline",
		"context.assets[0].owner", "context.assets[6].name"}
}

// TestRun_FiveMistakesGiveFiveProblemsAndNoFiles is issue 18's done-when
// test: five mistakes typed into one workbook give five problems, each with
// its path in the workbook, and no files.
func TestRun_FiveMistakesGiveFiveProblemsAndNoFiles(t *testing.T) {
	tree, paths := fiveMistakes(t)
	in := writeTree(t, tree)
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-in", in, "-out", out}, &stdout, &stderr))
	msg := stderr.String()
	assert.Contains(t, msg, "has 5 problems; nothing was written", msg)
	for _, p := range paths {
		assert.Contains(t, msg, "\n  "+p+": ", msg)
	}
	assert.Contains(t, msg, `did you mean "likelihood"?`)
	assert.Contains(t, msg, `did you mean "IT manager"?`)
	assert.Contains(t, msg, `"31/03/2027" is not a date like "2027-03-31"`)
	assert.NotRegexp(t, uuidPattern, msg, "no UUID in a message")
	assert.NotContains(t, msg, "soa.entries", "no path into generated output")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no output folder")
}

func TestRun_CheckWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-check", "-in", "sample-workbook.json", "-out", out}, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), "has no problems")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "-check writes no deliverables")
}

func TestRun_OneProblemIsOneProblem(t *testing.T) {
	tree := sampleTree(t)
	at(tree, "context", "assets", 0).(map[string]any)["owner"] = "Nobody at all"
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "has 1 problem;")
	assert.Contains(t, stderr.String(), `context.assets[0].owner: "Customer project data": no role is named "Nobody at all" and no person`)
}

// TestRun_V1WorkbookUpgradesToTheSample: the v1 form of the sample company
// upgrades to sample-workbook.json, and both give the same deliverables.
func TestRun_V1WorkbookUpgradesToTheSample(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-upgrade", "-in", v1Sample}, &stdout, &stderr), stderr.String())
	// The v1 form has no suppliers and processes: the sample without them,
	// and without the risks' suppliers, which name them.
	want := sampleTree(t)
	delete(want, "suppliers")
	delete(want, "processes")
	for _, r := range want["risks"].([]any) {
		delete(r.(map[string]any), "supplier")
	}
	var got map[string]any
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &got))
	assert.Equal(t, want, got)
	v2 := writeTree(t, want)

	dir := t.TempDir()
	outs := map[string]map[string]string{}
	for _, in := range []string{v1Sample, v2} {
		out := filepath.Join(dir, filepath.Base(filepath.Dir(in))+strings.TrimSuffix(filepath.Base(in), ".json"))
		require.NoError(t, run([]string{"-in", in, "-out", out}, &stdout, &stderr), stderr.String())
		outs[in] = tree(t, out)
	}
	assert.Equal(t, outs[v1Sample], outs[v2])
}

// TestRun_YYYYMMDDIsADateEverywhere: every date of a v2 workbook may be
// written YYYY-MM-DD or in RFC 3339.
func TestRun_YYYYMMDDIsADateEverywhere(t *testing.T) {
	tree := sampleTree(t)
	at(tree, "risks", 0, "inherent").(map[string]any)["date"] = "2026-11-02T09:00:00+02:00"
	at(tree, "soa").(map[string]any)["approved"] = "2026-11-16"
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr), stderr.String())
}

func TestRun_InitWritesAStarterThatChecks(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-init", dir}, &stdout, &stderr), stderr.String())
	assert.FileExists(t, filepath.Join(dir, SchemaFile))
	b, err := os.ReadFile(filepath.Join(dir, "workbook.json"))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"$schema": "workbook.schema.json"`)
	assert.Contains(t, string(b), `"ref": "log-review"`, "the starter shows the client's own activities")
	assert.Contains(t, string(b), `"cadence": {`, "and a cadence")
	require.NoError(t, run([]string{"-check", "-in", filepath.Join(dir, "workbook.json")}, &stdout, &stderr), stderr.String())
	var tree any
	require.NoError(t, json.Unmarshal(b, &tree))
	assert.NoError(t, validate(t, compileSchema(t), tree), "the schema validates the starter")
	require.Error(t, run([]string{"-init", dir}, &stdout, &stderr), "-init does not replace a workbook")
}

func TestResolve_KeysAreUniqueAndSuggested(t *testing.T) {
	wb, err := decodeWorkbook(strings.NewReader(`{"format":"ismskit-workbook/2","context":{"organization":{"name":"A"},
		"people":[{"name":"Ann Lee"},{"name":"Ann Lee"}],"roles":[{"name":"CEO","holders":["Ann Le"]}]}}`))
	require.NoError(t, err)
	_, _, err = resolve(wb)
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), `context.people[1].name: person "Ann Lee" is given twice (also at context.people[0].name)`)
	assert.Contains(t, err.Error(), `context.roles[0].holders[0]: no person is named "Ann Le"; did you mean "Ann Lee"?`)
}

func TestSuggest_AShortenedNameFindsTheOneItStarts(t *testing.T) {
	names := []string{"Dentsoft Oy", "Turun IT-Kumppani Oy", "Payroll bureau", "Payroll bureau Oy"}
	assert.Equal(t, "Dentsoft Oy", suggest("Dentsoft", names), "the trial's short form")
	assert.Equal(t, "Dentsoft Oy", suggest("dentsoft oy", names), "case")
	assert.Equal(t, "", suggest("Payroll", names), "two names start with it: no guess")
	assert.Equal(t, "", suggest("Dent", names), "not a whole word")
}
