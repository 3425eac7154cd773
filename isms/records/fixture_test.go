package records_test

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
)

var ns = isms.NewNamespace("records tests")

func roleID(name string) isms.RoleID     { return isms.DeriveID[isms.Role](ns, name) }
func personID(name string) isms.PersonID { return isms.DeriveID[isms.Person](ns, name) }

// validContext is the little of an organisation's context the records
// refer to: its people, roles and objectives.
func validContext() isms.OrgContext {
	return isms.OrgContext{
		People:     []isms.Person{{ID: personID("Ann"), Name: "Ann"}},
		Roles:      []isms.Role{{ID: roleID("IT manager"), Name: "IT manager", Holders: []isms.PersonID{personID("Ann")}}},
		Objectives: []isms.Objective{objective("MFA", "share with MFA", isms.AtLeast, "100", "%")},
	}
}

// objective is a measurable objective due on 2027-06-30, owned by the IT
// manager.
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
