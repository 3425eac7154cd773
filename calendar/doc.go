// Package calendar is the time engine of the ISMS: recurring activities,
// their occurrences, due and overdue status, deadlines triggered by events,
// the default yearly SME plan, and iCalendar export.
//
// The main path: plan the year, add the dated duties other packages return,
// and write an .ics file.
//
//	plan, err := calendar.DefaultPlan(2027, calendar.PlanOptions{
//		TZ: "Europe/Helsinki", DefaultOwner: "IT manager", Namespace: isms.NewNamespace("Example Ltd"),
//	})
//	if err != nil { ... }
//	duties := append(org.Duties(), register.Duties()...) // risk reviews, objectives, policy, …
//	items, err := calendar.FromDuties(duties, calendar.DutyOptions{TZ: "Europe/Helsinki", Names: org.OwnerName})
//	if err != nil { ... }
//	plan = plan.Add(items...)
//	err = calendar.WriteICS(w, plan, calendar.ICSOptions{Now: now})
//
// # Activities and recurrence
//
// An Activity (risk review, internal audit, management review, training,
// policy, SoA and access reviews, restore and recovery tests, supplier
// review, objective deadline or custom) has an owner, the evidence that
// completes it and a Recurrence: once (OnceAt); every N days, weeks, months
// or years (Every, Quarterly); the n-th or last weekday of a month
// (NthWeekday); the last business day (LastBusinessDayOf); with a start, an
// optional end or count, and a time zone. Month ends never skip a month:
// January 31 + 1 month is February 28 (29 in leap years). Workdays holds
// the weekend and the host's holidays; an activity may move its
// occurrences to the next or previous working day. Occurrences are an
// iterator, sorted and unique.
//
// # The organization's own plan
//
// Every activity has a Ref, a stable human key: the kind for a default
// activity ("risk_review", "internal_audit", "policy_review", …), the
// organization's own for its activities. PlanOptions.Cadence changes a
// default activity without replacing it (how often, the month, weekday,
// time of day, title: move the January risk review to February and it
// stays four a year); PlanOptions.Activities adds the organization's own
// (Spec: a monthly log review, a fire drill per site twice a year, the
// certification audit on one date; BuildActivity makes one alone). Titles
// follow the cadence unless given (Title: "Monthly access review", never
// "Quarterly" on a 6-monthly rule; "Yearly recovery test" when a cadence
// makes the half-yearly test yearly).
//
// PlanOptions.QuietMonths are months nothing should be planned in (an
// accountancy's tax season, January to April). A default activity that
// would fall in one moves to the nearest month that keeps all its
// occurrences out (a later month on a tie), keeping its interval and so
// its count per year whenever some month allows it; when none does (a
// quarterly rhythm against four quiet months in a row) the interval grows
// to the next that fits (quarterly becomes half-yearly, titled so, and the
// description says why). A month chosen through Cadence.Month, an own
// activity and a duty are never moved: Plan.Lint warns of every
// occurrence in a quiet month ("calendar/quiet-month").
//
// Records complete the plan: a Held value (kind, date, ref) — an audit
// performed, a management review met, a training round, a restore test —
// completes the nearest planned occurrence of its kind within one interval
// and moves it to the day held (Plan.Hold); records are matched in date
// order, ties by ref, whatever order they come in. After an occurrence
// held or completed on day D, the next one of the activity is never later
// than D plus one interval: a yearly training round held in November 2026
// for the one planned in February 2027 makes the next due by November
// 2027, not February 2028. When the plan's next date is later, the rest of
// the series is re-anchored on D, keeping the rule's weekday shape (the
// first Tuesday of November); AnchorSlack lets the rule's own drift of a
// few days stand, so a round held on its planned day keeps the plan.
// FromCompletion activities always restart from their last completion.
// A record with a day and no time (00:00 at offset zero, as "2027-09-28"
// is read) is that calendar day in the activity's zone, and the moved
// occurrence keeps its planned time of day (a management review planned
// at 13:00 and held on 28 September shows 13:00 that day).
// A record held before the plan's first year is the round of that first
// occurrence when it is within one interval of it. A Completion is addressed by
// the activity's ref and the planned day ({"ref": "risk_review", "on":
// "2027-04-20"}); the older ID and due time still work.
//
// # Duties from other packages
//
// Domain packages do not import calendar: they return dated duties
// (isms.Duty: what, kind, due, owner), and FromDuties turns them into
// one-off activities with the duty's ID, so event UIDs stay stable, and a
// ref (DutyRef). A duty due on a day with no time (00:00) is an all-day
// activity (Activity.AllDay), written as an all-day event. Plan.Add keeps one activity per ref: the policy's own
// review duty replaces the default policy review. A rule
// such as "communicate the policy within 7 days" lives in the package that
// owns the record, not here.
//
// # Status
//
// An activity follows its plan or, with FromCompletion, restarts from its
// last completion, so a late quarterly review moves the next one. Plan.Status
// gives each occurrence as upcoming, due, overdue or done (a Completion with
// who, when and evidence closes it); DueWithin and Overdue answer "what is
// due in the next 30 days" and "what is overdue". Every call takes the time
// it is asked about; the package reads no clock.
//
// # Deadlines triggered by events
//
// A Deadline ("within 24 hours", "the same working day or within 24
// hours", "within 1 business day") gives the due time for an event (Due)
// and says whether work done at a given time met it, with the margin (Met),
// business-hour aware.
//
// # iCalendar
//
// WriteICS writes RFC 5545: VTIMEZONEs for the zones used, one VEVENT per
// activity with a stable UID, DTSTAMP from ICSOptions.Now (required: a zero
// Now is a ValidationError, never a file stamped 0001-01-01), DTSTART with
// TZID, RRULE (or RDATE where no rule can express the dates), text escaped
// so that no title, owner or evidence can break a property (line breaks,
// ";", ",", "\", control characters, bidi overrides), CRLF and 75-octet
// folding. Tests parse the output with an independent parser and expand it
// with an independent recurrence engine.
//
// # Files and limits
//
// DecodePlan reads a plan file (strict JSON, then Plan.Validate). A Date is
// written "2026-12-24" and must be a real day of the years 1–9999. Every
// input that drives work has a documented limit, and past it Validate (or
// Due, WriteICS, DecodePlan) returns a validation error naming it:
// MaxPlanBytes (the file), MaxActivities, MaxCompletions and MaxHeld (a
// plan), MaxText (one text field), MaxRef (an activity ref), MaxHolidays (Workdays), MaxInterval and
// MaxCount (a Recurrence), MaxBusinessDays and MaxWithin (a Deadline), and
// MaxEventDuration and MaxICSWindowYears (ICSOptions). Deadline.Due and
// Met return an error for an invalid deadline or working days instead of
// looping, and WriteICS refuses, before writing anything, a date outside
// the years 1–9999 that iCalendar text cannot carry. The time zone "Local"
// is refused: it would make the output depend on the host. Occurrences are
// produced lazily; the work of Plan.Occurrences, Status, DueWithin and
// Overdue grows with the window the caller asks about.
//
// # Names
//
// Names follow the module's conventions: one meaning per exported name, so
// the recurrence is a Recurrence and its unit a Repeat (not "Rule" or
// "Frequency", which mean other things elsewhere, such as quant.Frequency,
// a rate of loss events); options structs are named XOptions and their zero
// value means the defaults, except where a field is documented as required
// (ICSOptions.Now). Spelling follows ISO's Oxford convention (-ize, otherwise
// British).
package calendar
