package calendar_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
)

// The calendar items of the consultant's trial (issue 18), one test each.

func icsOf(t *testing.T, p calendar.Plan) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, calendar.WriteICS(&b, p, calendar.ICSOptions{Now: y2027}))
	_, err := ics.ParseCalendar(bytes.NewReader(b.Bytes()))
	require.NoError(t, err, "an independent parser reads it")
	return strings.ReplaceAll(b.String(), "\r\n ", "")
}

// Item 8: a record with a date and no time keeps the planned time of day.
func TestHeld_DateOnlyRecordKeepsThePlannedTimeOfDay(t *testing.T) {
	for _, tz := range []string{"Europe/Helsinki", "America/New_York", "Pacific/Auckland"} {
		t.Run(tz, func(t *testing.T) {
			p, err := calendar.DefaultPlan(2027, calendar.PlanOptions{TZ: tz, DefaultOwner: "IT manager", Namespace: ns})
			require.NoError(t, err)
			p = p.Hold(
				calendar.Held{Kind: calendar.ManagementReview, Date: time.Date(2027, 9, 28, 0, 0, 0, 0, time.UTC), Ref: "Management review 2027-09-28"},
				calendar.Held{Kind: calendar.Training, Date: time.Date(2027, 2, 15, 0, 0, 0, 0, time.UTC), Ref: "Security basics"},
			)
			loc, err := time.LoadLocation(tz)
			require.NoError(t, err)
			mr := byRef(t, p, "management_review")
			assert.Contains(t, ymd(p.Occurrences(mr, y2027, y2028)), time.Date(2027, 9, 28, 13, 0, 0, 0, loc).Format("2006-01-02 15:04 Mon"),
				"held on 2027-09-28, shown at the planned 13:00 in the plan's zone")
			tr := byRef(t, p, "training")
			assert.Equal(t, []string{"2027-02-15 09:00 Mon"}, ymd(inZone(p.Occurrences(tr, y2027, y2028), loc)))
			out := icsOf(t, p)
			assert.Contains(t, out, "20270928T130000")
			assert.Contains(t, out, "DTSTART;TZID="+tz+":20270215T090000")
			assert.NotContains(t, out, "T000000,", "no moved occurrence at midnight")
		})
	}
	// A record with a time keeps it.
	p, err := calendar.DefaultPlan(2027, calendar.PlanOptions{TZ: "Europe/Helsinki", DefaultOwner: "IT manager", Namespace: ns})
	require.NoError(t, err)
	at := time.Date(2027, 9, 28, 11, 30, 0, 0, time.UTC)
	p = p.Hold(calendar.Held{Kind: calendar.ManagementReview, Date: at})
	assert.True(t, containsTime(p.Occurrences(byRef(t, p, "management_review"), y2027, y2028), at))
}

func inZone(ts []time.Time, loc *time.Location) []time.Time {
	out := make([]time.Time, len(ts))
	for i, x := range ts {
		out[i] = x.In(loc)
	}
	return out
}

func containsTime(ts []time.Time, x time.Time) bool {
	for _, t := range ts {
		if t.Equal(x) {
			return true
		}
	}
	return false
}

// Item 8: duties with a date and no time are all-day events.
func TestFromDuties_DateOnlyDutiesAreAllDayEventsNotMidnightHours(t *testing.T) {
	due := time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)
	var ds []isms.Duty
	for i, k := range []isms.DutyKind{isms.DutyRiskReview, isms.DutyObjectiveDeadline, isms.DutyTreatmentAction, isms.DutyPolicyCommunication} {
		d := duty("duty "+string(k), k)
		d.Due = due.AddDate(0, 0, i)
		ds = append(ds, d)
	}
	timed := duty("timed", isms.DutyTreatmentAction)
	timed.Due = time.Date(2027, 5, 3, 14, 0, 0, 0, time.UTC)
	ds = append(ds, timed)
	items, err := calendar.FromDuties(ds, calendar.DutyOptions{TZ: "Europe/Helsinki", Names: names})
	require.NoError(t, err)
	for _, a := range items[:4] {
		assert.True(t, a.AllDay, a.Title)
	}
	assert.False(t, items[4].AllDay, "a duty with a time of day stays timed")
	p := calendar.Plan{Name: "duties", Activities: items}
	out := icsOf(t, p)
	for _, d := range []string{"20270331", "20270401", "20270402", "20270403"} {
		assert.Contains(t, out, "DTSTART;VALUE=DATE:"+d)
	}
	assert.Contains(t, out, "DTEND;VALUE=DATE:20270404")
	assert.NotRegexp(t, `(?m)^DT(START|END)[^\r]*T000000`, out, "no duty is a 00:00 timed event")
	assert.Contains(t, out, "DTSTART;TZID=Europe/Helsinki:20270503T140000")
}

