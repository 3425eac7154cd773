package soa_test

import (
	"bytes"
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

var approvedAt = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// validInput is input with planned records for the linked controls
// nobody planned (5.34, 8.24, 5.26) and 5.1, and every control the
// proposals leave undecided excluded with a specific justification.
func validInput(t *testing.T) soa.Input {
	t.Helper()
	in := input()
	for _, id := range []controls.ID{"5.34", "8.24", "5.26", "5.1"} {
		in.Implementations = append(in.Implementations, impl(id, controls.Planned))
	}
	return decideRest(t, in)
}

// valid returns a generated SoA that validates and can be approved.
func valid(t *testing.T) soa.SoA {
	t.Helper()
	s, conflicts, err := soa.Generate(validInput(t))
	require.NoError(t, err)
	require.Empty(t, conflicts)
	require.NoError(t, s.Validate())
	require.NoError(t, s.CheckRefs(controls.AnnexA()))
	return s
}

func approved(t *testing.T) soa.SoA {
	t.Helper()
	v1, err := valid(t).Approve(controls.AnnexA(), approval(approvedAt))
	require.NoError(t, err)
	return v1
}

func TestValidate_EachProblemAtItsPath(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(s *soa.SoA)
		want   []string
	}{
		{"applicable but said not to apply", func(s *soa.SoA) { s.Entries[33].Status = controls.NotApplicable }, []string{"entries[33].status"}},
		{"exclusion with a placeholder", func(s *soa.SoA) { s.Entries[92].Justification = "n/a" }, []string{"entries[92].justification"}},
		{"treated control excluded", func(s *soa.SoA) { s.Entries[17].Applicable = false; s.Entries[17].Justification = "not needed here" },
			[]string{"entries[17].applicable"}},
		{"control twice", func(s *soa.SoA) { s.Entries[91] = s.Entries[90] }, []string{"entries[91].control"}},
		{"entry without a control", func(s *soa.SoA) { s.Entries[5].Control = " " }, []string{"entries[5].control"}},
		{"applicable without reason", func(s *soa.SoA) { s.Entries[0].Reasons = nil }, []string{"entries[0].reasons"}},
		{"unknown reason", func(s *soa.SoA) { s.Entries[0].Reasons[0].Code = "gut_feeling" }, []string{"entries[0].reasons[0]"}},
		{"undecided with a justification", func(s *soa.SoA) { s.Entries[92].Undecided = true }, []string{"entries[92].justification"}},
		{"undecided and applicable", func(s *soa.SoA) { s.Entries[0].Undecided = true }, []string{"entries[0].undecided"}},
		{"additional control twice", func(s *soa.SoA) { s.Additional = append(s.Additional, s.Additional[0]) }, []string{"additional[1].control"}},
		{"no ID", func(s *soa.SoA) { s.ID = soa.ID{} }, []string{"id"}},
		{"status final", func(s *soa.SoA) { s.Revision.Status = "final" }, []string{"revision.status"}},
		{"edition 0 of no document", func(s *soa.SoA) { s.Revision.Edition, s.Revision.Document = 0, isms.DocumentID{} },
			[]string{"revision.document", "revision.edition"}},
		{"generated in year 10000", func(s *soa.SoA) { s.Generated = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, []string{"generated"}},
		{"evidence dated year 0", func(s *soa.SoA) {
			e := &s.Entries[14] // 5.15, implemented with evidence
			e.Evidence = append([]controls.Evidence(nil), e.Evidence...)
			e.Evidence[0].Date = time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)
		}, []string{"entries[14].evidence[0].date"}},
		{"draft with an approval", func(s *soa.SoA) { s.Revision.Approval = approval(approvedAt) }, []string{"revision.approval"}},
		{"approved by hand, without approval or hash", func(s *soa.SoA) { s.Revision.Status = isms.Approved },
			[]string{"revision.approval.by", "revision.approval.name", "revision.approval.at", "revision.hash"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := valid(t)
			tt.break_(&s)
			err := s.Validate()
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Equal(t, tt.want, paths(err))
		})
	}

	err := soa.SoA{}.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid, "an empty SoA is not valid")
	assert.Equal(t, []string{"id", "revision.document", "revision.edition", "revision.status"}, paths(err))
}

