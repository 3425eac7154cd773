package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/internal/deliver"
)

// The items of the consultant trial (issue 18, trial report): the trial's
// own workbooks and mistakes, in testdata/trial.

// checkTrial runs -check on testdata/trial/name and returns its stderr; it
// fails the test when the workbook has no problems.
func checkTrial(t *testing.T, name string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run([]string{"-check", "-in", filepath.Join("testdata", "trial", name)}, &stdout, &stderr)
	require.Error(t, err, "%s: %s", name, stdout.String())
	return stderr.String()
}

// problemLines are the problem lines of refuse's output.
func problemLines(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "  ") {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

func TestTrial_UnknownPlanOwnersAreErrorsWithDidYouMean(t *testing.T) {
	for _, c := range []struct{ file, line string }{
		{"m12-plan-owner.json", `plan.owners.training: no role is named "Hana Virta" and no person; did you mean "Hanna Virta"?`},
		{"m13-act-owner.json", `plan.activities[0].owner: "contractor-access-check": no role is named "IT contractr" and no person`},
		{"m14-default-owner.json", `plan.default_owner: no role is named "ISO" and no person`},
	} {
		msg := checkTrial(t, c.file)
		assert.Contains(t, problemLines(msg), c.line, msg)
	}
}

func TestTrial_DuplicateActivityRefIsOneProblemAtItsWorkbookPath(t *testing.T) {
	msg := checkTrial(t, "m11-dup-ref.json")
	assert.Equal(t, []string{`plan.activities[2].ref: "dup": activity ref "contractor-access-check" is given twice (also at plan.activities[0].ref); each activity needs its own ref`},
		problemLines(msg), msg)
	assert.NotRegexp(t, uuidPattern, msg)
}

func TestTrial_EveryPlanProblemAtOnceAfterACadenceTypo(t *testing.T) {
	msg := checkTrial(t, "m10-plan.json")
	lines := strings.Join(problemLines(msg), "\n")
	for _, want := range []string{
		`plan.cadence.policy_reveiw: "policy_reveiw" is not a default activity; did you mean "policy_review"?`,
		`plan.cadence.management_review.weekday: weekday "thurday"`,
		`plan.activities[2].ref: "dup": activity ref "contractor-access-check" is given twice`,
		`plan.owners.training: no role is named "Hana Virta" and no person; did you mean "Hanna Virta"?`,
	} {
		assert.Contains(t, lines, want, msg)
	}
}

// trialTree is testdata/trial/base.json (the accountancy) as a tree.
func trialTree(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "trial", "base.json"))
	require.NoError(t, err)
	var tree map[string]any
	require.NoError(t, json.Unmarshal(b, &tree))
	return tree
}

func checkTree(t *testing.T, tree any) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr), stdout.String())
	return stderr.String()
}

func TestTrial_A51SaysWrite51OrCustomControlsNeverGoAPI(t *testing.T) {
	tree := trialTree(t)
	at(tree, "implementations", 0).(map[string]any)["control"] = "A.5.1"
	msg := checkTree(t, tree)
	assert.Contains(t, msg, `implementations[0].control: control "A.5.1" is not in the catalogue`, msg)
	assert.Contains(t, msg, `write "5.1"`, msg)
	assert.Contains(t, msg, "custom_controls", msg)
	assert.NotContains(t, msg, "Catalogue.With", msg)
}

func TestTrial_TrailingCommaNamesTheLineOfTheComma(t *testing.T) {
	msg := checkTrial(t, "m6-trailing-comma.json")
	assert.Contains(t, msg, "line 523", msg)
	assert.Contains(t, msg, "remove the comma after the last item", msg)
	assert.NotContains(t, msg, "looking for beginning of value", msg)
}

func TestTrial_HighForARatingNamesTheScale(t *testing.T) {
	msg := checkTrial(t, "m7-high.json")
	assert.Contains(t, msg, `context.assets[4].ratings.confidentiality: "Staff laptops": `, msg)
	assert.Contains(t, msg, `write 4 (4 = "High")`, msg)
	assert.Contains(t, msg, `1 = "Very low"`, msg)

	tree := trialTree(t)
	at(tree, "risks", 0, "inherent").(map[string]any)["likelihood"] = "Likely"
	msg = checkTree(t, tree)
	assert.Contains(t, msg, `risks[0].inherent.likelihood: "R-01": `, msg)
	assert.Regexp(t, `inherent\.likelihood: .*write 4 \(4 = "Likely"\): the likelihood scale is 1 = `, msg)
}

func TestTrial_OwnerAgreementTrueSaysByAndDate(t *testing.T) {
	tree := trialTree(t)
	for _, r := range at(tree, "risks").([]any) {
		r.(map[string]any)["acceptance"] = map[string]any{"by": "Managing partner", "date": "2026-11-17", "rationale": "x",
			"accepted": "Low", "expires": "2027-11-17", "owner_agreement": true}
		break
	}
	msg := checkTree(t, tree)
	assert.Contains(t, msg, `.acceptance.owner_agreement: `, msg)
	assert.Contains(t, msg, `{"by": `, msg)
	assert.Contains(t, msg, `"date": `, msg)
}

func TestTrial_PartialRefOfACompletionListsTheCandidates(t *testing.T) {
	msg := checkTrial(t, "m9-completion.json")
	assert.Contains(t, msg, `plan.completions[0].ref: no activity of the plan has the ref "policy_communication"; did you mean "policy_communication/policy-edition-1"?`, msg)
}

func TestTrial_OverdueAdviceNamesTheRefToComplete(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "trial", "acc.json"))
	require.NoError(t, err)
	wb, err := decodeWorkbook(bytes.NewReader(b))
	require.NoError(t, err)
	bundle, err := buildV2(wb)
	require.NoError(t, err)
	var steps []string
	for _, it := range bundle.Report.Items {
		if it.ID == "7.3" || it.ID == "8.1" {
			steps = append(steps, it.NextStep)
			assert.Contains(t, it.NextStep, `"ref": "policy_communication/policy-edition-1"`, it.NextStep)
		}
	}
	assert.Len(t, steps, 2)
}

func TestTrial_HelpExitsZeroWithTheUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-h"}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "-init")
}

// TestREADME_ListsEveryDeliverableAndEveryWorkbookSection: the README
// names each file the consultant writes and each top-level section of the
// workbook.
func TestREADME_ListsEveryDeliverableAndEveryWorkbookSection(t *testing.T) {
	b, err := os.ReadFile("README.md")
	require.NoError(t, err)
	readme := string(b)
	for _, name := range deliver.Names {
		if name == "context-summary.txt" { // the quickstart's alone
			continue
		}
		assert.Contains(t, readme, "`"+name+"`", "the README lists the deliverable %s", name)
	}
	typ := reflect.TypeFor[WorkbookV2]()
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		assert.Contains(t, readme, "| `"+name+"`", "the README's Fields table has the section %s", name)
	}
}
