package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		{"m13-act-owner.json", `plan.activities[0].owner: no role is named "IT contractr" and no person`},
		{"m14-default-owner.json", `plan.default_owner: no role is named "ISO" and no person`},
	} {
		msg := checkTrial(t, c.file)
		assert.Contains(t, problemLines(msg), c.line, msg)
	}
}

func TestTrial_DuplicateActivityRefIsOneProblemAtItsWorkbookPath(t *testing.T) {
	msg := checkTrial(t, "m11-dup-ref.json")
	assert.Equal(t, []string{`plan.activities[2].ref: activity ref "contractor-access-check" is given twice (also at plan.activities[0].ref); each activity needs its own ref`},
		problemLines(msg), msg)
	assert.NotRegexp(t, uuidPattern, msg)
}

func TestTrial_EveryPlanProblemAtOnceAfterACadenceTypo(t *testing.T) {
	msg := checkTrial(t, "m10-plan.json")
	lines := strings.Join(problemLines(msg), "\n")
	for _, want := range []string{
		`plan.cadence.policy_reveiw: "policy_reveiw" is not a default activity; did you mean "policy_review"?`,
		`plan.cadence.management_review.weekday: weekday "thurday"`,
		`plan.activities[2].ref: activity ref "contractor-access-check" is given twice`,
		`plan.owners.training: no role is named "Hana Virta" and no person; did you mean "Hanna Virta"?`,
	} {
		assert.Contains(t, lines, want, msg)
	}
}
