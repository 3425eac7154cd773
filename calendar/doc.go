// Package calendar is the time engine of the ISMS: recurring activities,
// their occurrences, due and overdue status, deadlines triggered by events,
// the default yearly SME plan, and iCalendar export.
//
// # Activities and recurrence
//
// An Activity (risk review, internal audit, management review, training,
// policy, SoA and access reviews, restore and recovery tests, supplier
// review, objective deadline or custom) has an owner, the evidence that
// completes it and a Rule: once; every N days, weeks, months or years;
// quarterly; the n-th or last weekday of a month; the last business day;
// with a start, an optional end or count, and a time zone. Month ends never
// skip a month: January 31 + 1 month is February 28 (29 in leap years).
// Workdays holds the weekend and the host's holidays; an activity may move
// its occurrences to the next or previous working day. Occurrences are an
// iterator, sorted and unique.
//
// # Status
//
// An activity follows its plan or, with FromCompletion, restarts from its
// last completion, so a late quarterly review moves the next one. Plan.Status
// gives each occurrence as upcoming, due, overdue or done (a Completion with
// who, when and evidence closes it); DueWithin and Overdue answer "what is
// due in the next 30 days" and "what is overdue".
//
// # Deadlines triggered by events
//
// A DeadlineRule ("within 24 hours", "the same working day or within 24
// hours", "within 1 business day", "within 7 days") gives the due time for
// an event and checks a completion against it, business-hour aware.
//
// # The yearly plan and other packages
//
// DefaultPlan builds the domain articles' rhythm for a year from
// parameters. Other packages contribute items as Activity values (risk
// review dates and action deadlines, policy communication and review,
// objective deadlines) without calendar importing them.
//
// # iCalendar
//
// WriteICS writes RFC 5545: VTIMEZONEs for the zones used, one VEVENT per
// activity with a stable UID, DTSTAMP from an injected clock, DTSTART with
// TZID, RRULE (or RDATE where no rule can express the dates), escaped text,
// CRLF and 75-octet folding. Tests parse the output with an independent
// parser and expand it with an independent recurrence engine.
package calendar
