package policy_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/internal/hostile"
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
		{name: "objective-deadline-year-10000", mutate: hostile.Set("objectives.0.deadline", year10000), want: "objectives[0].deadline"},
		{name: "approval-at-year-10000", mutate: hostile.Set("revision.approval.at", year10000), want: "revision.approval.at"},
		{name: "next-review-year-10000", mutate: hostile.Set("revision.next_review", year10000), want: "revision.next_review"},
		{name: "tampered-approver-name", mutate: hostile.Set("revision.approval.name", "Mallory (CEO)"), want: "revision.hash"},
		{name: "tampered-approver", mutate: hostile.Set("revision.approval.by.role", "fcd5c835-9554-5e11-b5a0-d3f7a41478b6"), want: "revision.hash"},
		{name: "tampered-approval-date", mutate: hostile.Set("revision.approval.at", "2026-11-17T00:00:00Z"), want: "revision.hash"},
		{name: "tampered-next-review", mutate: hostile.Set("revision.next_review", "2030-11-16T00:00:00Z"), want: "revision.hash"},
		{name: "tampered-purpose", mutate: hostile.Set("purpose", "Whatever."), want: "revision.hash"},
		{name: "hash-malformed", mutate: hostile.Set("revision.hash", "sha256:"), want: "revision.hash"},
		{name: "edition-huge", mutate: hostile.Set("revision.edition", json.Number("1e30")), want: "revision.edition"},
		{name: "objective-target-huge", mutate: hostile.Set("objectives.0.target.value", "1e400000"), want: "objectives[0].target.value"},
		{name: "unknown-field", mutate: hostile.Set("objectives.0.colour", "red"), want: "objectives[0].colour"},
		{name: "title-wrong-type", mutate: hostile.Set("title", json.Number("1")), want: "title"},
		{name: "trailing-brace", mutate: hostile.Raw(func(b []byte) []byte { return append(b, '}') }), want: "", text: "after"},
		{name: "trailing-brackets", mutate: hostile.Raw(func(b []byte) []byte { return append(b, "]]]"...) }), want: "", text: "after"},
		{name: "empty", mutate: hostile.Raw(func([]byte) []byte { return nil }), want: "", text: "empty"},
		{name: "null", mutate: hostile.Raw(func([]byte) []byte { return []byte("null") }), want: "", text: "null"},
		{name: "deep-nesting", mutate: hostile.Raw(func([]byte) []byte {
			return []byte(`{"principles":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`)
		}), want: "", text: "nest"},
		{name: "duplicate-key", mutate: hostile.Replace(`"organization":"Ledger & Co",`, `"organization":"Ledger & Co","organization":"Mallory",`), want: "organization"},
		{name: "invalid-utf8", mutate: hostile.Replace(`"organization":"Ledger & Co"`, "\"organization\":\"Ledger \xff Co\""), want: "organization"},
		{name: "uuid-uppercase", mutate: hostile.Replace(`"id":"defdeb05-78dd-567a-9d22-442232fde0b6"`, `"id":"DEFDEB05-78DD-567A-9D22-442232FDE0B6"`), want: "id"},
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
