package calendar

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
)

// Completion records that an occurrence was done: which one, when, by
// whom, with what evidence. The occurrence is addressed by the activity's
// Ref and the planned day On ({"ref": "risk_review", "on": "2027-04-20"}),
// or, as before refs existed, by the activity's ID and exact Due time.
type Completion struct {
	Activity ActivityID `json:"activity,omitzero"`
	// Ref is the activity's ref, e.g. "risk_review"; instead of Activity.
	Ref string    `json:"ref,omitempty"`
	Due time.Time `json:"due,omitzero"`
	// On is the planned day of the occurrence closed, in the activity's
	// zone; instead of Due.
	On       Date      `json:"on,omitzero"`
	Done     time.Time `json:"done"`
	By       string    `json:"by"`
	Evidence string    `json:"evidence,omitempty"`
	// Moved says the occurrence took place on Done instead of its planned
	// day: Status and WriteICS show it then. Records (Held) set it.
	Moved bool `json:"moved,omitempty"`
	// Record names the record that shows it was held (Held.Ref).
	Record string `json:"record,omitempty"`
}

// Plan is an organization's ISMS calendar: its activities, the working
// days they follow, and the completions recorded so far.
type Plan struct {
	Name        string       `json:"name"`
	Workdays    Workdays     `json:"workdays"`
	Activities  []Activity   `json:"activities"`
	Completions []Completion `json:"completions,omitempty"`
	// Held are the records of activities held (audits, management
	// reviews, training rounds, restore tests); each completes the planned
	// occurrence of its kind nearest to it (see Held).
	Held []Held `json:"held,omitempty"`
	// QuietMonths are months nothing should be planned in (see
	// PlanOptions.QuietMonths); Lint warns of an occurrence in one.
	QuietMonths []time.Month `json:"quiet_months,omitempty"`
}

// Limits on a Plan; Validate reports a plan past them, naming the limit.
const (
	// MaxActivities is the most activities one plan may hold.
	MaxActivities = 1000
	// MaxCompletions is the most completions one plan may record.
	MaxCompletions = 10000
	// MaxHeld is the most records (Held) one plan may hold.
	MaxHeld = 10000
	// MaxPlanBytes is the largest plan file DecodePlan reads (16 MiB).
	MaxPlanBytes = 16 << 20
)

// DecodePlan reads a plan from strict JSON (isms/jsonio: unknown fields,
// wrong types and trailing data are errors, each with its JSON path) of at
// most MaxPlanBytes, and validates it (Plan.Validate). A plan is a file
// hosts exchange, so every problem is reported at once.
func DecodePlan(r io.Reader) (Plan, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxPlanBytes+1))
	if err != nil {
		return Plan{}, fmt.Errorf("reading the plan: %w", err)
	}
	if len(data) > MaxPlanBytes {
		var probs isms.Problems
		probs.Addf("", "plan: the input is larger than MaxPlanBytes (%d bytes)", MaxPlanBytes)
		return Plan{}, probs.Err()
	}
	var p Plan
	if err := jsonio.Decode(bytes.NewReader(data), &p, "plan"); err != nil {
		return Plan{}, err
	}
	if err := p.Validate(); err != nil {
		return Plan{}, err
	}
	return p, nil
}

