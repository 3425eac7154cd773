package isms_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
)

// Build a small organisation's context, validate it, and find the assets a
// first risk assessment should start from.
func Example() {
	ns := isms.NewNamespace("Example Ltd")
	ann := isms.DeriveID[isms.Person](ns, "Ann")
	ceo := isms.DeriveID[isms.Role](ns, "CEO")

	ctx := isms.OrgContext{
		Organization: isms.Organization{ID: isms.DeriveID[isms.Organization](ns, "org"), Name: "Example Ltd", Headcount: 12},
		Scope: isms.Scope{
			ID:        isms.DeriveID[isms.Scope](ns, "scope"),
			Statement: "The online booking service.",
			Items: []isms.ScopeItem{
				{Kind: isms.ScopeService, Name: "Booking service", Justification: "What customers buy and audit."},
			},
		},
		People: []isms.Person{{ID: ann, Name: "Ann Smith", Title: "CEO"}},
		Roles:  []isms.Role{{ID: ceo, Name: "CEO", Holders: []isms.PersonID{ann}}},
		Assets: []isms.Asset{
			{ID: isms.DeriveID[isms.Asset](ns, "bookings"), Name: "Booking records", Type: isms.AssetInformation,
				Owner: isms.OwnedByRole(ceo), Ratings: isms.CIA{Confidentiality: 4, Integrity: 4, Availability: 5}},
			{ID: isms.DeriveID[isms.Asset](ns, "site"), Name: "Marketing site", Type: isms.AssetSoftware,
				Owner: isms.OwnedByRole(ceo), Ratings: isms.CIA{Confidentiality: 1, Integrity: 3, Availability: 2}},
		},
		Objectives: []isms.Objective{{
			ID: isms.DeriveID[isms.Objective](ns, "mfa"), Title: "MFA on every admin account",
			Metric:   "share of admin accounts with MFA enforced",
			Target:   isms.Target{Comparator: isms.AtLeast, Value: decimal.NewFromInt(100), Unit: "%"},
			Deadline: time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC), Owner: isms.OwnedByRole(ceo),
		}},
	}
	if err := ctx.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("valid: true")

	key, err := ctx.KeyAssets(1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("key asset: %s (peak %s)\n", key[0].Asset.Name, key[0].Criticality.Peak)

	for _, f := range ctx.Lint(isms.LintOptions{Areas: []string{isms.AreaPolicyApproval}}) {
		fmt.Println(f.Code)
	}
	// Output:
	// valid: true
	// key asset: Booking records (peak 1)
	// assets/too-few
	// context/climate-not-considered
	// objectives/count
	// roles/area-unassigned
	// scope/no-interfaces
	// scope/no-exclusions
}

// Validation reports every problem at once, each with the path of its
// field; programs read the paths, people read the messages.
func ExampleOrgContext_Validate() {
	ctx := isms.OrgContext{
		Organization: isms.Organization{ID: isms.NewID[isms.Organization](), Name: "Example Ltd", Headcount: 12},
		Scope:        isms.Scope{ID: isms.NewID[isms.Scope](), Items: []isms.ScopeItem{{Kind: isms.ScopeService, Name: "Booking service", Justification: "N/A"}}},
		Roles:        []isms.Role{{ID: isms.NewID[isms.Role](), Name: "The organization"}},
		Objectives:   []isms.Objective{{ID: isms.NewID[isms.Objective](), Title: "Improve information security"}},
	}
	err := ctx.Validate()
	fmt.Println(errors.Is(err, isms.ErrInvalid))
	for _, v := range isms.ValidationErrors(err) {
		fmt.Printf("%s: %s\n", v.Path, v.Problem)
	}
	// Output:
	// true
	// scope.items[0].justification: scope item "Booking service" needs a justification that says why it is in scope
	// roles[0].name: role name "The organization" makes nobody accountable; name a real role
	// roles[0].holders: role "The organization" has no holder; name at least one person who holds it
	// objectives[0].metric: objective "Improve information security" is vague: it has no metric; say what will be measured
	// objectives[0].target: objective "Improve information security" is vague: it has no target; give the value to reach, e.g. >= 95 %
	// objectives[0].deadline: objective "Improve information security" is vague: it has no deadline; say by when
	// objectives[0].owner: objective "Improve information security" has no single owner; name the role or person who answers for it
}
