package policy_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
)

var (
	ns      = isms.NewNamespace("policy tests")
	ceo     = isms.DeriveID[isms.Role](ns, "CEO")
	itm     = isms.DeriveID[isms.Role](ns, "IT manager")
	staff   = isms.DeriveID[isms.Role](ns, "Employees")
	ann     = isms.DeriveID[isms.Person](ns, "Ann")
	ben     = isms.DeriveID[isms.Person](ns, "Ben")
	day     = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	approve = time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
)

func objective(title, metric string, c isms.Comparator, v int64, unit string, months int) isms.Objective {
	return isms.Objective{
		ID: isms.DeriveID[isms.Objective](ns, title), Title: title, Metric: metric,
		Target: isms.Target{Comparator: c, Value: decimal.NewFromInt(v), Unit: unit}, Deadline: day.AddDate(0, months, 0),
		Owner: isms.OwnedByRole(itm),
	}
}

// context is a complete small company: a 12-person bookkeeping firm.
func context() isms.OrgContext {
	return isms.OrgContext{
		Organization: isms.Organization{ID: isms.DeriveID[isms.Organization](ns, "org"), Name: "Ledger & Co", Headcount: 12,
			Description: "Keeps the books and payroll of 80 small businesses."},
		Scope: isms.Scope{ID: isms.DeriveID[isms.Scope](ns, "scope"), Statement: "The bookkeeping and payroll service for clients.",
			Items: []isms.ScopeItem{
				{Kind: isms.ScopeService, Name: "Bookkeeping", Justification: "What clients buy."},
				{Kind: isms.ScopeService, Name: "Payroll", Justification: "Handles personal data."},
				{Kind: isms.ScopeService, Name: "Training courses", Excluded: true, Justification: "Uses no client data."},
			}},
		Requirements: []isms.Requirement{
			{ID: isms.DeriveID[isms.Requirement](ns, "gdpr"), Kind: isms.RequirementLegal, Title: "Secure processing of personal data", Source: "GDPR Article 32", Owner: isms.OwnedByRole(ceo)},
			{ID: isms.DeriveID[isms.Requirement](ns, "clients"), Kind: isms.RequirementContractual, Title: "Confidentiality of client records", Source: "Client agreement §4", Owner: isms.OwnedByRole(ceo)},
		},
		Assets: []isms.Asset{
			{ID: isms.DeriveID[isms.Asset](ns, "ledgers"), Name: "Client ledgers", Type: isms.AssetInformation, Owner: isms.OwnedByRole(itm), Ratings: isms.CIA{Confidentiality: 5, Integrity: 5, Availability: 3}},
			{ID: isms.DeriveID[isms.Asset](ns, "payroll"), Name: "Payroll data", Type: isms.AssetInformation, Owner: isms.OwnedByRole(itm), Ratings: isms.CIA{Confidentiality: 5, Integrity: 4, Availability: 4}},
			{ID: isms.DeriveID[isms.Asset](ns, "laptops"), Name: "Laptops", Type: isms.AssetHardware, Owner: isms.OwnedByRole(itm), Ratings: isms.CIA{Confidentiality: 3, Integrity: 2, Availability: 2}},
		},
		People: []isms.Person{{ID: ann, Name: "Ann"}, {ID: ben, Name: "Ben"}},
		Roles: []isms.Role{
			{ID: ceo, Name: "CEO", Description: "Approves the policy and provides resources.", Holders: []isms.PersonID{ann}},
			{ID: itm, Name: "IT manager", Description: "Prepares, updates and monitors the policy.", Holders: []isms.PersonID{ben}},
			{ID: staff, Name: "Employees", Description: "Follow the instructions and report deviations.", Holders: []isms.PersonID{ann, ben}},
		},
		Responsibilities: []isms.Responsibility{
			{ID: isms.DeriveID[isms.Responsibility](ns, "a"), Area: isms.AreaPolicyApproval, Accountable: ceo},
			{ID: isms.DeriveID[isms.Responsibility](ns, "b"), Area: isms.AreaPolicyMaintenance, Accountable: itm},
			{ID: isms.DeriveID[isms.Responsibility](ns, "c"), Area: isms.AreaIncidentHandling, Accountable: itm, Responsible: []isms.RoleID{staff}},
		},
		Objectives: []isms.Objective{
			objective("Leavers lose access within 24 hours", "hours from end of employment to access removal", isms.AtMost, 24, "hours", 12),
			objective("MFA on every account", "share of accounts with MFA", isms.AtLeast, 100, "%", 3),
			objective("Everyone trained each year", "share of staff trained in 12 months", isms.AtLeast, 95, "%", 12),
		},
	}
}

