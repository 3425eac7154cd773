package sample_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/suppliers"
)

// check stores invalid into an empty store with isms.Create and expects it
// refused: an error wrapping isms.ErrInvalid, with a problem at each of
// wantPaths among its validation errors, and nothing stored. Then it stores valid,
// a record of the same kind from the sample company, and expects it
// accepted.
func check[T isms.Record[T]](t *testing.T, valid, invalid T, wantPaths ...string) {
	t.Helper()
	ctx := context.Background()
	org := isms.NewID[isms.Organization]()

	repo := memstore.New[T]()
	_, err := isms.Create(ctx, repo, org, invalid)
	require.Error(t, err, "an invalid %T is stored", invalid)
	assert.True(t, errors.Is(err, isms.ErrInvalid), "the error wraps isms.ErrInvalid: %v", err)
	problems := isms.ValidationErrors(err)
	require.NotEmpty(t, problems, "the error lists its problems: %v", err)
	paths := make([]string, len(problems))
	for i, p := range problems {
		paths[i] = p.Path
	}
	for _, want := range wantPaths {
		assert.Contains(t, paths, want, "the problem is reported at its field: %v", err)
	}
	stored, err := isms.Collect(ctx, repo, org)
	require.NoError(t, err)
	assert.Empty(t, stored, "a refused record is not stored")

	_, err = isms.Create(ctx, repo, org, valid)
	require.NoError(t, err, "the sample's %T %s is refused", valid, valid.Key())
	stored, err = isms.Collect(ctx, repo, org)
	require.NoError(t, err)
	assert.Len(t, stored, 1)
}

// checkEach checks every record of a kind the sample company has, each
// against the same invalid value.
func checkEach[T isms.Record[T]](t *testing.T, valid []T, invalid T, wantPaths ...string) {
	t.Helper()
	require.NotEmpty(t, valid, "the sample has no %T", invalid)
	for _, v := range valid {
		check(t, v, invalid, wantPaths...)
	}
}

// broken returns a copy of v changed by mistake, a plausible error of a
// person filling the record in.
func broken[T any](v T, mistake func(*T)) T {
	mistake(&v)
	return v
}

