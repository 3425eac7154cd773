package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/workshop"
)

// workshopTree is the sample workbook with a workshop section: two key
// assets, the workshop's day and a stage 2 target.
func workshopTree(t *testing.T) map[string]any {
	tree := sampleTree(t)
	tree["workshop"] = obj(t, `{"start": "2026-11-02", "key_assets": ["Customer project data", "Staff laptops"],
		"stage2_target": "2027-09-30", "certification": {}}`)
	return tree
}

// TestRun_AWorkshopSectionWritesTheKitAndTheRoadmapStanding: a workbook
// with a workshop section gets candidates.md (from its key assets only),
// first-controls.md, roadmap.md and roadmap.html, and readiness.md says
// where the client stands on the roadmap; a second run replaces the
// folder (goldens: testdata/workshop/).
func TestRun_AWorkshopSectionWritesTheKitAndTheRoadmapStanding(t *testing.T) {
	in := writeTree(t, workshopTree(t))
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-in", in, "-out", out}, &stdout, &stderr), stderr.String())
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err, name)
		return string(b)
	}
	for _, name := range workshopFiles {
		golden.Assert(t, filepath.Join("testdata/workshop", name), []byte(read(name)))
	}
	cands := read("candidates.md")
	assert.Contains(t, cands, "| Customer project data |")
	assert.Contains(t, cands, "| Staff laptops |")
	assert.Contains(t, cands, "key asset 1 of 2")
	assert.NotContains(t, cands, "| Source code |", "only the workshop's key assets")
	assert.Contains(t, cands, "relevant because of scope: Remote work", "what made a feature relevant, from the whole context")
	assert.NotContains(t, cands, "relevant because of personal_data")
	assert.Contains(t, read("roadmap.md"), "2027-09-30")
	assert.Contains(t, read("first-controls.md"), "# The first controls")
	rd := read("readiness.md")
	assert.Contains(t, rd, "## Where you stand on the roadmap")
	assert.Contains(t, rd, "| 9 | Stage 1 audit (documentation review) |")
	assert.Contains(t, rd, "⚪ not started | CEO | judged from the certification body's stage 1")

	require.NoError(t, run([]string{"-in", in, "-out", out}, &stdout, &stderr), "a second run replaces the folder: %s", stderr.String())

	// Without the section nothing of the kit is written.
	out2 := filepath.Join(t.TempDir(), "client")
	require.NoError(t, run([]string{"-in", "sample-workbook.json", "-out", out2}, &stdout, &stderr))
	assert.NoFileExists(t, filepath.Join(out2, "roadmap.md"))
	rd2, err := os.ReadFile(filepath.Join(out2, "readiness.md"))
	require.NoError(t, err)
	assert.NotContains(t, string(rd2), "Where you stand on the roadmap")
}

// TestRun_TheCertificationAuditsHeldAreOnTheRoadmap: the days the stage 1
// and stage 2 audits were held mark those steps done.
func TestRun_TheCertificationAuditsHeldAreOnTheRoadmap(t *testing.T) {
	tree := workshopTree(t)
	at(tree, "workshop").(map[string]any)["certification"] = obj(t, `{"stage1": "2026-11-20"}`)
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-in", writeTree(t, tree), "-out", out}, &stdout, &stderr), stderr.String())
	rd, err := os.ReadFile(filepath.Join(out, "readiness.md"))
	require.NoError(t, err)
	line := ""
	for _, l := range strings.Split(string(rd), "\n") {
		if strings.HasPrefix(l, "| 9 | Stage 1 audit") {
			line = l
		}
	}
	assert.Contains(t, line, "done")
}

