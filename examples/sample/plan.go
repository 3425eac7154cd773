package sample

import (
	"slices"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
)

// TZ is the sample company's time zone.
const TZ = "Europe/Helsinki"

// PlanYear is the year of the sample company's first yearly plan: the
// year after the Workshop.
var PlanYear = Workshop.Year() + 1

// PlanOptions sets the sample company's default SME rhythm: its time zone,
// the owners from its responsibilities and Finland's public holidays.
func PlanOptions() calendar.PlanOptions {
	return calendar.PlanOptions{
		TZ: TZ, Owners: PlanOwners(), DefaultOwner: "IT manager",
		Namespace: isms.NewNamespace("Kestrel Cloud Ltd"),
		Workdays:  calendar.Workdays{Holidays: Holidays()},
	}
}

// Plan makes the sample company's yearly ISMS plan: the default rhythm of
// PlanOptions for PlanYear, plus the duties of the risks (reviews and
// treatment deadlines), the policy (communication and review), the
// objectives (deadlines), the Suppliers (assessments and certificate
// renewals) and the Processes (yearly reviews), completed by its records
// (Records, through calendar.HeldFrom: a held audit, review or training
// round closes its planned occurrence).
func Plan(c isms.OrgContext, reg risk.Register, pol policy.Policy) (calendar.Plan, error) {
	plan, err := calendar.DefaultPlan(PlanYear, PlanOptions())
	if err != nil {
		return calendar.Plan{}, err
	}
	plan.Name = c.Organization.Name + " ISMS plan"
	items, err := calendar.FromDuties(Duties(c, reg, pol), calendar.DutyOptions{TZ: TZ, Names: c.OwnerName})
	if err != nil {
		return calendar.Plan{}, err
	}
	plan = plan.Add(items...).Hold(calendar.HeldFrom(Records())...)
	return plan, plan.Validate()
}

// Duties lists the dated duties the register, the policy, the
// objectives, the Suppliers and the Processes create, in that order.
func Duties(c isms.OrgContext, reg risk.Register, pol policy.Policy) []isms.Duty {
	return slices.Concat(reg.Duties(), pol.Duties(), c.Duties(), Suppliers().Duties(c), Processes().Duties())
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
