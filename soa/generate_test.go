package soa_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

func entry(t *testing.T, s soa.SoA, id controls.ID) soa.Entry {
	t.Helper()
	e, ok := s.Entry(id)
	require.True(t, ok, "no entry for %s", id)
	return e
}

func codes(e soa.Entry) []soa.ReasonCode {
	var out []soa.ReasonCode
	for _, r := range e.Reasons {
		out = append(out, r.Code)
	}
	return out
}

func TestGenerate_ApplicabilityAndReasons(t *testing.T) {
	s, conflicts, err := soa.Generate(input())
	require.NoError(t, err)
	assert.Empty(t, conflicts)
	require.Len(t, s.Entries, 93, "one entry per catalogue control")
	assert.Equal(t, controls.ID("5.1"), s.Entries[0].Control)
	assert.Equal(t, controls.ID("8.34"), s.Entries[92].Control)
	assert.Equal(t, 1, s.Revision.Edition)
	assert.Equal(t, isms.Draft, s.Revision.Status)

	tests := []struct {
		id         controls.ID
		applicable bool
		codes      []soa.ReasonCode
		status     controls.Status
		risks      []string
	}{
		{"5.18", true, []soa.ReasonCode{soa.RiskTreatment, soa.Baseline}, controls.InProgress, []string{"R-1", "R-2"}},
		{"5.15", true, []soa.ReasonCode{soa.RiskTreatment, soa.Baseline}, controls.Implemented, []string{"R-1"}}, // applied control, record implemented
		{"8.5", true, []soa.ReasonCode{soa.RiskTreatment, soa.Baseline}, controls.Planned, []string{"R-2"}},
		{"6.3", true, []soa.ReasonCode{soa.RiskTreatment, soa.People, soa.Baseline}, controls.Implemented, []string{"R-2"}},
		{"5.34", true, []soa.ReasonCode{soa.Legal, soa.PersonalData}, controls.NotStarted, nil},
		{"5.24", true, []soa.ReasonCode{soa.Contractual, soa.NotificationDuty, soa.Baseline}, controls.Planned, nil},
		{"8.13", true, []soa.ReasonCode{soa.Baseline}, controls.Implemented, nil},
		{"5.1", true, []soa.ReasonCode{soa.BusinessNeed, soa.Baseline}, controls.NotStarted, nil},
		{"6.1", true, []soa.ReasonCode{soa.People}, controls.NotStarted, nil},
		{"7.1", false, nil, controls.NotApplicable, nil},
		{"7.4", false, nil, "", nil},
		{"8.8", true, []soa.ReasonCode{soa.Baseline}, controls.NotStarted, nil},
		{"7.5", false, nil, "", nil},
		{"8.30", false, nil, "", nil},
	}
	for _, tt := range tests {
		e := entry(t, s, tt.id)
		assert.Equal(t, tt.applicable, e.Applicable, "%s applicable", tt.id)
		assert.Equal(t, tt.codes, codes(e), "%s reasons", tt.id)
		assert.Equal(t, tt.status, e.Status, "%s status", tt.id)
		var risks []string
		for _, r := range e.Risks {
			risks = append(risks, r.Label)
		}
		assert.Equal(t, tt.risks, risks, "%s risks", tt.id)
	}
	assert.Equal(t, "Secure processing of personal data", entry(t, s, "5.34").Reasons[0].Refs[0].Label)
	assert.Equal(t, "IT manager", entry(t, s, "5.18").Owner, "owner from the treatment action while there is no record")
	assert.Equal(t, "No office: everyone works remotely.", entry(t, s, "7.1").Justification)
	assert.True(t, entry(t, s, "7.4").Decided)
	assert.True(t, entry(t, s, "7.4").Excluded())
	for _, id := range []controls.ID{"7.5", "8.30"} {
		e := entry(t, s, id)
		assert.True(t, e.Undecided, "%s: nothing calls for it and nobody excluded it", id)
		assert.False(t, e.Excluded(), "%s is undecided, not excluded", id)
		assert.Empty(t, e.Justification, "%s gets no invented justification", id)
	}
	r1 := []soa.Ref{{ID: isms.DeriveID[risk.Risk](ns, "R-1").String(), Label: "R-1"}}
	assert.Equal(t, []soa.Entry{{Control: "ACME-1", Theme: soa.AdditionalTheme, Title: "Quarterly phishing drill",
		Description: "Every quarter all staff get a simulated phishing e-mail; those who click repeat the training.",
		Applicable:  true, Reasons: []soa.Reason{{Code: soa.RiskTreatment, Refs: r1}},
		Risks: r1, Status: controls.InProgress, Owner: "IT manager"}}, s.Additional,
		"a custom control is a first-class entry under additional")

	in := input()
	in.Custom = nil
	s, _, err = soa.Generate(in)
	require.NoError(t, err)
	require.Len(t, s.Additional, 1)
	assert.Empty(t, s.Additional[0].Title, "a control a treatment names but nobody described is listed untitled")
	assert.Contains(t, codesOf(soa.Blocking(s)), soa.RuleAdditionalUndescribed, "and blocks approval")
}

