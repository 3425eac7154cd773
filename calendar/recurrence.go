package calendar

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Repeat is the unit a Recurrence repeats in: once, or every so many days,
// weeks, months or years. (It is not quant.Frequency, which is a rate of
// loss events.)
type Repeat string

// Repeat units.
const (
	Once    Repeat = "once"
	Daily   Repeat = "daily"
	Weekly  Repeat = "weekly"
	Monthly Repeat = "monthly"
	Yearly  Repeat = "yearly"
)

var repeats = []Repeat{Once, Daily, Weekly, Monthly, Yearly}

// Limits on a Recurrence; Validate reports a recurrence past them, naming
// the limit.
const (
	// MaxInterval is the largest Interval: every 1,000 days, weeks,
	// months or years at most.
	MaxInterval = 1000
	// MaxCount is the largest Count, the number of occurrences a series
	// may be limited to.
	MaxCount = 10000
)

// Recurrence says when an activity happens: once, or every Interval days,
// weeks, months or years from Start, optionally on the n-th (or last) weekday of
// the month or on its last business day, until Until or for Count times.
// Start is a wall-clock time read in the time zone TZ (an IANA name such
// as "Europe/Helsinki"; "" means UTC), so a 09:00 meeting stays at 09:00
// across daylight-saving changes.
//
// Month ends never skip a month: the 31st becomes the last day of shorter
// months (January 31 + 1 month is February 28, or 29 in a leap year; the
// month after is March 31 again), and February 29 becomes February 28 in
// common years.
type Recurrence struct {
	Repeat   Repeat    `json:"repeat"`
	Interval int       `json:"interval,omitempty"` // 0 means 1
	TZ       string    `json:"tz,omitempty"`
	Start    time.Time `json:"start"`
	// Nth, with Weekday, picks the n-th weekday of the month (1–4) or the
	// last one (-1); Monthly recurrences only.
	Nth     int          `json:"nth,omitempty"`
	Weekday time.Weekday `json:"weekday,omitempty"`
	// LastBusinessDay picks the last working day of the month; Monthly
	// recurrences only.
	LastBusinessDay bool      `json:"last_business_day,omitempty"`
	Until           time.Time `json:"until,omitzero"`
	Count           int       `json:"count,omitempty"`
}

// OnceAt is a one-off occurrence.
func OnceAt(start time.Time, tz string) Recurrence {
	return Recurrence{Repeat: Once, TZ: tz, Start: start}
}

// Every repeats every n units from start.
func Every(n int, unit Repeat, start time.Time, tz string) Recurrence {
	return Recurrence{Repeat: unit, Interval: n, TZ: tz, Start: start}
}

// Quarterly repeats every three months from start.
func Quarterly(start time.Time, tz string) Recurrence { return Every(3, Monthly, start, tz) }

// NthWeekday repeats every interval months on the n-th weekday (n = -1 for
// the last), at start's time of day, from start's month.
func NthWeekday(interval, n int, wd time.Weekday, start time.Time, tz string) Recurrence {
	return Recurrence{Repeat: Monthly, Interval: interval, Nth: n, Weekday: wd, TZ: tz, Start: start}
}

// LastBusinessDayOf repeats every interval months on the last working day.
func LastBusinessDayOf(interval int, start time.Time, tz string) Recurrence {
	return Recurrence{Repeat: Monthly, Interval: interval, LastBusinessDay: true, TZ: tz, Start: start}
}

func (r Recurrence) interval() int { return max(r.Interval, 1) }

// Location loads the recurrence's time zone. "Local" is refused: it
// depends on the machine, so the same plan would give different dates and
// files on different hosts.
func (r Recurrence) Location() (*time.Location, error) {
	if r.TZ == "" || r.TZ == "UTC" {
		return time.UTC, nil
	}
	if r.TZ == "Local" {
		return nil, fmt.Errorf("%w: time zone %q depends on the machine; name an IANA zone such as \"Europe/Helsinki\"", isms.ErrInvalid, r.TZ)
	}
	if loc, ok := locations.Load(r.TZ); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(r.TZ)
	if err != nil {
		return nil, fmt.Errorf("%w: time zone %q: %v", isms.ErrInvalid, r.TZ, err)
	}
	locations.Store(r.TZ, loc)
	return loc, nil
}

