package deliver_test

import (
	"os"
	"path/filepath"
	"slices"
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
	assert.Equal(t, []string{"risk-register.csv", "risk-summary.md", "heatmap-inherent.svg", "heatmap-residual.svg", "soa.csv", "soa.md", "soa-lint.txt",
		"policy.md", "policy.html", "policy-lint.txt", "plan-lint.txt", "calendar.ics", "readiness.md", "readiness.json",
		"oscal/catalog.json", "oscal/profile.json", "oscal/ssp.json"}, names)

	dir := filepath.Join(t.TempDir(), "out")
	paths, err := deliver.WriteDir(dir, files)
	require.NoError(t, err)
	require.Len(t, paths, len(files))
	for i, f := range files {
		got, err := os.ReadFile(paths[i])
		require.NoError(t, err)
		assert.Equal(t, f.Data, got, f.Name)
	}
	assert.Equal(t, filepath.Join(dir, "oscal", "ssp.json"), paths[len(paths)-1])

	b.Register.Method.Thresholds = nil // an invalid method: nothing renders
	_, err = deliver.Files(b)
	assert.Error(t, err)
}

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

var someFiles = []deliver.File{{Name: "risk-register.csv", Data: []byte("new csv")}, {Name: "soa.csv", Data: []byte("new soa")},
	{Name: "soa.md", Data: []byte("new soa md")}, {Name: "policy.md", Data: []byte("new policy")}}

func TestWriteDir_AWriteErrorLeavesNothingBehind(t *testing.T) {
	root := t.TempDir()
	defer deliver.FailWriteAfter(2)()
	_, err := deliver.WriteDir(filepath.Join(root, "a", "b", "out"), someFiles)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nothing was written")
	assert.Empty(t, tree(t, root), "no folder, no temporary folder, no parent made for it")
}

func TestWriteDir_AWriteErrorLeavesAnExistingFolderUntouched(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	require.NoError(t, os.Mkdir(out, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(out, "soa.md"), []byte("last year's SoA"), 0o644))
	before := tree(t, root)
	defer deliver.FailWriteAfter(3)()
	_, err := deliver.WriteDir(out, someFiles)
	require.Error(t, err)
	assert.Equal(t, before, tree(t, root))
}

func TestWriteDir_ReplacesAPreviousRunAtomically(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	_, err := deliver.WriteDir(out, append(someFiles, deliver.File{Name: "quant-summary.md", Data: []byte("old")}))
	require.NoError(t, err)
	paths, err := deliver.WriteDir(out, someFiles)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(out, "risk-register.csv"), paths[0])
	want := map[string]string{"out": "/"}
	for _, f := range someFiles {
		want[filepath.Join("out", f.Name)] = string(f.Data)
	}
	assert.Equal(t, want, tree(t, root), "exactly the new files, nothing of the old run, no temporary folder")
}

func TestWriteDir_RefusesAFolderThatHoldsMoreThanDeliverables(t *testing.T) {
	for name, setup := range map[string]func(out string) error{
		"a file of the user's": func(out string) error {
			return os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644)
		},
		"a directory where soa.md should be": func(out string) error { return os.Mkdir(filepath.Join(out, "soa.md"), 0o755) },
	} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			out := filepath.Join(root, "out")
			require.NoError(t, os.Mkdir(out, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(out, "policy.md"), []byte("old policy"), 0o644))
			require.NoError(t, setup(out))
			before := tree(t, root)
			_, err := deliver.WriteDir(out, someFiles)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "not a deliverable")
			assert.Equal(t, before, tree(t, root))
		})
	}
	root := t.TempDir()
	file := filepath.Join(root, "out")
	require.NoError(t, os.WriteFile(file, []byte("a file"), 0o644))
	_, err := deliver.WriteDir(file, someFiles)
	require.Error(t, err)
	assert.Equal(t, map[string]string{"out": "a file"}, tree(t, root))
}

func TestNames_CoverEveryDeliverable(t *testing.T) {
	for _, n := range []string{"risk-register.csv", "risk-summary.md", "heatmap-inherent.svg", "heatmap-residual.svg", "soa.csv", "soa.md",
		"policy.md", "policy.html", "policy-lint.txt", "plan-lint.txt", "calendar.ics", "readiness.md", "loss-exceedance.svg", "quant-summary.md", "context-summary.txt",
		"suppliers.md", "suppliers.csv", "processes.md",
		"oscal/catalog.json", "oscal/profile.json", "oscal/ssp.json"} {
		assert.Contains(t, deliver.Names, n)
	}
}

var withSubfolder = append(slices.Clone(someFiles), deliver.File{Name: "oscal/ssp.json", Data: []byte("new ssp")})

func TestWriteDir_ReplacesAPreviousRunWithASubfolderAtomically(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	_, err := deliver.WriteDir(out, append(slices.Clone(withSubfolder), deliver.File{Name: "oscal/catalog.json", Data: []byte("old")}))
	require.NoError(t, err)
	_, err = deliver.WriteDir(out, withSubfolder)
	require.NoError(t, err)
	want := map[string]string{"out": "/", filepath.Join("out", "oscal"): "/"}
	for _, f := range withSubfolder {
		want[filepath.Join("out", filepath.FromSlash(f.Name))] = string(f.Data)
	}
	assert.Equal(t, want, tree(t, root), "exactly the new files, the old catalog gone, no temporary folder")
}

func TestWriteDir_AWriteErrorInASubfolderLeavesAnExistingFolderUntouched(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	_, err := deliver.WriteDir(out, withSubfolder)
	require.NoError(t, err)
	before := tree(t, root)
	defer deliver.FailWriteAfter(len(withSubfolder) - 1)()
	_, err = deliver.WriteDir(out, withSubfolder)
	require.Error(t, err)
	assert.Equal(t, before, tree(t, root))
}

func TestWriteDir_RefusesASubfolderThatHoldsMoreThanDeliverables(t *testing.T) {
	for name, setup := range map[string]func(out string) error{
		"a file of the user's in oscal": func(out string) error {
			return os.WriteFile(filepath.Join(out, "oscal", "notes.txt"), []byte("mine"), 0o644)
		},
		"a folder that is no deliverable's": func(out string) error { return os.Mkdir(filepath.Join(out, "photos"), 0o755) },
	} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			out := filepath.Join(root, "out")
			_, err := deliver.WriteDir(out, withSubfolder)
			require.NoError(t, err)
			require.NoError(t, setup(out))
			before := tree(t, root)
			_, err = deliver.WriteDir(out, withSubfolder)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "not a deliverable")
			assert.Equal(t, before, tree(t, root))
		})
	}
}

func TestWriteDir_RefusesANameThatLeavesTheFolder(t *testing.T) {
	for _, name := range []string{"../escape.txt", "/etc/passwd", "oscal/../../x", ""} {
		root := t.TempDir()
		_, err := deliver.WriteDir(filepath.Join(root, "out"), []deliver.File{{Name: name, Data: []byte("x")}})
		require.Error(t, err, name)
		assert.Empty(t, tree(t, root), name)
	}
}
