package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheck_TheStarterIsNotReadyAndSaysWhichSectionsAreThePlaceholder:
// -check on the workbook -init wrote said "ready for stage 1" (the
// verdict of the starter's made-up records); it now says plainly that the
// workbook is not ready and names the sections still holding the
// placeholder, for the JSON and the XLSX starter alike.
func TestCheck_TheStarterIsNotReadyAndSaysWhichSectionsAreThePlaceholder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-init", dir}, &stdout, &stderr), stderr.String())
	for _, name := range []string{"workbook.json", XLSXWorkbookFile} {
		stdout.Reset()
		require.NoError(t, run([]string{"-check", "-in", filepath.Join(dir, name)}, &stdout, &stderr), "the starter is valid input")
		out := stdout.String()
		assert.NotContains(t, out, "ready for stage 1", name)
		assert.Contains(t, out, "has no problems, but it is not the client's yet. NOT READY: the workbook still holds the -init starter's placeholder content (\"Example Ltd\", \"Sam Example\", \"Alex Example\", …) in 26 sections: context.organization, context.scope,", name)
		assert.Contains(t, out, ", risks, implementations, decisions, soa, policy, records.training,", name)
	}
	out := filepath.Join(t.TempDir(), "out")
	stdout.Reset()
	require.NoError(t, run([]string{"-in", filepath.Join(dir, "workbook.json"), "-out", out}, &stdout, &stderr))
	assert.Contains(t, stdout.String(), "\n  NOT READY: the workbook still holds the -init starter's placeholder content", "the run says it too")
}

// TestCheck_OnePlaceholderLeftIsNamedWithItsSection: a client's workbook
// with one starter text left in is not ready, and names that one section;
// the sample, which holds none, gets its verdict.
func TestCheck_OnePlaceholderLeftIsNamedWithItsSection(t *testing.T) {
	tree := sampleTree(t)
	at(tree, "risks", 0).(map[string]any)["title"] = "Example risk: a laptop is lost or stolen"
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), `placeholder content ("Example risk: a laptop is lost or stolen", …) in 1 section: risks.`)

	stdout.Reset()
	require.NoError(t, run([]string{"-check", "-in", "sample-workbook.json"}, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), "has no problems: Kestrel Cloud Ltd, ready for stage 1")
	assert.NotContains(t, stdout.String(), "NOT READY")
}
