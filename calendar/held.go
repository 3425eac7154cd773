package calendar

import (
	"cmp"
	"slices"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Held is a record that an activity took place: an internal audit
// performed, a management review met, a training round given, a restore
// test run. It is a neutral value so that calendar needs no record types:
// the caller (or a package above both, such as isms/readiness) makes one
// from each record, e.g. Held{Kind: InternalAudit, Date: audit.Performed,
// Ref: audit.Title}.
//
// A record completes the planned occurrence of an activity of its Kind (or
// of the activity whose ref is Activity) nearest to its Date, less than
// one interval of the rule either side, by day (half a year for a one-off
// activity),
// unless something else completed it already (then the record completes
// nothing more: a second audit in the year does not complete next
// year's); and the occurrence moves to the day it was held. So an audit held on 2027-10-11 completes the one planned on
// 2027-09-13 and the calendar shows one audit, on 2027-10-11; a half-yearly
// management review held in December completes the one planned for March,
// which is then not overdue; a review held late moves the next one of a
// FromCompletion activity. The next occurrence is then at most one
// interval after the day held: when the plan's next date is later (a
// yearly training held in November for the one planned in February), the
// rest of the series is re-anchored on the day held (see Plan.Occurrences).
// Records are matched in date order, ties by kind, activity, ref, who and
// evidence, so the plan does not depend on the order records are given in:
// of two audits on one day the first by ref completes the planned one. A
// record near no planned occurrence completes nothing, and Plan.Unmatched
// lists it.
// A Date at 00:00:00 with offset zero is a day without a time (a record
// written "2027-09-28"): it is that calendar day in the activity's zone,
// and the occurrence moved to it keeps its planned time of day.
// HeldFrom makes them from isms/records.
type Held struct {
	Kind Kind `json:"kind"`
	// Activity, when set, is the ref of the activity the record completes,
	// e.g. "fire-drill/oulu"; otherwise any activity of Kind.
	Activity string    `json:"activity,omitempty"`
	Date     time.Time `json:"date"`
	// Ref names the record, e.g. "Internal audit 2027" or its ID.
	Ref      string `json:"ref,omitempty"`
	By       string `json:"by,omitempty"`
	Evidence string `json:"evidence,omitempty"`
}

func (h Held) validate(refs map[string]bool) error {
	var p isms.Problems
	if !slices.Contains(kinds, h.Kind) {
		p.Addf("kind", "activity kind %q is not one of %v", clip(string(h.Kind)), kinds)
	}
	if h.Activity != "" && !refs[h.Activity] {
		p.Addf("activity", "record of unknown activity %q", clip(h.Activity))
	}
	if h.Date.IsZero() {
		p.Addf("date", "the record has no date it was held")
	}
	isms.CheckDate(&p, "date", "the date held", h.Date, false)
	checkText(&p, "ref", h.Ref)
	checkText(&p, "by", h.By)
	checkText(&p, "evidence", h.Evidence)
	return p.Err()
}

// window is how far from a planned occurrence a record may be held and
// still complete it: less than one interval of the rule, by day (half a
// year for a one-off), so that the series re-anchored on the day held
// (see segments) has a day for its next occurrence after the one held.
func (r Recurrence) window(t time.Time, sign int) time.Time {
	return r.shift(t, sign)
}

// resolved returns the plan with every completion addressed by its
// activity's ID and exact due time, and every record (Held) turned into a
// completion of the occurrence it matches; a completion whose day has no
// occurrence keeps a zero Due (Validate reports it). A plan with nothing
// to resolve is returned as it is.
func (p Plan) resolved() Plan {
	out, _ := p.resolve()
	return out
}

// resolve is resolved, and also returns the records that completed
// nothing.
func (p Plan) resolve() (Plan, []Held) {
	todo := len(p.Held) > 0
	for _, c := range p.Completions {
		todo = todo || c.Ref != "" && c.Activity.IsZero() || c.Due.IsZero()
	}
	if !todo {
		return p, nil
	}
	byRef := map[string]int{}
	for i, a := range p.Activities {
		if a.Ref != "" {
			byRef[a.Ref] = i
		}
	}
	out := p
	out.Held = nil
	out.Completions = make([]Completion, 0, len(p.Completions)+len(p.Held))
	for _, c := range p.Completions {
		if c.Ref != "" {
			if i, ok := byRef[c.Ref]; ok {
				c.Activity = p.Activities[i].ID
				if c.Due.IsZero() && c.On != (Date{}) {
					c.Due = out.onDay(p.Activities[i], c.On)
				}
			}
		}
		out.Completions = append(out.Completions, c)
	}
	held := slices.Clone(p.Held)
	slices.SortFunc(held, compareHeld)
	var unmatched []Held
	for _, h := range held {
		c, ok, near := out.match(h, byRef)
		switch {
		case ok:
			out.Completions = append(out.Completions, c)
		case !near:
			unmatched = append(unmatched, h)
		}
	}
	return out, unmatched
}

// compareHeld is the order records are matched in: by date, then kind,
// activity, ref, who and evidence, so that the plan does not depend on
// the order records are given in.
func compareHeld(a, b Held) int {
	return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Activity, b.Activity),
		cmp.Compare(a.Ref, b.Ref), cmp.Compare(a.By, b.By), cmp.Compare(a.Evidence, b.Evidence))
}

