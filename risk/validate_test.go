package risk_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

func TestRisk_ValidateNamesEachBrokenField(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(r *risk.Risk)
		want   []string
	}{
		{"no ID", func(r *risk.Risk) { r.ID = risk.ID{} }, []string{"id"}},
		{"placeholder reference", func(r *risk.Risk) { r.Ref = "TBD" }, []string{"ref"}},
		{"no title", func(r *risk.Risk) { r.Title = " " }, []string{"title"}},
		{"likelihood 99 and no title", func(r *risk.Risk) { r.Title, r.Inherent.Likelihood = "", 99 }, []string{"title"}},
		{"likelihood beyond any scale", func(r *risk.Risk) { r.Inherent.Likelihood = 1001 }, []string{"inherent.likelihood"}},
		{"negative impact", func(r *risk.Risk) { r.Residual.Impact = -1 }, []string{"residual.impact"}},
		{"half a rating", func(r *risk.Risk) { r.Target.Impact = 0 }, []string{"target.impact"}},
		{"no inherent assessment", func(r *risk.Risk) { r.Inherent = risk.Assessment{} }, []string{"inherent"}},
		{"placeholder rationale", func(r *risk.Risk) { r.Residual.Rationale = "n/a" }, []string{"residual.rationale"}},
		{"assessment date out of range", func(r *risk.Risk) { r.Inherent.Date = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) },
			[]string{"inherent.date"}},
		{"unknown kind", func(r *risk.Risk) { r.Kind = "hunch" }, []string{"kind"}},
		{"event-based without scenario", func(r *risk.Risk) { r.Scenario = "" }, []string{"scenario"}},
		{"unknown property", func(r *risk.Risk) { r.Properties = []risk.Property{"privacy"} }, []string{"properties[0]"}},
		{"no property", func(r *risk.Risk) { r.Properties = nil }, []string{"properties"}},
		{"no owner", func(r *risk.Risk) { r.Owner = isms.Owner{} }, []string{"owner"}},
		{"owner both role and person", func(r *risk.Risk) { r.Owner.Person = isms.DeriveID[isms.Person](ns, "Ann") }, []string{"owner"}},
		{"unknown treatment option", func(r *risk.Risk) { r.Treatment.Option = "ignore" }, []string{"treatment.option"}},
		{"action without title", func(r *risk.Risk) { r.Treatment.Actions[0].Title = "" }, []string{"treatment.actions[0].title"}},
		{"action without due date", func(r *risk.Risk) { r.Treatment.Actions[0].Due = time.Time{} }, []string{"treatment.actions[0].due"}},
		{"unknown action status", func(r *risk.Risk) { r.Treatment.Actions[0].Status = "someday" }, []string{"treatment.actions[0].status"}},
		{"applied control without ID, bad effectiveness", func(r *risk.Risk) {
			r.Applied = []risk.AppliedControl{{Effectiveness: 7, Reduces: "morale"}}
		}, []string{"applied[0].control", "applied[0].reduces", "applied[0].effectiveness"}},
		{"acceptance without role, rationale, dates or rating", func(r *risk.Risk) { r.Acceptance = &risk.Acceptance{} },
			[]string{"acceptance.by", "acceptance.date", "acceptance.rationale", "acceptance.expires", "acceptance.accepted"}},
		{"acceptance expiring before it was given", func(r *risk.Risk) {
			r.Acceptance = &risk.Acceptance{By: ceo, Date: workday, Rationale: "budget", Accepted: r.Inherent.Rating, Expires: workday.AddDate(0, -1, 0)}
		}, []string{"acceptance.expires"}},
		{"accepted rating beyond any scale", func(r *risk.Risk) {
			r.Acceptance = &risk.Acceptance{By: ceo, Date: workday, Rationale: "budget", Accepted: risk.Rating{Likelihood: 2, Impact: 5000}, Expires: workday.AddDate(0, 1, 0)}
		}, []string{"acceptance.accepted.impact"}},
		{"review date out of range", func(r *risk.Risk) { r.NextReview = time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC) }, []string{"next_review"}},
		{"history rating beyond any scale", func(r *risk.Risk) {
			r.History = []risk.Snapshot{{Inherent: risk.Assessment{Rating: risk.Rating{Likelihood: 3, Impact: 2000}}}}
		}, []string{"history[0].inherent.impact"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := register().Risks[0]
			require.NoError(t, r.Validate())
			tt.break_(&r)
			err := r.Validate()
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Equal(t, tt.want, paths(err))
		})
	}
}

