package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms/dataset"
	"github.com/ismskit/ismskit/isms/sqlstore"
)

// TestRun_DBKeepsTheClientAndGivesTheSameFiles: with -db the client's ISMS
// is kept in an SQLite file (a second run replaces it) and the deliverables
// made from what was read back are byte for byte those of a run without
// -db. Before inNameOrder the OSCAL SSP listed roles in the store's order.
func TestRun_DBKeepsTheClientAndGivesTheSameFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "client.db")
	plain := filepath.Join(dir, "plain")
	require.NoError(t, run([]string{"-in", "sample-workbook.json", "-out", plain}, &bytes.Buffer{}, &bytes.Buffer{}))
	for round := range 2 {
		out := filepath.Join(dir, "kept")
		var stdout, stderr bytes.Buffer
		require.NoError(t, run([]string{"-in", "sample-workbook.json", "-out", out, "-db", db}, &stdout, &stderr), "round %d: %s", round+1, stderr.String())
		assert.Contains(t, stdout.String(), "records kept in "+db)
		entries, err := os.ReadDir(plain)
		require.NoError(t, err)
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			want, err := os.ReadFile(filepath.Join(plain, e.Name()))
			require.NoError(t, err)
			got, err := os.ReadFile(filepath.Join(out, e.Name()))
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got), "round %d: %s", round+1, e.Name())
		}
		for _, name := range []string{"oscal/ssp.json", "oscal/profile.json"} {
			want, _ := os.ReadFile(filepath.Join(plain, name))
			got, _ := os.ReadFile(filepath.Join(out, name))
			assert.Equal(t, string(want), string(got), "round %d: %s", round+1, name)
		}
	}
	st, err := sqlstore.OpenSQLite(context.Background(), db)
	require.NoError(t, err)
	defer st.Close()
	wb, err := readWorkbook("sample-workbook.json")
	require.NoError(t, err)
	resolved, _, err := resolve(wb)
	require.NoError(t, err)
	got, err := dataset.Load(context.Background(), st, resolved.Context.Organization.ID)
	require.NoError(t, err)
	assert.Len(t, got.SoAs, 1)
	assert.Len(t, got.Risks, len(resolved.Risks))
	assert.NotEmpty(t, got.Records.Training)
}

// TestRun_AnUnusableDBWritesNothing: a folder given as -db is an error
// naming -db, and no deliverables are written.
func TestRun_AnUnusableDBWritesNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	err := run([]string{"-in", "sample-workbook.json", "-out", out, "-db", dir}, &bytes.Buffer{}, &bytes.Buffer{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-db")
	_, statErr := os.Stat(out)
	assert.True(t, os.IsNotExist(statErr), "no output folder")
}
