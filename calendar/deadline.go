package calendar

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Deadline is a deadline triggered by an event: "within 24 hours of
// termination", "the same working day or within 24 hours", "within 1
// business day". Due gives the due time for one event; Met checks work
// against it. (A dated duty, with a fixed due date, is an isms.Duty.)
type Deadline struct {
	// Name says the deadline in words; String returns it.
	Name string `json:"name"`
	// Within is a plain duration after the event (24h, 7×24h).
	Within time.Duration `json:"within,omitempty"`
	// BusinessDays counts working days: the deadline is the same time of
	// day that many working days later (an event outside working hours
	// counts from the next opening).
	BusinessDays int `json:"business_days,omitempty"`
	// SameWorkingDay makes the deadline the end of working hours on the
	// event's day when the event happens during working hours; otherwise
	// Within applies.
	SameWorkingDay bool `json:"same_working_day,omitempty"`
}

// The domain articles' deadlines.
var (
	// AccessRemoval: departing employees' access removed within 24 hours.
	AccessRemoval = Deadline{Name: "access removed within 24 hours of termination", Within: 24 * time.Hour}
	// IncidentRecording: recorded on the same working day, at the latest within 24 hours.
	IncidentRecording = Deadline{Name: "incident recorded the same working day or within 24 hours", SameWorkingDay: true, Within: 24 * time.Hour}
	// IncidentHandling: preliminarily handled within 1 business day of detection.
	IncidentHandling = Deadline{Name: "incident handled within 1 business day", BusinessDays: 1}
)

// Limits on a Deadline, so that Due and Met do bounded work for any
// input. Validate reports a deadline past them, naming the limit.
const (
	// MaxBusinessDays is the most working days a deadline may count
	// (about four years).
	MaxBusinessDays = 1000
	// MaxWithin is the longest plain duration a deadline may give
	// (3,660 days, about ten years).
	MaxWithin = 3660 * 24 * time.Hour
)

// Validate checks the deadline on its own: Within and BusinessDays are not
// negative and within MaxWithin and MaxBusinessDays; a deadline gives
// Within or BusinessDays (SameWorkingDay falls back to Within), not both.
func (dl Deadline) Validate() error {
	var p isms.Problems
	switch {
	case dl.Within < 0:
		p.Addf("within", "the duration %s is negative", dl.Within)
	case dl.Within > MaxWithin:
		p.Addf("within", "the duration %s is longer than MaxWithin (%s)", dl.Within, MaxWithin)
	}
	switch {
	case dl.BusinessDays < 0:
		p.Addf("business_days", "%d business days is negative", dl.BusinessDays)
	case dl.BusinessDays > MaxBusinessDays:
		p.Addf("business_days", "%d business days are more than MaxBusinessDays (%d)", dl.BusinessDays, MaxBusinessDays)
	}
	if p.Len() > 0 {
		return p.Err()
	}
	switch {
	case dl.BusinessDays > 0 && (dl.Within > 0 || dl.SameWorkingDay):
		p.Addf("", "give business days or a duration within (with or without the same working day), not both")
	case dl.BusinessDays == 0 && dl.Within == 0:
		p.Addf("", "the deadline gives no duration within and no business days")
	}
	return p.Err()
}

// Due returns the due time for an event at time event, on the working
// days wd (whose hours matter for SameWorkingDay and BusinessDays). An
// invalid deadline (see Validate) or working days (Workdays.Validate), a
// zero event, or a due time after the year 9999 is a validation error;
// the work is bounded by MaxBusinessDays and MaxHolidays.
func (dl Deadline) Due(event time.Time, wd Workdays) (time.Time, error) {
	var p isms.Problems
	p.Merge("", dl.Validate())
	p.Merge("workdays", wd.Validate())
	isms.CheckDate(&p, "event", "the event time", event, true)
	if err := p.Err(); err != nil {
		return time.Time{}, err
	}
	due := dl.due(event, wd)
	if !inYears(due) {
		p.Addf("", "the due time falls outside the years 1 to 9999")
		return time.Time{}, p.Err()
	}
	return due, nil
}

// due computes Due for a valid deadline and working days.
func (dl Deadline) due(event time.Time, wd Workdays) time.Time {
	open, closeAt := wd.hours()
	ds := wd.days()
	day := func(t time.Time) time.Time { y, m, d := t.Date(); return time.Date(y, m, d, 0, 0, 0, 0, t.Location()) }
	next := func(t time.Time) time.Time { h, m, s := t.Clock(); return ds.adjustAt(t, Next, h, m, s) }
	switch {
	case dl.SameWorkingDay:
		if ds.isWorkday(event) {
			start, end := day(event).Add(open), day(event).Add(closeAt)
			if !event.Before(start) && event.Before(end) {
				return end
			}
		}
		return event.Add(dl.Within)
	case dl.BusinessDays > 0:
		t := event
		// Outside working hours, the clock starts at the next opening.
		if !ds.isWorkday(t) || t.Sub(day(t)) >= closeAt {
			t = next(day(t).AddDate(0, 0, 1)).Add(open)
		} else if t.Sub(day(t)) < open {
			t = day(t).Add(open)
		}
		for range dl.BusinessDays {
			h, m, s := t.Clock()
			y, mo, d := t.Date()
			t = next(time.Date(y, mo, d+1, h, m, s, 0, t.Location()))
		}
		return t
	default:
		return event.Add(dl.Within)
	}
}

// Met reports whether work done at done met the deadline for an event at
// event, and by how much: a positive margin is time to spare, a negative
// one how late it was. The errors are Due's, and a zero done time.
func (dl Deadline) Met(event, done time.Time, wd Workdays) (met bool, margin time.Duration, err error) {
	due, err := dl.Due(event, wd)
	if err != nil {
		return false, 0, err
	}
	var p isms.Problems
	isms.CheckDate(&p, "done", "the time the work was done", done, true)
	if err := p.Err(); err != nil {
		return false, 0, err
	}
	return !done.After(due), due.Sub(done), nil
}

// String returns the deadline's name, or "within <duration>" without one.
func (dl Deadline) String() string {
	if dl.Name != "" {
		return dl.Name
	}
	return fmt.Sprintf("within %s", dl.Within)
}

// inYears reports whether t lies in the years 1–9999, read both in its own
// location and in UTC: files can carry no other.
func inYears(t time.Time) bool {
	y, u := t.Year(), t.UTC().Year()
	return y >= 1 && y <= 9999 && u >= 1 && u <= 9999
}
