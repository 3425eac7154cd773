package risk_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/risktest"
)

func TestRegister_FixtureIsValid(t *testing.T) {
	require.NoError(t, register().Validate())
}

func TestRegister_ValidateReportsEveryProblem(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(reg *risk.Register)
		want   []string
	}{
		{"rating off the scale", func(reg *risk.Register) { reg.Risks[0].Inherent.Likelihood = 9 },
			[]string{"risks[0].inherent.likelihood"}},
		{"no inherent assessment, no rationale", func(reg *risk.Register) {
			reg.Risks[3].Inherent = risk.Assessment{}
			reg.Risks[3].Residual.Rationale = "TBD"
		}, []string{"risks[3].inherent", "risks[3].residual.rationale"}},
		{"residual above inherent without a reason", func(reg *risk.Register) { reg.Risks[3].Residual = assess(4, 4, "worse now") },
			[]string{"risks[3].residual.above_reason", "risks[3].treatment.due"}},
		{"target above residual without a reason", func(reg *risk.Register) { reg.Risks[0].Target = assess(3, 5, "a new integration widens access") },
			[]string{"risks[0].target.above_reason"}},
		{"significant risk without owner or deadline", func(reg *risk.Register) {
			reg.Risks[2].Owner = isms.Owner{}
			reg.Risks[2].Acceptance = nil
		}, []string{"risks[2].owner", "risks[2].treatment.due"}},
		{"treatment plan without actions", func(reg *risk.Register) { reg.Risks[1].Treatment.Actions = nil },
			[]string{"risks[1].treatment.actions", "risks[1].treatment.due"}},
		{"acceptance by an unauthorized role", func(reg *risk.Register) { reg.Risks[2].Acceptance.By = itm },
			[]string{"risks[2].acceptance.by"}},
		{"acceptance longer than allowed", func(reg *risk.Register) {
			reg.Risks[2].Acceptance.Expires = workday.AddDate(1, 0, 0)
		}, []string{"risks[2].acceptance.expires"}},
		{"asset-based risk without asset, threat or vulnerability", func(reg *risk.Register) {
			reg.Risks[3].Assets, reg.Risks[3].Threat, reg.Risks[3].Vulnerability = nil, "", ""
		}, []string{"risks[3].assets", "risks[3].threat", "risks[3].vulnerability"}},
		{"duplicate reference and ID", func(reg *risk.Register) {
			reg.Risks[3].Ref, reg.Risks[3].ID = "r-1", reg.Risks[0].ID
		}, []string{"risks[3].id", "risks[3].ref"}},
		{"unknown property, kind", func(reg *risk.Register) {
			reg.Risks[1].Properties = []risk.Property{"privacy"}
			reg.Risks[1].Kind = "hunch"
		}, []string{"risks[1].kind", "risks[1].properties[0]"}},
		{"negative loss, bad currency", func(reg *risk.Register) {
			reg.Risks[1].Loss.SLE.Currency = "euro"
			reg.Risks[1].Loss.ARO = reg.Risks[1].Loss.ARO.Neg()
		}, []string{"risks[1].loss.sle.currency", "risks[1].loss.aro"}},
		{"done action without completion date", func(reg *risk.Register) {
			reg.Risks[1].Treatment.Actions[1].Completed = time.Time{}
		}, []string{"risks[1].treatment.actions[1].completed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := register()
			tt.break_(&reg)
			err := reg.Validate()
			require.Error(t, err)
			assert.True(t, errors.Is(err, isms.ErrInvalid))
			assert.Equal(t, tt.want, paths(err))
		})
	}
}

func orgContext() isms.OrgContext {
	ann := isms.DeriveID[isms.Person](ns, "Ann")
	return isms.OrgContext{
		People: []isms.Person{{ID: ann, Name: "Ann"}},
		Roles: []isms.Role{
			{ID: ceo, Name: "CEO", Holders: []isms.PersonID{ann}},
			{ID: itm, Name: "IT manager", Holders: []isms.PersonID{ann}},
		},
		Assets: []isms.Asset{{ID: isms.DeriveID[isms.Asset](ns, "laptops"), Name: "Laptops"}},
	}
}

func TestRegister_CheckReferences(t *testing.T) {
	reg := register()
	require.NoError(t, reg.CheckRefs(orgContext(), controls.AnnexA()))

	reg.Risks[0].Owner = isms.OwnedByRole(isms.DeriveID[isms.Role](ns, "Ghost"))
	reg.Risks[1].Treatment.Actions[0].Controls = []controls.ID{"9.9"}
	reg.Risks[3].Assets = []isms.AssetID{isms.DeriveID[isms.Asset](ns, "servers")}
	reg.Risks[0].Applied[0].Control = "A.9.2.6"
	reg.Risks[2].Requirements = []isms.RequirementID{isms.NewID[isms.Requirement]()}
	err := reg.CheckRefs(orgContext(), controls.AnnexA())
	assert.Equal(t, []string{
		"risks[0].owner.role", "risks[0].applied[0].control", "risks[1].treatment.actions[0].controls[0]",
		"risks[2].requirements[0]", "risks[3].assets[0]",
	}, paths(err))
	assert.Contains(t, err.Error(), `risk "R-2": control "9.9" is not in the catalogue`)
}

func TestRegister_JSONRoundTripIsLossless(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		reg := risktest.Register().Draw(t, "register")
		require.NoError(t, reg.Validate())
		b, err := json.Marshal(reg)
		require.NoError(t, err)
		var back risk.Register
		require.NoError(t, json.Unmarshal(b, &back))
		b2, err := json.Marshal(back)
		require.NoError(t, err)
		assert.JSONEq(t, string(b), string(b2))
		require.NoError(t, back.Validate())
		s1, err := reg.Summarize(now)
		require.NoError(t, err)
		s2, err := back.Summarize(now)
		require.NoError(t, err)
		assert.Equal(t, s1, s2)
	})
}

func TestRisk_ReassessKeepsHistory(t *testing.T) {
	r := register().Risks[0]
	sc, err := method().Scorer()
	require.NoError(t, err)
	later := r.Reassess(risk.Residual, assess(1, 4, "deprovisioning automated"), "quarterly review")
	assert.Len(t, r.History, 0, "the original is unchanged")
	require.Len(t, later.History, 1)
	assert.Equal(t, r.Residual, later.History[0].Residual)
	trend := later.Trend(risk.Residual, sc)
	require.Len(t, trend, 2)
	assert.Equal(t, 8, trend[0].Grade.Score)
	assert.Equal(t, 4, trend[1].Grade.Score)
}

func TestRisk_AtFallsBack(t *testing.T) {
	r := register().Risks[2] // inherent only
	assert.Equal(t, r.Inherent, r.At(risk.Residual))
	assert.Equal(t, r.Inherent, r.At(risk.Target))
	r = register().Risks[1] // inherent and residual
	assert.Equal(t, r.Residual, r.At(risk.Target))
	assert.Equal(t, []controls.ID{"6.3", "8.5"}, r.Controls())
}

func TestParseOption_AcceptsSynonyms(t *testing.T) {
	for in, want := range map[string]risk.Option{"treat": risk.Modify, "Tolerate": risk.Retain, "TERMINATE": risk.Avoid, "transfer": risk.Share, "modify": risk.Modify} {
		got, err := risk.ParseOption(in)
		require.NoError(t, err)
		assert.Equal(t, want, got, in)
	}
	_, err := risk.ParseOption("ignore")
	assert.ErrorIs(t, err, isms.ErrInvalid)
}
