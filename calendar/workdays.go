package calendar

import (
	"slices"
	"time"
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

// Date is a calendar day without a time, as "2026-12-24" in JSON.
type Date struct {
	Year  int        `json:"year"`
	Month time.Month `json:"month"`
	Day   int        `json:"day"`
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date { y, m, d := t.Date(); return Date{y, m, d} }

// Workdays says which days are working days: every day except the weekend
// days (Saturday and Sunday when Weekend is nil) and the host's holidays.
type Workdays struct {
	Weekend  []time.Weekday `json:"weekend,omitempty"`
	Holidays []Date         `json:"holidays,omitempty"`
	// BusinessStart and BusinessEnd are the working hours, as durations
	// after midnight; zero means 09:00–17:00.
	BusinessStart time.Duration `json:"business_start,omitempty"`
	BusinessEnd   time.Duration `json:"business_end,omitempty"`
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
// working day at all gives t back unchanged.
func (w Workdays) Adjust(t time.Time, d Direction) time.Time {
	h, m, s := t.Clock()
	return w.adjustAt(t, d, h, m, s)
}

// adjustAt is Adjust with the wall clock to keep given explicitly: near a
// daylight-saving gap t's own clock may already be shifted, and moving it
// to another day must not carry the shift along.
func (w Workdays) adjustAt(t time.Time, d Direction, h, m, s int) time.Time {
	if d == NoAdjust || w.IsWorkday(t) {
		return t
	}
	step := 1
	if d == Previous {
		step = -1
	}
	y, mo, day := t.Date()
	for i := 1; i <= 366; i++ {
		c := time.Date(y, mo, day+i*step, 12, 0, 0, 0, t.Location()) // noon: never in a clock change
		if w.IsWorkday(c) {
			cy, cm, cd := c.Date()
			return time.Date(cy, cm, cd, h, m, s, 0, t.Location())
		}
	}
	return t
}
