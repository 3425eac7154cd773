package calendar

import (
	"cmp"
	"slices"
	"time"
)

// AnchorSlack is how much later than one interval after the day an
// occurrence was held (or completed) the plan's own next date may fall
// before the rest of the series is re-anchored on the held day: the week
// an n-th-weekday rule moves by from one year to the next (the first
// Tuesday of February is the 1st in 2028, the 6th in 2029), so that a
// round held on its planned day keeps the plan's weekdays.
const AnchorSlack = 7 * 24 * time.Hour

// segment is a stretch of a FollowPlan activity's series: the rule's
// occurrences strictly after after (all of them for the first segment),
// up to the next segment's after.
type segment struct {
	rule  Recurrence
	after time.Time
}

// segments returns the activity's series as the plan's completions shape
// it: after an occurrence completed on day D (a record's day held, or a
// completion's time done), the next occurrence falls on D plus one
// interval at the latest (allowing AnchorSlack for the rule's own weekday
// drift); when the plan's next date is later, the rest of the series is
// re-anchored on D (see reanchor). Completions are taken in the order of
// the occurrences they close. A one-off or FromCompletion activity has one
// segment.
func (p Plan) segments(a Activity) []segment {
	segs := []segment{{rule: a.Recurrence}}
	if a.Chain == FromCompletion || a.Recurrence.Repeat == Once || a.Recurrence.Validate() != nil {
		return segs
	}
	loc, err := a.Recurrence.Location()
	if err != nil {
		return segs
	}
	var done []Completion
	for _, c := range p.Completions {
		if c.Activity == a.ID && !c.Due.IsZero() && !c.Done.IsZero() {
			done = append(done, c)
		}
	}
	if len(done) == 0 {
		return segs
	}
	slices.SortFunc(done, func(x, y Completion) int { return cmp.Or(x.Due.Compare(y.Due), x.Done.Compare(y.Done)) })
	for _, c := range done {
		cur := segs[len(segs)-1]
		t := c.Due
		if !cur.after.IsZero() && !t.After(cur.after) {
			continue // an occurrence the series no longer has
		}
		// The day after which the next occurrence must not fall.
		bound := dayAfter(a.Recurrence.plus(c.Done.In(loc)))
		seg := a
		seg.Recurrence = cur.rule
		var next time.Time
		for x := range seg.Occurrences(t.Add(time.Nanosecond), a.Recurrence.plus(a.Recurrence.plus(t)).AddDate(0, 0, 15), p.Workdays) {
			next = x
			break
		}
		if next.IsZero() || next.Before(bound.Add(AnchorSlack)) {
			continue
		}
		after := maxTime(t, c.Done)
		r := p.reanchor(a, c.Done.In(loc), after, bound)
		if a.Recurrence.Count > 0 {
			// The series keeps its number of occurrences.
			r.Count = a.Recurrence.Count - p.countTo(a, segs, after)
			if r.Count <= 0 {
				continue
			}
		}
		segs = append(segs, segment{rule: r, after: after})
	}
	return segs
}

// reanchor returns the rule of the series restarted on day d: its first
// occurrence is the latest one of the rule's shape (the same n-th
// weekday, or last business day, in an earlier month) after after and
// before bound, the day after d plus one interval; a rule without such a
// shape, or with none in that span, restarts on d plus one interval at
// the rule's time of day.
func (p Plan) reanchor(a Activity, d, after, bound time.Time) Recurrence {
	r := a.Recurrence
	r.Count = 0
	if r.Repeat == Monthly && (r.Nth != 0 || r.LastBusinessDay) {
		h, m, s := r.Start.Clock()
		last := r.plus(d)
		for back := 0; back < 2; back++ {
			try := r
			try.Start = time.Date(last.Year(), last.Month()-time.Month(back), 1, h, m, s, 0, d.Location())
			b := a
			b.Recurrence = try
			for x := range b.Occurrences(try.Start, try.Start.AddDate(0, 1, 15), p.Workdays) {
				if x.After(after) && x.Before(bound) {
					return try
				}
				break
			}
		}
	}
	return restart(r, d)
}

// plus is t plus one interval of the rule (see shift).
func (r Recurrence) plus(t time.Time) time.Time { return r.shift(t, 1) }

// shift is t plus (sign 1) or minus (sign -1) one interval of the rule, in
// t's zone; month ends never skip a month (January 31 + 1 month is
// February 28). A one-off counts half a year.
func (r Recurrence) shift(t time.Time, sign int) time.Time {
	n := sign * r.interval()
	h, m, s := t.Clock()
	switch r.Repeat {
	case Daily:
		return t.AddDate(0, 0, n)
	case Weekly:
		return t.AddDate(0, 0, 7*n)
	case Monthly, Yearly:
		if r.Repeat == Yearly {
			n *= 12
		}
		first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		y, mo := first.Year(), first.Month()
		return time.Date(y, mo, min(t.Day(), daysIn(y, mo)), h, m, s, t.Nanosecond(), t.Location())
	}
	return t.AddDate(0, 6*sign, 0)
}

// dayAfter is the midnight that ends t's day, in t's zone.
func dayAfter(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, t.Location())
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// countTo counts the occurrences of the series made of segs up to and
// including t.
func (p Plan) countTo(a Activity, segs []segment, t time.Time) int {
	n := 0
	for i, s := range segs {
		seg := a
		seg.Recurrence = s.rule
		hi := t
		if i+1 < len(segs) {
			hi = minTime(t, segs[i+1].after)
		}
		for x := range seg.Occurrences(time.Time{}, hi.Add(time.Nanosecond), p.Workdays) {
			if i == 0 || x.After(s.after) {
				n++
			}
		}
	}
	return n
}
