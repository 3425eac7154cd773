package soa_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/soa"
)

// findings returns the lint findings of code for control id.
func findings(s soa.SoA, code string, id controls.ID) []isms.Advice {
	var out []isms.Advice
	for _, f := range soa.Lint(s) {
		if f.Code != code {
			continue
		}
		for i, e := range s.Entries {
			if e.Control == id && (f.Path == isms.Index("entries", i) || strings.HasPrefix(f.Path, isms.Index("entries", i)+".")) {
				out = append(out, f)
			}
		}
	}
	return out
}

// exclude returns the fixture's approvable SoA with control id excluded by
// a decision with the given justification.
func exclude(t *testing.T, in soa.Input, id controls.ID, why string) soa.SoA {
	t.Helper()
	for i, d := range in.Decisions {
		if d.Control == id {
			in.Decisions = append(in.Decisions[:i:i], in.Decisions[i+1:]...)
			break
		}
	}
	in.Implementations = slicesDelete(in.Implementations, id)
	in.Decisions = append(in.Decisions, soa.Decision{Control: id, Justification: why})
	s, _, err := soa.Generate(in)
	require.NoError(t, err)
	return s
}

func slicesDelete(ims []controls.Implementation, id controls.ID) []controls.Implementation {
	var out []controls.Implementation
	for _, im := range ims {
		if im.Control != id {
			out = append(out, im)
		}
	}
	return out
}

const specific = "Twenty staff work remotely on SaaS tools; there is no office, server room or equipment of our own."

func TestLint_EachRulePositiveAndNegative(t *testing.T) {
	remote := func(in soa.Input) soa.Input {
		in.Context.Scope.Items = append(in.Context.Scope.Items, isms.ScopeItem{Kind: isms.ScopeLocation, Name: "Remote work", Justification: "Everyone works from home."})
		return in
	}
	office := func(in soa.Input) soa.Input {
		in.Context.Scope.Items = append(in.Context.Scope.Items, isms.ScopeItem{Kind: isms.ScopeLocation, Name: "Helsinki office", Justification: "Where we meet."})
		return in
	}
	patching := func(in soa.Input) soa.Input {
		in.Context.Objectives = append(in.Context.Objectives, isms.Objective{ID: isms.DeriveID[isms.Objective](ns, "patch"), Title: "Critical patches within 14 days"})
		return in
	}
	same := func(in soa.Input) soa.Input { return in }
	tests := []struct {
		name     string
		code     string
		severity isms.Severity
		control  controls.ID
		data     func(soa.Input) soa.Input
		bad, ok  string
	}{
		{"missing", soa.RuleJustificationMissing, isms.SeverityError, "7.5", same, "", specific},
		{"too short", soa.RuleJustificationShort, isms.SeverityError, "7.5", same, "Not needed.", specific},
		{"generic: too small", soa.RuleJustificationGeneric, isms.SeverityError, "5.7", same, "We are too small for threat intelligence.", "Threat intelligence is not collected: we rely on the managed SaaS vendors, and no staff time is set aside."},
		{"generic: not applicable to us", soa.RuleJustificationGeneric, isms.SeverityError, "7.5", same, "This control is not applicable to us at all.", "Not applicable: no premises or equipment of our own; staff work from home on company laptops."},
		{"generic: not relevant", soa.RuleJustificationGeneric, isms.SeverityError, "8.30", same, "Not relevant for our company right now.", "Not relevant: no development is outsourced; all code is written by our two employed developers."},
		{"5.7 naming a threat-intelligence source", soa.RuleJustificationDescribesControl, isms.SeverityError, "5.7", same,
			"We only read the national CERT advisories and our vendors' security bulletins.", "No threat intelligence is collected: the SaaS vendors patch and monitor their own services for us."},
		{"6.7 with remote work in scope", soa.RuleExclusionContradicted, isms.SeverityError, "6.7", remote, specific, specific},
		{"7.1 with an office in scope", soa.RuleExclusionContradicted, isms.SeverityWarning, "7.1", office, specific, specific},
		{"8.8 with a patching objective", soa.RuleExclusionContradicted, isms.SeverityError, "8.8", patching, specific, specific},
		{"a baseline control", soa.RuleBaselineExcluded, isms.SeverityWarning, "8.17", same, specific, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := validInput(t)
			var bad soa.SoA
			if tt.bad == "" { // Generate refuses a decision without one; an edited SoA may lack it
				bad = exclude(t, tt.data(in), tt.control, tt.ok)
				for i := range bad.Entries {
					if bad.Entries[i].Control == tt.control {
						bad.Entries[i].Justification = ""
					}
				}
			} else {
				bad = exclude(t, tt.data(in), tt.control, tt.bad)
			}
			fs := findings(bad, tt.code, tt.control)
			require.Len(t, fs, 1, "%s excluded with %q", tt.control, tt.bad)
			assert.Equal(t, tt.severity, fs[0].Severity)
			if tt.severity == isms.SeverityError {
				_, err := bad.Approve(controls.AnnexA(), approval(approvedAt))
				require.ErrorIs(t, err, isms.ErrInvalid, "an error blocks approval")
				assert.Contains(t, err.Error(), tt.code)
			}
			var good soa.SoA
			if tt.ok == "" { // the negative case: the control applies
				good = valid(t)
			} else if tt.code == soa.RuleExclusionContradicted {
				good = exclude(t, in, tt.control, tt.ok) // the data does not call for it
			} else {
				good = exclude(t, tt.data(in), tt.control, tt.ok)
			}
			assert.Empty(t, findings(good, tt.code, tt.control), "%s: no %s", tt.control, tt.code)
		})
	}
}

func TestLint_UndecidedIsAnErrorAndBlocksApprovalWithTheList(t *testing.T) {
	in := validInput(t)
	in.Decisions = in.Decisions[:len(in.Decisions)-1] // the last decided control is undecided again
	draft, _, err := soa.Generate(in)
	require.NoError(t, err)
	require.NoError(t, draft.Validate(), "a draft with an undecided control is valid")
	require.Equal(t, []controls.ID{"8.34"}, draft.Undecided())
	fs := findings(draft, soa.RuleUndecided, "8.34")
	require.Len(t, fs, 1)
	assert.Equal(t, isms.SeverityError, fs[0].Severity)
	_, err = draft.Approve(controls.AnnexA(), approval(approvedAt))
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"entries[92]"}, paths(err), "Approve lists the undecided control")
	assert.Empty(t, findings(valid(t), soa.RuleUndecided, "8.34"))
}

func TestLint_NotStartedIsInfoAndCarriedInTheApprovedEdition(t *testing.T) {
	s := valid(t)
	var info []isms.Advice
	for _, f := range soa.Lint(s) {
		assert.NotEqual(t, isms.SeverityError, f.Severity, "the valid fixture has no blocking finding: %s", f)
		if f.Code == soa.RuleNotStarted {
			info = append(info, f)
		}
	}
	require.Len(t, info, 1)
	assert.Contains(t, info[0].Message, "5.2,")
	v1, err := s.Approve(controls.AnnexA(), approval(approvedAt))
	require.NoError(t, err)
	assert.Equal(t, soa.Lint(s), v1.Warnings, "the findings at approval are recorded in the approved edition")
	require.NoError(t, v1.Verify(), "and sealed by the hash")
	v1.Warnings = nil
	require.Error(t, v1.Verify(), "removing them breaks the seal")
}
