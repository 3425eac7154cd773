package calendar_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
)

// FuzzICSText writes an activity with arbitrary text: lines stay within 75
// octets, never split a character, and an independent parser reads the
// title back exactly.
func FuzzICSText(f *testing.F) {
	for _, s := range []string{"Review", "a;b,c\\d\ne", strings.Repeat("ä", 60), "x\r\ny", "€uro ✓ review", "lone\rCR", "nul\x00", "rtl\u202eoverride", "bad\xffutf8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		if strings.TrimSpace(title) == "" {
			return
		}
		p := calendar.Plan{Name: "fuzz", Activities: []calendar.Activity{{
			ID: isms.DeriveID[calendar.Activity](ns, "f"), Title: title, Kind: calendar.Custom, Owner: "IT manager",
			Recurrence: calendar.OnceAt(time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC), ""),
		}}}
		var b bytes.Buffer
		if err := calendar.WriteICS(&b, p, calendar.ICSOptions{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n") {
			if len(line) > 75 || !utf8.ValidString(line) {
				t.Fatalf("bad line %q", line)
			}
		}
		cal, err := ics.ParseCalendar(&b)
		if err != nil {
			t.Fatalf("does not parse: %v", err)
		}
		if got, want := cal.Events()[0].GetProperty(ics.ComponentPropertySummary).Value, shownText(title); got != want {
			t.Fatalf("summary %q read back as %q, want %q", title, got, want)
		}
	})
}

// shownText is what WriteICS promises to keep of a text: valid UTF-8
// without bidi controls, other control characters as spaces, every line
// break as "\n".
func shownText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", r):
			return -1
		case r == '\n' || r == '\r' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f:
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
}

// FuzzDecodePlan: no plan file makes DecodePlan (or what a host does next
// with an accepted plan: WriteICS, Status, a deadline over its working
// days) panic or hang; what it rejects wraps ErrInvalid; what it accepts
// encodes and decodes again.
func FuzzDecodePlan(f *testing.F) {
	id := isms.DeriveID[calendar.Activity](ns, "fuzz").String()
	act := func(rec string) string {
		return `{"name":"p","activities":[{"id":"` + id + `","title":"T","kind":"custom","owner":"IT manager","recurrence":` + rec + `}]}`
	}
	for _, s := range []string{
		act(`{"repeat":"monthly","interval":3,"tz":"Europe/Helsinki","start":"2027-01-12T10:00:00Z"}`),
		act(`{"repeat":"once","tz":"Local","start":"2027-01-01T10:00:00Z"}`),
		act(`{"repeat":"daily","interval":1000000000,"start":"2027-01-01T10:00:00Z","count":1000000000}`),
		act(`{"repeat":"once","start":"9999-12-31T23:30:00Z"}`),
		act(`{"repeat":"once","start":"9999-12-31T23:59:59-23:59"}`),
		act(`{"repeat":"monthly","nth":-1,"weekday":5,"start":"2027-01-29T10:00:00Z","until":"2026-01-01T00:00:00Z"}`),
		`{"name":"p","workdays":{"holidays":["2026-12-24",{"year":2026,"month":13,"day":99}]},"activities":[]}`,
		`{"name":"p","workdays":{"weekend":[0,1,2,3,4,5,6],"business_start":-1,"business_end":1e18},"activities":[]}`,
		`{"name":"p","activities":[{"id":"` + id + `","ref":"audit","title":"T","kind":"internal_audit","owner":"IT manager","recurrence":{"repeat":"yearly","start":"2027-09-13T09:00:00Z"}}],` +
			`"completions":[{"ref":"audit","on":"2027-09-13","done":"2027-09-14T00:00:00Z","by":"Jussi"}],"held":[{"kind":"internal_audit","date":"2028-10-11T09:00:00Z","ref":"A"}]}`,
		`{"name":"p","activities":[]}}`, `{"name":"p","activities":[]]]]`, `{"name":"p","name":"q","activities":[]}`,
		`{"name":"bad` + "\xff" + `","activities":[]}`, `null`, ``, `[]`,
		`{"name":"p","quiet_months":[1,2,3,4],"activities":[{"id":"` + id + `","title":"T","kind":"custom","owner":"IT manager","all_day":true,` +
			`"recurrence":{"repeat":"monthly","tz":"America/New_York","start":"2027-01-12T00:00:00Z","until":"2027-12-31T00:00:00Z"}}],"held":[{"kind":"custom","date":"2027-03-12T00:00:00Z"}]}`,
		`{"name":"p","quiet_months":[0,13,1,2,3,4,5,6,7,8,9,10,11,12],"activities":[]}`,
	} {
		f.Add([]byte(s))
	}
	now := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := calendar.DecodePlan(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, isms.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		if err := calendar.WriteICS(io.Discard, p, calendar.ICSOptions{Now: now}); err != nil && !errors.Is(err, isms.ErrInvalid) {
			t.Fatalf("WriteICS: %v", err)
		}
		_ = p.Status(now, now, now.AddDate(0, 3, 0))
		_ = p.Lint(now.AddDate(-1, 0, 0), now.AddDate(2, 0, 0))
		if _, err := calendar.IncidentHandling.Due(now, p.Workdays); err != nil && !errors.Is(err, isms.ErrInvalid) {
			t.Fatalf("Due: %v", err)
		}
		var b bytes.Buffer
		if err := jsonio.Encode(&b, p); err != nil {
			t.Fatalf("an accepted plan does not encode: %v", err)
		}
		if _, err := calendar.DecodePlan(&b); err != nil {
			t.Fatalf("an accepted plan does not decode again: %v", err)
		}
	})
}

