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

var stamp = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

// interopPlan mixes every rule shape the exporter handles: the default SME
// rhythm in a zone with daylight saving, plus month ends, a leap day, a
// last business day, a count, an until, a one-off, a working-day
// adjustment, a completion-chained review and text that needs escaping.
func interopPlan(t *testing.T) calendar.Plan {
	t.Helper()
	p := defaultPlan(t)
	add := func(name string, r calendar.Recurrence, adjust calendar.Direction) {
		p = p.Add(calendar.Activity{ID: isms.DeriveID[calendar.Activity](ns, name), Title: name, Kind: calendar.Custom,
			Owner: "IT manager", Evidence: "notes; signed, dated", Recurrence: r, Adjust: adjust})
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
	require.NoError(t, calendar.WriteICS(&b, p, calendar.ICSOptions{Now: stamp,
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

func TestWriteICS_Options(t *testing.T) {
	p := calendar.Plan{Name: "Options", Activities: []calendar.Activity{activity(calendar.OnceAt(at(2027, 6, 30, 12), ""))}}
	tests := []struct {
		name  string
		opts  calendar.ICSOptions
		paths []string
		lines []string
	}{
		{"no Now is refused, not stamped 0001-01-01", calendar.ICSOptions{}, []string{"now"}, nil},
		{"Now after 9999", calendar.ICSOptions{Now: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{"now"}, nil},
		{"negative duration", calendar.ICSOptions{Now: stamp, Duration: -time.Hour}, []string{"duration"}, nil},
		{"defaults: one hour", calendar.ICSOptions{Now: stamp}, nil,
			[]string{"DTSTAMP:20261121T120000Z", "DTSTART:20270630T120000Z", "DTEND:20270630T130000Z"}},
		{"Now in another zone is written in UTC", calendar.ICSOptions{Now: time.Date(2026, 11, 21, 14, 0, 0, 0, time.FixedZone("EET", 2*3600)), Duration: 30 * time.Minute}, nil,
			[]string{"DTSTAMP:20261121T120000Z", "DTEND:20270630T123000Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := calendar.WriteICS(&b, p, tt.opts)
			if tt.paths != nil {
				require.ErrorIs(t, err, isms.ErrInvalid)
				assert.Equal(t, tt.paths, paths(err))
				assert.Zero(t, b.Len(), "nothing is written")
				return
			}
			require.NoError(t, err)
			for _, l := range tt.lines {
				assert.Contains(t, strings.Split(b.String(), "\r\n"), l)
			}
		})
	}
	var b bytes.Buffer
	bad := p.Add(calendar.Activity{})
	assert.ErrorIs(t, calendar.WriteICS(&b, bad, calendar.ICSOptions{}), isms.ErrInvalid, "an invalid plan and no Now")
	assert.Equal(t, []string{"now", "activities[1].id", "activities[1].title", "activities[1].kind", "activities[1].owner", "activities[1].recurrence.repeat", "activities[1].recurrence.start"},
		paths(calendar.WriteICS(&b, bad, calendar.ICSOptions{})))
}

// hostileText is text a person could type, or paste, into a title, owner or
// evidence: line breaks (LF, CRLF, a lone CR), the TEXT delimiters ; , and
// \, a spreadsheet formula, HTML, a right-to-left override, control
// characters, invalid UTF-8 and a very long line of multi-byte characters.
var hostileText = []string{
	"Line one\nline two\r\nline three\rline four",
	`semi;colon, comma\ backslash \n not a newline`,
	`=cmd|' /C calc'!A1`,
	"<script>alert('x')</script> | pipe",
	"evil\u202egnp.exe review",
	"nul\x00bell\x07del\x7f tab\tend",
	"bad utf-8 \xff\xfe here",
	strings.Repeat("Überprüfung ✓ ", 40),
}

// TestWriteICS_HostileText: every property stays one valid RFC 5545
// content line, folded at 75 octets, and an independent parser reads each
// text back as written, minus what cannot be shown safely.
func TestWriteICS_HostileText(t *testing.T) {
	p := calendar.Plan{Name: "Hostile;\nplan, " + hostileText[4]}
	for i, h := range hostileText {
		p.Activities = append(p.Activities, calendar.Activity{
			ID: isms.DeriveID[calendar.Activity](ns, fmt.Sprint("hostile ", i)), Title: "Review " + h, Kind: calendar.Custom,
			Owner: "Owner " + h, Evidence: h, Description: h,
			Recurrence: calendar.OnceAt(at(2027, 6, 1+i, 9), "Europe/Helsinki"),
		})
	}
	var b bytes.Buffer
	require.NoError(t, calendar.WriteICS(&b, p, calendar.ICSOptions{Now: stamp}))
	out := b.Bytes()
	golden.Assert(t, filepath.Join("testdata", "hostile.ics"), out)

	require.True(t, bytes.HasSuffix(out, []byte("\r\n")))
	for i, line := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
		assert.LessOrEqual(t, len(line), 75, "line %d is longer than 75 octets", i)
		assert.True(t, utf8.ValidString(line), "line %d is not valid UTF-8", i)
		for _, r := range line {
			assert.False(t, r < 0x20 && r != '\t' || r == 0x7f, "line %d holds control character %U", i, r)
			assert.NotEqual(t, '\u202e', r, "line %d holds a right-to-left override", i)
		}
		if i > 0 && !strings.HasPrefix(line, " ") {
			name := line[:strings.IndexAny(line, ":;")]
			assert.Regexp(t, `^[A-Z-]+$`, name, "line %d starts a property named %q", i, name)
		}
	}

	cal, err := ics.ParseCalendar(bytes.NewReader(out))
	require.NoError(t, err)
	events := cal.Events()
	require.Len(t, events, len(hostileText))
	shown := func(s string) string {
		s = strings.ToValidUTF8(s, "")
		s = strings.NewReplacer("\u202e", "", "\x00", " ", "\x07", " ", "\x7f", " ", "\r\n", "\n", "\r", "\n").Replace(s)
		return s
	}
	for i, ev := range events {
		assert.Equal(t, shown("Review "+hostileText[i]), ev.GetProperty(ics.ComponentPropertySummary).Value, "summary %d", i)
		assert.Equal(t, shown("Owner: Owner "+hostileText[i]+"\nEvidence: "+hostileText[i]+"\n"+hostileText[i]), ev.GetProperty(ics.ComponentPropertyDescription).Value, "description %d", i)
	}
}

// A one-time duty due years before the file is made (a never-assessed
// supplier's assessment, due from its contract date) is written on the
// day the file is made, marked overdue, so a calendar app shows it; a
// completed one, a future one, and KeepOverdueDates keep their dates.
func TestWriteICS_OverdueOneTimeActivityIsWrittenToday(t *testing.T) {
	due := func(title string, d time.Time) isms.Duty {
		return isms.Duty{ID: isms.DeriveID[isms.Duty](isms.NewNamespace("Dental"), title), Title: title, Kind: isms.DutyOther, Due: d, Owner: isms.Owner{}}
	}
	items, err := calendar.FromDuties([]isms.Duty{
		due("Assess supplier Turun IT", time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)),
		due("Assess supplier Dentsoft", time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)),
		due("Renew the contract", time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)),
	}, calendar.DutyOptions{TZ: "Europe/Helsinki", DefaultOwner: "Office manager"})
	require.NoError(t, err)
	plan := calendar.Plan{Name: "Dental", Activities: items}
	plan = plan.Complete(calendar.Completion{Activity: items[1].ID, Due: items[1].Recurrence.Start, Done: time.Date(2023, 3, 2, 0, 0, 0, 0, time.UTC), By: "Office manager"})
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	write := func(o calendar.ICSOptions) string {
		var b bytes.Buffer
		require.NoError(t, calendar.WriteICS(&b, plan, o))
		return b.String()
	}
	ics := write(calendar.ICSOptions{Now: now})
	assert.Contains(t, ics, "DTSTART;VALUE=DATE:20261120")
	assert.Contains(t, ics, "SUMMARY:Overdue since 2021-05-01: Assess supplier Turun IT")
	assert.Contains(t, ics, "DESCRIPTION:Due 2021-05-01 and not done by 2026-11-20.")
	assert.Contains(t, ics, "DTSTART;VALUE=DATE:20230301", "completed: its own date")
	assert.Contains(t, ics, "DTSTART;VALUE=DATE:20270201", "not yet due")
	assert.NotContains(t, ics, "Overdue since 2023")
	kept := write(calendar.ICSOptions{Now: now, KeepOverdueDates: true})
	assert.Contains(t, kept, "DTSTART;VALUE=DATE:20210501")
	assert.NotContains(t, kept, "Overdue")
}

// An all-day duty is overdue only once its day has ended, in its zone,
// as calendar.ics shows it: a trial found Status calling a duty due on
// 2 September overdue at 01:30 that morning while the file showed it due.
func TestStatus_AnAllDayDutyIsOverdueOnlyAfterItsDay(t *testing.T) {
	d := isms.Duty{ID: isms.DeriveID[isms.Duty](isms.NewNamespace("Nordlog"), "x"), Title: "Review the supplier", Kind: isms.DutyOther,
		Due: time.Date(2027, 9, 2, 0, 0, 0, 0, time.UTC)}
	items, err := calendar.FromDuties([]isms.Duty{d}, calendar.DutyOptions{TZ: "Europe/Helsinki", DefaultOwner: "Buyer"})
	require.NoError(t, err)
	require.True(t, items[0].AllDay)
	plan := calendar.Plan{Name: "Nordlog", Activities: items}
	from, to := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)
	state := func(now time.Time) calendar.State { return plan.Status(now, from, to)[0].State }
	assert.Equal(t, calendar.Due, state(time.Date(2027, 9, 1, 22, 30, 0, 0, time.UTC)), "01:30 on its day in Helsinki")
	assert.Equal(t, calendar.Due, state(time.Date(2027, 9, 2, 20, 59, 0, 0, time.UTC)), "23:59 on its day")
	assert.Equal(t, calendar.Overdue, state(time.Date(2027, 9, 2, 21, 0, 0, 0, time.UTC)), "midnight after its day")
}
