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
	owners := map[calendar.Kind]string{
		calendar.ManagementReview: "CEO",
		calendar.InternalAudit:    "Internal auditor",
		calendar.Training:         "Supervisors",
	}
	plan, err := calendar.DefaultPlan(calendar.PlanParams{
		Year: Workshop.Year() + 1, TZ: TZ, Owners: owners, DefaultOwner: "IT manager",
		Namespace: isms.NewNamespace("Kestrel Cloud Ltd"),
		Workdays: calendar.Workdays{Holidays: []calendar.Date{
			{Year: 2027, Month: time.January, Day: 1}, {Year: 2027, Month: time.January, Day: 6},
			{Year: 2027, Month: time.March, Day: 26}, {Year: 2027, Month: time.March, Day: 29},
			{Year: 2027, Month: time.May, Day: 6}, {Year: 2027, Month: time.June, Day: 25},
			{Year: 2027, Month: time.December, Day: 6}, {Year: 2027, Month: time.December, Day: 24},
			{Year: 2027, Month: time.December, Day: 31},
		}},
	})
	if err != nil {
		return calendar.Plan{}, err
	}
	plan.Name = c.Organization.Name + " ISMS plan"
	plan = plan.Add(reg.CalendarItems(TZ, c.OwnerName)...)
	plan = plan.Add(pol.CalendarItems(TZ)...)
	plan = plan.Add(calendar.ObjectiveDeadlines(c.Objectives, TZ, c.OwnerName)...)
	return plan, plan.Validate()
}