func rsk(ref, title string, l, i int, ctrls ...controls.ID) risk.Risk {
	return risk.Risk{
		ID: isms.DeriveID[risk.Risk](ns, ref), Ref: ref, Title: title, Kind: risk.EventBased, Scenario: title,
		Properties: []risk.Property{risk.Confidentiality}, Owner: isms.OwnedByRole(itm),
		Inherent:  risk.Assessment{Rating: risk.Rating{Likelihood: l, Impact: i}, Rationale: "workshop", Date: day},
		Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{{Title: "act", Owner: isms.OwnedByRole(itm), Due: day.AddDate(0, 3, 0), Status: risk.ActionPlanned, Controls: ctrls}}},
	}
}

func register() risk.Register {
	return risk.Register{Method: risk.DefaultMethod(), Risks: []risk.Risk{
		rsk("R-1", "A leaver keeps access to client ledgers", 4, 5, "5.18", "5.16", "8.2"),
		rsk("R-2", "Phishing steals a password", 5, 4, "6.3", "8.5"),
		rsk("R-3", "Ransomware encrypts the file server", 3, 5, "8.13", "8.7", "5.30"),
		rsk("R-4", "Payroll sent to the wrong client", 3, 3, "5.14", "5.12"),
	}}
}

func composed() policy.Policy {
	p, err := policy.Compose(policy.ComposeInput{Document: isms.DeriveID[isms.Document](ns, "policy"), Context: context(), Register: register()})
	if err != nil {
		panic(err)
	}
	return p
}

// approval is the CEO's approval at the given time, as the policy shows
// it: "Ann (CEO)".
func approval(at time.Time) isms.Approval {
	return context().Approval(isms.OwnedByRole(ceo), at)
}

// Compose a policy from the organisation's context and risks, lint it,
// approve it, and read the duties it creates.
func Example() {
	org := context()
	draft, err := policy.Compose(policy.ComposeInput{
		Document: isms.DeriveID[isms.Document](ns, "policy"),
		Context:  org,
		Register: register(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range policy.Lint(draft, approve, policy.LintOptions{}) {
		fmt.Println(f.Severity, f.Code)
	}
	v1, err := draft.Approve(org.Approval(isms.OwnedByRole(ceo), approve))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(policy.Lint(v1, approve, policy.LintOptions{})), "findings after approval")
	for _, d := range v1.Duties() {
		fmt.Println(d.Due.Format(time.DateOnly), d.Kind, d.Title, "-", org.OwnerName(d.Owner))
	}
	fmt.Println(v1.RevisionLine())
	// Output:
	// warning policy/not-approved
	// 0 findings after approval
	// 2026-11-23 policy_communication Communicate policy edition 1 to all staff - IT manager
	// 2027-11-16 policy_review Review the information security policy (edition 1) - IT manager
	// Edition 1 · Owner: IT manager · Approved by: Ann (CEO) · Approved on: 2026-11-16 · Next review: 2027-11-16
}

// A vague objective is named with what it lacks.
func ExampleLint() {
	p := composed()
	p.Objectives[0] = isms.Objective{Title: "Improve information security"}
	for _, f := range policy.Lint(p, approve, policy.LintOptions{}) {
		if f.Code == policy.RuleVagueObjective {
			fmt.Println(f.Path+":", f.Message)
		}
	}
	// Output:
	// objectives[0]: objective "Improve information security" is vague: it has no metric, target, deadline and owner; write it as objective, metric, target and deadline, e.g. "MFA for 100 % of admin accounts within 3 months"
}

// Validate refuses an empty policy, naming every missing part.
func ExamplePolicy_Validate() {
	for _, v := range isms.ValidationErrors(policy.Policy{}.Validate()) {
		fmt.Println(v.Path)
	}
	// Output:
	// id
	// title
	// purpose
	// scope
	// objectives
	// principles
	// responsibilities
	// revision.owner
	// revision.document
	// revision.edition
	// revision.status
}
