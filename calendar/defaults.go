package calendar

import (
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/isms"
)

// PlanOptions configure DefaultPlan. Namespace is required: it keeps one
// organization's activity IDs (and iCalendar UIDs) apart from another's.
type PlanOptions struct {
	TZ string
	// Owners names the owner of each kind of activity; kinds without one
	// get DefaultOwner.
	Owners       map[Kind]string
	DefaultOwner string
	// Cadence changes default activities by kind: how often, the month,
	// weekday, time of day or title (see Cadence); they stay in the plan.
	Cadence  map[Kind]Cadence
	Workdays Workdays
	// Activities are the organization's own (see Spec), added after the
	// default ones; a ref must not repeat a default activity's (change
	// those through Cadence).
	Activities []Spec
	// Namespace derives stable activity IDs (and so stable iCalendar UIDs).
	Namespace uuid.UUID
}

// defaultActivity is one line of the SME rhythm.
type defaultActivity struct {
	kind     Kind
	title    string
	named    bool // the title names the default cadence
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
	{RiskReview, "Quarterly risk review", true, "updated risk register and review minutes", time.January, 3, 3, time.Tuesday, 10, FromCompletion},
	{AccessReview, "Quarterly access review", true, "signed record of the access review", time.February, 3, 2, time.Wednesday, 10, FollowPlan},
	{Training, "Yearly security training", true, "training records with coverage", time.February, 12, 1, time.Tuesday, 9, FollowPlan},
	{ManagementReview, "Management review", false, "management review minutes with decisions", time.March, 6, -1, time.Thursday, 13, FollowPlan},
	{SupplierReview, "Yearly supplier review", true, "supplier review notes and certificates checked", time.April, 12, 3, time.Wednesday, 10, FollowPlan},
	{BackupRestoreTest, "Yearly backup restore test", true, "restore test report", time.May, 12, 2, time.Thursday, 10, FollowPlan},
	{RecoveryTest, "Recovery test", false, "recovery test report with times achieved", time.June, 6, 2, time.Thursday, 10, FollowPlan},
	{InternalAudit, "Internal audit", false, "audit report and findings", time.September, 12, 2, time.Monday, 9, FollowPlan},
	{SoAReview, "Statement of Applicability review", false, "approved SoA version", time.October, 12, 3, time.Monday, 10, FollowPlan},
	{PolicyReview, "Information security policy review", false, "approved policy version", time.November, 12, 1, time.Monday, 10, FollowPlan},
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
		rec, title := d.recurrence(&probs, year, p.TZ, p.Cadence)
		plan.Activities = append(plan.Activities, Activity{
			ID: isms.DeriveID[Activity](p.Namespace, fmt.Sprintf("%d/%s", year, d.kind)), Ref: string(d.kind), Title: title, Kind: d.kind,
			Owner: owner, Evidence: d.evidence, Recurrence: rec, Chain: d.chain,
		})
	}
	for k := range p.Cadence {
		if !slices.ContainsFunc(rhythm, func(d defaultActivity) bool { return d.kind == k }) {
			probs.Addf(isms.JoinPath("cadence", string(k)), "%q is not a default activity (%v); add your own through PlanOptions.Activities", k, defaultKinds())
		}
	}
	for i, s := range p.Activities {
		path := isms.Index("activities", i)
		if slices.ContainsFunc(rhythm, func(d defaultActivity) bool { return string(d.kind) == s.Ref }) {
			probs.Addf(isms.JoinPath(path, "ref"), "ref %q is a default activity's; change it through PlanOptions.Cadence[%q], or choose another ref", s.Ref, s.Ref)
			continue
		}
		owner := s.Owner
		if owner == "" {
			owner = p.DefaultOwner
		}
		a, err := BuildActivity(s, year, p.TZ, owner, p.Namespace)
		probs.Merge(path, err)
		if err == nil {
			plan.Activities = append(plan.Activities, a)
		}
	}
	if len(p.Activities) > MaxActivities {
		probs.Addf("activities", "%d activities are more than MaxActivities (%d)", len(p.Activities), MaxActivities)
	}
	if probs.Len() == 0 {
		probs.Merge("", plan.Validate())
	}
	if err := probs.Err(); err != nil {
		return Plan{}, err
	}
	return plan, nil
}

func defaultKinds() []Kind {
	out := make([]Kind, len(rhythm))
	for i, d := range rhythm {
		out[i] = d.kind
	}
	return out
}

// recurrence is the default activity's rule in the year, changed by its
// Cadence, and its title.
func (d defaultActivity) recurrence(probs *isms.Problems, year int, tz string, cadence map[Kind]Cadence) (Recurrence, string) {
	w := when{repeat: Monthly, interval: d.interval, month: d.month, nth: d.nth, weekday: d.weekday, hour: d.hour}
	c, ok := cadence[d.kind]
	if !ok {
		return NthWeekday(d.interval, d.nth, d.weekday, time.Date(year, d.month, 1, d.hour, 0, 0, 0, time.UTC), tz), d.title
	}
	var p isms.Problems
	changed := false
	switch {
	case c.Repeat == "" && c.Interval != 0:
		p.Addf("repeat", "say what the interval %d counts: repeat \"monthly\" or \"yearly\"", c.Interval)
	case c.Repeat == Monthly || c.Repeat == Yearly:
		n := max(c.Interval, 1)
		if c.Interval < 0 || n > MaxInterval {
			p.Addf("interval", "interval %d is not between 1 and MaxInterval (%d)", c.Interval, MaxInterval)
		}
		if c.Repeat == Yearly {
			n *= 12
		}
		changed = n != d.interval
		w.interval = n
	case c.Repeat != "":
		p.Addf("repeat", "a default activity repeats \"monthly\" or \"yearly\", not %q; add your own activity (PlanOptions.Activities) for another rule", c.Repeat)
	}
	parseWhen(&p, &w, c.Month, c.Nth, c.Weekday, c.At)
	checkText(&p, "title", c.Title)
	probs.Merge(isms.JoinPath("cadence", string(d.kind)), p.Err())
	if p.Len() > 0 {
		return Recurrence{}, d.title
	}
	rec := w.recurrence(year, tz)
	title := d.title
	switch {
	case c.Title != "":
		title = c.Title
	case changed:
		title = Title(d.kind, "", rec)
	}
	return rec, title
}
