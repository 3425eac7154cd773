package main

// The v2 workbook's yearly plan of ISMS activities and their completions.

import (
	"time"

	"github.com/ismskit/ismskit/calendar"
)

// PlanV2 parameterises the yearly plan. Activities are known by their
// ref: a default activity by its kind ("internal_audit"), the
// organisation's own by the ref it is given ("log-review"), a duty's by
// its kind and source ("policy_communication/policy-edition-1").
type PlanV2 struct {
	// Year is the plan year.
	Year int `json:"year"`
	// TZ is the IANA time zone of the plan ("Europe/Helsinki").
	TZ string `json:"tz"`
	// DefaultOwner is who owns an activity no owner is given for.
	DefaultOwner string `json:"default_owner"`
	// Owners give the owner of each kind of default activity.
	Owners map[calendar.Kind]string `json:"owners,omitempty"`
	// Cadence overrides, per kind of default activity, how often it
	// recurs, the month, weekday and time of day, and the title (move the
	// January risk review out of tax season: {"risk_review": {"month": 2}}).
	Cadence map[calendar.Kind]calendar.Cadence `json:"cadence,omitempty"`
	// Activities are the organisation's own activities, each known by its
	// ref: a monthly log review, a fire drill per site, the certification
	// audit on one date.
	Activities []calendar.Spec `json:"activities,omitempty"`
	// Holidays are the days off besides weekends (YYYY-MM-DD).
	Holidays []calendar.Date `json:"holidays,omitempty"`
	// QuietMonths are months (1–12) nothing should be planned in, such as
	// a tax season [1, 2, 3, 4]: default activities move out of them (a
	// quarterly one becomes half-yearly when no month allows four a year);
	// an own activity or a duty in one is not moved.
	QuietMonths []time.Month `json:"quiet_months,omitempty"`
	// Completions record occurrences already done, each by its activity's
	// ref and the day it was planned on ({"ref": "risk_review", "on":
	// "2027-01-19", "done": "2027-01-21", "by": "IT manager"}).
	Completions []CompletionV2 `json:"completions,omitempty"`
}

// CompletionV2 records one occurrence of a plan activity as done: give
// ref and on (or, as first written, activity and due).
type CompletionV2 struct {
	// Ref is the activity's ref: the kind of a default activity
	// ("management_review") or the ref of the organisation's own.
	Ref string `json:"ref,omitempty"`
	// On is the day the occurrence was planned on (YYYY-MM-DD).
	On Date `json:"on,omitzero"`
	// Activity is the activity's ref or title, instead of ref.
	Activity string `json:"activity,omitempty"`
	// Due is the day the occurrence was planned on, instead of on.
	Due Date `json:"due,omitzero"`
	// Done is when it was done.
	Done Date `json:"done"`
	// By is who did it.
	By string `json:"by"`
	// Evidence is where the evidence is.
	Evidence string `json:"evidence,omitempty"`
}
