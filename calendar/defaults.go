package calendar

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/isms"
)

// Cadence overrides how often one kind of activity happens in DefaultPlan.
type Cadence struct {
	Repeat   Repeat `json:"repeat"`
	Interval int    `json:"interval"`
}

// PlanOptions configure DefaultPlan. Namespace is required: it keeps one
// organization's activity IDs (and iCalendar UIDs) apart from another's.
type PlanOptions struct {
	TZ string
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
// weekend. PlanOptions.Cadence overrides how often any kind happens. The
// error lists every problem, e.g. a year outside 1900–9999, an unknown time
// zone, or a kind of activity nobody owns.
func DefaultPlan(year int, p PlanOptions) (Plan, error) {
	var probs isms.Problems
	if year < 1900 || year > 9999 {
		probs.Addf("year", "year %d is not a plan year (1900–9999)", year)
		return Plan{}, probs.Err()
	}
	if p.Namespace == uuid.Nil {
		probs.Addf("namespace", "give a namespace, e.g. isms.NewNamespace(organization name), so that this organization's activity IDs and calendar UIDs are its own")
	}
	plan := Plan{Name: fmt.Sprintf("ISMS plan %d", year), Workdays: p.Workdays}
	for _, d := range rhythm {
		owner := p.Owners[d.kind]
		if owner == "" {
			owner = p.DefaultOwner
		}
		if owner == "" {
			probs.Addf(isms.JoinPath("owners", string(d.kind)), "nobody owns %q; set PlanOptions.DefaultOwner or PlanOptions.Owners[%q]", d.title, d.kind)
		}
		start := time.Date(year, d.month, 1, d.hour, 0, 0, 0, time.UTC)
		rec := NthWeekday(d.interval, d.nth, d.weekday, start, p.TZ)
		if c, ok := p.Cadence[d.kind]; ok {
			rec = Recurrence{Repeat: c.Repeat, Interval: c.Interval, TZ: p.TZ, Start: start}
			if c.Repeat == Monthly {
				rec.Nth, rec.Weekday = d.nth, d.weekday
			}
		}
		plan.Activities = append(plan.Activities, Activity{
			ID: isms.DeriveID[Activity](p.Namespace, fmt.Sprintf("%d/%s", year, d.kind)), Title: d.title, Kind: d.kind,
			Owner: owner, Evidence: d.evidence, Recurrence: rec, Chain: d.chain,
		})
	}
	if probs.Len() == 0 {
		probs.Merge("", plan.Validate())
	}
	if err := probs.Err(); err != nil {
		return Plan{}, err
	}
	return plan, nil
}
