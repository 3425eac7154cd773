package soa_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/soa"
)

// valid returns a generated SoA that validates: the one linked control
// nobody planned (5.34, 8.24, 5.26) gets a planned record, and 5.1 too.
func valid(t *testing.T) soa.SoA {
	t.Helper()
	in := input()
	for _, id := range []controls.ID{"5.34", "8.24", "5.26", "5.1"} {
		in.Implementations = append(in.Implementations, impl(id, controls.Planned))
	}
	s, conflicts, err := soa.Generate(in)
	require.NoError(t, err)
	require.Empty(t, conflicts)
	require.NoError(t, s.Validate(controls.AnnexA()))
	return s
}

func TestValidate_Clause613(t *testing.T) {
	cat := controls.AnnexA()
	tests := []struct {
		name   string
		break_ func(s *soa.SoA)
		want   []string
	}{
		{"applicable but not started", func(s *soa.SoA) { s.Entries[33].Status = controls.NotStarted }, []string{"entries[33].status"}},
		{"exclusion with a placeholder", func(s *soa.SoA) { s.Entries[92].Justification = "n/a" }, []string{"entries[92].justification"}},
		{"treated control excluded", func(s *soa.SoA) { s.Entries[17].Applicable = false; s.Entries[17].Justification = "not needed here" },
			[]string{"entries[17].applicable"}},
		{"control missing and one twice", func(s *soa.SoA) { s.Entries[91] = s.Entries[90] }, []string{"entries[91].control", "entries"}},
		{"unknown control", func(s *soa.SoA) { s.Entries[92].Control = "9.1" }, []string{"entries[92].control", "entries"}},
		{"applicable without reason", func(s *soa.SoA) { s.Entries[0].Reasons = nil }, []string{"entries[0].reasons"}},
		{"bad version block", func(s *soa.SoA) { s.Version, s.Status = 0, "final" }, []string{"version", "status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := valid(t)
			tt.break_(&s)
			err := s.Validate(cat)
			require.True(t, errors.Is(err, isms.ErrInvalid))
			assert.Equal(t, tt.want, paths(err))
		})
	}
}

func TestApprove_ReviseAndVerify(t *testing.T) {
	cat := controls.AnnexA()
	draft := valid(t)
	at := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

	_, err := draft.Approve(cat, "", at)
	assert.Equal(t, []string{"approver"}, paths(err))

	v1, err := draft.Approve(cat, "Maria Virtanen (CEO)", at)
	require.NoError(t, err)
	assert.Equal(t, soa.Approved, v1.Status)
	assert.Equal(t, v1.ContentHash(), v1.Hash)
	assert.True(t, strings.HasPrefix(v1.Hash, "sha256:"))
	require.NoError(t, v1.Verify())
	assert.Equal(t, soa.Draft, draft.Status, "approval returns a new value")
	_, err = v1.Approve(cat, "Maria", at)
	assert.Equal(t, []string{"status"}, paths(err), "an approved version cannot be approved again")

	tampered := v1
	tampered.Entries = append([]soa.Entry(nil), v1.Entries...)
	tampered.Entries[0].Justification = "edited later"
	require.ErrorIs(t, tampered.Verify(), isms.ErrConflict)
	assert.Contains(t, paths(tampered.Validate(cat)), "hash")

	// A change starts a new draft; the approved version stays as it was.
	in := input()
	for _, id := range []controls.ID{"5.34", "8.24", "5.26", "5.1"} {
		in.Implementations = append(in.Implementations, impl(id, controls.Planned))
	}
	in.Implementations[1] = impl("8.13", controls.NotApplicable)
	in.Implementations = in.Implementations[1:] // 5.15's record is withdrawn
	next, _, err := soa.Generate(in)
	require.NoError(t, err)
	v2 := soa.Revise(v1, next)
	assert.Equal(t, 2, v2.Version)
	assert.Equal(t, soa.Draft, v2.Status)
	assert.Empty(t, v2.Hash)
	assert.Equal(t, v1.Document, v2.Document)
	assert.NotEqual(t, v1.ID, v2.ID, "each version is its own record")
	assert.Equal(t, soa.VersionID(v1.Document, 2), v2.ID)
	assert.Contains(t, v2.Changes, "5.15 Access control: status implemented → not started;")
	assert.Contains(t, v2.Changes, "8.13 Information backup: applicable → excluded")
	require.NoError(t, v1.Verify(), "revising does not touch the approved version")
}

func TestExports_GoldenAndByteIdenticalYearsLater(t *testing.T) {
	v1, err := valid(t).Approve(controls.AnnexA(), "Maria Virtanen (CEO)", time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	var js, csvOut, md bytes.Buffer
	require.NoError(t, soa.WriteJSON(&js, v1))
	require.NoError(t, soa.WriteCSV(&csvOut, v1))
	require.NoError(t, soa.WriteMarkdown(&md, v1))
	golden.Assert(t, filepath.Join("testdata", "soa.json"), js.Bytes())
	golden.Assert(t, filepath.Join("testdata", "soa.csv"), csvOut.Bytes())
	golden.Assert(t, filepath.Join("testdata", "soa.md"), md.Bytes())

	// Stored as JSON and read back later, the approved version verifies and
	// exports to the same bytes.
	stored, err := soa.ReadJSON(bytes.NewReader(js.Bytes()))
	require.NoError(t, err)
	require.NoError(t, stored.Verify())
	var again bytes.Buffer
	require.NoError(t, soa.WriteJSON(&again, stored))
	assert.Equal(t, js.String(), again.String())
	again.Reset()
	require.NoError(t, soa.WriteMarkdown(&again, stored))
	assert.Equal(t, md.String(), again.String())
}

func TestDiff_ReadableSummary(t *testing.T) {
	a := valid(t)
	assert.Equal(t, "no changes", soa.Diff(a, a).Summary())
	b := a
	b.Entries = append([]soa.Entry(nil), a.Entries...)
	b.Entries[0].Owner = "CEO"
	b.Entries = b.Entries[:92]
	b.Additional = nil
	ch := soa.Diff(a, b)
	assert.Equal(t, "5.1 Policies for information security: owner \"IT manager\" → \"CEO\"\n"+
		"8.34 Protection of information systems during audit testing: removed\n"+
		"ACME-1: no longer an additional control", ch.Summary())
}
