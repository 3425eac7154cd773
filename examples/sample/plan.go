package sample

import (
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
)

// TZ is the sample company's time zone.
const TZ = "Europe/Helsinki"

// Plan makes the sample company's yearly ISMS plan: the default SME
// rhythm for the year after the Workshop, with the owners from its
// responsibilities, plus what the other parts contribute: risk reviews and
// treatment deadlines, the policy's communication and review, and the
// objectives' deadlines.
func Plan(c isms.OrgContext, reg risk.Register, pol policy.Policy) (calendar.Plan, error) {
	plan, err := calendar.DefaultPlan(Workshop.Year()+1, calendar.PlanOptions{
		TZ: TZ, Owners: PlanOwners(), DefaultOwner: "IT manager",
		Namespace: isms.NewNamespace("Kestrel Cloud Ltd"),
		Workdays:  calendar.Workdays{Holidays: Holidays()},
	})
	if err != nil {
		return calendar.Plan{}, err
	}
	plan.Name = c.Organization.Name + " ISMS plan"
	duties := append(append(reg.Duties(), pol.Duties()...), c.Duties()...)
	items, err := calendar.FromDuties(duties, calendar.DutyOptions{TZ: TZ, Names: c.OwnerName})
	if err != nil {
		return calendar.Plan{}, err
	}
	plan = plan.Add(items...)
	return plan, plan.Validate()
}

// PlanOwners names the owners of the activities the IT manager does not own.
func PlanOwners() map[calendar.Kind]string {
	return map[calendar.Kind]string{
		calendar.ManagementReview: "CEO",
		calendar.InternalAudit:    "Internal auditor",
		calendar.Training:         "Supervisors",
	}
}

// Holidays are the Finnish public holidays on working days in 2027.
func Holidays() []calendar.Date {
	d := func(m time.Month, day int) calendar.Date { return calendar.Date{Year: 2027, Month: m, Day: day} }
	return []calendar.Date{
		d(time.January, 1), d(time.January, 6), d(time.March, 26), d(time.March, 29), d(time.May, 6),
		d(time.June, 25), d(time.December, 6), d(time.December, 24), d(time.December, 31),
	}
}
