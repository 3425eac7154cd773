package isms_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
)

func TestOrgContext_ValidContextPasses(t *testing.T) {
	require.NoError(t, validContext().Validate())
}

// paths returns the field paths of every validation problem in err.
func paths(err error) []string {
	var out []string
	for _, v := range isms.ValidationErrors(err) {
		out = append(out, v.Path)
	}
	return out
}

func TestOrgContext_ValidateReportsEachBrokenField(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(c *isms.OrgContext)
		want   []string
	}{
		{"organisation without name or headcount", func(c *isms.OrgContext) {
			c.Organization.Name, c.Organization.Headcount = " ", 0
		}, []string{"organization.name", "organization.headcount"}},
		{"nothing in scope", func(c *isms.OrgContext) {
			c.Scope.Items = c.Scope.Items[1:]
		}, []string{"scope.items"}},
		{"placeholder justification", func(c *isms.OrgContext) {
			c.Scope.Items[1].Justification = "N/A"
		}, []string{"scope.items[1].justification"}},
		{"scope item listed twice", func(c *isms.OrgContext) {
			c.Scope.Items = append(c.Scope.Items, c.Scope.Items[0])
		}, []string{"scope.items[2].name"}},
		{"interface to an unknown party", func(c *isms.OrgContext) {
			c.Scope.Interfaces[0].Party = isms.NewID[isms.InterestedParty]()
		}, []string{"scope.interfaces[0].party"}},
		{"asset without owner", func(c *isms.OrgContext) {
			c.Assets[0].Owner = isms.Owner{}
		}, []string{"assets[0].owner"}},
		{"asset owner names both role and person", func(c *isms.OrgContext) {
			c.Assets[0].Owner.Person = personID("Ann")
		}, []string{"assets[0].owner"}},
		{"asset owned by an unknown role", func(c *isms.OrgContext) {
			c.Assets[1].Owner = isms.OwnedByRole(roleID("Nobody"))
		}, []string{"assets[1].owner.role"}},
		{"asset rating off the scale", func(c *isms.OrgContext) {
			c.Assets[2].Ratings.Availability = 9
		}, []string{"assets[2].ratings.availability"}},
		{"asset of unknown type", func(c *isms.OrgContext) {
			c.Assets[2].Type = "gadget"
		}, []string{"assets[2].type"}},
		{"duplicate asset ID", func(c *isms.OrgContext) {
			c.Assets[2].ID = c.Assets[0].ID
		}, []string{"assets[2].id"}},
		{"role without holder", func(c *isms.OrgContext) {
			c.Roles[0].Holders = nil
		}, []string{"roles[0].holders"}},
		{"role held by an unknown person", func(c *isms.OrgContext) {
			c.Roles[1].Holders = []isms.PersonID{personID("Ghost")}
		}, []string{"roles[1].holders[0]"}},
		{"role named the organization", func(c *isms.OrgContext) {
			c.Roles[1].Name = "The Organization"
		}, []string{"roles[1].name"}},
		{"person named everyone", func(c *isms.OrgContext) {
			c.People[0].Name = "everyone"
		}, []string{"people[0].name"}},
		{"area without accountable role", func(c *isms.OrgContext) {
			c.Responsibilities[0].Accountable = isms.RoleID{}
		}, []string{"responsibilities[0].accountable"}},
		{"area assigned twice", func(c *isms.OrgContext) {
			c.Responsibilities[1].Area = c.Responsibilities[0].Area
		}, []string{"responsibilities[1].area"}},
		{"requirement without source or owner", func(c *isms.OrgContext) {
			c.Requirements[0].Source, c.Requirements[0].Owner = "TBD", isms.Owner{}
		}, []string{"requirements[0].source", "requirements[0].owner"}},
		{"requirement of an unknown party", func(c *isms.OrgContext) {
			c.Requirements[0].Party = isms.NewID[isms.InterestedParty]()
		}, []string{"requirements[0].party"}},
		{"vague objective", func(c *isms.OrgContext) {
			c.Objectives[0] = isms.Objective{ID: c.Objectives[0].ID, Title: "Improve information security", Owner: c.Objectives[0].Owner}
		}, []string{"objectives[0].metric", "objectives[0].target", "objectives[0].deadline"}},
		{"bad custom scale", func(c *isms.OrgContext) {
			c.Organization.Scales = isms.DefaultRatingScales()
			c.Organization.Scales.Integrity = isms.Scale{Name: "Integrity", Levels: []isms.Level{{Value: 2, Label: "x"}, {Value: 1, Label: "y"}}}
			c.Assets = nil
		}, []string{"organization.scales.integrity.levels[1].value"}},
		{"scope and responsibility without IDs", func(c *isms.OrgContext) {
			c.Scope.ID, c.Responsibilities[1].ID = isms.ScopeID{}, isms.ResponsibilityID{}
		}, []string{"scope.id", "responsibilities[1].id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validContext()
			tt.break_(&c)
			err := c.Validate()
			require.Error(t, err)
			assert.True(t, errors.Is(err, isms.ErrInvalid), "errors.Is(err, ErrInvalid)")
			var v *isms.ValidationError
			assert.True(t, errors.As(err, &v), "errors.As finds a *ValidationError")
			assert.Equal(t, tt.want, paths(err))
		})
	}
}