func TestRisk_ValidateIsSelfContained(t *testing.T) {
	r := register().Risks[0]
	r.Inherent.Likelihood = 9 // a valid value for some scale, though not the 5×5
	require.NoError(t, r.Validate(), "without the method, 9 is a possible rating")
	reg := register()
	reg.Risks[0] = r
	assert.Equal(t, []string{"risks[0].inherent.likelihood"}, paths(reg.Validate()), "the register checks it against its method")

	r.Inherent.Likelihood = 5000
	reg.Risks[0] = r
	assert.Equal(t, []string{"risks[0].inherent.likelihood"}, paths(reg.Validate()), "reported once, not by both checks")
}

func TestRegister_CheckRefs(t *testing.T) {
	ghost := isms.DeriveID[isms.Role](ns, "Ghost")
	nobody := isms.DeriveID[isms.Person](ns, "Nobody")
	tests := []struct {
		name   string
		break_ func(reg *risk.Register)
		cat    *controls.Catalogue
		want   []string
	}{
		{"nothing broken", func(*risk.Register) {}, controls.AnnexA(), nil},
		{"nil catalogue", func(*risk.Register) {}, nil, []string{"catalogue"}},
		{"unknown risk owner", func(reg *risk.Register) { reg.Risks[0].Owner = isms.OwnedByRole(ghost) }, controls.AnnexA(),
			[]string{"risks[0].owner.role"}},
		{"unknown action owner", func(reg *risk.Register) { reg.Risks[1].Treatment.Actions[0].Owner = isms.OwnedByPerson(nobody) }, controls.AnnexA(),
			[]string{"risks[1].treatment.actions[0].owner.person"}},
		{"unknown asset", func(reg *risk.Register) {
			reg.Risks[3].Assets = []isms.AssetID{isms.DeriveID[isms.Asset](ns, "servers")}
		}, controls.AnnexA(),
			[]string{"risks[3].assets[0]"}},
		{"unknown requirement", func(reg *risk.Register) {
			reg.Risks[2].Requirements = []isms.RequirementID{isms.NewID[isms.Requirement]()}
		}, controls.AnnexA(),
			[]string{"risks[2].requirements[0]"}},
		{"unknown assessor", func(reg *risk.Register) { reg.Risks[0].Residual.Assessor = nobody }, controls.AnnexA(),
			[]string{"risks[0].residual.assessor"}},
		{"unknown applied control", func(reg *risk.Register) { reg.Risks[0].Applied[0].Control = "A.9.2.6" }, controls.AnnexA(),
			[]string{"risks[0].applied[0].control"}},
		{"unknown action control", func(reg *risk.Register) { reg.Risks[1].Treatment.Actions[0].Controls = []controls.ID{"9.9"} }, controls.AnnexA(),
			[]string{"risks[1].treatment.actions[0].controls[0]"}},
		{"unknown accepting role and person", func(reg *risk.Register) {
			reg.Risks[2].Acceptance.By, reg.Risks[2].Acceptance.Person = ghost, nobody
		}, controls.AnnexA(), []string{"risks[2].acceptance.by", "risks[2].acceptance.person"}},
		{"unknown authority role", func(reg *risk.Register) {
			reg.Method.Criteria.Authorities = append(reg.Method.Criteria.Authorities, risk.Authority{Role: ghost, UpTo: "low", MaxMonths: 1})
		}, controls.AnnexA(), []string{"method.criteria.authorities[2].role"}},
		{"own fields are not its business", func(reg *risk.Register) { reg.Risks[0].Title = "" }, controls.AnnexA(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := register()
			tt.break_(&reg)
			err := reg.CheckRefs(orgContext(), tt.cat)
			assert.Equal(t, tt.want, paths(err))
			if tt.want != nil {
				assert.ErrorIs(t, err, isms.ErrInvalid)
			}
		})
	}
}