func TestCheckRefs_AgainstTheCatalogue(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(s *soa.SoA)
		cat    *controls.Catalogue
		want   []string
	}{
		{"no catalogue", func(*soa.SoA) {}, nil, []string{"catalogue"}},
		{"unknown control", func(s *soa.SoA) { s.Entries[92].Control = "9.1" }, controls.AnnexA(), []string{"entries[92].control", "entries"}},
		{"control missing", func(s *soa.SoA) { s.Entries = s.Entries[:92] }, controls.AnnexA(), []string{"entries"}},
		{"title edited", func(s *soa.SoA) { s.Entries[3].Title = "Something else" }, controls.AnnexA(), []string{"entries[3].title"}},
		{"theme edited", func(s *soa.SoA) { s.Entries[3].Theme = controls.Physical }, controls.AnnexA(), []string{"entries[3].theme"}},
		{"catalogue control listed as additional", func(s *soa.SoA) { s.Additional[0].Control = "5.1" }, controls.AnnexA(), []string{"additional[0].control"}},
		{"duplicate is Validate's business", func(s *soa.SoA) { s.Entries = append(s.Entries, s.Entries[0]) }, controls.AnnexA(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := valid(t)
			s.Entries = append([]soa.Entry(nil), s.Entries...)
			s.Additional = append([]soa.Entry(nil), s.Additional...)
			tt.break_(&s)
			err := s.CheckRefs(tt.cat)
			assert.Equal(t, tt.want, paths(err))
			if tt.want != nil {
				require.ErrorIs(t, err, isms.ErrInvalid)
			}
		})
	}
}

func TestApprove_ValidatesAndSealsContentAndApproval(t *testing.T) {
	cat := controls.AnnexA()
	draft := valid(t)

	_, err := draft.Approve(cat, isms.Approval{})
	assert.Equal(t, []string{"revision.approval.by", "revision.approval.name", "revision.approval.at"}, paths(err))
	collective := approval(approvedAt)
	collective.Name = "the organization"
	_, err = draft.Approve(cat, collective)
	assert.Equal(t, []string{"revision.approval.name"}, paths(err))

	broken := valid(t)
	broken.Entries[0].Reasons = nil
	_, err = broken.Approve(nil, approval(approvedAt))
	assert.Equal(t, []string{"entries[0].reasons", "catalogue"}, paths(err), "Approve validates and checks against the catalogue")

	v1, err := draft.Approve(cat, approval(approvedAt))
	require.NoError(t, err)
	assert.Equal(t, isms.Approved, v1.Revision.Status)
	assert.Equal(t, "Ann (CEO)", v1.Revision.Approval.Name)
	assert.True(t, strings.HasPrefix(v1.Revision.Hash, "sha256:"))
	require.NoError(t, v1.Verify())
	require.NoError(t, v1.Validate())
	assert.Equal(t, isms.Draft, draft.Revision.Status, "approval returns a new value")
	_, err = v1.Approve(cat, approval(approvedAt))
	assert.Equal(t, []string{"revision.status"}, paths(err), "an approved edition cannot be approved again")

	// The hash covers the content and everything the approval asserts.
	for name, change := range map[string]func(s *soa.SoA){
		"justification": func(s *soa.SoA) { s.Entries[92].Justification = "edited later" },
		"approver name": func(s *soa.SoA) { s.Revision.Approval.Name = "Someone Else (CEO)" },
		"approver":      func(s *soa.SoA) { s.Revision.Approval.By = isms.OwnedByRole(itm) },
		"approval date": func(s *soa.SoA) { s.Revision.Approval.At = approvedAt.AddDate(0, 0, 1) },
		"next review":   func(s *soa.SoA) { s.Revision.NextReview = approvedAt.AddDate(2, 0, 0) },
		"author":        func(s *soa.SoA) { s.Author = "Mallory" },
	} {
		tampered := v1
		tampered.Entries = append([]soa.Entry(nil), v1.Entries...)
		change(&tampered)
		require.ErrorIs(t, tampered.Verify(), isms.ErrConflict, name)
		assert.Contains(t, paths(tampered.Validate()), "revision.hash", name)
	}
	require.NoError(t, v1.Verify(), "tampering with copies leaves the approved edition alone")
}

func TestRevise_StartsTheNextEdition(t *testing.T) {
	v1 := approved(t)
	in := input()
	for _, id := range []controls.ID{"5.34", "8.24", "5.26", "5.1"} {
		in.Implementations = append(in.Implementations, impl(id, controls.Planned))
	}
	in.Implementations[1] = impl("8.13", controls.NotApplicable)
	in.Implementations = in.Implementations[1:] // 5.15's record is withdrawn
	next, _, err := soa.Generate(in)
	require.NoError(t, err)
	v2 := soa.Revise(v1, next)
	assert.Equal(t, 2, v2.Revision.Edition)
	assert.Equal(t, isms.Draft, v2.Revision.Status)
	assert.Empty(t, v2.Revision.Hash)
	assert.True(t, v2.Revision.Approval.IsZero())
	assert.Equal(t, v1.Revision.Document, v2.Revision.Document)
	assert.Equal(t, v1.Revision.Owner, v2.Revision.Owner)
	assert.NotEqual(t, v1.ID, v2.ID, "each edition is its own record")
	assert.Equal(t, soa.VersionID(v1.Revision.Document, 2), v2.ID)
	assert.Contains(t, v2.Revision.Changes, "5.15 Access control: status implemented → not started;")
	assert.Contains(t, v2.Revision.Changes, "8.13 Information backup: applicable → excluded")
	require.NoError(t, v1.Verify(), "revising does not touch the approved edition")
}