// Item 9: every default kind, with every repeat, is titled by its cadence.
func TestDefaultPlan_TitlesFollowTheCadenceForEveryDefaultKind(t *testing.T) {
	def := clientPlan(t, calendar.PlanOptions{})
	rules := []calendar.Cadence{
		{Repeat: calendar.Monthly}, {Repeat: calendar.Monthly, Interval: 2}, {Repeat: calendar.Monthly, Interval: 3},
		{Repeat: calendar.Monthly, Interval: 4}, {Repeat: calendar.Monthly, Interval: 6}, {Repeat: calendar.Monthly, Interval: 12},
		{Repeat: calendar.Yearly}, {Repeat: calendar.Yearly, Interval: 2}, {Repeat: calendar.Yearly, Interval: 3},
	}
	for _, d := range def.Activities {
		for _, c := range rules {
			p := clientPlan(t, calendar.PlanOptions{Cadence: map[calendar.Kind]calendar.Cadence{d.Kind: c}})
			a := byRef(t, p, d.Ref)
			want := calendar.Title(d.Kind, "", a.Recurrence)
			if a.Recurrence.Interval == d.Recurrence.Interval {
				// The default cadence: the default title, which never
				// names another cadence.
				want = d.Title
			}
			assert.Equal(t, want, a.Title, "%s %+v", d.Kind, c)
		}
	}
	p := clientPlan(t, calendar.PlanOptions{Cadence: map[calendar.Kind]calendar.Cadence{calendar.RecoveryTest: {Repeat: calendar.Yearly}}})
	assert.Equal(t, "Yearly recovery test", byRef(t, p, "recovery_test").Title)
}

// Item 16: the default evidence texts fit any organization.
func TestDefaultPlan_EvidenceTextsAreGenericNotTheSampleSaaSCompanys(t *testing.T) {
	p := clientPlan(t, calendar.PlanOptions{})
	for _, a := range p.Activities {
		assert.NotEmpty(t, a.Evidence, a.Ref)
		for _, w := range []string{"production", "customer", "SaaS", "cloud", "platform", "tenant"} {
			assert.NotContains(t, strings.ToLower(a.Evidence), strings.ToLower(w), a.Ref)
		}
	}
	assert.Equal(t, "signed record of the access review", byRef(t, p, "access_review").Evidence)
}

// Item 10: quiet months (an accountancy's tax season).
func TestDefaultPlan_QuietMonths_TaxSeasonJanuaryToAprilHasNoDefaultActivity(t *testing.T) {
	season := []time.Month{1, 2, 3, 4}
	p := clientPlan(t, calendar.PlanOptions{QuietMonths: season})
	require.NoError(t, p.Validate())
	assert.Equal(t, season, p.QuietMonths)
	for _, a := range p.Activities {
		for _, o := range p.Occurrences(a, y2027, y2028) {
			assert.Greater(t, o.Month(), time.April, "%s on %s", a.Ref, o)
		}
	}
	risk := byRef(t, p, "risk_review")
	assert.Equal(t, "Half-yearly risk review", risk.Title, "no quarterly rhythm avoids four quiet months in a row")
	assert.Contains(t, risk.Description, "instead of quarterly")
	assert.Len(t, p.Occurrences(risk, y2027, y2028), 2)
	mr := byRef(t, p, "management_review")
	assert.Equal(t, []string{"2027-05-27 13:00 Thu", "2027-11-25 13:00 Thu"}, ymd(p.Occurrences(mr, y2027, y2028)), "still twice a year, the nearest months")
	assert.Equal(t, "Management review", mr.Title, "same cadence, same title")
	assert.Empty(t, p.Lint(y2027, y2028))

	// One quiet month: the count per year is kept.
	one := clientPlan(t, calendar.PlanOptions{QuietMonths: []time.Month{time.January}})
	assert.Len(t, one.Occurrences(byRef(t, one, "risk_review"), y2027, y2028), 4)
	assert.Equal(t, "Quarterly risk review", byRef(t, one, "risk_review").Title)

	// A month the client chose, an own activity on a fixed date and a duty are
	// not moved: Lint warns.
	p = clientPlan(t, calendar.PlanOptions{QuietMonths: season,
		Cadence:    map[calendar.Kind]calendar.Cadence{calendar.SupplierReview: {Month: time.February}},
		Activities: []calendar.Spec{{Ref: "cert", Title: "Certification audit", Repeat: calendar.Once, Date: calendar.Date{Year: 2027, Month: 3, Day: 15}}},
	})
	d := duty("Review risk R-1", isms.DutyRiskReview)
	d.Due = time.Date(2027, 4, 30, 0, 0, 0, 0, time.UTC)
	items, err := calendar.FromDuties([]isms.Duty{d}, calendar.DutyOptions{TZ: "Europe/Helsinki", Names: names})
	require.NoError(t, err)
	p = p.Add(items...)
	var msgs []string
	for _, a := range p.Lint(y2027, y2028) {
		assert.Equal(t, "calendar/quiet-month", a.Code)
		assert.Equal(t, isms.SeverityWarning, a.Severity)
		msgs = append(msgs, a.Message)
	}
	require.Len(t, msgs, 3, "%v", msgs)
	assert.Contains(t, strings.Join(msgs, "\n"), "2027-02-17")
	assert.Contains(t, strings.Join(msgs, "\n"), "2027-03-15")
	assert.Contains(t, strings.Join(msgs, "\n"), "2027-04-30")

	// A duty due on one of the plan's public holidays is warned about too
	// (a trial's action due on Ascension Day passed without a word).
	h := duty("Implement 8.13", isms.DutyTreatmentAction)
	h.Due = time.Date(2027, 5, 6, 0, 0, 0, 0, time.UTC)
	items, err = calendar.FromDuties([]isms.Duty{h}, calendar.DutyOptions{TZ: "Europe/Helsinki", Names: names})
	require.NoError(t, err)
	noQuiet := clientPlan(t, calendar.PlanOptions{Workdays: calendar.Workdays{Holidays: []calendar.Date{{Year: 2027, Month: 5, Day: 6}}}}).Add(items...)
	adv := noQuiet.Lint(y2027, y2028)
	require.Len(t, adv, 1, "%v", adv)
	assert.Equal(t, "calendar/holiday", adv[0].Code)
	assert.Contains(t, adv[0].Message, `"Implement 8.13" falls on a public holiday on 2027-05-06`)

	_, err = calendar.DefaultPlan(2027, calendar.PlanOptions{TZ: "UTC", DefaultOwner: "IT manager", Namespace: ns, QuietMonths: []time.Month{0, 13}})
	assert.ElementsMatch(t, []string{"quiet_months[0]", "quiet_months[1]"}, paths(err))
	_, err = calendar.DefaultPlan(2027, calendar.PlanOptions{TZ: "UTC", DefaultOwner: "IT manager", Namespace: ns, QuietMonths: []time.Month{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}})
	assert.Equal(t, []string{"quiet_months"}, paths(err))
}

