package calendar_test

import (
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
)

// benchPlan has n activities of mixed shapes in a zone with daylight saving.
func benchPlan(n int) calendar.Plan {
	p := calendar.Plan{Name: "bench"}
	start := time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		var r calendar.Recurrence
		switch i % 5 {
		case 0:
			r = calendar.Every(1, calendar.Weekly, start.AddDate(0, 0, i%7), "Europe/Helsinki")
		case 1:
			r = calendar.Quarterly(start.AddDate(0, 0, i%28), "Europe/Helsinki")
		case 2:
			r = calendar.NthWeekday(1, 1+i%4, time.Weekday(i%7), start, "Europe/Helsinki")
		case 3:
			r = calendar.Every(1, calendar.Monthly, start.AddDate(0, 0, i%31), "Europe/Helsinki")
		default:
			r = calendar.Every(1, calendar.Yearly, start.AddDate(0, i%12, 0), "Europe/Helsinki")
		}
		p.Activities = append(p.Activities, calendar.Activity{
			ID: isms.DeriveID[calendar.Activity](ns, fmt.Sprint(i)), Title: fmt.Sprintf("Activity %d, with; text", i),
			Kind: calendar.Custom, Owner: "IT manager", Recurrence: r,
		})
	}
	return p
}

func BenchmarkExpand500ActivitiesThreeYears(b *testing.B) {
	p := benchPlan(500)
	from, to := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, a := range p.Activities {
			for range a.Occurrences(from, to, p.Workdays) {
				n++
			}
		}
		if n == 0 {
			b.Fatal("no occurrences")
		}
	}
}

func BenchmarkWriteICS10000Events(b *testing.B) {
	p := benchPlan(10_000)
	opts := calendar.ICSOptions{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		if err := calendar.WriteICS(io.Discard, p, opts); err != nil {
			b.Fatal(err)
		}
	}
}
