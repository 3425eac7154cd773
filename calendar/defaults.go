package calendar

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
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
	// QuietMonths are months nothing should be planned in, such as an
	// accountancy's tax season (January to April). A default activity
	// that would fall in one moves to the nearest month that keeps every
	// occurrence out of them (a later month on a tie), keeping its
	// interval, so its count per year, when any month allows it; when
	// none does (a quarterly rhythm against four quiet months in a row)
	// the interval grows to the next that fits (quarterly becomes
	// half-yearly), the title follows, and the description says why. A
	// month set through Cadence.Month is kept, and an own activity or a
	// duty is never moved: Plan.Lint warns of those in a quiet month.
	// For an interval that does not divide a year, the plan year is
	// checked. All twelve months quiet is an error.
	QuietMonths []time.Month
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
	{AccessReview, "Quarterly access review", "signed record of the access review", time.February, 3, 2, time.Wednesday, 10, FollowPlan},
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
	quiet, ok := quietSet(&probs, "quiet_months", p.QuietMonths)
	if ok && len(p.QuietMonths) > 0 {
		plan.QuietMonths = quiet.months()
	}
	for _, d := range rhythm {
		owner := p.Owners[d.kind]
		if owner == "" {
			owner = p.DefaultOwner
		}
		if owner == "" {
			probs.Addf(isms.JoinPath("owners", string(d.kind)), "nobody owns %q; set PlanOptions.DefaultOwner or PlanOptions.Owners[%q]", d.title, d.kind)
		}
		rec, title, note := d.recurrence(&probs, year, p.TZ, p.Cadence, quiet)
		plan.Activities = append(plan.Activities, Activity{
			ID: isms.DeriveID[Activity](p.Namespace, fmt.Sprintf("%d/%s", year, d.kind)), Ref: string(d.kind), Title: title, Kind: d.kind,
			Owner: owner, Evidence: d.evidence, Recurrence: rec, Chain: d.chain, Description: note,
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
// Cadence and moved out of the quiet months, its title, and a note when
// the quiet months stretched its interval.
func (d defaultActivity) recurrence(probs *isms.Problems, year int, tz string, cadence map[Kind]Cadence, quiet quietMonths) (Recurrence, string, string) {
	w := when{repeat: Monthly, interval: d.interval, month: d.month, nth: d.nth, weekday: d.weekday, hour: d.hour}
	c, ok := cadence[d.kind]
	if !ok && quiet == 0 {
		return NthWeekday(d.interval, d.nth, d.weekday, time.Date(year, d.month, 1, d.hour, 0, 0, 0, time.UTC), tz), d.title, ""
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
		return Recurrence{}, d.title, ""
	}
	note := ""
	if c.Month == 0 {
		before := w.interval
		w.month, w.interval = quiet.avoid(w.month, w.interval)
		if w.interval != before {
			changed = true
			word, every := cadenceWords(Recurrence{Repeat: Monthly, Interval: before})
			note = fmt.Sprintf("Every %d months instead of %s: no month at that interval keeps out of the quiet months (%s).",
				w.interval, cmp.Or(strings.ToLower(word), every), quiet)
		}
	}
	rec := w.recurrence(year, tz)
	title := d.title
	switch {
	case c.Title != "":
		title = c.Title
	case changed:
		title = Title(d.kind, "", rec)
	}
	return rec, title, note
}

// quietMonths is a set of months, bit m for month m.
type quietMonths uint16

// quietSet checks a list of quiet months and returns it as a set; ok is
// false when it has a problem.
func quietSet(p *isms.Problems, path string, ms []time.Month) (quietMonths, bool) {
	var q quietMonths
	before := p.Len()
	for i, m := range ms {
		if m < time.January || m > time.December {
			p.Addf(isms.Index(path, i), "month %d is not 1–12", m)
			continue
		}
		q |= 1 << m
	}
	if q == quietMonths(0x1FFE) {
		p.Addf(path, "all twelve months are quiet; leave at least one month for the ISMS's activities")
	}
	return q, p.Len() == before
}

func (q quietMonths) has(m time.Month) bool { return q&(1<<m) != 0 }

func (q quietMonths) months() []time.Month {
	var out []time.Month
	for m := time.January; m <= time.December; m++ {
		if q.has(m) {
			out = append(out, m)
		}
	}
	return out
}

// String lists the months, e.g. "January, February, March, April".
func (q quietMonths) String() string {
	var names []string
	for _, m := range q.months() {
		names = append(names, m.String())
	}
	return strings.Join(names, ", ")
}

// fits says whether a rule every n months that happens in month m keeps
// out of the quiet months within a year (the plan year when n does not
// divide it).
func (q quietMonths) fits(m time.Month, n int) bool {
	first := m
	if n <= 12 {
		first = time.Month(1 + (int(m)-1)%n)
	}
	for x := int(first); x <= 12; x += n {
		if q.has(time.Month(x)) {
			return false
		}
	}
	return true
}

// avoid returns the month nearest to m (a later one on a tie) at which a
// rule every n months keeps out of the quiet months, with n; when no
// month does, the next interval that divides a year and fits, up to 12.
// With no quiet month, or when m fits, it returns m and n as they are.
func (q quietMonths) avoid(m time.Month, n int) (time.Month, int) {
	if q == 0 {
		return m, n
	}
	try := func(n int) (time.Month, bool) {
		for d := 0; d < 12; d++ {
			for _, c := range []int{int(m) + d, int(m) - d} {
				c = (c+11)%12 + 1
				if q.fits(time.Month(c), n) {
					return time.Month(c), true
				}
			}
		}
		return m, false
	}
	if c, ok := try(n); ok {
		return c, n
	}
	for _, k := range []int{2, 3, 4, 6, 12} {
		if k > n {
			if c, ok := try(k); ok {
				return c, k
			}
		}
	}
	return m, n
}