func TestDefaultPlan_Properties_QuietMonthsAvoidedCountKeptWhenPossibleDeterministic(t *testing.T) {
	def := clientPlan(t, calendar.PlanOptions{})
	rapid.Check(t, func(rt *rapid.T) {
		var quiet []time.Month
		for m := time.January; m <= time.December; m++ {
			if rapid.Bool().Draw(rt, m.String()) {
				quiet = append(quiet, m)
			}
		}
		if len(quiet) == 12 {
			quiet = quiet[1:]
		}
		isQuiet := func(m time.Month) bool { return slices.Contains(quiet, m) }
		a := def.Activities[rapid.IntRange(0, len(def.Activities)-1).Draw(rt, "activity")]
		n := rapid.SampledFrom([]int{1, 2, 3, 4, 5, 6, 12, 24}).Draw(rt, "interval")
		o := calendar.PlanOptions{QuietMonths: quiet, Cadence: map[calendar.Kind]calendar.Cadence{a.Kind: {Repeat: calendar.Monthly, Interval: n}}}
		o.TZ, o.DefaultOwner, o.Namespace = "Europe/Helsinki", "IT manager", ns
		p, err := calendar.DefaultPlan(2027, o)
		require.NoError(rt, err)
		again, err := calendar.DefaultPlan(2027, o)
		require.NoError(rt, err)
		require.Equal(rt, p, again, "deterministic")
		got := byRefR(rt, p, a.Ref)
		occ := p.Occurrences(got, y2027, y2028)
		require.NotEmpty(rt, occ)
		for _, x := range occ {
			require.False(rt, isQuiet(x.Month()), "%s in quiet month %s", a.Ref, x.Month())
		}
		// Could a rule every n months, in some month, keep out of them?
		possible := false
		for s := 1; s <= min(n, 12); s++ {
			ok := true
			for m := s; m <= 12; m += n {
				ok = ok && !isQuiet(time.Month(m))
			}
			possible = possible || ok
		}
		if possible && n <= 12 && 12%n == 0 {
			require.Len(rt, occ, 12/n, "count per year kept")
		}
		assert.Empty(rt, p.Lint(y2027, y2028))
	})
}

func byRefR(t require.TestingT, p calendar.Plan, ref string) calendar.Activity {
	for _, a := range p.Activities {
		if a.Ref == ref {
			return a
		}
	}
	require.Fail(t, "no activity "+ref)
	return calendar.Activity{}
}
