package calendar_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
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
