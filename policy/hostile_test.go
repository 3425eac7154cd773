package policy_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
)

// The hostile corpus of the policy decoder: testdata/hostile holds one file
// per attack, each testdata/policy.json (an approved policy) with one thing made
// hostile. hostileCases generates them (-update rewrites the files);
// TestDecode_HostileCorpus reads them back.

// hostileCase is one attack on policy.Decode.
type hostileCase struct {
	name   string
	mutate func(t *testing.T, b []byte) []byte
	// want is the path of a problem Decode must report ("" for the
	// document as a whole), and text what that problem must say.
	want, text string
}

const year10000 = "9999-12-31T23:59:59-23:59" // 10000-01-01 in UTC

func hostileCases() []hostileCase {
	return []hostileCase{
		{name: "objective-deadline-year-10000", mutate: set("objectives.0.deadline", year10000), want: "objectives[0].deadline"},
		{name: "approval-at-year-10000", mutate: set("revision.approval.at", year10000), want: "revision.approval.at"},
		{name: "next-review-year-10000", mutate: set("revision.next_review", year10000), want: "revision.next_review"},
		{name: "tampered-approver-name", mutate: set("revision.approval.name", "Mallory (CEO)"), want: "revision.hash"},
		{name: "tampered-approver", mutate: set("revision.approval.by.role", "fcd5c835-9554-5e11-b5a0-d3f7a41478b6"), want: "revision.hash"},
		{name: "tampered-approval-date", mutate: set("revision.approval.at", "2026-11-17T00:00:00Z"), want: "revision.hash"},
		{name: "tampered-next-review", mutate: set("revision.next_review", "2030-11-16T00:00:00Z"), want: "revision.hash"},
		{name: "tampered-purpose", mutate: set("purpose", "Whatever."), want: "revision.hash"},
		{name: "hash-malformed", mutate: set("revision.hash", "sha256:"), want: "revision.hash"},
		{name: "edition-huge", mutate: set("revision.edition", json.Number("1e30")), want: "revision.edition"},
		{name: "objective-target-huge", mutate: set("objectives.0.target.value", "1e400000"), want: "objectives[0].target.value"},
		{name: "unknown-field", mutate: set("objectives.0.colour", "red"), want: "objectives[0].colour"},
		{name: "title-wrong-type", mutate: set("title", json.Number("1")), want: "title"},
		{name: "trailing-brace", mutate: raw(func(b []byte) []byte { return append(b, '}') }), want: "", text: "after"},
		{name: "trailing-brackets", mutate: raw(func(b []byte) []byte { return append(b, "]]]"...) }), want: "", text: "after"},
		{name: "empty", mutate: raw(func([]byte) []byte { return nil }), want: "", text: "empty"},
		{name: "null", mutate: raw(func([]byte) []byte { return []byte("null") }), want: "", text: "null"},
		{name: "deep-nesting", mutate: raw(func([]byte) []byte {
			return []byte(`{"principles":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`)
		}), want: "", text: "nest"},
		{name: "duplicate-key", mutate: replace(`"organization":"Ledger & Co",`, `"organization":"Ledger & Co","organization":"Mallory",`), want: "organization"},
		{name: "invalid-utf8", mutate: replace(`"organization":"Ledger & Co"`, "\"organization\":\"Ledger \xff Co\""), want: "organization"},
		{name: "uuid-uppercase", mutate: replace(`"id":"defdeb05-78dd-567a-9d22-442232fde0b6"`, `"id":"DEFDEB05-78DD-567A-9D22-442232FDE0B6"`), want: "id"},
	}
}

// set returns a mutation that sets the value at a dotted path
// ("objectives.0.deadline", list indices as numbers).
func set(path string, value any) func(*testing.T, []byte) []byte {
	return func(t *testing.T, b []byte) []byte {
		t.Helper()
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		var root any
		require.NoError(t, d.Decode(&root))
		keys := strings.Split(path, ".")
		node := root
		for i, k := range keys {
			last := i == len(keys)-1
			switch n := node.(type) {
			case map[string]any:
				if last {
					n[k] = value
				} else {
					if n[k] == nil {
						n[k] = map[string]any{}
					}
					node = n[k]
				}
			case []any:
				j, err := strconv.Atoi(k)
				require.NoError(t, err, path)
				if last {
					n[j] = value
				} else {
					node = n[j]
				}
			default:
				t.Fatalf("%s: %s is not an object or a list", path, k)
			}
		}
		var out bytes.Buffer
		e := json.NewEncoder(&out)
		e.SetEscapeHTML(false)
		require.NoError(t, e.Encode(root))
		return out.Bytes()
	}
}

