package calendar

import (
	"cmp"
	"slices"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Completion records that an occurrence was done: which one (its due
// time), when, by whom, with what evidence.
type Completion struct {
	Activity ActivityID `json:"activity"`
	Due      time.Time  `json:"due"`
	Done     time.Time  `json:"done"`
	By       string     `json:"by"`
	Evidence string     `json:"evidence,omitempty"`
}

// Plan is an organization's ISMS calendar: its activities, the working
// days they follow, and the completions recorded so far.
type Plan struct {
	Name        string       `json:"name"`
	Workdays    Workdays     `json:"workdays"`
	Activities  []Activity   `json:"activities"`
	Completions []Completion `json:"completions,omitempty"`
}

// Validate checks every activity and completion, reporting every problem at once.
func (p Plan) Validate() error {
	var probs isms.Problems
	ids := map[ActivityID]bool{}
	for i, a := range p.Activities {
		path := isms.Index("activities", i)
		probs.Merge(path, a.Validate())
		if ids[a.ID] && !a.ID.IsZero() {
			probs.Addf(isms.JoinPath(path, "id"), "activity ID %s is used twice", a.ID)
		}
		ids[a.ID] = true
	}
	for i, c := range p.Completions {
		path := isms.Index("completions", i)
		if !ids[c.Activity] {
			probs.Addf(isms.JoinPath(path, "activity"), "completion of unknown activity %s", c.Activity)
		}
		if c.Done.IsZero() || c.Due.IsZero() {
			probs.Addf(path, "a completion needs the due time it closes and the time it was done")
		}
		if isms.IsPlaceholder(c.By) {
			probs.Addf(isms.JoinPath(path, "by"), "say who completed it")
		}
	}
	return probs.Err()
}

// Add returns a copy of the plan with more activities, e.g. the review
// dates and deadlines other packages contribute.
func (p Plan) Add(items ...Activity) Plan {
	out := p
	out.Activities = append(slices.Clone(p.Activities), items...)
	return out
}

// Complete returns a copy of the plan with a completion recorded.
func (p Plan) Complete(c Completion) Plan {
	out := p
	out.Completions = append(slices.Clone(p.Completions), c)
	return out
}

// Occurrences returns the due times of activity a in [from, to). For a
// FromCompletion activity, each completion restarts the series: the next
// occurrence is one interval after the day it was done.
func (p Plan) Occurrences(a Activity, from, to time.Time) []time.Time {
	if a.Chain != FromCompletion {
		return slices.Collect(a.Occurrences(from, to, p.Workdays))
	}
	var done []Completion
	for _, c := range p.Completions {
		if c.Activity == a.ID {
			done = append(done, c)
		}
	}
	slices.SortFunc(done, func(x, y Completion) int { return x.Done.Compare(y.Done) })
	var out []time.Time
	seg := a
	for i := 0; ; i++ {
		end := to
		if i < len(done) {
			end = minTime(to, done[i].Done)
		}
		for t := range seg.Occurrences(from, end, p.Workdays) {
			out = append(out, t)
		}
		if i == len(done) {
			break
		}
		// The completed occurrence itself is part of the record.
		if d := done[i].Due; !d.Before(from) && d.Before(to) && !slices.ContainsFunc(out, d.Equal) {
			out = append(out, d)
		}
		seg.Recurrence = restart(a.Recurrence, done[i].Done)
	}
	slices.SortFunc(out, time.Time.Compare)
	return slices.CompactFunc(out, time.Time.Equal)
}

// restart moves a rule so that its first occurrence is one interval after
// the day done, at the rule's time of day.
func restart(r Recurrence, done time.Time) Recurrence {
	loc, err := r.Location()
	if err != nil {
		return r
	}
	d := done.In(loc)
	h, m, s := r.Start.Clock()
	base := time.Date(d.Year(), d.Month(), d.Day(), h, m, s, 0, loc)
	// From a completion the series counts plain intervals: a review done on
	// the 10th is next due on the 10th, three months later.
	r.Count, r.Nth, r.LastBusinessDay = 0, 0, false
	if r.Repeat != Once {
		r.Start = r.nth(1, base, Workdays{})
	}
	return r
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// State is where an occurrence stands at a given time.
type State string

// States.
const (
	Upcoming State = "upcoming"
	Due      State = "due"
	Overdue  State = "overdue"
	Done     State = "done"
)

// DueSoon is how long before its due time an occurrence counts as due.
const DueSoon = 14 * 24 * time.Hour

// Occurrence is one dated instance of an activity with its state.
type Occurrence struct {
	Activity   ActivityID  `json:"activity"`
	Title      string      `json:"title"`
	Kind       Kind        `json:"kind"`
	Owner      string      `json:"owner"`
	Due        time.Time   `json:"due"`
	State      State       `json:"state"`
	Completion *Completion `json:"completion,omitempty"`
}

// Status returns every occurrence in [from, to) with its state at now:
// done when a completion closes it; overdue once its due time has passed;
// due within DueSoon before it; upcoming before that. Sorted by due time,
// then title.
func (p Plan) Status(now, from, to time.Time) []Occurrence {
	var out []Occurrence
	for _, a := range p.Activities {
		for _, due := range p.Occurrences(a, from, to) {
			o := Occurrence{Activity: a.ID, Title: a.Title, Kind: a.Kind, Owner: a.Owner, Due: due}
			for i := range p.Completions {
				if c := &p.Completions[i]; c.Activity == a.ID && c.Due.Equal(due) {
					cc := *c
					o.Completion = &cc
				}
			}
			switch {
			case o.Completion != nil:
				o.State = Done
			case now.After(due):
				o.State = Overdue
			case !now.Before(due.Add(-DueSoon)):
				o.State = Due
			default:
				o.State = Upcoming
			}
			out = append(out, o)
		}
	}
	slices.SortFunc(out, func(a, b Occurrence) int {
		return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.Title, b.Title), a.Activity.Compare(b.Activity))
	})
	return out
}

// DueWithin returns the open occurrences due between now and now+d.
func (p Plan) DueWithin(now time.Time, d time.Duration) []Occurrence {
	var out []Occurrence
	for _, o := range p.Status(now, now, now.Add(d)) {
		if o.State != Done {
			out = append(out, o)
		}
	}
	return out
}

// Overdue returns the occurrences due in [since, now) that nobody
// completed.
func (p Plan) Overdue(since, now time.Time) []Occurrence {
	var out []Occurrence
	for _, o := range p.Status(now, since, now) {
		if o.State == Overdue {
			out = append(out, o)
		}
	}
	return out
}
