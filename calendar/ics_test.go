package calendar_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/teambition/rrule-go"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
)

var stamp = isms.NewFixedClock(time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC))

// interopPlan mixes every rule shape the exporter handles: the default SME
// rhythm in a zone with daylight saving, plus month ends, a leap day, a
// last business day, a count, an until, a one-off, a working-day
// adjustment, a completion-chained review and text that needs escaping.
func interopPlan(t *testing.T) calendar.Plan {
	t.Helper()
	p := defaultPlan(t)
	add := func(name string, r calendar.Rule, adjust calendar.Direction) {
		p = p.Add(calendar.Activity{ID: isms.DeriveID[calendar.Activity](ns, name), Title: name, Kind: calendar.Custom,
			Owner: "IT manager", Evidence: "notes; signed, dated", Rule: r, Adjust: adjust})
	}
	add("Month-end report, Helsinki", calendar.Every(1, calendar.Monthly, time.Date(2027, 1, 31, 16, 0, 0, 0, time.UTC), "Europe/Helsinki"), calendar.NoAdjust)
	add("30th of every other month", calendar.Every(2, calendar.Monthly, time.Date(2027, 1, 30, 9, 0, 0, 0, time.UTC), "America/New_York"), calendar.NoAdjust)
	add("Leap-day check", calendar.Every(1, calendar.Yearly, time.Date(2028, 2, 29, 9, 0, 0, 0, time.UTC), ""), calendar.NoAdjust)
	add("Last business day close", calendar.LastBusinessDayOf(1, time.Date(2027, 1, 1, 15, 0, 0, 0, time.UTC), "Europe/Helsinki"), calendar.NoAdjust)
	count := calendar.Every(1, calendar.Weekly, time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC), "Europe/Helsinki")
	count.Count = 10
	add("Ten weekly stand-ups", count, calendar.NoAdjust)
	until := calendar.Every(3, calendar.Daily, time.Date(2027, 10, 20, 7, 30, 0, 0, time.UTC), "Australia/Sydney")
	until.Until = time.Date(2027, 11, 30, 0, 0, 0, 0, time.UTC)
	add("Every third day until November", until, calendar.NoAdjust)
	add("One-off kickoff", calendar.OnceAt(time.Date(2027, 1, 11, 9, 0, 0, 0, time.UTC), "Europe/Helsinki"), calendar.NoAdjust)
	add("15th, moved to a working day", calendar.Every(1, calendar.Monthly, time.Date(2027, 1, 15, 9, 0, 0, 0, time.UTC), "Europe/Helsinki"), calendar.Next)
	risk := find(p, calendar.RiskReview)
	first := p.Occurrences(risk, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC))[0]
	return p.Complete(calendar.Completion{Activity: risk.ID, Due: first, Done: first.AddDate(0, 0, 10), By: "Jussi"})
}

func writeICS(t *testing.T, p calendar.Plan) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, calendar.WriteICS(&b, p, calendar.ICSOptions{Clock: stamp,
		From: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}))
	return b.Bytes()
}

func TestWriteICS_Golden(t *testing.T) {
	out := writeICS(t, interopPlan(t))
	golden.Assert(t, filepath.Join("testdata", "plan.ics"), out)
	for i, line := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
		assert.LessOrEqual(t, len(line), 75, "line %d is longer than 75 octets", i)
		assert.True(t, utf8.ValidString(line), "line %d splits a UTF-8 sequence", i)
		assert.NotContains(t, line, "\n", "bare LF in line %d", i)
	}
	assert.True(t, bytes.HasSuffix(out, []byte("END:VCALENDAR\r\n")))
	assert.Equal(t, string(out), string(writeICS(t, interopPlan(t))), "deterministic")
}

// TestWriteICS_IndependentParserAndExpander parses the output with
// arran4/golang-ical and expands every event with teambition/rrule-go; over
// three years the occurrences must equal ours.
func TestWriteICS_IndependentParserAndExpander(t *testing.T) {
	p := interopPlan(t)
	from, to := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	cal, err := ics.ParseCalendar(bytes.NewReader(writeICS(t, p)))
	require.NoError(t, err, "the output parses")
	events := cal.Events()
	require.Len(t, events, len(p.Activities))
	assert.NotEmpty(t, cal.Timezones(), "VTIMEZONE present")

	for i, ev := range events {
		a := p.Activities[i]
		assert.Equal(t, a.ID.String()+"@ismskit", ev.Id())
		assert.Equal(t, a.Title, ev.GetProperty(ics.ComponentPropertySummary).Value, "SUMMARY unescapes to the title")
		var lines []string
		dt := ev.GetProperty(ics.ComponentPropertyDtStart)
		lines = append(lines, "DTSTART"+params(dt.ICalParameters)+":"+dt.Value)
		if r := ev.GetProperty(ics.ComponentPropertyRrule); r != nil {
			lines = append(lines, "RRULE:"+r.Value)
		}
		if r := ev.GetProperty(ics.ComponentPropertyRdate); r != nil {
			lines = append(lines, "RDATE"+params(r.ICalParameters)+":"+r.Value)
		}
		if ev.GetProperty(ics.ComponentPropertyRrule) == nil {
			// RFC 5545 3.8.5.2: DTSTART is the first instance of the set;
			// rrule-go counts it only through an RRULE, so add it as a date.
			lines = append(lines, "RDATE"+params(dt.ICalParameters)+":"+dt.Value)
		}
		set, err := rrule.StrSliceToRRuleSet(lines)
		require.NoError(t, err, "%s: %v", a.Title, lines)
		theirs := set.Between(from, to, true)
		if len(theirs) > 0 && !theirs[len(theirs)-1].Before(to) {
			theirs = theirs[:len(theirs)-1]
		}
		ours := p.Occurrences(a, from, to)
		assert.Equal(t, utc(ours), utc(theirs), "%s (%v)", a.Title, lines)
		assert.NotEmpty(t, ours, "%s has occurrences", a.Title)
	}
}

func params(m map[string][]string) string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var s string
	for _, k := range keys {
		s += fmt.Sprintf(";%s=%s", k, strings.Join(m[k], ","))
	}
	return s
}

func utc(ts []time.Time) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.UTC().Format(time.RFC3339))
	}
	return out
}