func raw(f func([]byte) []byte) func(*testing.T, []byte) []byte {
	return func(_ *testing.T, b []byte) []byte { return f(b) }
}

// replace returns a mutation that replaces the first old in the compacted
// document, which must hold it.
func replace(old, new string) func(*testing.T, []byte) []byte {
	return func(t *testing.T, b []byte) []byte {
		t.Helper()
		var c bytes.Buffer
		require.NoError(t, json.Compact(&c, b))
		require.Contains(t, c.String(), old)
		return bytes.Replace(c.Bytes(), []byte(old), []byte(new), 1)
	}
}

func TestHostileCorpus_IsUpToDate(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "policy.json"))
	require.NoError(t, err)
	var names []string
	for _, c := range hostileCases() {
		names = append(names, c.name+".json")
		golden.Assert(t, filepath.Join("testdata", "hostile", c.name+".json"), c.mutate(t, slices.Clone(base)))
	}
	files, err := filepath.Glob(filepath.Join("testdata", "hostile", "*"))
	require.NoError(t, err)
	for _, f := range files {
		assert.Contains(t, names, filepath.Base(f), "a corpus file without a case")
	}
}

// TestDecode_HostileCorpus: every hostile file is refused quickly, with the
// problem at its path, never a panic; and nothing else panics on it either.
func TestDecode_HostileCorpus(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "hostile", c.name+".json"))
			require.NoError(t, err)
			start := time.Now()
			_, err = policy.Decode(bytes.NewReader(b))
			assert.Less(t, time.Since(start), 30*time.Second, "a pathology guard, not a speed check")
			require.ErrorIs(t, err, isms.ErrInvalid)
			var found []string
			for _, v := range isms.ValidationErrors(err) {
				if v.Path == c.want && strings.Contains(v.Problem, c.text) {
					return
				}
				found = append(found, fmt.Sprintf("%q", v.Path))
			}
			t.Errorf("no problem at %q saying %q; found %v:\n%v", c.want, c.text, found, err)
		})
	}
}

// TestApprove_ObjectiveDueInYear10000IsAnErrorNotAPanic: policy.Approve
// used to panic in the digest for an objective due in year 10000 (UTC).
func TestApprove_ObjectiveDueInYear10000IsAnErrorNotAPanic(t *testing.T) {
	far, err := time.Parse(time.RFC3339, year10000)
	require.NoError(t, err)
	p := composed()
	p.Objectives[0].Deadline = far
	assert.NotPanics(t, func() {
		_, err := p.Approve(approval(approve))
		require.ErrorIs(t, err, isms.ErrInvalid)
		assert.Contains(t, paths(err), "objectives[0].deadline")
	})
	assert.NotPanics(t, func() {
		_, err := composed().Approve(approval(far))
		require.ErrorIs(t, err, isms.ErrInvalid)
		assert.Contains(t, paths(err), "revision.approval.at")
	})

	// An approved policy changed in Go to carry such a date: Validate and
	// Verify return errors.
	v1, err := composed().Approve(approval(approve))
	require.NoError(t, err)
	v1.Objectives = slices.Clone(v1.Objectives)
	v1.Objectives[0].Deadline = far
	assert.NotPanics(t, func() {
		assert.Contains(t, paths(v1.Validate()), "objectives[0].deadline")
		assert.Error(t, v1.Verify())
	})
}

// TestDecode_ObjectiveDueInYear10000IsRefused reads the same attack from
// JSON.
func TestDecode_ObjectiveDueInYear10000IsRefused(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "hostile", "objective-deadline-year-10000.json"))
	require.NoError(t, err)
	_, err = policy.Decode(bytes.NewReader(b))
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, paths(err), "objectives[0].deadline")
}

// TestDecode_TamperedApprovalInTheJSONIsRefused: editing the approver, the
// approval date or the next review of an approved policy in its exported
// JSON breaks the hash, which covers the approval.
func TestDecode_TamperedApprovalInTheJSONIsRefused(t *testing.T) {
	for _, name := range []string{"tampered-approver-name", "tampered-approver", "tampered-approval-date", "tampered-next-review"} {
		b, err := os.ReadFile(filepath.Join("testdata", "hostile", name+".json"))
		require.NoError(t, err)
		_, err = policy.Decode(bytes.NewReader(b))
		require.ErrorIs(t, err, isms.ErrInvalid, name)
		assert.Equal(t, []string{"revision.hash"}, paths(err), name)
	}
	good, err := os.ReadFile(filepath.Join("testdata", "policy.json"))
	require.NoError(t, err)
	_, err = policy.Decode(bytes.NewReader(good))
	require.NoError(t, err, "the untampered file decodes")
}
