package records_test

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
)

var ns = isms.NewNamespace("isms tests")

func roleID(name string) isms.RoleID     { return isms.DeriveID[isms.Role](ns, name) }
func personID(name string) isms.PersonID { return isms.DeriveID[isms.Person](ns, name) }

// validContext returns a small, complete and valid context that tests
// break one field at a time.
func validContext() isms.OrgContext {
	customers := isms.DeriveID[isms.InterestedParty](ns, "customers")
	cloud := isms.DeriveID[isms.InterestedParty](ns, "cloud")
	ceo, it := roleID("CEO"), roleID("IT manager")
	return isms.OrgContext{
		Organization: isms.Organization{ID: isms.DeriveID[isms.Organization](ns, "org"), Name: "Test Oy", Headcount: 40, Scales: isms.DefaultRatingScales()},
		Scope: isms.Scope{
			ID:        isms.DeriveID[isms.Scope](ns, "scope"),
			Statement: "The SaaS service and its support.",
			Items: []isms.ScopeItem{
				{Kind: isms.ScopeService, Name: "SaaS", Justification: "Customers buy it."},
				{Kind: isms.ScopeBusinessUnit, Name: "Sales", Excluded: true, Justification: "Handles no customer data."},
			},
			Interfaces: []isms.Interface{{Kind: isms.InterfaceCloudService, Name: "Cloud host", Party: cloud}},
		},
		Issues: []isms.Issue{
			{ID: isms.DeriveID[isms.Issue](ns, "i1"), Kind: isms.IssueExternal, Description: "Tenders ask for ISO 27001."},
			{ID: isms.DeriveID[isms.Issue](ns, "i2"), Kind: isms.IssueExternal, Description: "Heat waves may stop the office; work is remote-capable.", Climate: true},
		},
		Parties: []isms.InterestedParty{
			{ID: customers, Name: "Customers", Kind: isms.PartyCustomer},
			{ID: cloud, Name: "Cloud host", Kind: isms.PartySupplier},
		},
		Requirements: []isms.Requirement{{
			ID: isms.DeriveID[isms.Requirement](ns, "r1"), Party: customers, Kind: isms.RequirementContractual,
			Title: "Notify incidents", Source: "MSA §9", Owner: isms.OwnedByRole(it), Addressed: true,
		}},
		Assets: []isms.Asset{
			{ID: isms.DeriveID[isms.Asset](ns, "db"), Name: "Customer database", Type: isms.AssetInformation, Owner: isms.OwnedByRole(it), Supplier: cloud, Ratings: isms.CIA{Confidentiality: 5, Integrity: 4, Availability: 4}},
			{ID: isms.DeriveID[isms.Asset](ns, "code"), Name: "Source code", Type: isms.AssetSoftware, Owner: isms.OwnedByRole(it), Ratings: isms.CIA{Confidentiality: 4, Integrity: 5, Availability: 3}},
			{ID: isms.DeriveID[isms.Asset](ns, "laptops"), Name: "Laptops", Type: isms.AssetHardware, Owner: isms.OwnedByPerson(personID("Ann")), Ratings: isms.CIA{Confidentiality: 3, Integrity: 2, Availability: 2}},
		},
		People: []isms.Person{
			{ID: personID("Ann"), Name: "Ann Example", Title: "CEO"},
			{ID: personID("Ben"), Name: "Ben Example", Title: "IT manager"},
		},
		Roles: []isms.Role{
			{ID: ceo, Name: "CEO", Holders: []isms.PersonID{personID("Ann")}},
			{ID: it, Name: "IT manager", Holders: []isms.PersonID{personID("Ben")}},
		},
		Responsibilities: []isms.Responsibility{
			{ID: isms.DeriveID[isms.Responsibility](ns, "r1"), Area: isms.AreaPolicyApproval, Accountable: ceo},
			{ID: isms.DeriveID[isms.Responsibility](ns, "r2"), Area: isms.AreaRiskAssessment, Accountable: it, Responsible: []isms.RoleID{it}},
		},
		Objectives: []isms.Objective{
			objective("MFA for admin accounts", "share of admin accounts with MFA", isms.AtLeast, "100", "%"),
			objective("Remove leavers' access fast", "hours from termination to access removal", isms.AtMost, "24", "h"),
			objective("Train all staff", "share of staff trained this year", isms.AtLeast, "95", "%"),
		},
	}
}

func objective(title, metric string, c isms.Comparator, value, unit string) isms.Objective {
	return isms.Objective{
		ID: isms.DeriveID[isms.Objective](ns, title), Title: title, Metric: metric,
		Target:   isms.Target{Comparator: c, Value: decimal.RequireFromString(value), Unit: unit},
		Deadline: time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC),
		Owner:    isms.OwnedByRole(roleID("IT manager")),
	}
}

func paths(err error) []string {
	var out []string
	for _, v := range isms.ValidationErrors(err) {
		out = append(out, v.Path)
	}
	return out
}