// FuzzDate: a Date reads only real days as "YYYY-MM-DD" (or the older
// object form), and writes back what it read.
func FuzzDate(f *testing.F) {
	for _, s := range []string{`"2026-12-24"`, `"2026-13-99"`, `"2027-02-29"`, `"0000-01-01"`, `"10000-01-01"`, `"9999-12-31"`,
		`{"year":2026,"month":13,"day":99}`, `{"year":2026,"month":12,"day":24}`, `{"year":2026,"month":12}`, `{"year":1e400,"month":1,"day":1}`,
		`"2026-12-24T00:00:00Z"`, `"+2026-1-1"`, `null`, `[]`, `"２０２６-12-24"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d calendar.Date
		if err := json.Unmarshal(data, &d); err != nil {
			return
		}
		if d == (calendar.Date{}) {
			return // null
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("%q decoded to an invalid date %v: %v", data, d, err)
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var again calendar.Date
		if err := json.Unmarshal(b, &again); err != nil || again != d {
			t.Fatalf("%v wrote %s and read back %v (%v)", d, b, again, err)
		}
	})
}

// FuzzDeadline: Due and Met return in bounded time for any deadline,
// working days and event, and a due time they give is in the years 1–9999
// and not before the event.
func FuzzDeadline(f *testing.F) {
	f.Add(int64(24*time.Hour), 0, false, int64(0), int64(0), uint8(0x41), int64(1795000000))
	f.Add(int64(0), 1000000000, false, int64(0), int64(0), uint8(0x41), int64(1795000000))
	f.Add(int64(0), calendar.MaxBusinessDays, false, int64(0), int64(0), uint8(0x7f), int64(1795000000))
	f.Add(int64(24*time.Hour), 0, true, int64(17*time.Hour), int64(9*time.Hour), uint8(0), int64(253402300000))
	f.Add(int64(calendar.MaxWithin), 0, false, int64(0), int64(0), uint8(0), int64(-62135596800))
	f.Fuzz(func(t *testing.T, within int64, days int, same bool, start, end int64, weekend uint8, unix int64) {
		dl := calendar.Deadline{Within: time.Duration(within), BusinessDays: days, SameWorkingDay: same}
		wd := calendar.Workdays{BusinessStart: time.Duration(start), BusinessEnd: time.Duration(end), Weekend: []time.Weekday{}}
		for d := range 7 {
			if weekend&(1<<d) != 0 {
				wd.Weekend = append(wd.Weekend, time.Weekday(d))
			}
		}
		event := time.Unix(unix, 0).UTC()
		due, err := dl.Due(event, wd)
		if err != nil {
			if !errors.Is(err, isms.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		if due.Year() < 1 || due.Year() > 9999 || due.Before(event) {
			t.Fatalf("due %v for event %v", due, event)
		}
		if _, _, err := dl.Met(event, due, wd); err != nil {
			t.Fatalf("Met at the due time: %v", err)
		}
	})
}