func TestOrgContext_ValidateListsEveryProblemAtOnce(t *testing.T) {
	c := validContext()
	c.Organization.Name = ""
	c.Assets[0].Owner = isms.Owner{}
	c.Roles[0].Holders = nil
	c.Objectives[1].Metric = ""
	err := c.Validate()
	assert.Equal(t, []string{"organization.name", "assets[0].owner", "roles[0].holders", "objectives[1].metric"}, paths(err))
	assert.Contains(t, err.Error(), "4 problems:")
	assert.Contains(t, err.Error(), `objectives[1].metric: objective "Remove leavers' access fast" is vague: it has no metric`)
}

func TestOrgContext_JSONRoundTripKeepsEverything(t *testing.T) {
	c := validContext()
	b, err := json.Marshal(c)
	require.NoError(t, err)
	var back isms.OrgContext
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
	require.NoError(t, back.Validate())
	assert.Contains(t, string(b), `"owner":{"role":"`, "owners encode with stable field names and omit the unset side")
}

func TestOrgContext_ZeroScalesMeanDefaults(t *testing.T) {
	c := validContext()
	c.Organization.Scales = isms.RatingScales{}
	assert.Equal(t, isms.DefaultRatingScales(), c.RatingScales())
	c.Organization.Scales = isms.RatingScales{Confidentiality: isms.ThreePointScale("C"), Integrity: isms.ThreePointScale("I"), Availability: isms.ThreePointScale("A")}
	assert.Equal(t, 3, c.RatingScales().Confidentiality.Max())
}

func TestOrgContext_OwnerName(t *testing.T) {
	c := validContext()
	assert.Equal(t, "IT manager", c.OwnerName(isms.OwnedByRole(roleID("IT manager"))))
	assert.Equal(t, "Ann Example", c.OwnerName(isms.OwnedByPerson(personID("Ann"))))
	assert.Equal(t, "", c.OwnerName(isms.Owner{}))
	assert.Equal(t, "", c.OwnerName(isms.OwnedByRole(roleID("Ghost"))))
}

func rules(fs []isms.Advice) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func TestOrgContext_LintFollowsDomainAdvice(t *testing.T) {
	c := validContext()
	fs := c.Lint(isms.LintOptions{})
	assert.NotContains(t, rules(fs), isms.RuleObjectiveCount, "3 objectives are fine")
	assert.NotContains(t, rules(fs), isms.RuleClimateNotConsidered)
	assert.Contains(t, rules(fs), isms.RuleAreaUnassigned, "the fixture assigns only two areas")

	c.Objectives = c.Objectives[:2]
	c.Issues[1].Climate = false
	c.Requirements[0].Addressed = false
	c.People[1].External = true
	c.Roles[1].Holders = []isms.PersonID{personID("Ann"), personID("Ben"), personID("Cy"), personID("Di")}
	c.People = append(c.People, isms.Person{ID: personID("Cy"), Name: "Cy"}, isms.Person{ID: personID("Di"), Name: "Di"})
	fs = c.Lint(isms.LintOptions{Areas: []string{isms.AreaRiskAssessment}})
	assert.Equal(t, []string{
		isms.RuleClimateNotConsidered, isms.RuleObjectiveCount, isms.RuleExternalAccountable,
		isms.RuleSharedAccountability, isms.RuleRequirementUnaddressed,
	}, rules(fs), "sorted by severity, then rule")
	for _, f := range fs {
		assert.NotEmpty(t, f.Message)
		assert.NotEmpty(t, f.Path)
	}
}
