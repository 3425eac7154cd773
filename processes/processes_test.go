package processes_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/processes"
)

var (
	ns    = isms.NewNamespace("processes test")
	itm   = isms.DeriveID[isms.Role](ns, "IT manager")
	jussi = isms.DeriveID[isms.Person](ns, "Jussi")
	now   = time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
)

func context() isms.OrgContext {
	return isms.OrgContext{
		People: []isms.Person{{ID: jussi, Name: "Jussi"}},
		Roles:  []isms.Role{{ID: itm, Name: "IT manager", Holders: []isms.PersonID{jussi}}},
	}
}

func proc(name string, core processes.Core, steps ...string) processes.Process {
	return processes.Process{
		ID: isms.DeriveID[processes.Process](ns, name), Name: name, Purpose: "p", Core: core,
		Owner: isms.OwnedByRole(itm), Steps: steps, Evidence: []string{"measurement"},
		Controls: []controls.ID{"5.15"}, LastReview: now.AddDate(0, -3, 0),
	}
}

func good() processes.Register {
	return processes.Register{Processes: []processes.Process{
		proc("Risk management", processes.CoreRiskManagement, "IT manager runs the quarterly risk review"),
		proc("Access control", processes.CoreAccessControl, "Supervisor approves new accounts before activation",
			"HR tells IT of every leaver; IT removes access within 24 hours of the end of employment"),
		proc("Incident handling", processes.CoreIncidentHandling, "Anyone reports an incident to the service desk the same day"),
		proc("Supplier management", processes.CoreSupplierManagement, "IT manager assesses critical suppliers yearly"),
	}}
}

func codes(as []isms.Advice) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Code)
	}
	return out
}

func TestRegister_GoodIsValidAndLintClean(t *testing.T) {
	reg := good()
	require.NoError(t, reg.Validate())
	require.NoError(t, reg.CheckRefs(context(), controls.AnnexA()))
	assert.Empty(t, processes.Lint(reg, now, processes.LintOptions{Policy: []string{"Access rights are removed in a controlled manner upon termination."}}))
}

func TestProcess_ValidateReportsEveryProblem(t *testing.T) {
	bad := processes.Process{Core: "payroll", Steps: []string{" "}, Inputs: []string{""}, Outputs: []string{""},
		Evidence: []string{"spreadsheet"}, Controls: []controls.ID{""}}
	err := processes.Register{Processes: []processes.Process{bad}}.Validate()
	require.Error(t, err)
	assert.True(t, errors.Is(err, isms.ErrInvalid))
	for _, want := range []string{"processes[0].id", "processes[0].name", "processes[0].core", "processes[0].steps[0]",
		"processes[0].inputs[0]", "processes[0].outputs[0]", "processes[0].evidence[0]", "processes[0].controls[0]"} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestRegister_RepeatedCoreIsAnError(t *testing.T) {
	reg := good()
	p := proc("Access control 2", processes.CoreAccessControl, "x")
	reg.Processes = append(reg.Processes, p)
	err := reg.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "processes[4].core")
}

func TestRegister_CheckRefsFindsUnknownOwnersAndControls(t *testing.T) {
	reg := good()
	reg.Processes[0].Owner = isms.OwnedByRole(isms.DeriveID[isms.Role](ns, "ghost"))
	reg.Processes[1].Controls = []controls.ID{"9.99"}
	err := reg.CheckRefs(context(), controls.AnnexA())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "processes[0].owner.role")
	assert.Contains(t, err.Error(), "processes[1].controls[0]")
	require.Error(t, reg.CheckRefs(context(), nil))
}

func TestLint_EachRuleFiresAndHasANearMiss(t *testing.T) {
	policy := processes.LintOptions{Policy: []string{"Access rights are removed in a controlled manner upon termination."}}
	for _, tc := range []struct {
		name       string
		code       string
		fire, miss func(*processes.Register)
	}{
		{"no owner", processes.RuleNoOwner,
			func(r *processes.Register) { r.Processes[0].Owner = isms.Owner{} },
			func(r *processes.Register) { r.Processes[0].Owner = isms.OwnedByPerson(jussi) }},
		{"no steps", processes.RuleNoSteps,
			func(r *processes.Register) { r.Processes[0].Steps = nil },
			func(r *processes.Register) { r.Processes[0].Steps = []string{"Review risks"} }},
		{"no evidence", processes.RuleNoEvidence,
			func(r *processes.Register) { r.Processes[0].Evidence = nil },
			func(r *processes.Register) { r.Processes[0].Evidence = []string{"risk"} }},
		{"step defers to the policy", processes.RuleRestatesPolicy,
			func(r *processes.Register) { r.Processes[2].Steps[0] = "Handle incidents according to the policy" },
			func(r *processes.Register) {
				r.Processes[2].Steps[0] = "The IT manager triages the incident within one business day"
			}},
		{"step repeats a policy principle", processes.RuleRestatesPolicy,
			func(r *processes.Register) {
				r.Processes[1].Steps[1] = "Access rights are removed upon termination in a controlled manner."
			},
			func(r *processes.Register) {
				r.Processes[1].Steps[1] = "HR tells IT of the leaver; IT disables the account within 24 hours"
			}},
		{"never reviewed", processes.RuleReviewOverdue,
			func(r *processes.Register) { r.Processes[3].LastReview = time.Time{} },
			func(r *processes.Register) { r.Processes[3].LastReview = now }},
		{"review older than a year", processes.RuleReviewOverdue,
			func(r *processes.Register) { r.Processes[3].LastReview = now.AddDate(-1, 0, -1) },
			func(r *processes.Register) { r.Processes[3].LastReview = now.AddDate(-1, 0, 1) }},
		{"core process missing", processes.RuleCoreMissing,
			func(r *processes.Register) { r.Processes = r.Processes[:3] },
			func(r *processes.Register) { r.Processes[3].Name = "Vendor management" }},
		{"access control without leavers", processes.RuleLeavers,
			func(r *processes.Register) { r.Processes[1].Steps = r.Processes[1].Steps[:1] },
			func(r *processes.Register) { r.Processes[1].Steps[1] = "Offboarding removes access the same day" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fire, miss := good(), good()
			tc.fire(&fire)
			tc.miss(&miss)
			got := processes.Lint(fire, now, policy)
			require.Contains(t, codes(got), tc.code)
			assert.NotContains(t, codes(processes.Lint(miss, now, policy)), tc.code)
		})
	}
}

func TestDuties_YearlyReviewOfEveryProcess(t *testing.T) {
	reg := good()
	reg.Processes[0].LastReview = time.Time{}
	ds := reg.Duties()
	require.Len(t, ds, 3)
	for _, d := range ds {
		assert.Equal(t, isms.DutyProcessReview, d.Kind)
		assert.Equal(t, now.AddDate(0, -3, 0).AddDate(1, 0, 0), d.Due)
		assert.Equal(t, isms.OwnedByRole(itm), d.Owner)
	}
	assert.Equal(t, ds, reg.Duties())
}

func TestEvidenceKinds_IncludeRecordsRisksAndSuppliers(t *testing.T) {
	k := processes.EvidenceKinds()
	for _, want := range []string{"incident", "training", "risk", "supplier", "implementation", "measurement"} {
		assert.Contains(t, k, want)
	}
}
