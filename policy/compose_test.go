package policy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
)

func TestCompose_FromACompleteContextPassesTheLint(t *testing.T) {
	p := composed()
	assert.Equal(t, "Ledger & Co information security policy", p.Title)
	assert.Contains(t, p.Purpose, "Ledger & Co keeps the books and payroll of 80 small businesses")
	assert.Contains(t, p.Purpose, "above all client ledgers, payroll data and laptops")
	assert.Contains(t, p.Scope, "In scope: Bookkeeping and Payroll. Out of scope: Training courses (uses no client data).")
	assert.Equal(t, "MFA on every account", p.Objectives[0].Title, "earliest deadline first")
	require.Len(t, p.KeyRisks, 4)
	assert.Equal(t, []string{"R-1", "R-2", "R-3", "R-4"}, []string{p.KeyRisks[0].Ref, p.KeyRisks[1].Ref, p.KeyRisks[2].Ref, p.KeyRisks[3].Ref}, "most severe first (20, 20, 15, 9)")
	assert.Equal(t, isms.OwnedByRole(itm), p.Revision.Owner)
	assert.Equal(t, "IT manager", p.OwnerName())
	assert.Equal(t, policy.VersionID(isms.DeriveID[isms.Document](ns, "policy"), 1), p.ID)
	assert.Equal(t, isms.Revision{Document: isms.DeriveID[isms.Document](ns, "policy"), Edition: 1, Status: isms.Draft, Owner: isms.OwnedByRole(itm)}, p.Revision)
	require.NoError(t, p.Validate(), "a policy composed from a complete context is valid")
	require.NoError(t, p.CheckRefs(context()))
	assert.Equal(t, "CEO", p.Responsibilities[0].Name, "the approver's role comes first")
	assert.Contains(t, p.Responsibilities[2].Duties, "responsible for incident handling")
	assert.Len(t, p.Commitments, 2)
	assert.GreaterOrEqual(t, len(p.Principles), 5)

	for _, f := range policy.Lint(p, approve, policy.LintOptions{}) {
		assert.NotEqual(t, isms.SeverityError, f.Severity, "%s", f)
	}
}

func TestCompose_TwoCompaniesGetDifferentPolicies(t *testing.T) {
	a := composed()
	other := context()
	other.Organization.Name, other.Organization.Description = "Harbour Clinics", "Runs three physiotherapy clinics."
	other.Scope.Statement = "Patient booking and records at the three clinics."
	b, err := policy.Compose(policy.ComposeInput{Context: other, Register: register()})
	require.NoError(t, err)
	assert.NotEqual(t, a.Purpose, b.Purpose)
	assert.NotEqual(t, a.Scope, b.Scope)
	assert.NotEqual(t, policy.RenderText(a), policy.RenderText(b))
}

func TestCompose_IncompleteContextLintSaysWhatIsMissing(t *testing.T) {
	p, err := policy.Compose(policy.ComposeInput{Context: isms.OrgContext{Organization: isms.Organization{Name: "Bare Ltd"}}})
	require.NoError(t, err)
	var missing []string
	for _, f := range policy.Lint(p, approve, policy.LintOptions{}) {
		if f.Code == policy.RuleMissingSection || f.Code == policy.RuleUnownedResponsibility {
			missing = append(missing, f.Path)
		}
	}
	assert.Equal(t, []string{"commitments", "monitoring", "objectives", "principles", "responsibilities", "scope", "revision.owner"}, missing)
}

func TestCompose_PrinciplesAnswerEveryKeyRisk(t *testing.T) {
	p := composed()
	answered := map[string]bool{}
	for _, pr := range p.Principles {
		for _, id := range pr.Risks {
			answered[id.String()] = true
		}
		assert.NotEmpty(t, pr.Metric, "every principle has a metric")
	}
	for _, k := range p.KeyRisks {
		assert.True(t, answered[k.Risk.String()], "%s has no principle", k.Ref)
	}
	assert.Equal(t, "Access is granted on least privilege and removed as soon as it is no longer needed.", principleFor(p, "R-1"))
}

func principleFor(p policy.Policy, ref string) string {
	for _, k := range p.KeyRisks {
		if k.Ref != ref {
			continue
		}
		for _, pr := range p.Principles {
			if len(pr.Risks) < len(p.KeyRisks) {
				for _, id := range pr.Risks {
					if id == k.Risk {
						return pr.Statement
					}
				}
			}
		}
	}
	return ""
}
