package calendar

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/isms"
)

// Cadence changes one default activity of DefaultPlan (PlanOptions.Cadence)
// without replacing it: how often it happens (Repeat and Interval), in
// which month, on which weekday, at what time, and its title. Every field
// is optional; a zero field keeps the default. It keeps the activity's ref,
// ID, owner and evidence.
//
// Month names one month the activity happens in; the others follow the
// interval within the year, so moving a quarterly review from January to
// February (or to November) keeps four a year: February, May, August,
// November. A yearly interval (Yearly 1 or Monthly 12) happens in that
// month.
type Cadence struct {
	// Repeat and Interval say how often, e.g. monthly 1, monthly 6,
	// yearly 1. Yearly n is kept as every 12·n months on the same weekday
	// rule, so a yearly activity never falls on a weekend.
	Repeat   Repeat `json:"repeat,omitempty"`
	Interval int    `json:"interval,omitempty"`
	// Month is a month the activity happens in, 1–12.
	Month time.Month `json:"month,omitempty"`
	// Nth and Weekday pick the n-th (1–4) or last (-1) weekday of the
	// month; Weekday is an English day name, "monday" to "sunday" (any
	// case). Either alone keeps the default of the other.
	Nth     int    `json:"nth,omitempty"`
	Weekday string `json:"weekday,omitempty"`
	// At is the time of day, "HH:MM" (24-hour), in the plan's zone.
	At string `json:"at,omitempty"`
	// Title replaces the title; "" derives it from the cadence (Title).
	Title string `json:"title,omitempty"`
}

// Spec describes an activity of the organization's own in plain terms
// (PlanOptions.Activities): a monthly log review, a fire drill per site
// twice a year, the certification audit on one date. DefaultPlan turns it
// into an Activity for the plan year; BuildActivity does so on its own.
//
// Repeat "once" needs Date. A repeating Spec starts at Date when given,
// else in the plan year at Month (as in Cadence: Month names one month it
// happens in, default January). Monthly and yearly ones fall on Day of the
// month when given, else on the Nth Weekday (default: the first Monday), so
// they never fall on a weekend; weekly ones on Weekday. At is the time of
// day (default 09:00).
type Spec struct {
	// Ref is the activity's key, unique in the plan, e.g. "log-review" or
	// "fire-drill/oulu"; it also derives the activity's ID.
	Ref string `json:"ref"`
	// Title defaults to the cadence and kind ("Monthly access review");
	// a Custom activity needs one.
	Title string `json:"title,omitempty"`
	// Kind defaults to Custom; a record of this kind (Held) completes it.
	Kind Kind `json:"kind,omitempty"`
	// Owner is who does it; default: PlanOptions.DefaultOwner.
	Owner string `json:"owner,omitempty"`
	// Description says what is done.
	Description string `json:"description,omitempty"`
	// Evidence says what completes an occurrence ("log review notes").
	Evidence string `json:"evidence,omitempty"`

	// Repeat is how often: once, daily, weekly, monthly or yearly.
	Repeat Repeat `json:"repeat"`
	// Interval counts the repeat units between occurrences (6 with
	// monthly: twice a year); 0 means 1.
	Interval int `json:"interval,omitempty"`
	// Date is the day of a one-off activity, or the first day of a
	// repeating one (YYYY-MM-DD).
	Date Date `json:"date,omitzero"`
	// Month is a month a repeating activity happens in, 1–12.
	Month time.Month `json:"month,omitempty"`
	// Day is the day of the month, 1–31 (the last day in shorter months).
	Day int `json:"day,omitempty"`
	// Nth picks the n-th (1–4) or last (-1) Weekday of the month.
	Nth int `json:"nth,omitempty"`
	// Weekday is an English day name, "monday" to "sunday" (any case).
	Weekday string `json:"weekday,omitempty"`
	// At is the time of day, "HH:MM" (24-hour); default 09:00.
	At string `json:"at,omitempty"`
	// Count ends the series after that many occurrences.
	Count int `json:"count,omitempty"`
	// Until ends the series on that day (YYYY-MM-DD).
	Until Date `json:"until,omitzero"`
	// Adjust moves an occurrence that falls on a day off to the next or
	// previous working day.
	Adjust Direction `json:"adjust,omitempty"`
	// Chain "from_completion" plans the next occurrence one interval
	// after the last one done.
	Chain Chain `json:"chain,omitempty"`
}