// Validate checks the working days, every activity and completion,
// reporting every problem at once; a plan past MaxActivities or
// MaxCompletions is refused without checking each item.
func (p Plan) Validate() error {
	var probs isms.Problems
	checkText(&probs, "name", p.Name)
	probs.Merge("workdays", p.Workdays.Validate())
	tooMany := false
	if len(p.Activities) > MaxActivities {
		probs.Addf("activities", "%d activities are more than MaxActivities (%d)", len(p.Activities), MaxActivities)
		tooMany = true
	}
	if len(p.Completions) > MaxCompletions {
		probs.Addf("completions", "%d completions are more than MaxCompletions (%d)", len(p.Completions), MaxCompletions)
		tooMany = true
	}
	if tooMany {
		return probs.Err()
	}
	ids := map[ActivityID]bool{}
	refs := map[string]bool{}
	for i, a := range p.Activities {
		path := isms.Index("activities", i)
		probs.Merge(path, a.Validate())
		if ids[a.ID] && !a.ID.IsZero() {
			probs.Addf(isms.JoinPath(path, "id"), "activity ID %s is used twice", a.ID)
		}
		ids[a.ID] = true
		if refs[a.Ref] && a.Ref != "" {
			probs.Addf(isms.JoinPath(path, "ref"), "activity ref %q is used twice; each activity needs its own", a.Ref)
		}
		refs[a.Ref] = true
	}
	refOf := map[string]bool{}
	for _, a := range p.Activities {
		if a.Ref != "" {
			refOf[a.Ref] = true
		}
	}
	for i, c := range p.Completions {
		path := isms.Index("completions", i)
		switch {
		case c.Ref != "" && !c.Activity.IsZero():
			probs.Addf(path, "address the activity by its ref or by its ID, not both")
		case c.Ref != "":
			if !refOf[c.Ref] {
				probs.Addf(isms.JoinPath(path, "ref"), "completion of unknown activity %q; the plan's refs are %v", clip(c.Ref), refList(p))
			}
		case !ids[c.Activity]:
			probs.Addf(isms.JoinPath(path, "activity"), "completion of unknown activity %s", c.Activity)
		}
		if !c.Due.IsZero() && c.On != (Date{}) {
			probs.Addf(path, "give the planned day (on) or the due time, not both")
		}
		if c.On != (Date{}) {
			probs.Merge(isms.JoinPath(path, "on"), c.On.Validate())
		}
		if c.Done.IsZero() || (c.Due.IsZero() && c.On == (Date{})) {
			probs.Addf(path, "a completion needs the planned day it closes (on) and the time it was done")
		}
		isms.CheckDate(&probs, isms.JoinPath(path, "due"), "the due time", c.Due, false)
		isms.CheckDate(&probs, isms.JoinPath(path, "done"), "the time it was done", c.Done, false)
		checkText(&probs, isms.JoinPath(path, "by"), c.By)
		checkText(&probs, isms.JoinPath(path, "evidence"), c.Evidence)
		checkText(&probs, isms.JoinPath(path, "record"), c.Record)
		if isms.IsPlaceholder(c.By) {
			probs.Addf(isms.JoinPath(path, "by"), "say who completed it")
		}
	}
	quietSet(&probs, "quiet_months", p.QuietMonths)
	if len(p.Held) > MaxHeld {
		probs.Addf("held", "%d records are more than MaxHeld (%d)", len(p.Held), MaxHeld)
		return probs.Err()
	}
	for i, h := range p.Held {
		path := isms.Index("held", i)
		probs.Merge(path, h.validate(refOf))
	}
	if probs.Len() > 0 {
		return probs.Err()
	}
	// Every completion addressed by ref and day must find its occurrence.
	r := p.resolved()
	for i, c := range r.Completions[:len(p.Completions)] {
		if c.Due.IsZero() {
			probs.Addf(isms.Index("completions", i), "activity %q has no occurrence planned on %s; give the planned day it closes", c.Ref, c.On)
		}
	}
	return probs.Err()
}

func refList(p Plan) []string {
	var out []string
	for _, a := range p.Activities {
		if a.Ref != "" {
			out = append(out, a.Ref)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], "…")
	}
	return out
}

// Add returns a copy of the plan with more activities, e.g. the review
// dates and deadlines other packages contribute. It keeps one activity per
// duty: an item whose Ref is already in the plan replaces that activity
// (the policy's own review, from FromDuties, replaces the default policy
// review), so nothing is planned twice. Items without a ref are added.
func (p Plan) Add(items ...Activity) Plan {
	out := p
	out.Activities = slices.DeleteFunc(slices.Clone(p.Activities), func(a Activity) bool {
		return a.Ref != "" && slices.ContainsFunc(items, func(b Activity) bool { return b.Ref == a.Ref })
	})
	out.Activities = append(out.Activities, items...)
	return out
}

// Complete returns a copy of the plan with a completion recorded.
func (p Plan) Complete(c Completion) Plan {
	out := p
	out.Completions = append(slices.Clone(p.Completions), c)
	return out
}

// Hold returns a copy of the plan with records of activities held added
// (see Held, HeldFrom). A record the plan already holds (the same kind,
// activity, time and ref) is not added again, so applying the same
// records twice changes nothing.
func (p Plan) Hold(h ...Held) Plan {
	out := p
	out.Held = slices.Clone(p.Held)
	seen := make(map[heldKey]bool, len(p.Held)+len(h))
	for _, x := range p.Held {
		seen[x.key()] = true
	}
	for _, x := range h {
		if !seen[x.key()] {
			seen[x.key()] = true
			out.Held = append(out.Held, x)
		}
	}
	return out
}

// Occurrences returns the due times of activity a in [from, to). For a
// FromCompletion activity, each completion restarts the series: the next
// occurrence is one interval after the day it was done. For any other
// repeating activity, after an occurrence held or completed on day D the
// next one is never later than D plus one interval (AnchorSlack allowed
// for the rule's own weekday drift): when the plan's next date is later,
// the rest of the series is re-anchored on D, on the rule's latest date of
// the same shape (its n-th weekday or last business day) by D plus one
// interval, or on that day itself; a series with a Count keeps its number
// of occurrences. An occurrence a record moved (Held, Completion.Moved) is
// at the day it was held.
func (p Plan) Occurrences(a Activity, from, to time.Time) []time.Time {
	return p.resolved().occurrences(a, from, to)
}

// occurrences is Occurrences on a resolved plan.
func (p Plan) occurrences(a Activity, from, to time.Time) []time.Time {
	out := p.planned(a, from, to)
	moved := false
	for _, c := range p.Completions {
		if c.Moved && c.Activity == a.ID && !c.Due.IsZero() {
			moved = true
			out = slices.DeleteFunc(out, c.Due.Equal)
			if !c.Done.Before(from) && c.Done.Before(to) {
				out = append(out, c.Done)
			}
		}
	}
	if moved {
		slices.SortFunc(out, time.Time.Compare)
		out = slices.CompactFunc(out, time.Time.Equal)
	}
	return out
}

