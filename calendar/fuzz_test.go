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
	for _, s := range []string{"Review", "a;b,c\\d\ne", strings.Repeat("ä", 60), "x\r\ny", "€uro ✓ review"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		if !utf8.ValidString(title) || strings.TrimSpace(title) == "" || strings.ContainsAny(title, "\r\x00") {
			return
		}
		p := calendar.Plan{Name: "fuzz", Activities: []calendar.Activity{{
			ID: isms.DeriveID[calendar.Activity](ns, "f"), Title: title, Kind: calendar.Custom, Owner: "IT manager",
			Rule: calendar.OnceAt(time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC), ""),
		}}}
		var b bytes.Buffer
		if err := calendar.WriteICS(&b, p, calendar.ICSOptions{}); err != nil {
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
		if got := cal.Events()[0].GetProperty(ics.ComponentPropertySummary).Value; got != title {
			t.Fatalf("summary %q read back as %q", title, got)
		}
	})
}
