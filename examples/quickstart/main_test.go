package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/dataset"
	"github.com/ismskit/ismskit/isms/sqlstore"
)

func testOptions(t *testing.T) options {
	t.Helper()
	opts, err := parseFlags(nil, &bytes.Buffer{})
	require.NoError(t, err)
	opts.out = filepath.Join(t.TempDir(), "out")
	return opts
}

// TestQuickstart_OutputMatchesGolden runs the whole quickstart and compares
// what it prints and every file it writes with testdata/. Run with -update
// after an intended change and review the diff.
func TestQuickstart_OutputMatchesGolden(t *testing.T) {
	opts := testOptions(t)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, opts))
	printed := bytes.ReplaceAll(out.Bytes(), []byte(opts.out), []byte("out"))
	golden.Assert(t, filepath.Join("testdata", "summary.golden"), printed)
	for _, name := range []string{"context-summary.txt", "risk-register.csv", "risk-summary.md", "heatmap-inherent.svg", "heatmap-residual.svg", "soa.csv", "soa.md", "soa-lint.txt", "policy.md", "policy.html", "policy-lint.txt", "plan-lint.txt", "calendar.ics", "readiness.md", "loss-exceedance.svg", "quant-summary.md",
		"suppliers.md", "suppliers.csv", "processes.md", "oscal/catalog.json", "oscal/profile.json", "oscal/ssp.json"} {
		got, err := os.ReadFile(filepath.Join(opts.out, filepath.FromSlash(name)))
		require.NoError(t, err)
		golden.Assert(t, filepath.Join("testdata", "out", name), got)
	}

	// The workbook is written and opens; its content is tested in the xlsx
	// module, its bytes are stable (two runs below compare equal).
	book, err := excelize.OpenFile(filepath.Join(opts.out, "ismskit.xlsx"))
	require.NoError(t, err, "ismskit.xlsx opens")
	assert.Equal(t, []string{"Risks", "Heat maps", "Method", "SoA", "SoA by theme", "Readiness"}, book.GetSheetList())
	riskRows, err := book.GetRows("Risks")
	require.NoError(t, err)
	assert.Len(t, riskRows, 6, "a header and the five key risks")
	require.NoError(t, book.Close())

	f, err := os.Open(filepath.Join(opts.out, "calendar.ics"))
	require.NoError(t, err)
	defer f.Close()
	cal, err := ics.ParseCalendar(f)
	require.NoError(t, err, "calendar.ics parses in an independent iCalendar parser")
	assert.Len(t, cal.Events(), 37, "9 default activities, 5 risk reviews, 6 open actions, 2 policy deadlines (its review replaces the default one), 5 objectives, "+
		"3 supplier assessments, 3 certificate renewals ahead of expiry, 4 process reviews")

	again := testOptions(t)
	var second bytes.Buffer
	require.NoError(t, run(context.Background(), &second, again))
	assert.Equal(t, string(printed), string(bytes.ReplaceAll(second.Bytes(), []byte(again.out), []byte("out"))), "two runs print identical bytes")
	first, err := os.ReadFile(filepath.Join(opts.out, "ismskit.xlsx"))
	require.NoError(t, err)
	secondBook, err := os.ReadFile(filepath.Join(again.out, "ismskit.xlsx"))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(first, secondBook), "two runs write identical workbooks")
}

// TestSampleCompany_FollowsTheDomainArticles checks the sample against the
// articles it models, so the tour shows good practice.
func TestSampleCompany_FollowsTheDomainArticles(t *testing.T) {
	c := sample.Company()
	require.NoError(t, c.Validate())
	assert.Empty(t, c.Lint(isms.LintOptions{}), "the sample should need no advice")
	assert.Equal(t, 40, c.Organization.Headcount)
	assert.GreaterOrEqual(t, len(c.Objectives), 3)
	assert.LessOrEqual(t, len(c.Objectives), 5)
	key, err := c.KeyAssets(5)
	require.NoError(t, err)
	assert.Len(t, key, 5)
	var roleNames []string
	for _, r := range c.Roles {
		roleNames = append(roleNames, r.Name)
	}
	assert.Subset(t, roleNames, []string{"CEO", "IT manager", "Supervisors", "Employees"})
	var in []string
	for _, it := range c.Scope.Items {
		if !it.Excluded {
			in = append(in, it.Name)
		}
	}
	assert.Subset(t, in, []string{"Kestrel SaaS platform", "Customer support", "Internal IT", "Remote work"})

	reg, err := sample.Register(c)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(reg.Risks), 3, "3–5 key risks")
	assert.LessOrEqual(t, len(reg.Risks), 5, "3–5 key risks")
	un, err := reg.Unaccepted(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Empty(t, un, "every retained risk above the appetite is accepted")
}

