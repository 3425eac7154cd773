package calendar

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/isms"
)

// Cadence overrides how often one kind of activity happens in DefaultPlan.
type Cadence struct {
	Freq     Frequency `json:"freq"`
	Interval int       `json:"interval"`
}

// PlanParams configure DefaultPlan.
type PlanParams struct {
	Year int
	TZ   string
	// Owners names the owner of each kind of activity; kinds without one
	// get DefaultOwner.
	Owners       map[Kind]string
	DefaultOwner string
	Cadence      map[Kind]Cadence
	Workdays     Workdays
	// Namespace derives stable activity IDs (and so stable iCalendar UIDs).
	Namespace uuid.UUID
}

// defaultActivity is one line of the SME rhythm.
type defaultActivity struct {
	kind     Kind
	title    string
	evidence string
	month    time.Month // first month in the year
	interval int        // months between occurrences
	nth      int        // n-th weekday (-1 = last)
	weekday  time.Weekday
	hour     int
	chain    Chain
}

// The domain articles' yearly rhythm, on fixed weekdays so that no
// occurrence falls on a weekend.
var rhythm = []defaultActivity{
	{RiskReview, "Quarterly risk review", "updated risk register and review minutes", time.January, 3, 3, time.Tuesday, 10, FromCompletion},
	{AccessReview, "Quarterly access review", "signed access review of production and customer data", time.February, 3, 2, time.Wednesday, 10, FollowPlan},
	{Training, "Yearly security training", "training records with coverage", time.February, 12, 1, time.Tuesday, 9, FollowPlan},
	{ManagementReview, "Management review", "management review minutes with decisions", time.March, 6, -1, time.Thursday, 13, FollowPlan},
	{SupplierReview, "Yearly supplier review", "supplier review notes and certificates checked", time.April, 12, 3, time.Wednesday, 10, FollowPlan},
	{BackupRestoreTest, "Yearly backup restore test", "restore test report", time.May, 12, 2, time.Thursday, 10, FollowPlan},
	{RecoveryTest, "Recovery test", "recovery test report with times achieved", time.June, 6, 2, time.Thursday, 10, FollowPlan},
	{InternalAudit, "Internal audit", "audit report and findings", time.September, 12, 2, time.Monday, 9, FollowPlan},
	{SoAReview, "Statement of Applicability review", "approved SoA version", time.October, 12, 3, time.Monday, 10, FollowPlan},
	{PolicyReview, "Information security policy review", "approved policy version", time.November, 12, 1, time.Monday, 10, FollowPlan},
}

// DefaultPlan builds the SME rhythm of the domain articles for a year:
// quarterly risk and access reviews, yearly training, management reviews
// twice a year, yearly supplier review, backup restore test, internal
// audit, SoA and policy reviews, and recovery tests twice a year. Each is on
// a fixed weekday of its month (e.g. the third Tuesday), so none falls on a
// weekend. Cadence overrides any kind's frequency.
func DefaultPlan(p PlanParams) (Plan, error) {
	var probs isms.Problems
	if p.Year < 1900 || p.Year > 9999 {
		probs.Addf("year", "year %d is not a plan year", p.Year)
	}
	plan := Plan{Name: fmt.Sprintf("ISMS plan %d", p.Year), Workdays: p.Workdays}
	for _, d := range rhythm {
		owner := p.Owners[d.kind]
		if owner == "" {
			owner = p.DefaultOwner
		}
		start := time.Date(p.Year, d.month, 1, d.hour, 0, 0, 0, time.UTC)
		rule := NthWeekday(d.interval, d.nth, d.weekday, start, p.TZ)
		if c, ok := p.Cadence[d.kind]; ok {
			rule = Rule{Freq: c.Freq, Interval: c.Interval, TZ: p.TZ, Start: start}
			if c.Freq == Monthly {
				rule.Nth, rule.Weekday = d.nth, d.weekday
			}
		}
		plan.Activities = append(plan.Activities, Activity{
			ID: isms.DeriveID[Activity](p.Namespace, fmt.Sprintf("%d/%s", p.Year, d.kind)), Title: d.title, Kind: d.kind,
			Owner: owner, Evidence: d.evidence, Rule: rule, Chain: d.chain,
		})
	}
	probs.Merge("", plan.Validate())
	if err := probs.Err(); err != nil {
		return Plan{}, err
	}
	return plan, nil
}

// ObjectiveDeadlines turns measurable objectives into one-off calendar
// activities on their deadlines; owner names the objective's owner.
func ObjectiveDeadlines(objs []isms.Objective, tz string, owner func(isms.Owner) string) []Activity {
	var out []Activity
	for _, o := range objs {
		out = append(out, Activity{
			ID: isms.IDFromUUID[Activity](o.ID.UUID()), Title: "Objective due: " + o.Title, Kind: ObjectiveDeadline,
			Owner: owner(o.Owner), Evidence: fmt.Sprintf("measured %s %s", o.Metric, o.Target),
			Rule: OnceAt(o.Deadline, tz),
		})
	}
	return out
}