func TestDuties_ReviewWhenDated(t *testing.T) {
	draft := valid(t)
	assert.Empty(t, draft.Duties(), "a draft has no duties")
	assert.Empty(t, approved(t).Duties(), "an SoA without a next review leaves the review to the yearly plan")

	draft.Revision.NextReview = approvedAt.AddDate(1, 0, 0)
	v1, err := draft.Approve(controls.AnnexA(), approval(approvedAt))
	require.NoError(t, err)
	assert.Equal(t, []isms.Duty{{
		ID:       isms.DeriveID[isms.Duty](v1.ID.UUID(), "review"),
		Title:    "Review the Statement of Applicability (edition 1)",
		Kind:     isms.DutyDocumentReview,
		Due:      approvedAt.AddDate(1, 0, 0),
		Owner:    isms.OwnedByRole(itm),
		Evidence: "SoA reviewed against the current risks and the next edition approved",
		Source:   "SoA edition 1",
	}}, v1.Duties())
}

func TestExports_GoldenAndByteIdenticalYearsLater(t *testing.T) {
	v1 := approved(t)
	var js, csvOut, md bytes.Buffer
	require.NoError(t, soa.WriteJSON(&js, v1, soa.JSONOptions{}))
	require.NoError(t, soa.WriteCSV(&csvOut, v1, soa.CSVOptions{}))
	require.NoError(t, soa.WriteMarkdown(&md, v1, soa.MarkdownOptions{}))
	golden.Assert(t, filepath.Join("testdata", "soa.json"), js.Bytes())
	golden.Assert(t, filepath.Join("testdata", "soa.csv"), csvOut.Bytes())
	golden.Assert(t, filepath.Join("testdata", "soa.md"), md.Bytes())

	// Stored as JSON and read back later, the approved edition verifies and
	// exports to the same bytes.
	stored, err := soa.Decode(bytes.NewReader(js.Bytes()))
	require.NoError(t, err)
	require.NoError(t, stored.Verify())
	require.NoError(t, stored.CheckRefs(controls.AnnexA()))
	var again bytes.Buffer
	require.NoError(t, soa.WriteJSON(&again, stored, soa.JSONOptions{}))
	assert.Equal(t, js.String(), again.String())
	again.Reset()
	require.NoError(t, soa.WriteMarkdown(&again, stored, soa.MarkdownOptions{}))
	assert.Equal(t, md.String(), again.String())

	// A file whose approval was edited is refused.
	edited := strings.Replace(js.String(), `"name": "Ann (CEO)"`, `"name": "Bob (CEO)"`, 1)
	require.NotEqual(t, js.String(), edited)
	_, err = soa.Decode(strings.NewReader(edited))
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"revision.hash"}, paths(err))
}

// Hostile text in titles, justifications, owners and the approver's name
// cannot break a table, run a formula, inject HTML or reorder the text.
func TestExports_HostileText(t *testing.T) {
	s := valid(t)
	s.Organization = "Evil | Corp\n# Heading"
	s.Author = "<script>alert(1)</script>"
	s.Entries = append([]soa.Entry(nil), s.Entries[:3]...)
	s.Entries[0].Title = "=cmd|' /C calc'!A1"
	s.Entries[0].Owner = "\u202eeman.exe"
	s.Entries[1].Justification = "line one\nline two | pipe <script>alert(1)</script>"
	s.Entries[1].Applicable = false
	s.Entries[2].Owner = "@SUM(A1)"
	s.Revision.Status = isms.Approved
	s.Revision.Approval = approval(approvedAt)
	s.Revision.Approval.Name = "Ann | <b>CEO</b>\n\u202e"
	s.Revision.Changes = "first | line\n=second line"

	var js, csvOut, md bytes.Buffer
	require.NoError(t, soa.WriteJSON(&js, s, soa.JSONOptions{}))
	require.NoError(t, soa.WriteCSV(&csvOut, s, soa.CSVOptions{}))
	require.NoError(t, soa.WriteMarkdown(&md, s, soa.MarkdownOptions{}))
	golden.Assert(t, filepath.Join("testdata", "hostile.json"), js.Bytes())
	golden.Assert(t, filepath.Join("testdata", "hostile.csv"), csvOut.Bytes())
	golden.Assert(t, filepath.Join("testdata", "hostile.md"), md.Bytes())

	assert.NotContains(t, md.String(), "<script>")
	assert.NotContains(t, md.String(), "\u202e")
	assert.NotContains(t, csvOut.String(), "\u202e")
	assert.Contains(t, csvOut.String(), `'=cmd|`)
	assert.Contains(t, csvOut.String(), `'@SUM(A1)`)
	for _, line := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(line, "| 5.") {
			assert.Equal(t, 8, strings.Count(line, "|")-strings.Count(line, `\|`), "one row, seven cells: %s", line)
		}
	}
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
		"ACME-1 Quarterly phishing drill: removed", ch.Summary())
}
