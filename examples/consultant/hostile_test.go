package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/internal/hostile"
)

// The hostile corpus: testdata/hostile holds one workbook per attack, each
// the sample workbook with one thing made hostile, so that the attack is
// the only problem and the consultant reaches the code it targets. The
// files are generated from testdata/v1-sample-workbook.json (the v1 form) by hostileCases (run the
// tests with -update to rewrite them) and read back by
// TestRun_HostileWorkbooksAreRefused, which every change runs.

// hostileCase is one attack on the consultant.
type hostileCase struct {
	name   string
	mutate func(t *testing.T, wb []byte) []byte
	// want is what the error must name: a field path in the workbook, or
	// for a document that is not JSON, the problem.
	want string
}

// hostileTime and hostileMemory are the wall time and memory one hostile
// workbook may cost in a test. They catch pathologies (a hang, a loop over
// 10⁹ items, gigabytes of decoded values), not speed: they are generous
// enough for -race on a loaded CI machine. BenchmarkRefuse measures the
// real figures.
const (
	hostileTime   = 10 * time.Second
	hostileMemory = 512 << 20
)

func hostileCases() []hostileCase {
	custom := func(id string) hostile.Mutation {
		return hostile.Set("custom_controls", map[string]any{"format": "ismskit-catalogue/1", "id": "acme", "name": "Acme controls",
			"controls": []any{map[string]any{"id": id, "theme": "Organizational", "title": "Acme control"}}})
	}
	year10000 := "9999-12-31T23:59:59-23:59"
	return []hostileCase{
		// Panics, hangs and wrong figures in the loss analysis.
		{name: "quant-loss-1e308", mutate: hostile.Set("quant.scenarios.0.loss.high", "1e308"), want: "quant.scenarios[0].loss"},
		{name: "quant-loss-1e400", mutate: hostile.Set("quant.scenarios.0.loss.high", "1e400"), want: "quant.scenarios[0].loss"},
		{name: "quant-loss-low-1e-300-high-1e300", mutate: hostile.Chain(hostile.Set("quant.scenarios.0.loss.low", "1e-300"), hostile.Set("quant.scenarios.0.loss.high", "1e300")),
			want: "quant.scenarios[0].loss"},
		{name: "quant-pert-loss-max-1e300", mutate: hostile.Set("quant.scenarios.0.loss", map[string]any{"pert": map[string]any{"min": "1", "mode": "2", "max": "1e300"}}),
			want: "quant.scenarios[0].loss"},
		{name: "quant-pert-frequency-max-1e300", mutate: hostile.Set("quant.scenarios.0.frequency", map[string]any{"pert": map[string]any{"min": "0", "mode": "1", "max": "1e300"}}),
			want: "quant.scenarios[0].frequency"},
		{name: "quant-pert-frequency-max-2e6", mutate: hostile.Set("quant.scenarios.0.frequency", map[string]any{"pert": map[string]any{"min": "0", "mode": "1", "max": "2000000"}}),
			want: "quant.scenarios[0].frequency"},
		{name: "quant-rate-1e9", mutate: hostile.Set("quant.scenarios.0.frequency.rate", "1e9"), want: "quant.scenarios[0].frequency"},
		{name: "quant-curve-points-1e9", mutate: hostile.Set("quant.options.curve_points", json.Number("1000000000")), want: "quant.options.curve_points"},
		{name: "quant-years-1e8", mutate: hostile.Set("quant.options.years", json.Number("100000000")), want: "quant.options.years"},
		{name: "quant-fixed-loss-1e17", mutate: hostile.Set("quant.scenarios.0.loss", map[string]any{"fixed": "1e17"}), want: "quant.scenarios[0].loss"},
		{name: "quant-fixed-loss-1e16-rate-10", mutate: hostile.Chain(hostile.Set("quant.scenarios.0.loss", map[string]any{"fixed": "1e16"}), hostile.Set("quant.scenarios.0.frequency.rate", "10")),
			want: "quant.scenarios[0]"},
		{name: "quant-years-not-a-whole-number", mutate: hostile.Set("quant.options.years", json.Number("1e400")), want: "quant.options.years"},
		{name: "quant-seed-negative", mutate: hostile.Set("quant.options.seed", json.Number("-1")), want: "quant.options.seed"},

		// The risks' losses and plan costs, which reach the loss analysis.
		{name: "risk-target-loss-sle-1e400", mutate: hostile.Set("risks.3.target_loss.sle.amount", "1e400"), want: "risks[3].target_loss"},
		{name: "risk-target-loss-aro-1e400", mutate: hostile.Set("risks.3.target_loss.aro", "1e400"), want: "risks[3].target_loss"},
		{name: "risk-treatment-cost-1e400", mutate: hostile.Set("risks.3.treatment.cost.amount", "1e400"), want: "risks[3].treatment.cost"},
		{name: "risk-treatment-cost-negative", mutate: hostile.Set("risks.3.treatment.cost.amount", "-1"), want: "risks[3].treatment.cost.amount"},
		{name: "risk-inherent-loss-currency-xx", mutate: hostile.Set("risks.3.inherent_loss.sle.currency", "XX"), want: "risks[3].inherent_loss.sle.currency"},
		{name: "quant-treatment-cost-1e400", mutate: hostile.Set("quant.treatments", []any{map[string]any{"control": "A.8.5", "cost": "1e400",
			"after": []any{map[string]any{"ref": "R-4", "frequency": map[string]any{"rate": "0.1"}, "loss": map[string]any{"fixed": "100"}}}}}), want: "quant.treatments[0].cost"},

		// The risk method.
		{name: "method-control-strength-minus-1", mutate: hostile.Set("method.control_strength", "-1"), want: "method.control_strength"},
		{name: "method-control-strength-3", mutate: hostile.Set("method.control_strength", "3"), want: "method.control_strength"},
		{name: "method-control-strength-1e400", mutate: hostile.Set("method.control_strength", "1e400"), want: "method.control_strength"},
		{name: "method-threshold-1e400", mutate: hostile.Set("method.thresholds.3", json.Number("1e400")), want: "method.thresholds[3]"},
		{name: "risk-likelihood-huge", mutate: hostile.Set("risks.0.inherent.likelihood", json.Number("9223372036854775808")), want: "risks[0].inherent.likelihood"},

		// Lenient decoding.
		{name: "trailing-brace", mutate: hostile.Raw(func(b []byte) []byte { return append(b, '}') }), want: "after"},
		{name: "trailing-brackets", mutate: hostile.Raw(func(b []byte) []byte { return append(b, "]]]"...) }), want: "after"},
		{name: "trailing-second-document", mutate: hostile.Raw(func(b []byte) []byte { return append(b, "{}"...) }), want: "after"},
		{name: "duplicate-key", mutate: hostile.Replace(`"as_of":"2026-12-01"`, `"as_of":"2026-12-01","as_of":"2026-12-02"`), want: "as_of"},
		{name: "duplicate-key-nested", mutate: hostile.Replace(`"headcount":40`, `"headcount":40,"headcount":4000`), want: "context.organization.headcount"},
		{name: "invalid-utf8-name", mutate: hostile.Replace(`"name":"Kestrel Cloud Ltd"`, "\"name\":\"Kestrel \xff\xfe Ltd\""), want: "context.organization.name"},
		{name: "uuid-uppercase", mutate: hostile.Replace(`"id":"3a2531af-2e2b-5ac0-826a-b15e4fd7082e"`, `"id":"3A2531AF-2E2B-5AC0-826A-B15E4FD7082E"`), want: "risks[0].id"},
		{name: "uuid-braces", mutate: hostile.Replace(`"id":"3a2531af-2e2b-5ac0-826a-b15e4fd7082e"`, `"id":"{3a2531af-2e2b-5ac0-826a-b15e4fd7082e}"`), want: "risks[0].id"},
		{name: "uuid-urn", mutate: hostile.Replace(`"id":"3a2531af-2e2b-5ac0-826a-b15e4fd7082e"`, `"id":"urn:uuid:3a2531af-2e2b-5ac0-826a-b15e4fd7082e"`), want: "risks[0].id"},
		{name: "uuid-no-hyphens", mutate: hostile.Replace(`"id":"3a2531af-2e2b-5ac0-826a-b15e4fd7082e"`, `"id":"3a2531af2e2b5ac0826ab15e4fd7082e"`), want: "risks[0].id"},
		{name: "custom-control-A.5.1", mutate: custom("A.5.1"), want: "custom_controls.controls[0].id"},
		{name: "custom-control-5.01", mutate: custom("5.01"), want: "custom_controls.controls[0].id"},
		{name: "custom-control-1", mutate: custom("1"), want: "custom_controls.controls[0].id"},
		{name: "plan-tz-local", mutate: hostile.Set("plan.tz", "Local"), want: "tz"},
		{name: "plan-tz-unknown", mutate: hostile.Set("plan.tz", "Mars/Olympus_Mons"), want: "plan.tz"},
		{name: "plan-holiday-month-13-day-99", mutate: hostile.Set("plan.holidays.0", map[string]any{"year": 2027, "month": 13, "day": 99}), want: "plan.holidays[0]"},

		// Dates JSON cannot carry, and years out of range.
		{name: "year-10000-risk-date", mutate: hostile.Set("risks.0.inherent.date", year10000), want: "risks[0].inherent.date"},
		{name: "year-10000-objective-deadline", mutate: hostile.Set("context.objectives.0.deadline", year10000), want: "context.objectives[0].deadline"},
		{name: "year-10000-soa-approval", mutate: hostile.Set("soa.approved", year10000), want: "soa"},
		{name: "year-10000-policy-approval", mutate: hostile.Set("policy.approved", year10000), want: "policy"},
		{name: "year-10000-as-of", mutate: hostile.Set("as_of", "10000-01-01"), want: "as_of"},
		{name: "year-10000-plan", mutate: hostile.Set("plan.year", json.Number("10000")), want: "plan.year"},
		{name: "year-minus-1-plan", mutate: hostile.Set("plan.year", json.Number("-1")), want: "plan.year"},
		{name: "as-of-february-30", mutate: hostile.Set("as_of", "2026-02-30"), want: "as_of"},

		// More of our own.
		{name: "empty-document", mutate: hostile.Raw(func([]byte) []byte { return nil }), want: "empty"},
		{name: "top-level-null", mutate: hostile.Raw(func([]byte) []byte { return []byte("null") }), want: "null"},
		{name: "top-level-array", mutate: hostile.Raw(func([]byte) []byte { return []byte("[]") }), want: "workbook"},
		{name: "deep-nesting", mutate: hostile.Raw(func([]byte) []byte {
			return []byte(`{"format":"ismskit-workbook/1","context":{"organization":{"description":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}}}`)
		}), want: "nest"},
		{name: "negative-headcount", mutate: hostile.Set("context.organization.headcount", json.Number("-40")), want: "context.organization.headcount"},
		{name: "unknown-field-deep", mutate: hostile.Set("risks.0.inherent.colour", "red"), want: "risks[0].inherent.colour"},
		{name: "wrong-format", mutate: hostile.Set("format", "ismskit-workbook/999"), want: "format"},
		{name: "soa-approver-unknown", mutate: hostile.Set("soa.approver", "Mallory"), want: "soa.approver"},
	}
}