// onDay returns the occurrence of a planned on day d in a's zone, or zero.
func (p Plan) onDay(a Activity, d Date) time.Time {
	loc, err := a.Recurrence.Location()
	if err != nil || d.Validate() != nil {
		return time.Time{}
	}
	from := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
	for _, t := range p.planned(a, from, from.AddDate(0, 0, 1)) {
		if DateOf(t.In(loc)) == d {
			return t
		}
	}
	return time.Time{}
}

// match finds the open occurrence a record completes; near says whether
// the record is within reach of any occurrence of its activity, open or
// already completed (a record of an occurrence already closed by a
// completion or another record completes nothing more, and is not a
// record the plan misses).
func (p Plan) match(h Held, byRef map[string]int) (c Completion, ok, near bool) {
	best, bestAt, bestDay, found := -1, time.Time{}, time.Time{}, false
	want, named := byRef[h.Activity]
	if h.Activity != "" && !named {
		return Completion{}, false, false
	}
	for i, a := range p.Activities {
		if named && i != want || !named && a.Kind != h.Kind {
			continue
		}
		if a.Recurrence.Validate() != nil {
			continue
		}
		// The record belongs to the activity's occurrence nearest to it;
		// when another record or a completion closed that one already,
		// it completes nothing more (not next year's).
		loc, _ := a.Recurrence.Location()
		d := heldDay(h.Date, loc)
		dist := func(t time.Time) time.Duration { return max(t.Sub(d), d.Sub(t)) }
		lo, hi := dayAfter(a.Recurrence.window(d, -1)), dayAfter(a.Recurrence.window(d, 1)).AddDate(0, 0, -1)
		var at time.Time
		seen := false
		for _, t := range p.planned(a, lo, hi) {
			if !seen || cmp.Or(cmp.Compare(dist(t), dist(at)), t.Compare(at)) < 0 {
				at, seen = t, true
			}
		}
		near = near || seen
		if !seen || p.closed(a.ID, at) {
			continue
		}
		if !found || cmp.Or(cmp.Compare(dist(at), max(bestAt.Sub(bestDay), bestDay.Sub(bestAt))), at.Compare(bestAt)) < 0 {
			best, bestAt, bestDay, found = i, at, d, true
		}
	}
	if !found {
		return Completion{}, false, near
	}
	a := p.Activities[best]
	done := h.Date
	if dateOnly(h.Date) {
		// A record that gives only the day keeps the planned time of day,
		// in the activity's zone: a review planned 13:00 and held on
		// 2027-09-28 is shown at 13:00 that day, not at midnight UTC.
		loc, _ := a.Recurrence.Location()
		hh, mm, ss := bestAt.In(loc).Clock()
		done = time.Date(bestDay.Year(), bestDay.Month(), bestDay.Day(), hh, mm, ss, 0, loc)
	}
	return Completion{Activity: a.ID, Ref: a.Ref, Due: bestAt, Done: done, By: h.By, Evidence: h.Evidence, Moved: true, Record: h.Ref}, true, true
}

// dateOnly says whether t carries a day and no time: 00:00:00 at offset
// zero, as a record written "2027-09-28" is read.
func dateOnly(t time.Time) bool {
	_, off := t.Zone()
	return off == 0 && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

// heldDay is the day a record was held, in loc: a date-only record is
// that calendar day (00:00 in loc), whatever loc's offset; a timed one is
// the instant itself.
func heldDay(t time.Time, loc *time.Location) time.Time {
	if dateOnly(t) {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	}
	return t.In(loc)
}

// closed says whether a completion already closes the occurrence.
func (p Plan) closed(id ActivityID, due time.Time) bool {
	return slices.ContainsFunc(p.Completions, func(c Completion) bool { return c.Activity == id && c.Due.Equal(due) })
}
