package calendar_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/calendar"
)

var zones = []string{"", "Europe/Helsinki", "America/New_York", "Australia/Sydney", "Asia/Kolkata"}

// genRule draws a valid rule starting in 2026–2028.
func genRule(t *rapid.T) calendar.Recurrence {
	start := time.Date(rapid.IntRange(2026, 2028).Draw(t, "year"), time.Month(rapid.IntRange(1, 12).Draw(t, "month")),
		rapid.IntRange(1, 31).Draw(t, "day"), rapid.IntRange(0, 23).Draw(t, "hour"), 0, 0, 0, time.UTC)
	r := calendar.Recurrence{
		Repeat:   rapid.SampledFrom([]calendar.Repeat{calendar.Once, calendar.Daily, calendar.Weekly, calendar.Monthly, calendar.Yearly}).Draw(t, "freq"),
		Interval: rapid.IntRange(1, 4).Draw(t, "interval"),
		TZ:       rapid.SampledFrom(zones).Draw(t, "tz"),
		Start:    start,
	}
	if r.Repeat == calendar.Monthly {
		switch rapid.IntRange(0, 2).Draw(t, "variant") {
		case 1:
			r.Nth = rapid.SampledFrom([]int{1, 2, 3, 4, -1}).Draw(t, "nth")
			r.Weekday = time.Weekday(rapid.IntRange(0, 6).Draw(t, "weekday"))
		case 2:
			r.LastBusinessDay = true
		}
	}
	if rapid.Bool().Draw(t, "count") {
		r.Count = rapid.IntRange(1, 40).Draw(t, "n")
	}
	return r
}

func genWorkdays(t *rapid.T) calendar.Workdays {
	var wd calendar.Workdays
	for range rapid.IntRange(0, 15).Draw(t, "holidays") {
		d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rapid.IntRange(0, 4*365).Draw(t, "holiday"))
		wd.Holidays = append(wd.Holidays, calendar.DateOf(d))
	}
	return wd
}

func TestOccurrences_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := activity(genRule(t))
		a.Adjust = rapid.SampledFrom([]calendar.Direction{calendar.NoAdjust, calendar.Next, calendar.Previous}).Draw(t, "adjust")
		wd := genWorkdays(t)
		from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rapid.IntRange(0, 700).Draw(t, "from"))
		to := from.AddDate(0, 0, rapid.IntRange(0, 1100).Draw(t, "span"))
		got := slices.Collect(a.Occurrences(from, to, wd))

		assert.True(t, slices.IsSortedFunc(got, time.Time.Compare), "sorted")
		assert.Len(t, slices.CompactFunc(slices.Clone(got), time.Time.Equal), len(got), "unique")
		for _, x := range got {
			assert.False(t, x.Before(from) || !x.Before(to), "%s outside [%s, %s)", x, from, to)
			if a.Adjust != calendar.NoAdjust || a.Recurrence.LastBusinessDay {
				assert.True(t, wd.IsWorkday(x), "%s is not a working day", x)
			}
		}
		// Windows compose: [from, mid) + [mid, to) = [from, to) for unadjusted rules.
		if a.Adjust == calendar.NoAdjust {
			mid := from.Add(to.Sub(from) / 2)
			joined := append(slices.Collect(a.Occurrences(from, mid, wd)), slices.Collect(a.Occurrences(mid, to, wd))...)
			assert.Equal(t, got, joined)
		}
	})
}

// Counts agree with the recurrence arithmetic: a daily or weekly rule has
// one occurrence per period, whatever the daylight-saving changes.
func TestOccurrences_CountsAndDaylightSaving(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tz := rapid.SampledFrom(zones).Draw(t, "tz")
		loc, _ := time.LoadLocation(tz)
		start := time.Date(2026, time.Month(rapid.IntRange(1, 12).Draw(t, "month")), rapid.IntRange(1, 28).Draw(t, "day"), rapid.IntRange(0, 23).Draw(t, "hour"), 30, 0, 0, time.UTC)
		weekly := rapid.Bool().Draw(t, "weekly")
		r := calendar.Every(1, calendar.Daily, start, tz)
		step := 1
		if weekly {
			r, step = calendar.Every(1, calendar.Weekly, start, tz), 7
		}
		n := rapid.IntRange(1, 800).Draw(t, "n")
		local := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, loc)
		to := local.AddDate(0, 0, n*step)
		got := slices.Collect(activity(r).Occurrences(local, to, calendar.Workdays{}))
		assert.Len(t, got, n, "one occurrence per period")
		for i, x := range got {
			assert.Equal(t, local.AddDate(0, 0, i*step).Day(), x.Day(), "day %d", i)
			if i > 0 {
				assert.NotEqual(t, calendar.DateOf(got[i-1]), calendar.DateOf(x), "an occurrence was duplicated across a clock change")
			}
		}
	})
}