// baseTitles name each kind of activity; Title puts the cadence in front.
var baseTitles = map[Kind]string{
	RiskReview: "risk review", AccessReview: "access review", Training: "security training",
	ManagementReview: "management review", SupplierReview: "supplier review", BackupRestoreTest: "backup restore test",
	RecoveryTest: "recovery test", InternalAudit: "internal audit", SoAReview: "Statement of Applicability review",
	PolicyReview: "information security policy review", ObjectiveDeadline: "objective deadline",
}

// Title derives an activity's title from its kind and recurrence, so that
// a title never names another cadence: "Monthly access review",
// "Quarterly risk review", "Half-yearly management review", "Yearly
// internal audit", "Fire drill every 4 months", "Internal audit" (once).
// base, when not "", replaces the kind's own name ("fire drill"). It
// returns "" for a Custom kind without a base.
func Title(kind Kind, base string, r Recurrence) string {
	if base == "" {
		base = baseTitles[kind]
	}
	if base == "" {
		return ""
	}
	word, every := cadenceWords(r)
	switch {
	case word != "":
		return word + " " + lowerFirst(base)
	case every != "":
		return upperFirst(base) + " " + every
	}
	return upperFirst(base)
}

// cadenceWords names a recurrence's cadence: a word ("Quarterly") or a
// phrase ("every 2 months").
func cadenceWords(r Recurrence) (string, string) {
	n := r.interval()
	unit := r.Repeat
	if unit == Monthly && n%12 == 0 {
		unit, n = Yearly, n/12
	}
	named := map[Repeat]map[int]string{
		Daily: {1: "Daily"}, Weekly: {1: "Weekly", 2: "Fortnightly"},
		Monthly: {1: "Monthly", 3: "Quarterly", 6: "Half-yearly"}, Yearly: {1: "Yearly"},
	}
	if w := named[unit][n]; w != "" {
		return w, ""
	}
	units := map[Repeat]string{Daily: "days", Weekly: "weeks", Monthly: "months", Yearly: "years"}
	if units[unit] == "" {
		return "", ""
	}
	return "", fmt.Sprintf("every %d %s", n, units[unit])
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// lowerFirst lowers the first letter unless the word is an acronym or a
// proper name ("Statement of Applicability" stays).
func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "Statement of") {
		return s
	}
	if len(s) > 1 && strings.ToUpper(s[:2]) == s[:2] {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// when is the common shape of a Cadence and a Spec's schedule.
type when struct {
	repeat   Repeat
	interval int
	month    time.Month
	day, nth int
	weekday  time.Weekday
	hour     int
	min      int
	date     Date
	count    int
	until    Date
}

// parseWhen checks the schedule fields shared by Cadence and Spec and
// fills w's month, nth, weekday and time of day from them.
func parseWhen(p *isms.Problems, w *when, month time.Month, nth int, weekday, at string) {
	if month != 0 {
		if month < time.January || month > time.December {
			p.Addf("month", "month %d is not 1–12", month)
		} else {
			w.month = month
		}
	}
	if nth != 0 {
		if nth < -1 || nth > 4 {
			p.Addf("nth", "n-th weekday %d is not 1–4 or -1 (last)", nth)
		} else {
			w.nth = nth
		}
	}
	if weekday != "" {
		d, ok := weekdays[strings.ToLower(strings.TrimSpace(weekday))]
		if !ok {
			p.Addf("weekday", "weekday %q is not a day name such as \"monday\"", clip(weekday))
		} else {
			w.weekday = d
		}
	}
	if at != "" {
		t, err := time.Parse("15:04", at)
		if err != nil || len(at) != 5 {
			p.Addf("at", "time %q is not HH:MM (24-hour), e.g. \"09:30\"", clip(at))
		} else {
			w.hour, w.min = t.Hour(), t.Minute()
		}
	}
}

// recurrence turns the schedule into a rule in the plan year.
func (w when) recurrence(year int, tz string) Recurrence {
	clock := func(d Date) time.Time { return time.Date(d.Year, d.Month, d.Day, w.hour, w.min, 0, 0, time.UTC) }
	n := max(w.interval, 1)
	var r Recurrence
	switch w.repeat {
	case Once:
		r = OnceAt(clock(w.date), tz)
	case Daily, Weekly:
		start := w.date
		if start == (Date{}) {
			start = Date{year, max(w.month, time.January), 1}
		}
		t := clock(start)
		if w.repeat == Weekly {
			t = t.AddDate(0, 0, (int(w.weekday)-int(t.Weekday())+7)%7)
		}
		r = Every(n, w.repeat, t, tz)
	default: // Monthly, Yearly: both in months, on a day or a weekday rule
		months := n
		if w.repeat == Yearly {
			months = 12 * n
		}
		y, mo := year, max(w.month, time.January)
		if w.date != (Date{}) {
			y, mo = w.date.Year, w.date.Month
		} else if months <= 12 {
			mo = time.Month(1 + (int(mo)-1)%months)
		}
		if w.day > 0 {
			r = Every(months, Monthly, clock(Date{y, mo, w.day}), tz)
			if w.date != (Date{}) {
				r.Start = clock(w.date)
			}
		} else {
			r = NthWeekday(months, w.nth, w.weekday, clock(Date{y, mo, 1}), tz)
		}
	}
	r.Count = w.count
	if w.until != (Date{}) {
		r.Until = time.Date(w.until.Year, w.until.Month, w.until.Day, 23, 59, 59, 0, time.UTC)
	}
	return r
}

// BuildActivity turns a Spec into an Activity for the plan year, its ID
// derived from namespace, year and ref (as DefaultPlan does), in the zone
// tz; owner is used when the Spec names none. The error lists every
// problem, with paths such as "weekday".
func BuildActivity(s Spec, year int, tz, owner string, namespace uuid.UUID) (Activity, error) {
	var p isms.Problems
	w := when{repeat: s.Repeat, interval: s.Interval, nth: 1, weekday: time.Monday, hour: 9, date: s.Date, count: s.Count, until: s.Until}
	if strings.TrimSpace(s.Ref) == "" {
		p.Addf("ref", "give the activity a ref, e.g. \"log-review\"; completions and records address it by that")
	}
	checkRef(&p, "ref", s.Ref)
	parseWhen(&p, &w, s.Month, s.Nth, s.Weekday, s.At)
	if s.Day < 0 || s.Day > 31 {
		p.Addf("day", "day of the month %d is not 1–31", s.Day)
	} else {
		w.day = s.Day
	}
	if s.Day != 0 && (s.Nth != 0 || s.Weekday != "") && s.Repeat != Weekly {
		p.Addf("day", "choose a day of the month or an n-th weekday, not both")
	}
	if s.Date != (Date{}) {
		p.Merge("date", s.Date.Validate())
	}
	if s.Until != (Date{}) {
		p.Merge("until", s.Until.Validate())
	}
	if s.Repeat == Once && s.Date == (Date{}) {
		p.Addf("date", "a one-off activity needs its date, e.g. \"2027-11-15\"")
	}
	kind := s.Kind
	if kind == "" {
		kind = Custom
	}
	if !slices.Contains(kinds, kind) {
		p.Addf("kind", "activity kind %q is not one of %v", kind, kinds)
	}
	if s.Owner != "" {
		owner = s.Owner
	}
	if p.Len() > 0 || !isRepeat(s.Repeat) {
		if !isRepeat(s.Repeat) {
			p.Addf("repeat", "repeat unit %q is not one of %v", s.Repeat, repeats)
		}
		return Activity{}, p.Err()
	}
	rec := w.recurrence(year, tz)
	title := s.Title
	if title == "" {
		title = Title(kind, "", rec)
		if title == "" {
			p.Addf("title", "a custom activity needs a title, e.g. \"Monthly log review\"")
		}
	}
	a := Activity{
		ID: isms.DeriveID[Activity](namespace, fmt.Sprintf("%d/%s", year, s.Ref)), Ref: s.Ref, Title: title, Kind: kind,
		Owner: owner, Description: s.Description, Evidence: s.Evidence, Recurrence: rec, Chain: s.Chain, Adjust: s.Adjust,
	}
	if p.Len() == 0 {
		p.Merge("", a.Validate())
	}
	if err := p.Err(); err != nil {
		return Activity{}, err
	}
	return a, nil
}

func isRepeat(r Repeat) bool { return slices.Contains(repeats, r) }