// TestHostileCorpus_IsUpToDate writes (-update) or checks every file of
// testdata/hostile against the sample workbook, and that the folder holds
// no file without a case.
func TestHostileCorpus_IsUpToDate(t *testing.T) {
	sample, err := os.ReadFile(v1Sample)
	require.NoError(t, err)
	var names []string
	for _, c := range hostileCases() {
		names = append(names, c.name+".json")
		golden.Assert(t, filepath.Join("testdata", "hostile", c.name+".json"), c.mutate(t, slices.Clone(sample)))
	}
	files, err := filepath.Glob(filepath.Join("testdata", "hostile", "*"))
	require.NoError(t, err)
	for _, f := range files {
		assert.Contains(t, names, filepath.Base(f), "a corpus file without a case")
	}
}

// runHostile runs the consultant on the workbook in, in process, and checks
// the promise: an error naming want, no panic, no output folder, within the
// time and memory budget.
func runHostile(t *testing.T, in, want string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panic: %v", r)
			}
		}()
		done <- run([]string{"-in", in, "-out", out}, &stdout, &stderr)
	}()
	var err error
	select {
	case err = <-done:
	case <-time.After(5 * hostileTime):
		t.Fatalf("the consultant still runs after %v (it is left running)", 5*hostileTime)
	}
	took := time.Since(start)
	if err != nil && strings.HasPrefix(err.Error(), "panic: ") {
		t.Fatalf("the consultant panicked: %v", err)
	}
	runtime.ReadMemStats(&after)
	require.Error(t, err, "the hostile workbook is refused")
	msg := stderr.String() + err.Error()
	assert.Contains(t, msg, want, "the error names the field")
	assert.NotContains(t, msg, "goroutine ", "no stack trace")
	assert.Less(t, took, hostileTime, "time budget")
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(hostileMemory), "memory budget")
	assert.Less(t, len(msg), 64<<10, "the error is short enough to read")
	_, statErr := os.Stat(out)
	assert.True(t, os.IsNotExist(statErr), "no output folder")
	assert.Empty(t, stdout.String())
}