// TestRun_AWorkshopSectionsMistakesAreToldAtTheirPaths: an unknown or
// repeated key asset, a missing start and a stage 2 target too soon are
// each a problem at its workbook path, all at once.
func TestRun_AWorkshopSectionsMistakesAreToldAtTheirPaths(t *testing.T) {
	tree := sampleTree(t)
	tree["workshop"] = obj(t, `{"key_assets": ["Staff laptop", "Source code", "Source code"]}`)
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	for _, want := range []string{
		`workshop.key_assets[0]: no asset is named "Staff laptop"; did you mean "Staff laptops"?`,
		`workshop.key_assets[2]: asset "Source code" is named twice (also at workshop.key_assets[1])`,
		`workshop.start: give the workshop's day, where the roadmap starts (YYYY-MM-DD)`,
	} {
		assert.Contains(t, stderr.String(), want)
	}

	tree["workshop"] = obj(t, `{"start": "2026-11-02", "stage2_target": "2027-01-15", "first_version_weeks": 99}`)
	stderr.Reset()
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "workshop.first_version_weeks: 99 weeks is not between MinFirstVersionWeeks")

	tree["workshop"] = obj(t, `{"start": "2026-11-02", "stage2_target": "2027-01-15"}`)
	stderr.Reset()
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "workshop.stage2_target: stage 2 on 2027-01-15 is not 6 to 18 months after the start 2026-11-02")
}

// TestCheck_StageDatesInTheWrongOrderOrAfterAsOfAreProblems: a trial typed
// a stage 2 day before stage 1 and audits "held" after as_of, and -check
// passed them (readiness only warned).
func TestCheck_StageDatesInTheWrongOrderOrAfterAsOfAreProblems(t *testing.T) {
	tree := sampleTree(t) // as_of 2026-12-01
	tree["workshop"] = obj(t, `{"start": "2026-11-02", "certification": {"stage1": "2026-11-20", "stage2": "2026-11-10"}}`)
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "workshop.certification.stage2: stage 2 on 2026-11-10 is before stage 1 on 2026-11-20")

	tree["workshop"] = obj(t, `{"start": "2026-11-02", "certification": {"stage1": "2027-03-01"}}`)
	stderr.Reset()
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "workshop.certification.stage1: stage 1 on 2027-03-01 is after as_of (2026-12-01)")
}

// TestXLSX_TheWorkshopAndQuantTreatmentsRoundTrip: the workshop section and
// the quant section's treatments are sheets of the spreadsheet form, read
// back the same.
func TestXLSX_TheWorkshopAndQuantTreatmentsRoundTrip(t *testing.T) {
	tree := costedTree(t)
	tree["workshop"] = workshopTree(t)["workshop"]
	b, err := json.Marshal(tree)
	require.NoError(t, err)
	wb, err := decodeWorkbook(bytes.NewReader(b))
	require.NoError(t, err)
	back, _, err := readWorkbookXLSX(toXLSX(t, wb))
	require.NoError(t, err)
	assert.Equal(t, normalJSON(t, wb), normalJSON(t, back))
	require.NotNil(t, back.Workshop)
	assert.Equal(t, []string{"Customer project data", "Staff laptops"}, back.Workshop.KeyAssets)
	require.Len(t, back.Quant.Treatments, 2)
	assert.Equal(t, "R-3", back.Quant.Treatments[0].After[0].Risk)
}

// TestRun_AWorkshopOverARegisterPastMaxRisksIsRefusedAtOnce: the kit's
// limit on the register is said with the workbook's other problems,
// naming the limit.
func TestRun_AWorkshopOverARegisterPastMaxRisksIsRefusedAtOnce(t *testing.T) {
	tree := workshopTree(t)
	risks := tree["risks"].([]any)
	var many []any
	for i := range workshop.MaxRisks + 1 {
		r := map[string]any{}
		for k, v := range risks[4].(map[string]any) {
			r[k] = v
		}
		r["ref"] = fmt.Sprintf("X-%d", i)
		many = append(many, r)
	}
	tree["risks"] = many
	delete(tree, "quant")
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "workshop: the register has 2001 risks; the workshop kit reads at most workshop.MaxRisks (2000)")
}

// TestCheck_APlanProblemIsListedWithTheOthersAtOnce: a trial's
// `plan.activities[0].repeat: "quarterly"` was reported only after 21 other
// problems had been fixed.
func TestCheck_APlanProblemIsListedWithTheOthersAtOnce(t *testing.T) {
	tree := sampleTree(t)
	tree["plan"].(map[string]any)["activities"] = []any{obj(t, `{"ref": "log-review", "title": "Quarterly log review", "repeat": "quarterly", "evidence": "notes"}`)}
	at(tree, "risks", 0, "inherent").(map[string]any)["likelihood"] = 99
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "plan.activities[0]", "the plan's problem")
	assert.Contains(t, stderr.String(), "risks[0].inherent.likelihood", "and the risk's, in one run")
}
