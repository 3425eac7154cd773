package calendar

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/isms"
)

// ICSOptions tune WriteICS. Now is required; the other fields default.
type ICSOptions struct {
	// Now is when the file is made, written as every event's DTSTAMP
	// (RFC 5545 requires one). It has no default: a zero Now is a
	// ValidationError rather than a file stamped 0001-01-01. Pass the
	// host's clock reading (isms.Clock.Now) or a fixed time for
	// reproducible files.
	Now time.Time
	// From and To bound the explicit dates (RDATE) written for activities
	// that no RRULE can express; zero means the three years from the
	// earliest activity start.
	From, To time.Time
	// Duration of each event; zero means one hour.
	Duration time.Duration
	// KeepOverdueDates writes a one-time activity that was due before
	// Now's day and is not completed on its own date. By default it is
	// written on Now's day instead, its summary starting "Overdue since
	// <date>:", so that a calendar app shows it among today's work
	// rather than years back (a never-assessed supplier's assessment is
	// due from its contract date). The plan itself keeps the date, so
	// status and readiness still see how long it has been overdue.
	KeepOverdueDates bool
}

// WriteICS writes the plan as an RFC 5545 calendar: a VCALENDAR with
// PRODID and VERSION, a VTIMEZONE for each time zone used, and one VEVENT
// per activity with a stable UID (the activity ID), DTSTAMP from opts.Now,
// DTSTART with TZID (or UTC), an RRULE for recurring activities, and
// SUMMARY and DESCRIPTION escaped as RFC 5545 TEXT: backslashes, semicolons,
// commas and line breaks escaped, other control characters as spaces, and
// bidi controls (such as U+202E) and invalid UTF-8 dropped, so no text can
// end a property or reorder what a reader sees. Activities whose dates an RRULE cannot
// express (moved to working days, last business day with holidays,
// restarted from a completion) carry their dates as RDATE instead. An
// all-day activity (Activity.AllDay) is written with DATE values
// (DTSTART;VALUE=DATE, DTEND the next day), not as a timed event. Lines
// end in CRLF and are folded at 75 octets. The output is deterministic.
//
// Options past MaxEventDuration or MaxICSWindowYears, an invalid plan, and
// a DTSTART, DTEND or RDATE outside the years 1–9999 (which RFC 5545 text
// cannot carry) are validation errors, found before anything is written.
func WriteICS(w io.Writer, p Plan, opts ICSOptions) error {
	var probs isms.Problems
	isms.CheckDate(&probs, "now", "ICSOptions.Now, the time the file is made (its DTSTAMP)", opts.Now, true)
	switch {
	case opts.Duration < 0:
		probs.Addf("duration", "ICSOptions.Duration %s is negative", opts.Duration)
	case opts.Duration > MaxEventDuration:
		probs.Addf("duration", "ICSOptions.Duration %s is longer than MaxEventDuration (%s)", opts.Duration, MaxEventDuration)
	}
	if !opts.From.IsZero() && !opts.To.IsZero() {
		isms.CheckDate(&probs, "from", "ICSOptions.From", opts.From, false)
		isms.CheckDate(&probs, "to", "ICSOptions.To", opts.To, false)
		switch {
		case !opts.To.After(opts.From):
			probs.Addf("to", "ICSOptions.To is not after ICSOptions.From")
		case opts.To.After(opts.From.AddDate(MaxICSWindowYears, 0, 0)):
			probs.Addf("to", "ICSOptions.From to To is longer than MaxICSWindowYears (%d years)", MaxICSWindowYears)
		}
	}
	probs.Merge("", p.Validate())
	if err := probs.Err(); err != nil {
		return err
	}
	p = p.resolved()
	stamp := opts.Now
	dur := opts.Duration
	if dur == 0 {
		dur = time.Hour
	}
	from, to := opts.From, opts.To
	if from.IsZero() || to.IsZero() {
		from, to = planWindow(p)
	}

	// Every date is worked out, and checked, before anything is written.
	events := make([]icsEvent, len(p.Activities))
	for i, a := range p.Activities {
		e := icsEvent{}
		loc, _ := a.Recurrence.Location()
		e.rrule, e.exact = rruleOf(a, p)
		first := a.Recurrence.wallStart(loc)
		if !e.exact {
			e.occ = p.occurrences(a, from, to)
		}
		if e.exact {
			// DTSTART must be the first occurrence of the series.
			for t := range a.Occurrences(first, first.AddDate(100, 0, 0), p.Workdays) {
				first = t
				break
			}
		} else if len(e.occ) > 0 {
			first = e.occ[0]
		}
		e.first = first
		if a.Recurrence.Repeat == Once && !opts.KeepOverdueDates && !hasCompletion(p, a.ID) { // its one occurrence not done
			if today := dayIn(opts.Now, loc); dayIn(first, loc).Before(today) {
				e.overdue = first
				h, m, sec := first.In(loc).Clock()
				e.first = time.Date(today.Year(), today.Month(), today.Day(), h, m, sec, 0, loc)
			}
		}
		for _, t := range append([]time.Time{first, first.Add(dur)}, e.occ...) {
			if !inYears(t) {
				probs.Addf(isms.Index("activities", i), "activity %q has an occurrence or end outside the years 1 to 9999 (%s), which iCalendar cannot write", clip(a.Title), t.Format(time.RFC3339))
				break
			}
		}
		events[i] = e
	}
	if err := probs.Err(); err != nil {
		return err
	}

	bw := bufio.NewWriterSize(w, 64<<10)
	line := func(s string) { writeFolded(bw, s) }
	line("BEGIN:VCALENDAR")
	line("PRODID:-//ismskit//ismskit calendar//EN")
	line("VERSION:2.0")
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:" + escapeText(p.Name))

	zones := map[string]bool{}
	for _, a := range p.Activities {
		if a.Recurrence.TZ != "" && a.Recurrence.TZ != "UTC" {
			zones[a.Recurrence.TZ] = true
		}
	}
	names := make([]string, 0, len(zones))
	for z := range zones {
		names = append(names, z)
	}
	sort.Strings(names)
	for _, z := range names {
		loc, _ := time.LoadLocation(z) // validated above
		writeTimezone(line, z, loc, from.Year())
	}

	for i, a := range p.Activities {
		e := events[i]
		line("BEGIN:VEVENT")
		line("UID:" + a.ID.String() + "@ismskit")
		line("DTSTAMP:" + stamp.UTC().Format("20060102T150405Z"))
		if a.AllDay {
			loc, _ := a.Recurrence.Location()
			day := e.first.In(loc)
			line("DTSTART;VALUE=DATE:" + day.Format("20060102"))
			line("DTEND;VALUE=DATE:" + day.AddDate(0, 0, 1).Format("20060102"))
		} else {
			line("DTSTART" + dateTime(e.first, a.Recurrence.TZ))
			line("DTEND" + dateTime(e.first.Add(dur), a.Recurrence.TZ))
		}
		switch {
		case !e.exact && len(e.occ) > 1 && a.AllDay:
			var dates []string
			for _, t := range e.occ[1:] {
				loc, _ := a.Recurrence.Location()
				dates = append(dates, t.In(loc).Format("20060102"))
			}
			line("RDATE;VALUE=DATE:" + strings.Join(dates, ","))
		case e.exact && e.rrule != "":
			line("RRULE:" + e.rrule)
		case !e.exact && len(e.occ) > 1:
			var dates []string
			for _, t := range e.occ[1:] {
				dates = append(dates, value(t, a.Recurrence.TZ))
			}
			line("RDATE" + tzParam(a.Recurrence.TZ) + ":" + strings.Join(dates, ","))
		}
		title, desc := a.Title, fmt.Sprintf("Owner: %s", a.Owner)
		if !e.overdue.IsZero() {
			loc, _ := a.Recurrence.Location()
			since := e.overdue.In(loc).Format(time.DateOnly)
			title = "Overdue since " + since + ": " + title
			desc = fmt.Sprintf("Due %s and not done by %s.\n", since, dayIn(opts.Now, loc).Format(time.DateOnly)) + desc
		}
		line("SUMMARY:" + escapeText(title))
		if a.Evidence != "" {
			desc += "\nEvidence: " + a.Evidence
		}
		if a.Description != "" {
			desc += "\n" + a.Description
		}
		line("DESCRIPTION:" + escapeText(desc))
		line("CATEGORIES:" + escapeText(string(a.Kind)))
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

// Limits on WriteICS; a larger option is a validation error naming the
// limit.
const (
	// MaxEventDuration is the longest ICSOptions.Duration: 31 days.
	MaxEventDuration = 31 * 24 * time.Hour
	// MaxICSWindowYears is the longest span from ICSOptions.From to To,
	// which bounds the explicit dates (RDATE) written for an activity.
	MaxICSWindowYears = 10
)

// icsEvent is one activity's VEVENT dates, worked out before writing.
type icsEvent struct {
	first time.Time
	// overdue is the due date of a one-time activity written on Now's
	// day instead (ICSOptions.KeepOverdueDates); zero otherwise.
	overdue time.Time
	rrule   string
	exact   bool
	occ     []time.Time
}

// planWindow is three years from the earliest activity start.
func planWindow(p Plan) (time.Time, time.Time) {
	var from time.Time
	for _, a := range p.Activities {
		if loc, err := a.Recurrence.Location(); err == nil {
			s := a.Recurrence.wallStart(loc)
			if from.IsZero() || s.Before(from) {
				from = s
			}
		}
	}
	from = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	return from, from.AddDate(3, 0, 0)
}

// rruleOf returns the RRULE for a and whether the rule reproduces the
// activity's dates exactly.
func rruleOf(a Activity, p Plan) (string, bool) {
	r := a.Recurrence
	if a.Adjust != NoAdjust || (a.Chain == FromCompletion && hasCompletion(p, a.ID)) || hasMoved(p, a.ID) || len(p.segments(a)) > 1 {
		return "", false
	}
	if r.LastBusinessDay && (len(p.Workdays.Holidays) > 0 || p.Workdays.Weekend != nil) {
		return "", false
	}
	loc, _ := r.Location()
	start := r.wallStart(loc)
	parts := []string{}
	switch r.Repeat {
	case Once:
		return "", true
	case Daily:
		parts = append(parts, "FREQ=DAILY")
	case Weekly:
		parts = append(parts, "FREQ=WEEKLY")
	case Monthly:
		parts = append(parts, "FREQ=MONTHLY")
	case Yearly:
		parts = append(parts, "FREQ=YEARLY")
	}
	if r.interval() > 1 {
		parts = append(parts, fmt.Sprintf("INTERVAL=%d", r.interval()))
	}
	days := []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}
	switch {
	case r.Repeat == Monthly && r.Nth != 0:
		parts = append(parts, fmt.Sprintf("BYDAY=%d%s", r.Nth, days[r.Weekday]))
	case r.Repeat == Monthly && r.LastBusinessDay:
		parts = append(parts, "BYDAY=MO,TU,WE,TH,FR", "BYSETPOS=-1")
	case r.Repeat == Monthly && start.Day() > 28:
		parts = append(parts, "BYMONTHDAY="+monthDays(start.Day()), "BYSETPOS=-1")
	case r.Repeat == Yearly && start.Month() == time.February && start.Day() == 29:
		parts = append(parts, "BYMONTH=2", "BYMONTHDAY=28,29", "BYSETPOS=-1")
	}
	if r.Count > 0 {
		parts = append(parts, fmt.Sprintf("COUNT=%d", r.Count))
	}
	switch {
	case !r.Until.IsZero() && a.AllDay:
		// UNTIL has DTSTART's value type (RFC 5545 3.3.10).
		parts = append(parts, "UNTIL="+r.Until.In(loc).Format("20060102"))
	case !r.Until.IsZero():
		parts = append(parts, "UNTIL="+r.Until.UTC().Format("20060102T150405Z"))
	}
	return strings.Join(parts, ";"), true
}

// monthDays lists 28..d: with BYSETPOS=-1 it picks the day, or the last
// day of a shorter month.
func monthDays(d int) string {
	var s []string
	for x := 28; x <= d; x++ {
		s = append(s, fmt.Sprint(x))
	}
	return strings.Join(s, ",")
}

// hasMoved says whether a record moved one of the activity's occurrences.
func hasMoved(p Plan, id ActivityID) bool {
	return slices.ContainsFunc(p.Completions, func(c Completion) bool { return c.Activity == id && c.Moved })
}

func hasCompletion(p Plan, id ActivityID) bool {
	for _, c := range p.Completions {
		if c.Activity == id {
			return true
		}
	}
	return false
}

func tzParam(tz string) string {
	if tz == "" || tz == "UTC" {
		return ""
	}
	return ";TZID=" + tz
}

// dateTime renders a property's parameter and value:
// ";TZID=zone:YYYYMMDDTHHMMSS" or ":YYYYMMDDTHHMMSSZ".
func dateTime(t time.Time, tz string) string { return tzParam(tz) + ":" + value(t, tz) }

// value renders a DATE-TIME value: local time for a zone, UTC otherwise.
func value(t time.Time, tz string) string {
	if tz == "" || tz == "UTC" {
		return t.UTC().Format("20060102T150405Z")
	}
	return t.Format("20060102T150405")
}

// writeTimezone writes a VTIMEZONE for loc, from the transitions of year.
func writeTimezone(line func(string), name string, loc *time.Location, year int) {
	line("BEGIN:VTIMEZONE")
	line("TZID:" + name)
	trans := transitions(loc, year)
	if len(trans) == 0 {
		abbr, off := time.Date(year, 1, 1, 0, 0, 0, 0, loc).Zone()
		line("BEGIN:STANDARD")
		line("DTSTART:19700101T000000")
		line("TZOFFSETFROM:" + offset(off))
		line("TZOFFSETTO:" + offset(off))
		line("TZNAME:" + abbr)
		line("END:STANDARD")
	}
	for _, tr := range trans {
		kind := "STANDARD"
		if tr.dst {
			kind = "DAYLIGHT"
		}
		local := tr.at.In(time.FixedZone("", tr.from)) // wall clock before the change
		n := (local.Day()-1)/7 + 1
		if local.Day()+7 > daysIn(local.Year(), local.Month()) {
			n = -1
		}
		// The rule starts in 1970, so every event of the plan falls after
		// an onset, as RFC 5545 expects.
		onset := time.Date(1970, local.Month(), nthWeekday(1970, local.Month(), n, local.Weekday()), local.Hour(), local.Minute(), local.Second(), 0, time.UTC)
		line("BEGIN:" + kind)
		line("DTSTART:" + onset.Format("20060102T150405"))
		line("TZOFFSETFROM:" + offset(tr.from))
		line("TZOFFSETTO:" + offset(tr.to))
		line("TZNAME:" + tr.abbr)
		line(fmt.Sprintf("RRULE:FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", local.Month(), n, []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}[local.Weekday()]))
		line("END:" + kind)
	}
	line("END:VTIMEZONE")
}