func TestRun_HostileWorkbooksAreRefused(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			runHostile(t, filepath.Join("testdata", "hostile", c.name+".json"), c.want)
		})
	}
}

// TestRun_A200MBWorkbookIsRefusedFast: a workbook past MaxWorkbookSize is
// refused before it is read, naming the limit.
func TestRun_A200MBWorkbookIsRefusedFast(t *testing.T) {
	in := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(in)
	require.NoError(t, err)
	_, err = f.WriteString(`{"format":"ismskit-workbook/1","as_of":"`)
	require.NoError(t, err)
	_, err = f.WriteAt([]byte(`"}`), 200<<20) // a sparse 200 MB file
	require.NoError(t, err)
	require.NoError(t, f.Close())
	runHostile(t, in, "MaxWorkbookSize")
}

// TestDecodeWorkbook_A200MBStringIsRefusedFast streams a workbook with a
// 200 MB string, which is not a file whose size can be asked first: the
// decoder stops reading past MaxWorkbookSize.
func TestDecodeWorkbook_A200MBStringIsRefusedFast(t *testing.T) {
	r := io.MultiReader(strings.NewReader(`{"format":"ismskit-workbook/1","as_of":"`),
		io.LimitReader(repeatReader('a'), 200<<20), strings.NewReader(`"}`))
	start := time.Now()
	_, err := decodeWorkbook(r)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "MaxWorkbookSize")
	assert.Less(t, time.Since(start), hostileTime)
}

