package storetest

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
)

// Fixture tells the suite how to make records of kind T. Make must return a
// record whose Key is id and whose stored form encodes the counter n, and
// Count must read n back from a record returned by the store. Make depends
// on (id, n) only. The suite calls Make with the zero ID too, to check that
// the store rejects it: Make must not panic then. The suite uses the
// counter to detect lost and misplaced updates.
type Fixture[T isms.Entity[T]] struct {
	Make  func(id isms.ID[T], n int) T
	Count func(v T) int
}

// TextFixture makes a fixture from a valid record: base returns it for an
// ID, and text points at one of its text fields, where the counter is
// written as a trailing " n=<counter>".
func TextFixture[T isms.Entity[T]](base func(id isms.ID[T]) T, text func(v *T) *string) Fixture[T] {
	return Fixture[T]{
		Make: func(id isms.ID[T], n int) T {
			v := base(id)
			f := text(&v)
			*f = fmt.Sprintf("%s n=%d", *f, n)
			return v
		},
		Count: func(v T) int {
			s := *text(&v)
			i := strings.LastIndex(s, " n=")
			var n int
			if i < 0 {
				return -1
			}
			if _, err := fmt.Sscanf(s[i:], " n=%d", &n); err != nil {
				return -1
			}
			return n
		},
	}
}

func ownerRole() isms.RoleID { return isms.DeriveID[isms.Role](namespace, "storetest owner") }

// AssetFixture makes valid inventory assets; the counter is kept in the
// asset's description.
func AssetFixture() Fixture[isms.Asset] {
	owner := isms.OwnedByRole(ownerRole())
	return Fixture[isms.Asset]{
		Make: func(id isms.ID[isms.Asset], n int) isms.Asset {
			return isms.Asset{
				ID:          id,
				Name:        "Asset " + id.String(),
				Type:        isms.AssetInformation,
				Description: fmt.Sprintf("n=%d", n),
				Owner:       owner,
				Location:    "storetest",
				Ratings:     isms.CIA{Confidentiality: 1 + n%5, Integrity: 3, Availability: 2},
			}
		},
		Count: func(a isms.Asset) int {
			var n int
			if _, err := fmt.Sscanf(a.Description, "n=%d", &n); err != nil {
				return -1
			}
			return n
		},
	}
}

// OrganizationFixture makes valid organisations; the counter is in the description.
func OrganizationFixture() Fixture[isms.Organization] {
	return TextFixture(func(id isms.OrgID) isms.Organization {
		return isms.Organization{ID: id, Name: "Storetest Oy", Headcount: 12, Country: "FI", Description: "fixture"}
	}, func(o *isms.Organization) *string { return &o.Description })
}

// ScopeFixture makes valid scopes; the counter is in the statement.
func ScopeFixture() Fixture[isms.Scope] {
	return TextFixture(func(id isms.ScopeID) isms.Scope {
		return isms.Scope{ID: id, Statement: "The storetest service",
			Items: []isms.ScopeItem{{Kind: isms.ScopeService, Name: "Storetest", Justification: "the service customers buy"}}}
	}, func(s *isms.Scope) *string { return &s.Statement })
}

// IssueFixture makes valid issues; the counter is in the description.
func IssueFixture() Fixture[isms.Issue] {
	return TextFixture(func(id isms.IssueID) isms.Issue {
		return isms.Issue{ID: id, Kind: isms.IssueExternal, Description: "Customers ask for ISO 27001"}
	}, func(i *isms.Issue) *string { return &i.Description })
}

// InterestedPartyFixture makes valid interested parties; the counter is in the needs.
func InterestedPartyFixture() Fixture[isms.InterestedParty] {
	return TextFixture(func(id isms.PartyID) isms.InterestedParty {
		return isms.InterestedParty{ID: id, Name: "Customers", Kind: isms.PartyCustomer, Needs: "availability"}
	}, func(p *isms.InterestedParty) *string { return &p.Needs })
}

// RequirementFixture makes valid requirements; the counter is in the description.
func RequirementFixture() Fixture[isms.Requirement] {
	party := isms.DeriveID[isms.InterestedParty](namespace, "storetest party")
	return TextFixture(func(id isms.RequirementID) isms.Requirement {
		return isms.Requirement{ID: id, Party: party, Kind: isms.RequirementContractual, Title: "Data processing agreement",
			Source: "DPA §4", Description: "breach notice within 24 hours", Owner: isms.OwnedByRole(ownerRole())}
	}, func(r *isms.Requirement) *string { return &r.Description })
}

// PersonFixture makes valid people; the counter is in the title.
func PersonFixture() Fixture[isms.Person] {
	return TextFixture(func(id isms.PersonID) isms.Person {
		return isms.Person{ID: id, Name: "Maria Virtanen", Title: "CEO"}
	}, func(p *isms.Person) *string { return &p.Title })
}

// RoleFixture makes valid roles; the counter is in the description.
func RoleFixture() Fixture[isms.Role] {
	return TextFixture(func(id isms.RoleID) isms.Role {
		return isms.Role{ID: id, Name: "IT manager", Description: "runs IT", Holders: []isms.PersonID{isms.DeriveID[isms.Person](namespace, "storetest holder")}}
	}, func(r *isms.Role) *string { return &r.Description })
}

// ResponsibilityFixture makes valid responsibilities; the counter is in the description.
func ResponsibilityFixture() Fixture[isms.Responsibility] {
	return TextFixture(func(id isms.ResponsibilityID) isms.Responsibility {
		return isms.Responsibility{ID: id, Area: "Backups", Description: "restore tests", Accountable: ownerRole()}
	}, func(r *isms.Responsibility) *string { return &r.Description })
}

// timestamp is a nanosecond, zoned time: stores must keep both.
var timestamp = time.Date(2027, 3, 31, 23, 59, 58, 123456789, time.FixedZone("EEST", 3*3600))

// ObjectiveFixture makes valid objectives with a nanosecond, zoned
// deadline and a decimal target; the counter is in the metric.
func ObjectiveFixture() Fixture[isms.Objective] {
	return TextFixture(func(id isms.ObjectiveID) isms.Objective {
		return isms.Objective{ID: id, Title: "MFA everywhere", Metric: "accounts with MFA",
			Target:   isms.Target{Comparator: isms.AtLeast, Value: decimal.RequireFromString("99.95"), Unit: "%"},
			Deadline: timestamp, Owner: isms.OwnedByRole(ownerRole())}
	}, func(o *isms.Objective) *string { return &o.Metric })
}