type transition struct {
	at       time.Time
	from, to int
	abbr     string
	dst      bool
}

// transitions finds the UTC-offset changes of loc during year.
func transitions(loc *time.Location, year int) []transition {
	var out []transition
	t := time.Date(year, 1, 1, 0, 0, 0, 0, loc)
	end := t.AddDate(1, 0, 0)
	_, prev := t.Zone()
	for t.Before(end) {
		next := t.Add(24 * time.Hour)
		if _, off := next.Zone(); off != prev {
			lo, hi := t, next // find the instant by bisection
			for hi.Sub(lo) > time.Second {
				mid := lo.Add(hi.Sub(lo) / 2)
				if _, o := mid.Zone(); o == prev {
					lo = mid
				} else {
					hi = mid
				}
			}
			abbr, to := hi.Zone()
			out = append(out, transition{at: hi.Truncate(time.Second), from: prev, to: to, abbr: abbr, dst: hi.IsDST()})
			prev = to
		}
		t = next
	}
	return out
}

func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	return fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec%3600/60)
}

// textEscaper escapes an RFC 5545 TEXT value; it is immutable and safe to
// share. A lone carriage return is a line break too.
var textEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// escapeText returns s as an RFC 5545 TEXT value (section 3.3.11): cleaned
// by cells.Text (invalid UTF-8 and bidi controls dropped, control
// characters other than line breaks and tab as spaces, which TEXT allows
// no other), then escaped.
func escapeText(s string) string { return textEscaper.Replace(cells.Text(s)) }

// writeFolded writes a content line as CRLF-terminated lines of at most 75
// octets, continuation lines starting with a space, never inside a UTF-8
// sequence.
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}

// dayIn is t's calendar day in loc, at midnight.
func dayIn(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}