// TestRun_AMillionBadItemsGiveAShortError: 10⁶ empty implementation records
// give an error of bounded length, quickly: the list is refused whole
// (MaxListItems) before any record is checked.
func TestRun_AMillionBadItemsGiveAShortError(t *testing.T) {
	sample, err := os.ReadFile(v1Sample)
	require.NoError(t, err)
	items := make([]any, 1_000_000)
	for i := range items {
		items[i] = map[string]any{}
	}
	in := filepath.Join(t.TempDir(), "many.json")
	require.NoError(t, os.WriteFile(in, hostile.Set("implementations", items)(t, sample), 0o644))
	runHostile(t, in, "MaxListItems")
}

type repeatReader byte

func (c repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(c)
	}
	return len(p), nil
}

// TestMain runs main itself when the test binary is started by runMain, so
// that tests see the real exit status and what a user sees on stderr.
func TestMain(m *testing.M) {
	if args := os.Getenv("CONSULTANT_TEST_MAIN"); args != "" {
		os.Args = append([]string{"consultant"}, strings.Split(args, "\x1f")...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runMain runs the consultant's main in a child process and returns its
// exit status and stderr.
func runMain(t *testing.T, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*hostileTime)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CONSULTANT_TEST_MAIN="+strings.Join(args, "\x1f"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		return exit.ExitCode(), stderr.String()
	}
	require.NoError(t, err)
	return 0, stderr.String()
}

// TestMain_HostileWorkbooksExitNonZeroWithoutAStackTrace runs the real
// program on the corpus.
func TestMain_HostileWorkbooksExitNonZeroWithoutAStackTrace(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process per workbook")
	}
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "client")
			code, stderr := runMain(t, "-in", filepath.Join("testdata", "hostile", c.name+".json"), "-out", out)
			assert.Equal(t, 1, code, stderr)
			assert.Contains(t, stderr, c.want)
			assert.NotContains(t, stderr, "goroutine ")
			_, err := os.Stat(out)
			assert.True(t, os.IsNotExist(err), "no output folder")
		})
	}
}

// TestRun_TextThatChangesLengthWhenLowercasedIsNoPanic: an organisation
// description whose lowercase is longer ("Ⱥ") and that names a tool used to
// make the policy lint (run for policy-lint.txt) slice out of range. The
// composer now generalises the tool ("the cloud platform"), so the policy
// it writes is lint-clean as well.
func TestRun_TextThatChangesLengthWhenLowercasedIsNoPanic(t *testing.T) {
	sample, err := os.ReadFile(v1Sample)
	require.NoError(t, err)
	in := filepath.Join(t.TempDir(), "wb.json")
	require.NoError(t, os.WriteFile(in, hostile.Set("context.organization.description", "ȺȺȺȺȺȺ builds software on AWS.")(t, sample), 0o644))
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NotPanics(t, func() { require.NoError(t, run([]string{"-in", in, "-out", out}, &stdout, &stderr), stderr.String()) })
	lint, err := os.ReadFile(filepath.Join(out, "policy-lint.txt"))
	require.NoError(t, err)
	// The policy quotes the client's text as typed (policy.ComposeInput.GeneraliseProducts
	// is off), so lint quotes "AWS" from it without a panic.
	assert.Contains(t, string(lint), `"AWS" is procedure-level detail`)
	md, err := os.ReadFile(filepath.Join(out, "policy.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "ȺȺȺȺȺȺ builds software on AWS")
}

// BenchmarkRefuse measures how long refusing each hostile workbook takes:
// go test -run '^$' -bench Refuse ./examples/consultant
func BenchmarkRefuse(b *testing.B) {
	for _, c := range hostileCases() {
		in := filepath.Join("testdata", "hostile", c.name+".json")
		b.Run(c.name, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "client")
			for b.Loop() {
				if err := run([]string{"-in", in, "-out", out}, io.Discard, io.Discard); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}
