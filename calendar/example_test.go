package calendar_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
)

// Build the default SME plan for a year and ask what is due soon.
func Example() {
	plan, _ := calendar.DefaultPlan(calendar.PlanParams{
		Year: 2027, TZ: "Europe/Helsinki", DefaultOwner: "IT manager",
		Owners:    map[calendar.Kind]string{calendar.ManagementReview: "CEO"},
		Namespace: isms.NewNamespace("Example Ltd"),
	})
	now := time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)
	for _, o := range plan.DueWithin(now, 60*24*time.Hour) {
		fmt.Println(o.Due.Format("2006-01-02 15:04"), o.Title, "-", o.Owner, "-", o.State)
	}
	// Output:
	// 2027-01-19 10:00 Quarterly risk review - IT manager - due
	// 2027-02-02 09:00 Yearly security training - IT manager - upcoming
	// 2027-02-10 10:00 Quarterly access review - IT manager - upcoming
}

// Deadlines triggered by events, as the domain articles write them.
func ExampleDeadlineRule() {
	termination := time.Date(2026, 11, 20, 16, 30, 0, 0, time.UTC) // a Friday
	removed := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	met, margin := calendar.AccessRemoval.Check(termination, removed, calendar.Workdays{})
	fmt.Println(calendar.AccessRemoval, met, margin)

	detected := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	fmt.Println(calendar.IncidentHandling, "by", calendar.IncidentHandling.Due(detected, calendar.Workdays{}).Format("Mon 2006-01-02 15:04"))
	// Output:
	// access removed within 24 hours of termination true 6h30m0s
	// incident handled within 1 business day by Mon 2026-11-23 15:00
}

// Write a plan as an .ics file calendar apps import.
func ExampleWriteICS() {
	plan := calendar.Plan{Name: "Backups", Activities: []calendar.Activity{{
		ID: isms.DeriveID[calendar.Activity](isms.NewNamespace("Example Ltd"), "restore"), Title: "Restore test, full; with sign-off",
		Kind: calendar.BackupRestoreTest, Owner: "IT manager",
		Rule: calendar.NthWeekday(12, 2, time.Thursday, time.Date(2027, 5, 1, 10, 0, 0, 0, time.UTC), "Europe/Helsinki"),
	}}}
	var b strings.Builder
	_ = calendar.WriteICS(&b, plan, calendar.ICSOptions{Clock: isms.NewFixedClock(time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC))})
	// The first two RRULEs are the Helsinki time zone's daylight-saving rules.
	for _, l := range strings.Split(b.String(), "\r\n") {
		if strings.HasPrefix(l, "DTSTART;") || strings.HasPrefix(l, "RRULE") || strings.HasPrefix(l, "SUMMARY") {
			fmt.Println(l)
		}
	}
	// Output:
	// RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
	// RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
	// DTSTART;TZID=Europe/Helsinki:20270513T100000
	// RRULE:FREQ=MONTHLY;INTERVAL=12;BYDAY=2TH
	// SUMMARY:Restore test\, full\; with sign-off
}