func TestRisk_CheckRefsJudgesOneRiskAgainstTheMethod(t *testing.T) {
	ghost := isms.DeriveID[isms.Role](ns, "Ghost")
	tests := []struct {
		name   string
		break_ func(r *risk.Risk)
		cat    *controls.Catalogue
		method risk.Method
		want   []string
	}{
		{"nothing broken", func(*risk.Risk) {}, controls.AnnexA(), method(), nil},
		{"likelihood 99 on a 1–5 scale, which Validate cannot know", func(r *risk.Risk) { r.Inherent.Likelihood = 99 }, controls.AnnexA(), method(),
			[]string{"inherent.likelihood"}},
		{"unknown owner and control", func(r *risk.Risk) {
			r.Owner = isms.OwnedByRole(ghost)
			r.Applied[0].Control = "A.9.2.6"
		}, controls.AnnexA(), method(), []string{"owner.role", "applied[0].control"}},
		{"nil catalogue and a broken method", func(*risk.Risk) {}, nil, risk.Method{}, []string{"catalogue", "method"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := register().Risks[0]
			require.NoError(t, r.Validate())
			tt.break_(&r)
			err := r.CheckRefs(orgContext(), tt.cat, tt.method)
			got := paths(err)
			if len(tt.want) > 0 && tt.want[len(tt.want)-1] == "method" {
				require.NotEmpty(t, got)
				assert.Equal(t, "catalogue", got[0])
				assert.True(t, strings.HasPrefix(got[1], "method"), got[1])
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRegister_CheckRefsOnZeroValues(t *testing.T) {
	assert.NotPanics(t, func() {
		err := risk.Register{Risks: []risk.Risk{{}}}.CheckRefs(isms.OrgContext{}, nil)
		assert.Equal(t, []string{"catalogue"}, paths(err))
	})
}

func TestRegister_Duties(t *testing.T) {
	reg := register()
	r1, r2 := reg.Risks[0], reg.Risks[1]
	tests := []struct {
		name   string
		change func(reg *risk.Register)
		want   []isms.Duty
	}{
		{"reviews and open actions with due dates, by due date", func(*risk.Register) {}, []isms.Duty{
			{ID: isms.DeriveID[isms.Duty](r1.ID.UUID(), "action 0"), Title: "Automate deprovisioning from HR system (R-1)",
				Kind: isms.DutyTreatmentAction, Due: workday.AddDate(0, 1, 0), Owner: isms.OwnedByRole(itm),
				Evidence: "action marked done with its completion date", Source: "R-1"},
			{ID: isms.DeriveID[isms.Duty](r2.ID.UUID(), "action 0"), Title: "Security awareness training (R-2)",
				Kind: isms.DutyTreatmentAction, Due: workday.AddDate(0, 2, 0), Owner: isms.OwnedByRole(itm),
				Evidence: "action marked done with its completion date", Source: "R-2"},
			{ID: isms.DeriveID[isms.Duty](r1.ID.UUID(), "review"), Title: "Review risk R-1: Leaver's account stays active",
				Kind: isms.DutyRiskReview, Due: workday.AddDate(0, 3, 0), Owner: isms.OwnedByRole(itm),
				Evidence: "reassessment recorded in the register", Source: "R-1"},
		}},
		{"done and cancelled actions add nothing", func(reg *risk.Register) {
			reg.Risks[0].Treatment.Actions[0].Status = risk.ActionCancelled
			reg.Risks[1].Treatment.Actions[0].Status = risk.ActionDone
			reg.Risks[0].NextReview = time.Time{}
		}, nil},
		{"an action without a due date adds nothing", func(reg *risk.Register) {
			reg.Risks[0].Treatment.Actions[0].Due = time.Time{}
			reg.Risks[1].Treatment.Actions = nil
			reg.Risks[0].NextReview = time.Time{}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := register()
			tt.change(&reg)
			assert.Equal(t, tt.want, reg.Duties())
		})
	}
}

func TestRegister_DutiesKeepTheCalendarUIDs(t *testing.T) {
	r := register().Risks[0]
	// The UID the calendar event had when risk made activities directly
	// (isms.DeriveID[calendar.Activity](r.ID.UUID(), "review")): pinned.
	assert.Equal(t, isms.DeriveID[isms.Duty](r.ID.UUID(), "review").UUID(), register().Duties()[2].ID.UUID())
	assert.Equal(t, "f4e43b0d-1ba7-5b49-b7c8-53cdfe284cdd", register().Duties()[2].ID.String())
}

func TestRisk_IsAStorableRecord(t *testing.T) {
	var rec isms.Record[risk.Risk] = register().Risks[0]
	assert.Equal(t, register().Risks[0].ID, rec.Key())
}