func TestGenerate_KeepsDecisionsAndReportsContradictions(t *testing.T) {
	in := input()
	in.Decisions = append(in.Decisions,
		soa.Decision{Control: "8.5", Applicable: false, Justification: "We thought MFA was covered by the identity provider."},
		soa.Decision{Control: "5.15", Applicable: false, Justification: "Access rules live in the IdP."},
	)
	in.Implementations = append(in.Implementations, impl("5.7", controls.NotApplicable))
	in.Links = append(in.Links, soa.Link{Requirement: gdpr, Controls: []controls.ID{"5.7"}})
	s, conflicts, err := soa.Generate(in)
	require.NoError(t, err)
	assert.False(t, entry(t, s, "8.5").Applicable, "the human decision is kept")
	assert.Equal(t, []soa.Conflict{
		{Control: "5.7", Problem: "its implementation record says it does not apply, but requirements call for it (Secure processing of personal data)"},
		{Control: "5.15", Problem: "the decision excludes it, but risk treatment relies on it (R-1)"},
		{Control: "5.15", Problem: "the decision excludes it, but it is implemented"},
		{Control: "8.5", Problem: "the decision excludes it, but risk treatment relies on it (R-2)"},
	}, conflicts)
	err = s.Validate()
	assert.Contains(t, paths(err), "entries[14].applicable", "5.15 excluded while treatment relies on it")
}

func TestGenerate_RejectsUnusableInput(t *testing.T) {
	in := input()
	in.Decisions = append(in.Decisions,
		soa.Decision{Control: "9.9", Justification: "x y z"},
		soa.Decision{Control: "5.1", Applicable: true},
		soa.Decision{Control: "8.1", Applicable: false, Justification: "N/A"},
	)
	in.Links = append(in.Links, soa.Link{Requirement: isms.NewID[isms.Requirement](), Controls: []controls.ID{"5.1"}},
		soa.Link{Requirement: gdpr, Controls: []controls.ID{"A.5.1.1"}})
	in.Custom = []soa.CustomControl{{ID: "5.1", Title: "Twin"}, {ID: "ACME-2"}, {Title: "No ID"}}
	in.Documents = []soa.Document{{Kind: "memo", Title: "A memo"}}
	_, _, err := soa.Generate(in)
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"custom[0].id", "custom[1].title", "custom[2].id", "documents[0].kind", "links[2].requirement", "links[3].controls[0]", "decisions[2].control", "decisions[3].control", "decisions[4].justification"}, paths(err))

	_, _, err = soa.Generate(soa.Input{})
	assert.Equal(t, []string{"catalogue"}, paths(err))

	in = input()
	in.Document = isms.DocumentID{}
	in.Generated = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	_, _, err = soa.Generate(in)
	assert.Equal(t, []string{"document", "generated"}, paths(err), "no document ID, a date JSON cannot carry")
}

func paths(err error) []string {
	var out []string
	for _, v := range isms.ValidationErrors(err) {
		out = append(out, v.Path)
	}
	return out
}

func codesOf(fs []isms.Advice) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}