// Every storable record kind of the module (every type with a Key method,
// that isms.Create accepts) is refused by isms.Create when invalid and
// accepted when valid. A new record kind gets a row here.
func TestCreate_EveryRecordKind(t *testing.T) {
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	statement, err := sample.SoA(c, reg)
	require.NoError(t, err)
	pol, err := sample.Policy(c, reg)
	require.NoError(t, err)
	plan, err := sample.Plan(c, reg, pol)
	require.NoError(t, err)
	recs := sample.Records()
	owner := sample.RoleOwner("IT manager")
	ns := isms.NewNamespace("kinds test")
	// The sample company has held no management review and found no
	// nonconformity yet, so those two are made here.
	review := records.ManagementReview{
		ID: isms.DeriveID[records.ManagementReview](ns, "review"), Date: time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC),
		Attendees: []string{"Maria Virtanen", "Jussi Lahti"},
		Inputs:    []records.ReviewInput{{Topic: "risks", Summary: "R-3 accepted until the budget"}},
		Decisions: []string{"fund a second hosting region in 2027"},
	}
	nc := records.Nonconformity{
		ID: isms.DeriveID[records.Nonconformity](ns, "nc"), Detected: time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC),
		Source: "internal audit 2027", Description: "the restore test was not repeated",
		Action: records.CorrectiveAction{Description: "schedule restore tests quarterly", Owner: owner, Due: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)},
	}

	tests := []struct {
		kind  string
		check func(t *testing.T)
	}{
		{"isms.Organization", func(t *testing.T) {
			check(t, c.Organization, broken(c.Organization, func(o *isms.Organization) { o.Name = "" }), "name")
		}},
		{"isms.Scope", func(t *testing.T) {
			check(t, c.Scope, broken(c.Scope, func(s *isms.Scope) { s.Items = nil }), "items")
		}},
		{"isms.Issue", func(t *testing.T) {
			checkEach(t, c.Issues, broken(c.Issues[0], func(i *isms.Issue) { i.Description = " " }), "description")
		}},
		{"isms.InterestedParty", func(t *testing.T) {
			checkEach(t, c.Parties, broken(c.Parties[0], func(p *isms.InterestedParty) { p.Name = "" }), "name")
		}},
		{"isms.Requirement", func(t *testing.T) {
			checkEach(t, c.Requirements, broken(c.Requirements[0], func(r *isms.Requirement) { r.Title = "" }), "title")
		}},
		{"isms.Asset", func(t *testing.T) {
			checkEach(t, c.Assets, broken(c.Assets[0], func(a *isms.Asset) { a.Owner = isms.Owner{} }), "owner")
		}},
		{"isms.Person", func(t *testing.T) {
			checkEach(t, c.People, broken(c.People[0], func(p *isms.Person) { p.Name = "" }), "name")
		}},
		{"isms.Role", func(t *testing.T) {
			checkEach(t, c.Roles, broken(c.Roles[0], func(r *isms.Role) { r.Name = "" }), "name")
		}},
		{"isms.Responsibility", func(t *testing.T) {
			checkEach(t, c.Responsibilities, broken(c.Responsibilities[0], func(r *isms.Responsibility) { r.Accountable = isms.RoleID{} }), "accountable")
		}},
		{"isms.Objective", func(t *testing.T) {
			checkEach(t, c.Objectives, broken(c.Objectives[0], func(o *isms.Objective) { o.Metric = "" }), "metric")
		}},
		{"records.Training", func(t *testing.T) {
			checkEach(t, recs.Training, broken(recs.Training[0], func(tr *records.Training) { tr.Completed = time.Time{} }), "completed")
		}},
		{"records.Audit", func(t *testing.T) {
			checkEach(t, recs.Audits, broken(recs.Audits[0], func(a *records.Audit) { a.Auditor = "" }), "auditor")
		}},
		{"records.ManagementReview", func(t *testing.T) {
			check(t, review, broken(review, func(m *records.ManagementReview) { m.Decisions = nil }), "decisions")
		}},
		{"records.Nonconformity", func(t *testing.T) {
			check(t, nc, broken(nc, func(n *records.Nonconformity) { n.Action.Due = time.Time{} }), "action.due")
		}},
		{"records.Incident", func(t *testing.T) {
			checkEach(t, recs.Incidents, broken(recs.Incidents[0], func(i *records.Incident) { i.Closed = i.Detected.AddDate(0, 0, -1) }), "closed")
		}},
		{"records.Measurement", func(t *testing.T) {
			checkEach(t, recs.Measurements, broken(recs.Measurements[0], func(m *records.Measurement) { m.Objective = isms.ObjectiveID{} }), "objective")
		}},
		{"controls.Implementation", func(t *testing.T) {
			impls := sample.Implementations()
			checkEach(t, impls, broken(impls[0], func(im *controls.Implementation) { im.Status = "done" }), "status")
		}},
		{"risk.Risk", func(t *testing.T) {
			checkEach(t, reg.Risks, broken(reg.Risks[0], func(r *risk.Risk) {
				r.Title = ""
				r.Inherent.Rating.Likelihood = 0 // rated the impact, forgot the likelihood
			}), "title", "inherent.likelihood")
		}},
		{"soa.SoA", func(t *testing.T) {
			check(t, statement, broken(statement, func(s *soa.SoA) { s.Revision.Status = "final" }), "revision.status")
		}},
		{"policy.Policy", func(t *testing.T) {
			check(t, pol, policy.Policy{ID: pol.ID}, "revision.document")
		}},
		{"records.CompetenceRequirement", func(t *testing.T) {
			checkEach(t, recs.Competence, broken(recs.Competence[0], func(c *records.CompetenceRequirement) { c.Role = isms.RoleID{} }), "role")
		}},
		{"records.Communication", func(t *testing.T) {
			checkEach(t, recs.Communications, broken(recs.Communications[0], func(c *records.Communication) { c.Audience = "" }), "audience")
		}},
		{"records.Document", func(t *testing.T) {
			checkEach(t, recs.Documents, broken(recs.Documents[0], func(d *records.Document) { d.Owner = isms.Owner{} }), "owner")
		}},
		{"records.Opportunity", func(t *testing.T) {
			checkEach(t, recs.Opportunities, broken(recs.Opportunities[0], func(o *records.Opportunity) { o.Action = "TBD" }), "action")
		}},
		{"records.Resource", func(t *testing.T) {
			checkEach(t, recs.Resources, broken(recs.Resources[0], func(r *records.Resource) { r.Provided = "" }), "provided")
		}},
		{"risk.MethodRecord", func(t *testing.T) {
			m := risk.NewMethodRecord(reg.Method, true)
			check(t, m, broken(m, func(r *risk.MethodRecord) { r.Method.Thresholds = nil }), "method.thresholds")
		}},
		{"soa.Selection", func(t *testing.T) {
			sel := soa.NewSelection(sample.SoAInput(c, reg))
			bad := soa.NewSelection(sample.SoAInput(c, reg)) // its own lists, not sel's
			bad.Decisions[0].Justification = "N/A"
			check(t, sel, bad, "decisions[0].justification")
		}},
		{"suppliers.Supplier", func(t *testing.T) {
			sup := sample.Suppliers().Suppliers
			checkEach(t, sup, broken(sup[0], func(s *suppliers.Supplier) { s.Contract.NotificationHours = -96 }), "contract.notification_hours")
		}},
		{"processes.Process", func(t *testing.T) {
			ps := sample.Processes().Processes
			checkEach(t, ps, broken(ps[0], func(p *processes.Process) { p.Evidence = []string{"spreadsheet"} }), "evidence[0]")
		}},
		{"calendar.Activity", func(t *testing.T) {
			checkEach(t, plan.Activities, broken(plan.Activities[0], func(a *calendar.Activity) { a.Owner = "everyone" }), "owner")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.kind, tt.check)
	}
}
