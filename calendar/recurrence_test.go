package calendar_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
)

var ns = isms.NewNamespace("calendar tests")

func at(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }

func activity(rule calendar.Recurrence) calendar.Activity {
	return calendar.Activity{ID: isms.DeriveID[calendar.Activity](ns, "a"), Title: "Review", Kind: calendar.Custom, Owner: "IT manager", Recurrence: rule}
}

func days(ts []time.Time) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Format("2006-01-02 15:04 MST"))
	}
	return out
}

func occ(a calendar.Activity, from, to time.Time, wd calendar.Workdays) []string {
	return days(slices.Collect(a.Occurrences(from, to, wd)))
}

func TestOccurrences_Table(t *testing.T) {
	wd := calendar.Workdays{Holidays: []calendar.Date{{Year: 2027, Month: time.April, Day: 30}}}
	from, to := at(2027, 1, 1, 0), at(2028, 1, 1, 0)
	tests := []struct {
		name string
		a    calendar.Activity
		want []string
	}{
		{"January 31 monthly clamps to month ends and never skips", activity(calendar.Every(1, calendar.Monthly, at(2027, 1, 31, 9), "")),
			[]string{"2027-01-31 09:00 UTC", "2027-02-28 09:00 UTC", "2027-03-31 09:00 UTC", "2027-04-30 09:00 UTC", "2027-05-31 09:00 UTC", "2027-06-30 09:00 UTC",
				"2027-07-31 09:00 UTC", "2027-08-31 09:00 UTC", "2027-09-30 09:00 UTC", "2027-10-31 09:00 UTC", "2027-11-30 09:00 UTC", "2027-12-31 09:00 UTC"}},
		{"quarterly", activity(calendar.Quarterly(at(2027, 1, 15, 10), "")),
			[]string{"2027-01-15 10:00 UTC", "2027-04-15 10:00 UTC", "2027-07-15 10:00 UTC", "2027-10-15 10:00 UTC"}},
		{"second Tuesday every four months", activity(calendar.NthWeekday(4, 2, time.Tuesday, at(2027, 2, 1, 9), "")),
			[]string{"2027-02-09 09:00 UTC", "2027-06-08 09:00 UTC", "2027-10-12 09:00 UTC"}},
		{"last Friday every six months", activity(calendar.NthWeekday(6, -1, time.Friday, at(2027, 3, 1, 9), "")),
			[]string{"2027-03-26 09:00 UTC", "2027-09-24 09:00 UTC"}},
		{"last business day skips the weekend and a holiday", activity(calendar.LastBusinessDayOf(1, at(2027, 4, 1, 16), "")),
			[]string{"2027-04-29 16:00 UTC", "2027-05-31 16:00 UTC", "2027-06-30 16:00 UTC", "2027-07-30 16:00 UTC", "2027-08-31 16:00 UTC", "2027-09-30 16:00 UTC",
				"2027-10-29 16:00 UTC", "2027-11-30 16:00 UTC", "2027-12-31 16:00 UTC"}},
		{"every two weeks, three times", func() calendar.Activity {
			r := calendar.Every(2, calendar.Weekly, at(2027, 3, 1, 9), "")
			r.Count = 3
			return activity(r)
		}(), []string{"2027-03-01 09:00 UTC", "2027-03-15 09:00 UTC", "2027-03-29 09:00 UTC"}},
		{"yearly from a leap day", activity(calendar.Every(1, calendar.Yearly, at(2024, 2, 29, 9), "")), []string{"2027-02-28 09:00 UTC"}},
		{"once", activity(calendar.OnceAt(at(2027, 6, 30, 12), "")), []string{"2027-06-30 12:00 UTC"}},
		{"once, outside the window", activity(calendar.OnceAt(at(2026, 6, 30, 12), "")), nil},
		{"moved to the next working day", func() calendar.Activity {
			a := activity(calendar.Every(1, calendar.Monthly, at(2027, 1, 30, 9), "")) // Sat 30 Jan
			a.Recurrence.Count = 3
			a.Adjust = calendar.Next
			return a
		}(), []string{"2027-02-01 09:00 UTC", "2027-03-01 09:00 UTC", "2027-03-30 09:00 UTC"}},
		{"until is inclusive", func() calendar.Activity {
			r := calendar.Every(1, calendar.Daily, at(2027, 12, 29, 9), "")
			r.Until = at(2027, 12, 30, 9)
			return activity(r)
		}(), []string{"2027-12-29 09:00 UTC", "2027-12-30 09:00 UTC"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, occ(tt.a, from, to, wd))
		})
	}
}

func TestOccurrences_DaylightSavingKeepsWallClock(t *testing.T) {
	// Helsinki moves its clocks on 28 March and 31 October 2027.
	a := activity(calendar.Every(1, calendar.Daily, at(2027, 3, 26, 9), "Europe/Helsinki"))
	got := occ(a, at(2027, 3, 26, 0), at(2027, 3, 30, 0), calendar.Workdays{})
	assert.Equal(t, []string{"2027-03-26 09:00 EET", "2027-03-27 09:00 EET", "2027-03-28 09:00 EEST", "2027-03-29 09:00 EEST"}, got)
}

func TestRecurrence_Validate(t *testing.T) {
	r := calendar.Recurrence{Repeat: "fortnightly", Interval: -1, TZ: "Mars/Olympus", Nth: 7, LastBusinessDay: true, Count: -2}
	err := r.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	var got []string
	for _, v := range isms.ValidationErrors(err) {
		got = append(got, v.Path)
	}
	assert.Equal(t, []string{"repeat", "interval", "tz", "start", "repeat", "nth", "nth", "count"}, got)
}

func TestRecurrence_Months(t *testing.T) {
	for _, c := range []struct {
		r    calendar.Recurrence
		want int
	}{
		{calendar.Recurrence{Repeat: calendar.Monthly}, 1},
		{calendar.Recurrence{Repeat: calendar.Monthly, Interval: 3}, 3},
		{calendar.Recurrence{Repeat: calendar.Yearly}, 12},
		{calendar.Recurrence{Repeat: calendar.Yearly, Interval: 2}, 24},
		{calendar.Recurrence{Repeat: calendar.Weekly, Interval: 2}, 0},
		{calendar.Recurrence{Repeat: calendar.Once}, 0},
	} {
		assert.Equal(t, c.want, c.r.Months(), "%+v", c.r)
	}
}