// locations caches loaded time zones: time.LoadLocation reads the zone
// database on every call. Zones are immutable, so the cache cannot change
// any result.
var locations sync.Map

// Validate checks the recurrence, reporting every problem at once.
func (r Recurrence) Validate() error {
	var p isms.Problems
	if !slices.Contains(repeats, r.Repeat) {
		p.Addf("repeat", "repeat unit %q is not one of %v", r.Repeat, repeats)
	}
	if r.Interval < 0 || r.Interval > MaxInterval {
		p.Addf("interval", "interval %d is not between 1 and MaxInterval (%d)", r.Interval, MaxInterval)
	}
	if _, err := r.Location(); err != nil {
		p.Addf("tz", "%v", err)
	}
	if r.Start.IsZero() {
		p.Addf("start", "the recurrence has no start")
	}
	isms.CheckDate(&p, "start", "the start", r.Start, false)
	isms.CheckDate(&p, "until", "the end (until)", r.Until, false)
	if r.Nth != 0 || r.LastBusinessDay {
		if r.Repeat != Monthly {
			p.Addf("repeat", "the n-th weekday and the last business day need a monthly recurrence")
		}
		if r.Nth != 0 && r.LastBusinessDay {
			p.Addf("nth", "choose the n-th weekday or the last business day, not both")
		}
	}
	if r.Nth < -1 || r.Nth > 4 {
		p.Addf("nth", "n-th weekday %d is not 1–4 or -1 (last)", r.Nth)
	}
	if r.Weekday < time.Sunday || r.Weekday > time.Saturday {
		p.Addf("weekday", "weekday %d is not 0 (Sunday) to 6 (Saturday)", r.Weekday)
	}
	if r.Count < 0 {
		p.Addf("count", "count %d is negative", r.Count)
	} else if r.Count > MaxCount {
		p.Addf("count", "count %d is more than MaxCount (%d)", r.Count, MaxCount)
	}
	if !r.Until.IsZero() && r.Until.Before(r.Start) {
		p.Addf("until", "the recurrence ends before it starts")
	}
	return p.Err()
}

// wallStart is Start's wall clock read in loc.
func (r Recurrence) wallStart(loc *time.Location) time.Time {
	s := r.Start
	return time.Date(s.Year(), s.Month(), s.Day(), s.Hour(), s.Minute(), s.Second(), 0, loc)
}

// nth returns the k-th raw occurrence (k from 0) of a recurrence starting at
// start, before working-day adjustment.
func (r Recurrence) nth(k int, start time.Time, wd dayset) time.Time {
	h, m, s := r.Start.Clock() // the intended wall clock, even if start fell in a gap
	loc := start.Location()
	n := k * r.interval()
	switch r.Repeat {
	case Daily:
		return time.Date(start.Year(), start.Month(), start.Day()+n, h, m, s, 0, loc)
	case Weekly:
		return time.Date(start.Year(), start.Month(), start.Day()+7*n, h, m, s, 0, loc)
	case Monthly:
		y, mo := addMonths(start.Year(), start.Month(), n)
		var d int
		switch {
		case r.Nth != 0:
			d = nthWeekday(y, mo, r.Nth, r.Weekday)
		case r.LastBusinessDay:
			t := time.Date(y, mo, daysIn(y, mo), h, m, s, 0, loc)
			return wd.adjustAt(t, Previous, h, m, s)
		default:
			d = min(start.Day(), daysIn(y, mo))
		}
		return time.Date(y, mo, d, h, m, s, 0, loc)
	case Yearly:
		y := start.Year() + n
		return time.Date(y, start.Month(), min(start.Day(), daysIn(y, start.Month())), h, m, s, 0, loc)
	default: // Once
		return start
	}
}

func addMonths(y int, m time.Month, n int) (int, time.Month) {
	t := int(m) - 1 + n
	return y + t/12, time.Month(t%12 + 1)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// nthWeekday returns the day of the month of the n-th (or, for -1, last)
// weekday wd.
func nthWeekday(y int, m time.Month, n int, wd time.Weekday) int {
	if n < 0 {
		last := daysIn(y, m)
		back := (int(time.Date(y, m, last, 0, 0, 0, 0, time.UTC).Weekday()) - int(wd) + 7) % 7
		return last - back
	}
	first := (int(wd) - int(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Weekday()) + 7) % 7
	return 1 + first + 7*(n-1)
}
