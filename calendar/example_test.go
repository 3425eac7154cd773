package calendar_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
)

// Build the default SME plan for a year and ask what is due soon.
func Example() {
	plan, err := calendar.DefaultPlan(2027, calendar.PlanOptions{
		TZ: "Europe/Helsinki", DefaultOwner: "IT manager",
		Owners:    map[calendar.Kind]string{calendar.ManagementReview: "CEO"},
		Namespace: isms.NewNamespace("Example Ltd"),
	})
	if err != nil {
		log.Fatal(err)
	}
	now := time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)
	for _, o := range plan.DueWithin(now, 60*24*time.Hour) {
		fmt.Println(o.Due.Format("2006-01-02 15:04"), o.Title, "-", o.Owner, "-", o.State)
	}
	// Output:
	// 2027-01-19 10:00 Quarterly risk review - IT manager - due
	// 2027-02-02 09:00 Yearly security training - IT manager - upcoming
	// 2027-02-10 10:00 Quarterly access review - IT manager - upcoming
}

// Turn the dated duties of the organization's context (here: an objective's
// deadline) into calendar activities, naming owners through the context.
func ExampleFromDuties() {
	ns := isms.NewNamespace("Example Ltd")
	it := isms.Role{ID: isms.DeriveID[isms.Role](ns, "it"), Name: "IT manager"}
	org := isms.OrgContext{
		Roles: []isms.Role{it},
		Objectives: []isms.Objective{{
			ID: isms.DeriveID[isms.Objective](ns, "mfa"), Title: "MFA on every admin account",
			Metric: "admin accounts with MFA", Target: isms.Target{Comparator: isms.AtLeast, Value: decimal.NewFromInt(100), Unit: "%"},
			Deadline: time.Date(2027, 3, 31, 12, 0, 0, 0, time.UTC), Owner: isms.OwnedByRole(it.ID),
		}},
	}
	items, err := calendar.FromDuties(org.Duties(), calendar.DutyOptions{TZ: "Europe/Helsinki", Names: org.OwnerName})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range items {
		fmt.Println(a.Kind, "|", a.Title, "|", a.Owner, "|", a.Recurrence.Start.Format(time.DateOnly))
	}
	// Output:
	// objective_deadline | Objective due: MFA on every admin account | IT manager | 2027-03-31
}

// Deadlines triggered by events, as the domain articles write them.
func ExampleDeadline() {
	termination := time.Date(2026, 11, 20, 16, 30, 0, 0, time.UTC) // a Friday
	removed := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	met, margin, err := calendar.AccessRemoval.Met(termination, removed, calendar.Workdays{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(calendar.AccessRemoval, met, margin)

	detected := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	due, err := calendar.IncidentHandling.Due(detected, calendar.Workdays{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(calendar.IncidentHandling, "by", due.Format("Mon 2006-01-02 15:04"))

	_, err = calendar.Deadline{Name: "forever", BusinessDays: 1e9}.Due(detected, calendar.Workdays{})
	fmt.Println(err)
	// Output:
	// access removed within 24 hours of termination true 6h30m0s
	// incident handled within 1 business day by Mon 2026-11-23 15:00
	// business_days: 1000000000 business days are more than MaxBusinessDays (1000)
}

// Write a plan as an .ics file calendar apps import. ICSOptions.Now, the
// time the file is made, is required.
func ExampleWriteICS() {
	plan := calendar.Plan{Name: "Backups", Activities: []calendar.Activity{{
		ID: isms.DeriveID[calendar.Activity](isms.NewNamespace("Example Ltd"), "restore"), Title: "Restore test, full; with sign-off",
		Kind: calendar.BackupRestoreTest, Owner: "IT manager",
		Recurrence: calendar.NthWeekday(12, 2, time.Thursday, time.Date(2027, 5, 1, 10, 0, 0, 0, time.UTC), "Europe/Helsinki"),
	}}}
	var b strings.Builder
	if err := calendar.WriteICS(&b, plan, calendar.ICSOptions{Now: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)}); err != nil {
		log.Fatal(err)
	}
	// The first two RRULEs are the Helsinki time zone's daylight-saving rules.
	for _, l := range strings.Split(b.String(), "\r\n") {
		if strings.HasPrefix(l, "DTSTAMP") || strings.HasPrefix(l, "DTSTART;") || strings.HasPrefix(l, "RRULE") || strings.HasPrefix(l, "SUMMARY") {
			fmt.Println(l)
		}
	}

	// Without Now the file is refused, not stamped 0001-01-01.
	fmt.Println(calendar.WriteICS(&b, plan, calendar.ICSOptions{}))
	// Output:
	// RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
	// RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
	// DTSTAMP:20261121T000000Z
	// DTSTART;TZID=Europe/Helsinki:20270513T100000
	// RRULE:FREQ=MONTHLY;INTERVAL=12;BYDAY=2TH
	// SUMMARY:Restore test\, full\; with sign-off
	// now: give ICSOptions.Now, the time the file is made (its DTSTAMP)
}
