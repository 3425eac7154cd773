package deliver_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms/readiness"
)

func TestFilesAndWriteDir(t *testing.T) {
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	s, err := sample.SoA(c, reg)
	require.NoError(t, err)
	pol, err := sample.Policy(c, reg)
	require.NoError(t, err)
	plan, err := sample.Plan(c, reg, pol)
	require.NoError(t, err)
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	b := deliver.Bundle{Context: c, Register: reg, SoA: s, Policy: pol, Plan: plan, AsOf: asOf,
		Report: readiness.Assess(readiness.Input{Context: c, Register: reg, SoA: &s, Policy: &pol, Plan: &plan}, asOf)}
	files, err := deliver.Files(b)
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		assert.NotEmpty(t, f.Data, f.Name)
	}
	assert.Equal(t, []string{"risk-register.csv", "risk-summary.md", "heatmap-inherent.svg", "heatmap-residual.svg", "soa.csv", "soa.md",
		"policy.md", "policy.html", "policy-lint.txt", "calendar.ics", "readiness.md"}, names)

	dir := filepath.Join(t.TempDir(), "out")
	paths, err := deliver.WriteDir(dir, files)
	require.NoError(t, err)
	require.Len(t, paths, len(files))
	got, err := os.ReadFile(paths[0])
	require.NoError(t, err)
	assert.Equal(t, files[0].Data, got)

	b.Register.Method.Thresholds = nil // an invalid method: nothing renders
	_, err = deliver.Files(b)
	assert.Error(t, err)
}