// TestKeep_AnInvalidRecordKeepsNothing: the ISMS is stored in one unit of
// work, so one invalid record (an asset without an owner) keeps nothing.
func TestKeep_AnInvalidRecordKeepsNothing(t *testing.T) {
	ctx := context.Background()
	d, err := sampleInputs()
	require.NoError(t, err)
	d.Context.Assets[len(d.Context.Assets)-1].Owner = isms.Owner{}
	st, _, closeStore, err := openStore(ctx, "")
	require.NoError(t, err)
	defer closeStore()
	_, err = keep(ctx, st, d)
	require.ErrorIs(t, err, isms.ErrInvalid)
	_, err = isms.LoadContext(ctx, st, d.Context.Organization.ID)
	assert.ErrorIs(t, err, isms.ErrNotFound, "nothing of the organisation was kept")
}

// TestQuickstart_DBKeepsTheISMSAndGivesTheSameFiles runs the quickstart
// twice on one SQLite file: the files equal the memstore run's (the
// goldens), the second run updates the stored records instead of failing
// on them, and the file holds the sample company afterwards.
func TestQuickstart_DBKeepsTheISMSAndGivesTheSameFiles(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "ismskit.db")
	for run1 := range 2 {
		opts := testOptions(t)
		opts.db = db
		var out bytes.Buffer
		require.NoError(t, run(ctx, &out, opts), "run %d", run1+1)
		assert.Contains(t, out.String(), "records stored in "+db, "the summary says where the records are")
		for _, name := range []string{"context-summary.txt", "risk-register.csv", "soa.md", "policy.md", "calendar.ics", "readiness.md", "oscal/ssp.json"} {
			got, err := os.ReadFile(filepath.Join(opts.out, filepath.FromSlash(name)))
			require.NoError(t, err)
			golden.Assert(t, filepath.Join("testdata", "out", name), got)
		}
	}
	st, err := sqlstore.OpenSQLite(ctx, db)
	require.NoError(t, err)
	defer st.Close()
	want, err := sample.Dataset()
	require.NoError(t, err)
	got, err := dataset.Load(ctx, st, want.Context.Organization.ID)
	require.NoError(t, err)
	assert.Equal(t, want.Context.Organization, got.Context.Organization)
	assert.Len(t, got.Context.Assets, len(want.Context.Assets))
	assert.Len(t, got.Risks, 5)
	require.Len(t, got.SoAs, 1, "the approved SoA is kept")
	assert.Equal(t, isms.Approved, got.SoAs[0].Revision.Status)
	require.Len(t, got.Policies, 1, "the approved policy is kept")
	assert.NotEmpty(t, got.Activities, "the plan is kept")
	assert.Equal(t, want.Count(), got.Count(), "the whole sample ISMS, no more")
}

// TestQuickstart_AnUnusableDBWritesNothing: a -db path that cannot be a
// database (a folder) is an error naming -db, and no files are written.
func TestQuickstart_AnUnusableDBWritesNothing(t *testing.T) {
	opts := testOptions(t)
	opts.db = t.TempDir()
	err := run(context.Background(), &bytes.Buffer{}, opts)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-db")
	_, statErr := os.Stat(opts.out)
	assert.True(t, os.IsNotExist(statErr), "no output folder")
}

func TestParseFlags(t *testing.T) {
	var errs bytes.Buffer
	opts, err := parseFlags([]string{"-out", "report", "-date", "2027-01-15"}, &errs)
	require.NoError(t, err)
	assert.Equal(t, "report", opts.out)
	assert.Equal(t, time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC), opts.asOf)
	_, err = parseFlags([]string{"-date", "15.1.2027"}, &errs)
	assert.Error(t, err)
	assert.Contains(t, errs.String(), "-date")
	opts, err = parseFlags([]string{"-db", "client.db"}, &errs)
	require.NoError(t, err)
	assert.Equal(t, "client.db", opts.db)
	errs.Reset()
	_, err = parseFlags([]string{"-db", "client.db", "out"}, &errs)
	assert.Error(t, err, "a stray argument (a forgotten -out) is an error, not ignored")
	assert.Contains(t, errs.String(), `"out"`)
}

// TestQuickstart_ADirectoryWhereSoaMdShouldBeWritesNothing: the deliverables
// are written all or nothing, so a folder named soa.md in the output folder
// is an error before anything is written, and the folder stays as it was.
func TestQuickstart_ADirectoryWhereSoaMdShouldBeWritesNothing(t *testing.T) {
	opts := testOptions(t)
	require.NoError(t, os.MkdirAll(filepath.Join(opts.out, "soa.md"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(opts.out, "policy.md"), []byte("last year's policy"), 0o644))
	var out bytes.Buffer
	err := run(context.Background(), &out, opts)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"soa.md"`)
	entries, err := os.ReadDir(opts.out)
	require.NoError(t, err)
	require.Len(t, entries, 2, "no new files")
	got, err := os.ReadFile(filepath.Join(opts.out, "policy.md"))
	require.NoError(t, err)
	assert.Equal(t, "last year's policy", string(got))
	entries, err = os.ReadDir(filepath.Dir(opts.out))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary folder beside the output")

	// A second run into the folder of a first replaces it.
	again := testOptions(t)
	require.NoError(t, run(context.Background(), &bytes.Buffer{}, again))
	require.NoError(t, run(context.Background(), &bytes.Buffer{}, again))
}
