package calendar

import (
	"fmt"
	"time"
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

// Due returns the due time for an event at time event, on the working
// days wd (whose hours matter for SameWorkingDay and BusinessDays).
func (dl Deadline) Due(event time.Time, wd Workdays) time.Time {
	open, closeAt := wd.hours()
	day := func(t time.Time) time.Time { y, m, d := t.Date(); return time.Date(y, m, d, 0, 0, 0, 0, t.Location()) }
	switch {
	case dl.SameWorkingDay:
		if wd.IsWorkday(event) {
			start, end := day(event).Add(open), day(event).Add(closeAt)
			if !event.Before(start) && event.Before(end) {
				return end
			}
		}
		return event.Add(dl.Within)
	case dl.BusinessDays > 0:
		t := event
		// Outside working hours, the clock starts at the next opening.
		if !wd.IsWorkday(t) || t.Sub(day(t)) >= closeAt {
			t = wd.Adjust(day(t).AddDate(0, 0, 1), Next).Add(open)
		} else if t.Sub(day(t)) < open {
			t = day(t).Add(open)
		}
		for range dl.BusinessDays {
			h, m, s := t.Clock()
			y, mo, d := t.Date()
			t = wd.Adjust(time.Date(y, mo, d+1, h, m, s, 0, t.Location()), Next)
		}
		return t
	default:
		return event.Add(dl.Within)
	}
}

// Met reports whether work done at done met the deadline for an event at
// event, and by how much: a positive margin is time to spare, a negative
// one how late it was.
func (dl Deadline) Met(event, done time.Time, wd Workdays) (met bool, margin time.Duration) {
	due := dl.Due(event, wd)
	return !done.After(due), due.Sub(done)
}

// String returns the deadline's name, or "within <duration>" without one.
func (dl Deadline) String() string {
	if dl.Name != "" {
		return dl.Name
	}
	return fmt.Sprintf("within %s", dl.Within)
}
