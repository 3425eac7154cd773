package calendar

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
)

// Direction says which way Workdays.Adjust moves a date that is not a
// working day.
type Direction string

// Directions.
const (
	NoAdjust Direction = ""
	Next     Direction = "next"
	Previous Direction = "previous"
)

// MaxHolidays is how many holidays one Workdays may list (about 65 years
// of a country's public holidays). Each working-day step looks every
// holiday up, so the list bounds the work of Adjust, Due and occurrences.
const MaxHolidays = 1000

// Date is a calendar day without a time, written "2026-12-24" (ISO 8601,
// YYYY-MM-DD) in JSON and text. A real day of the years 1–9999 only: month
// 13 or February 30 is an error. For files written before the string form,
// JSON reading also accepts the object {"year": 2026, "month": 12,
// "day": 24} (all three fields, nothing else); writing always gives the
// string.
type Date struct {
	Year  int        `json:"year"`
	Month time.Month `json:"month"`
	Day   int        `json:"day"`
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date { y, m, d := t.Date(); return Date{y, m, d} }

// ParseDate reads a "YYYY-MM-DD" day; anything else, or a day that does
// not exist, is a validation error.
func ParseDate(s string) (Date, error) {
	var p isms.Problems
	if len(s) != len("2006-01-02") {
		p.Addf("", "date %q is not in the form YYYY-MM-DD, e.g. \"2026-12-24\"", clip(s))
		return Date{}, p.Err()
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		p.Addf("", "date %q is not a real day in the form YYYY-MM-DD, e.g. \"2026-12-24\"", s)
		return Date{}, p.Err()
	}
	d := DateOf(t)
	if err := d.Validate(); err != nil {
		return Date{}, err
	}
	return d, nil
}

// Validate checks that d is a real day of the years 1–9999.
func (d Date) Validate() error {
	var p isms.Problems
	switch {
	case d.Year < 1 || d.Year > 9999:
		p.Addf("", "date %d-%02d-%02d is outside the years 1 to 9999", d.Year, int(d.Month), d.Day)
	case d.Month < time.January || d.Month > time.December:
		p.Addf("", "date %d-%02d-%02d has no month %d", d.Year, int(d.Month), d.Day, int(d.Month))
	case d.Day < 1 || d.Day > daysIn(d.Year, d.Month):
		p.Addf("", "date %d-%02d-%02d: %s %d has %d days", d.Year, int(d.Month), d.Day, d.Month, d.Year, daysIn(d.Year, d.Month))
	}
	return p.Err()
}

// String returns "YYYY-MM-DD".
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// MarshalText writes "YYYY-MM-DD"; a day that does not exist is an error.
func (d Date) MarshalText() ([]byte, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads "YYYY-MM-DD" (see ParseDate).
func (d *Date) UnmarshalText(b []byte) error {
	parsed, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

// dateObject is the older object form of a Date.
type dateObject struct {
	Year  *int `json:"year"`
	Month *int `json:"month"`
	Day   *int `json:"day"`
}

// UnmarshalJSON reads the string "YYYY-MM-DD" or the older object
// {"year", "month", "day"}; null leaves d unchanged, as encoding/json does.
func (d *Date) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		return d.UnmarshalText([]byte(s))
	case len(b) > 0 && b[0] == '{':
		var o dateObject
		if err := jsonio.Decode(bytes.NewReader(b), &o, "date"); err != nil {
			return err
		}
		var p isms.Problems
		for _, f := range []struct {
			name string
			v    *int
		}{{"year", o.Year}, {"month", o.Month}, {"day", o.Day}} {
			if f.v == nil {
				p.Addf(f.name, "the date has no %s; write the date as \"YYYY-MM-DD\"", f.name)
			}
		}
		if err := p.Err(); err != nil {
			return err
		}
		v := Date{Year: *o.Year, Month: time.Month(*o.Month), Day: *o.Day}
		if err := v.Validate(); err != nil {
			return err
		}
		*d = v
		return nil
	default:
		var p isms.Problems
		p.Addf("", "a date is a string \"YYYY-MM-DD\", e.g. \"2026-12-24\"")
		return p.Err()
	}
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	const n = 40
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// Workdays says which days are working days: every day except the weekend
// days (Saturday and Sunday when Weekend is nil) and the host's holidays
// (at most MaxHolidays).
type Workdays struct {
	Weekend  []time.Weekday `json:"weekend,omitempty"`
	Holidays []Date         `json:"holidays,omitempty"`
	// BusinessStart and BusinessEnd are the working hours, as durations
	// after midnight; zero means 09:00–17:00.
	BusinessStart time.Duration `json:"business_start,omitempty"`
	BusinessEnd   time.Duration `json:"business_end,omitempty"`
}

// Validate checks the working days: weekend days are weekdays 0–6, each
// once, leaving at least one working day a week; at most MaxHolidays
// holidays, each a real day; working hours within the day, ending after
// they start.
func (w Workdays) Validate() error {
	var p isms.Problems
	seen := map[time.Weekday]bool{}
	for i, d := range w.Weekend {
		switch {
		case d < time.Sunday || d > time.Saturday:
			p.Addf(isms.Index("weekend", i), "weekday %d is not 0 (Sunday) to 6 (Saturday)", d)
		case seen[d]:
			p.Addf(isms.Index("weekend", i), "%s is listed twice", d)
		}
		seen[d] = true
	}
	if len(seen) >= 7 {
		p.Addf("weekend", "every day of the week is a weekend day; leave at least one working day")
	}
	if len(w.Holidays) > MaxHolidays {
		p.Addf("holidays", "%d holidays are more than MaxHolidays (%d)", len(w.Holidays), MaxHolidays)
	} else {
		for i, d := range w.Holidays {
			p.Merge(isms.Index("holidays", i), d.Validate())
		}
	}
	if w.BusinessStart != 0 || w.BusinessEnd != 0 {
		if w.BusinessStart < 0 || w.BusinessStart >= 24*time.Hour {
			p.Addf("business_start", "working hours start at %s, not within the day (0 to 24h)", w.BusinessStart)
		}
		if w.BusinessEnd <= 0 || w.BusinessEnd > 24*time.Hour {
			p.Addf("business_end", "working hours end at %s, not within the day (0 to 24h)", w.BusinessEnd)
		} else if w.BusinessEnd <= w.BusinessStart {
			p.Addf("business_end", "working hours end (%s) before they start (%s)", w.BusinessEnd, w.BusinessStart)
		}
	}
	return p.Err()
}

func (w Workdays) weekend() []time.Weekday {
	if w.Weekend == nil {
		return []time.Weekday{time.Saturday, time.Sunday}
	}
	return w.Weekend
}

func (w Workdays) hours() (time.Duration, time.Duration) {
	if w.BusinessStart == 0 && w.BusinessEnd == 0 {
		return 9 * time.Hour, 17 * time.Hour
	}
	return w.BusinessStart, w.BusinessEnd
}

// IsWorkday reports whether t's calendar day is a working day.
func (w Workdays) IsWorkday(t time.Time) bool {
	return !slices.Contains(w.weekend(), t.Weekday()) && !slices.Contains(w.Holidays, DateOf(t))
}

// Adjust moves t to the next or previous working day, keeping its time of
// day; a working day, or NoAdjust, leaves it as it is. A calendar with no
// working day at all (see Validate) gives t back unchanged.
func (w Workdays) Adjust(t time.Time, d Direction) time.Time {
	h, m, s := t.Clock()
	return w.days().adjustAt(t, d, h, m, s)
}

// dayset is Workdays prepared for many look-ups: a holiday is found in
// constant time, so the work of a step does not grow with the list.
type dayset struct {
	weekend  [7]bool
	holidays map[Date]bool
}

func (w Workdays) days() dayset {
	var s dayset
	for _, d := range w.weekend() {
		if d >= time.Sunday && d <= time.Saturday {
			s.weekend[d] = true
		}
	}
	if len(w.Holidays) > 0 {
		s.holidays = make(map[Date]bool, len(w.Holidays))
		for _, d := range w.Holidays {
			s.holidays[d] = true
		}
	}
	return s
}

func (s dayset) isWorkday(t time.Time) bool {
	return !s.weekend[t.Weekday()] && !s.holidays[DateOf(t)]
}

// adjustAt is Adjust with the wall clock to keep given explicitly: near a
// daylight-saving gap t's own clock may already be shifted, and moving it
// to another day must not carry the shift along.
func (s dayset) adjustAt(t time.Time, d Direction, h, m, sec int) time.Time {
	if d == NoAdjust || s.isWorkday(t) {
		return t
	}
	step := 1
	if d == Previous {
		step = -1
	}
	if s.weekend == [7]bool{true, true, true, true, true, true, true} {
		return t
	}
	// Each week has a working weekday, so a working day turns up within a
	// week of every holiday: bounded by the holidays, at most MaxHolidays.
	limit := 7 * (min(len(s.holidays), MaxHolidays) + 1)
	y, mo, day := t.Date()
	for i := 1; i <= limit; i++ {
		c := time.Date(y, mo, day+i*step, 12, 0, 0, 0, t.Location()) // noon: never in a clock change
		if s.isWorkday(c) {
			cy, cm, cd := c.Date()
			return time.Date(cy, cm, cd, h, m, sec, 0, t.Location())
		}
	}
	return t
}
