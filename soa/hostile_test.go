package soa_test

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

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/internal/hostile"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/soa"
)

// The hostile corpus of the SoA decoder: testdata/hostile holds one file
// per attack, each testdata/soa.json (an approved SoA) with one thing made
// hostile. hostileCases generates them (-update rewrites the files);
// TestDecode_HostileCorpus reads them back.

// hostileCase is one attack on soa.Decode.
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
		{name: "generated-year-10000", mutate: hostile.Set("generated", year10000), want: "generated"},
		{name: "evidence-date-year-10000", mutate: hostile.Set("entries.14.evidence.0.date", year10000), want: "entries[14].evidence[0].date"},
		{name: "approval-at-year-10000", mutate: hostile.Set("revision.approval.at", year10000), want: "revision.approval.at"},
		{name: "next-review-year-10000", mutate: hostile.Set("revision.next_review", year10000), want: "revision.next_review"},
		{name: "generated-year-0", mutate: hostile.Set("generated", "0000-01-01T00:00:00Z"), want: "generated"},
		{name: "tampered-approver-name", mutate: hostile.Set("revision.approval.name", "Mallory (CEO)"), want: "revision.hash"},
		{name: "tampered-approver", mutate: hostile.Set("revision.approval.by.role", "245f6380-b09d-50be-a868-86e0e81e5c4c"), want: "revision.hash"},
		{name: "tampered-approval-date", mutate: hostile.Set("revision.approval.at", "2026-11-21T00:00:00Z"), want: "revision.hash"},
		{name: "tampered-next-review", mutate: hostile.Set("revision.next_review", "2030-11-20T00:00:00Z"), want: "revision.hash"},
		{name: "tampered-justification", mutate: hostile.Set("entries.1.justification", "We decided so."), want: "revision.hash"},
		{name: "tampered-author", mutate: hostile.Set("author", "Mallory"), want: "revision.hash"},
		{name: "hash-malformed", mutate: hostile.Set("revision.hash", "sha256:xyz"), want: "revision.hash"},
		{name: "edition-huge", mutate: hostile.Set("revision.edition", json.Number("1e30")), want: "revision.edition"},
		{name: "edition-zero", mutate: hostile.Set("revision.edition", json.Number("0")), want: "revision.edition"},
		{name: "status-unknown", mutate: hostile.Set("revision.status", "approved "), want: "revision.status"},
		{name: "control-twice", mutate: hostile.Set("entries.1.control", "5.1"), want: "entries[1].control"},
		{name: "unknown-field", mutate: hostile.Set("entries.0.colour", "red"), want: "entries[0].colour"},
		{name: "trailing-brace", mutate: hostile.Raw(func(b []byte) []byte { return append(b, '}') }), want: "", text: "after"},
		{name: "trailing-brackets", mutate: hostile.Raw(func(b []byte) []byte { return append(b, "]]]"...) }), want: "", text: "after"},
		{name: "empty", mutate: hostile.Raw(func([]byte) []byte { return nil }), want: "", text: "empty"},
		{name: "null", mutate: hostile.Raw(func([]byte) []byte { return []byte("null") }), want: "", text: "null"},
		{name: "deep-nesting", mutate: hostile.Raw(func([]byte) []byte {
			return []byte(`{"entries":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`)
		}), want: "", text: "nest"},
		{name: "duplicate-key", mutate: hostile.Replace(`"author":"Ann",`, `"author":"Ann","author":"Mallory",`), want: "author"},
		{name: "invalid-utf8", mutate: hostile.Replace(`"author":"Ann"`, "\"author\":\"A\xffnn\""), want: "author"},
		{name: "uuid-uppercase", mutate: hostile.Replace(`"id":"149edbcc-0ff8-5147-b170-2e1c7b4d19c9"`, `"id":"149EDBCC-0FF8-5147-B170-2E1C7B4D19C9"`), want: "id"},
		{name: "uuid-braces", mutate: hostile.Replace(`"id":"149edbcc-0ff8-5147-b170-2e1c7b4d19c9"`, `"id":"{149edbcc-0ff8-5147-b170-2e1c7b4d19c9}"`), want: "id"},
	}
}

func TestHostileCorpus_IsUpToDate(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "soa.json"))
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
			_, err = soa.Decode(bytes.NewReader(b))
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

// TestDecode_GeneratedInYear10000IsRefused: 9999-12-31T23:59:59-23:59 is a
// valid RFC 3339 time whose UTC year is 10000; Decode used to accept it and
// Verify then panicked in the digest.
func TestDecode_GeneratedInYear10000IsRefused(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "hostile", "generated-year-10000.json"))
	require.NoError(t, err)
	_, err = soa.Decode(bytes.NewReader(b))
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, paths(err), "generated")
}

// TestVerifyAndApprove_Year10000IsAnErrorNotAPanic: a value made in Go (not
// decoded) with a date JSON cannot carry gets errors from Validate, Verify
// and Approve, never a panic.
func TestVerifyAndApprove_Year10000IsAnErrorNotAPanic(t *testing.T) {
	far, err := time.Parse(time.RFC3339, year10000)
	require.NoError(t, err)

	s := approved(t)
	s.Generated = far
	assert.NotPanics(t, func() {
		assert.Contains(t, paths(s.Validate()), "generated")
		assert.Error(t, s.Verify())
	})

	d := valid(t)
	d.Generated = far
	assert.NotPanics(t, func() {
		_, err := d.Approve(controls.AnnexA(), approval(approvedAt))
		assert.Contains(t, paths(err), "generated")
	})
	assert.NotPanics(t, func() {
		_, err := valid(t).Approve(controls.AnnexA(), approval(far))
		assert.Contains(t, paths(err), "revision.approval.at")
	})
	nr := valid(t)
	nr.Revision.NextReview = far
	assert.NotPanics(t, func() {
		_, err := nr.Approve(controls.AnnexA(), approval(approvedAt))
		assert.Contains(t, paths(err), "revision.next_review")
	})
}

// TestApprove_NilCatalogueIsRefused: SoA.Approve(nil, …) used to approve an
// SoA without checking it covers any catalogue.
func TestApprove_NilCatalogueIsRefused(t *testing.T) {
	_, err := valid(t).Approve(nil, approval(approvedAt))
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"catalogue"}, paths(err))
	_, err = (soa.SoA{}).Approve(nil, approval(approvedAt))
	require.ErrorIs(t, err, isms.ErrInvalid, "an empty SoA cannot be approved")
}

// TestDecode_TamperedApprovalInTheJSONIsRefused: editing the approver, the
// approval date or the next review of an approved SoA in its exported JSON
// breaks the hash, which covers the approval.
func TestDecode_TamperedApprovalInTheJSONIsRefused(t *testing.T) {
	for _, name := range []string{"tampered-approver-name", "tampered-approver", "tampered-approval-date", "tampered-next-review"} {
		b, err := os.ReadFile(filepath.Join("testdata", "hostile", name+".json"))
		require.NoError(t, err)
		_, err = soa.Decode(bytes.NewReader(b))
		require.ErrorIs(t, err, isms.ErrInvalid, name)
		assert.Equal(t, []string{"revision.hash"}, paths(err), name)
	}
	good, err := os.ReadFile(filepath.Join("testdata", "soa.json"))
	require.NoError(t, err)
	_, err = soa.Decode(bytes.NewReader(good))
	require.NoError(t, err, "the untampered file decodes")
}