// planned is the activity's planned occurrences, chained from completions.
func (p Plan) planned(a Activity, from, to time.Time) []time.Time {
	if a.Chain != FromCompletion {
		segs := p.segments(a)
		if len(segs) == 1 {
			return slices.Collect(a.Occurrences(from, to, p.Workdays))
		}
		var out []time.Time
		for i, s := range segs {
			seg := a
			seg.Recurrence = s.rule
			lo, hi := from, to
			if i > 0 && !s.after.Before(lo) {
				lo = s.after.Add(time.Nanosecond)
			}
			if i+1 < len(segs) {
				hi = minTime(to, segs[i+1].after.Add(time.Nanosecond))
			}
			if lo.Before(hi) {
				out = append(out, slices.Collect(seg.Occurrences(lo, hi, p.Workdays))...)
			}
		}
		slices.SortFunc(out, time.Time.Compare)
		return slices.CompactFunc(out, time.Time.Equal)
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
		r.Start = r.nth(1, base, Workdays{}.days())
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
	Activity ActivityID `json:"activity"`
	Title    string     `json:"title"`
	Kind     Kind       `json:"kind"`
	Owner    string     `json:"owner"`
	Due      time.Time  `json:"due"`
	// Planned is the planned due time when a record moved the occurrence
	// to the day it was held (Due).
	Planned    time.Time   `json:"planned,omitzero"`
	State      State       `json:"state"`
	Completion *Completion `json:"completion,omitempty"`
}

// Status returns every occurrence in [from, to) with its state at now:
// done when a completion closes it; overdue once its due time has passed
// (an all-day one, Activity.AllDay, once its day has ended, as calendar.ics
// shows it);
// due within DueSoon before it; upcoming before that. Sorted by due time,
// then title.
func (p Plan) Status(now, from, to time.Time) []Occurrence {
	var out []Occurrence
	p = p.resolved()
	for _, a := range p.Activities {
		for _, due := range p.occurrences(a, from, to) {
			o := Occurrence{Activity: a.ID, Title: a.Title, Kind: a.Kind, Owner: a.Owner, Due: due}
			for i := range p.Completions {
				c := &p.Completions[i]
				if c.Activity != a.ID || !(c.Moved && c.Done.Equal(due) || !c.Moved && c.Due.Equal(due)) {
					continue
				}
				cc := *c
				o.Completion = &cc
				if c.Moved {
					o.Planned = c.Due
				}
			}
			deadline := due // an all-day occurrence is due until its day ends
			if a.AllDay {
				deadline = dayAfter(due).Add(-time.Nanosecond)
			}
			switch {
			case o.Completion != nil:
				o.State = Done
			case now.After(deadline):
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

// Lint returns advice on a valid plan, for the occurrences in [from, to)
// in each activity's zone, one warning per activity listing its dates:
// those in a quiet month (Plan.QuietMonths; code "calendar/quiet-month"),
// such as an own activity on a fixed date or a duty that DefaultPlan does
// not move, and those on one of the plan's public holidays
// (Plan.Workdays.Holidays; code "calendar/holiday"), such as a treatment
// action due on one. An invalid plan gives no advice; Validate reports
// it.
func (p Plan) Lint(from, to time.Time) []isms.Advice {
	var out []isms.Advice
	var probs isms.Problems
	quiet, ok := quietSet(&probs, "", p.QuietMonths)
	if !ok || quiet == 0 && len(p.Workdays.Holidays) == 0 || p.Validate() != nil {
		return nil
	}
	r := p.resolved()
	for i, a := range r.Activities {
		loc, err := a.Recurrence.Location()
		if err != nil {
			continue
		}
		var inQuiet, onHoliday []string
		for _, t := range r.occurrences(a, from, to) {
			day := t.In(loc)
			if quiet.has(day.Month()) {
				inQuiet = append(inQuiet, day.Format(time.DateOnly))
			}
			if slices.Contains(p.Workdays.Holidays, DateOf(day)) {
				onHoliday = append(onHoliday, day.Format(time.DateOnly))
			}
		}
		if len(inQuiet) > 0 {
			out = append(out, isms.Advice{Code: "calendar/quiet-month", Severity: isms.SeverityWarning, Path: isms.Index("activities", i),
				Message: fmt.Sprintf("%q falls in the quiet months (%s) on %s; move it or accept the clash", clip(a.Title), quiet, strings.Join(inQuiet, ", "))})
		}
		if len(onHoliday) > 0 {
			out = append(out, isms.Advice{Code: "calendar/holiday", Severity: isms.SeverityWarning, Path: isms.Index("activities", i),
				Message: fmt.Sprintf("%q falls on a public holiday on %s; move it to a working day", clip(a.Title), strings.Join(onHoliday, ", "))})
		}
	}
	isms.SortAdvice(out)
	return out
}
