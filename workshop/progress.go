package workshop

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/plural"
)

// State is where a roadmap step stands on a given day.
type State string

// States.
const (
	Done       State = "done"
	Overdue    State = "overdue"
	InProgress State = "in_progress"
	Upcoming   State = "upcoming"
)

// StepStatus is one milestone with its state on the day asked.
type StepStatus struct {
	Milestone
	State State `json:"state"`
	// Note says what the state rests on, e.g. "4 of 8 first controls implemented".
	Note string `json:"note,omitempty"`
	// DaysLate is how many whole days an overdue step is past its due day
	// (0 for a step in any other state, and for one late by hours).
	DaysLate int `json:"days_late,omitempty"`
}

// Label is the state in the words a plan shows: "done", "late", "in
// progress" or "not started"; a state Progress never gives is returned as
// it is.
func (s State) Label() string {
	switch s {
	case Overdue:
		return "late"
	case InProgress:
		return "in progress"
	case Upcoming:
		return "not started"
	}
	return string(s)
}

// Progress says where the organisation stands on the roadmap on asOf.
// done records the day each step was finished (a step the host has seen
// done: the scope approved, the audit held); the first-controls step is
// also done when every first control's implementation record says
// implemented, and its note counts them. A task to make an implemented
// control fully effective (ControlTask.Improve) is not counted either way:
// its record said implemented before the work began. A step not done is overdue after
// its due day, in progress from its start, and upcoming before. Steps keep
// the roadmap's order.
func (rm Roadmap) Progress(asOf time.Time, done map[Step]time.Time, impls []controls.Implementation) []StepStatus {
	status := map[controls.ID]controls.Status{}
	for _, im := range impls {
		status[im.Control] = im.Status
	}
	implemented, tasks := 0, 0
	for _, c := range rm.Controls {
		if c.Improve {
			continue
		}
		tasks++
		if status[c.Control] == controls.Implemented {
			implemented++
		}
	}
	out := make([]StepStatus, 0, len(rm.Milestones))
	for _, m := range rm.Milestones {
		s := StepStatus{Milestone: m}
		at, finished := done[m.Step]
		finished = finished && !at.After(asOf)
		if m.Step == StepFirstControls && tasks > 0 {
			s.Note = fmt.Sprintf("%d of %d first controls implemented", implemented, tasks)
			finished = finished || implemented == tasks
		}
		switch {
		case finished:
			s.State = Done
			if !at.IsZero() {
				s.Note = joinNote(s.Note, "finished "+at.Format(time.DateOnly))
			}
		case asOf.After(m.Due):
			s.State = Overdue
			s.DaysLate = int(asOf.Sub(m.Due).Hours() / 24)
			s.Note = joinNote(s.Note, fmt.Sprintf("due %s, %s late", m.Due.Format(time.DateOnly), plural.N(s.DaysLate, "day")))
		case !asOf.Before(m.Start):
			s.State = InProgress
		default:
			s.State = Upcoming
		}
		out = append(out, s)
	}
	return out
}

// label is the state's label with its note in brackets.
func (s StepStatus) label() string {
	if s.Note == "" {
		return s.State.Label()
	}
	return s.State.Label() + " (" + s.Note + ")"
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
