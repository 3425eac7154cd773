package calendar_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
)

// The plan problems of issue 18, one test each.

func clientPlan(t *testing.T, o calendar.PlanOptions) calendar.Plan {
	t.Helper()
	o.TZ, o.DefaultOwner, o.Namespace = "Europe/Helsinki", "IT manager", ns
	p, err := calendar.DefaultPlan(2027, o)
	require.NoError(t, err)
	return p
}

var (
	y2027 = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	y2028 = time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)
)

func byRef(t *testing.T, p calendar.Plan, ref string) calendar.Activity {
	t.Helper()
	for _, a := range p.Activities {
		if a.Ref == ref {
			return a
		}
	}
	t.Fatalf("no activity %q", ref)
	return calendar.Activity{}
}

func ymd(ts []time.Time) []string {
	var out []string
	for _, x := range ts {
		out = append(out, x.Format("2006-01-02 15:04 Mon"))
	}
	return out
}

func TestPlan_CustomActivities_MonthlyLogReviewFireDrillsPerSiteCertificationAudit(t *testing.T) {
	p := clientPlan(t, calendar.PlanOptions{Activities: []calendar.Spec{
		{Ref: "log-review", Title: "Monthly log review", Repeat: calendar.Monthly, Weekday: "friday", Nth: -1, At: "14:00"},
		{Ref: "fire-drill/oulu", Title: "Fire drill, Oulu", Repeat: calendar.Monthly, Interval: 6, Month: time.April, Weekday: "Wednesday", Nth: 2, Owner: "Site manager Oulu"},
		{Ref: "fire-drill/tampere", Title: "Fire drill, Tampere", Repeat: calendar.Monthly, Interval: 6, Month: time.May, Weekday: "wednesday", Nth: 2, Owner: "Site manager Tampere"},
		{Ref: "certification-audit", Title: "Certification audit, stage 2", Repeat: calendar.Once, Date: calendar.Date{Year: 2027, Month: 11, Day: 15}, At: "09:00", Owner: "CEO"},
		{Ref: "access", Kind: calendar.AccessReview, Repeat: calendar.Monthly, Day: 5},
	}})
	require.NoError(t, p.Validate())
	logs := p.Occurrences(byRef(t, p, "log-review"), y2027, y2028)
	assert.Len(t, logs, 12)
	assert.Equal(t, "2027-01-29 14:00 Fri", ymd(logs)[0], "last Friday of January at 14:00")
	assert.Equal(t, []string{"2027-04-14 09:00 Wed", "2027-10-13 09:00 Wed"}, ymd(p.Occurrences(byRef(t, p, "fire-drill/oulu"), y2027, y2028)))
	assert.Equal(t, []string{"2027-05-12 09:00 Wed", "2027-11-10 09:00 Wed"}, ymd(p.Occurrences(byRef(t, p, "fire-drill/tampere"), y2027, y2028)))
	assert.Equal(t, []string{"2027-11-15 09:00 Mon"}, ymd(p.Occurrences(byRef(t, p, "certification-audit"), y2027, y2028)))
	access := byRef(t, p, "access")
	assert.Equal(t, "Monthly access review", access.Title, "a title from the kind and the cadence")
	assert.Len(t, p.Occurrences(access, y2027, y2028), 12)
	var buf bytes.Buffer
	require.NoError(t, calendar.WriteICS(&buf, p, calendar.ICSOptions{Now: y2027}))
	assert.Contains(t, buf.String(), "SUMMARY:Certification audit\\, stage 2")

	_, err := calendar.DefaultPlan(2027, calendar.PlanOptions{DefaultOwner: "IT manager", Namespace: ns, Activities: []calendar.Spec{
		{Ref: "risk_review", Repeat: calendar.Monthly},
		{Ref: "drill drill", Repeat: "fortnightly", Weekday: "Funday", At: "25:00"},
		{Ref: "audit", Repeat: calendar.Once},
		{Ref: "x", Repeat: calendar.Monthly},
	}})
	assert.Equal(t, []string{"activities[0].ref", "activities[1].ref", "activities[1].weekday", "activities[1].at", "activities[1].repeat",
		"activities[2].date", "activities[3].title"}, paths(err))
}

func TestPlan_MovesTheJanuaryRiskReviewOutOfTaxSeason(t *testing.T) {
	def := clientPlan(t, calendar.PlanOptions{})
	p := clientPlan(t, calendar.PlanOptions{Cadence: map[calendar.Kind]calendar.Cadence{
		calendar.RiskReview:       {Month: time.February},
		calendar.ManagementReview: {Weekday: "tuesday", At: "15:30"},
	}})
	risk := byRef(t, p, "risk_review")
	assert.Equal(t, []string{"2027-02-16 10:00 Tue", "2027-05-18 10:00 Tue", "2027-08-17 10:00 Tue", "2027-11-16 10:00 Tue"},
		ymd(p.Occurrences(risk, y2027, y2028)), "third Tuesday, from February, still four a year")
	assert.Equal(t, byRef(t, def, "risk_review").ID, risk.ID, "moved, not replaced: same ID and ref")
	assert.Equal(t, "Quarterly risk review", risk.Title)
	assert.Equal(t, []string{"2027-03-30 15:30 Tue", "2027-09-28 15:30 Tue"}, ymd(p.Occurrences(byRef(t, p, "management_review"), y2027, y2028)))
	assert.Len(t, p.Activities, len(def.Activities))

	_, err := calendar.DefaultPlan(2027, calendar.PlanOptions{DefaultOwner: "IT manager", Namespace: ns, Cadence: map[calendar.Kind]calendar.Cadence{
		calendar.RiskReview: {Month: 13, Interval: 2}, calendar.Custom: {}, calendar.AccessReview: {Repeat: calendar.Weekly},
	}})
	assert.ElementsMatch(t, []string{"cadence.risk_review.repeat", "cadence.risk_review.month", "cadence.access_review.repeat", "cadence.custom"}, paths(err))
}

func TestPlan_TitlesFollowTheCadence_NoQuarterlyRiskReviewOnA6MonthlyRule(t *testing.T) {
	p := clientPlan(t, calendar.PlanOptions{Cadence: map[calendar.Kind]calendar.Cadence{
		calendar.RiskReview:   {Repeat: calendar.Monthly, Interval: 6},
		calendar.AccessReview: {Repeat: calendar.Monthly, Interval: 1},
		calendar.Training:     {Repeat: calendar.Monthly, Interval: 6, Title: "Awareness session"},
		calendar.SoAReview:    {Repeat: calendar.Yearly, Interval: 2},
	}})
	assert.Equal(t, "Half-yearly risk review", byRef(t, p, "risk_review").Title)
	assert.Equal(t, "Monthly access review", byRef(t, p, "access_review").Title)
	assert.Equal(t, "Awareness session", byRef(t, p, "training").Title, "a given title wins")
	assert.Equal(t, "Statement of Applicability review every 2 years", byRef(t, p, "soa_review").Title, "every default kind names a changed cadence")
	for _, tc := range []struct {
		r    calendar.Recurrence
		want string
	}{
		{calendar.Every(1, calendar.Weekly, y2027, ""), "Weekly access review"},
		{calendar.Every(2, calendar.Weekly, y2027, ""), "Fortnightly access review"},
		{calendar.Every(4, calendar.Monthly, y2027, ""), "Access review every 4 months"},
		{calendar.Every(24, calendar.Monthly, y2027, ""), "Access review every 2 years"},
		{calendar.Every(12, calendar.Monthly, y2027, ""), "Yearly access review"},
		{calendar.OnceAt(y2027, ""), "Access review"},
	} {
		assert.Equal(t, tc.want, calendar.Title(calendar.AccessReview, "", tc.r))
	}
	assert.Equal(t, "Half-yearly fire drill", calendar.Title(calendar.Custom, "Fire drill", calendar.Every(6, calendar.Monthly, y2027, "")))
	assert.Equal(t, "Yearly Statement of Applicability review", calendar.Title(calendar.SoAReview, "", calendar.Every(1, calendar.Yearly, y2027, "")))
}

func TestPlan_PolicyReviewAppearsOnce_ThePolicysOwnReplacesTheDefault(t *testing.T) {
	p := clientPlan(t, calendar.PlanOptions{})
	role := isms.OwnedByRole(isms.DeriveID[isms.Role](ns, "IT manager"))
	duties := []isms.Duty{
		{ID: isms.DeriveID[isms.Duty](ns, "review"), Title: "Review the information security policy (edition 1)", Kind: isms.DutyPolicyReview,
			Due: time.Date(2027, 11, 16, 0, 0, 0, 0, time.UTC), Owner: role, Source: "policy edition 1"},
		{ID: isms.DeriveID[isms.Duty](ns, "comm"), Title: "Communicate policy edition 1", Kind: isms.DutyPolicyCommunication,
			Due: time.Date(2027, 1, 8, 0, 0, 0, 0, time.UTC), Owner: role, Source: "policy edition 1"},
		{ID: isms.DeriveID[isms.Duty](ns, "a1"), Title: "Action one", Kind: isms.DutyTreatmentAction, Due: y2027, Owner: role, Source: "R-3"},
		{ID: isms.DeriveID[isms.Duty](ns, "a2"), Title: "Action two", Kind: isms.DutyTreatmentAction, Due: y2027, Owner: role, Source: "R-3"},
	}
	items, err := calendar.FromDuties(duties, calendar.DutyOptions{Names: func(isms.Owner) string { return "IT manager" }})
	require.NoError(t, err)
	var refs []string
	for _, a := range items {
		refs = append(refs, a.Ref)
	}
	assert.Equal(t, []string{"policy_review", "policy_communication/policy-edition-1", "treatment_action/R-3", "treatment_action/R-3-2"}, refs)
	p = p.Add(items...)
	require.NoError(t, p.Validate())
	var reviews []calendar.Activity
	for _, a := range p.Activities {
		if a.Kind == calendar.PolicyReview {
			reviews = append(reviews, a)
		}
	}
	require.Len(t, reviews, 1, "one activity per duty")
	assert.Equal(t, "Review the information security policy (edition 1)", reviews[0].Title)
	assert.Equal(t, duties[0].ID.UUID(), reviews[0].ID.UUID())
}

func TestPlan_AuditHeldBesidePlannedOneCompletesItAndMovesIt(t *testing.T) {
	p := clientPlan(t, calendar.PlanOptions{})
	audit := byRef(t, p, "internal_audit")
	require.Equal(t, []string{"2027-09-13 09:00 Mon"}, ymd(p.Occurrences(audit, y2027, y2028)))
	held := time.Date(2027, 10, 11, 9, 0, 0, 0, time.UTC)
	p = p.Hold(calendar.Held{Kind: calendar.InternalAudit, Date: held, Ref: "Internal audit 2027", By: "Internal auditor"})
	require.NoError(t, p.Validate())
	assert.Equal(t, []string{"2027-10-11 09:00 Mon"}, ymd(p.Occurrences(audit, y2027, y2028)), "one audit, on the day held")
	var audits []calendar.Occurrence
	for _, o := range p.Status(time.Date(2027, 12, 1, 0, 0, 0, 0, time.UTC), y2027, y2028) {
		if o.Kind == calendar.InternalAudit {
			audits = append(audits, o)
		}
	}
	require.Len(t, audits, 1)
	assert.Equal(t, calendar.Done, audits[0].State)
	assert.Equal(t, "2027-09-13", audits[0].Planned.Format(time.DateOnly))
	assert.Equal(t, "Internal audit 2027", audits[0].Completion.Record)
	var buf bytes.Buffer
	require.NoError(t, calendar.WriteICS(&buf, p, calendar.ICSOptions{Now: y2027}))
	assert.Contains(t, buf.String(), "20271011T090000")
	assert.NotContains(t, buf.String(), "20270913T090000")
}

func TestPlan_ReviewHeldInDecemberIsNotOverdueInMarch(t *testing.T) {
	p := clientPlan(t, calendar.PlanOptions{}).Hold(calendar.Held{Kind: calendar.ManagementReview,
		Date: time.Date(2026, 12, 10, 13, 0, 0, 0, time.UTC), Ref: "Management review 2026-12"})
	require.NoError(t, p.Validate())
	april := time.Date(2027, 4, 2, 0, 0, 0, 0, time.UTC)
	for _, o := range p.Overdue(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), april) {
		assert.NotEqual(t, calendar.ManagementReview, o.Kind, "the March review was held in December: %v", o)
	}
	// Half-yearly: the next review is due by 2027-06-10, on the rule's last
	// Thursday (May's: June's, the 24th, is later), not on 2027-09-30.
	assert.Equal(t, []string{"2027-05-27 13:00 Thu", "2027-11-25 13:00 Thu"}, ymd(p.Occurrences(byRef(t, p, "management_review"), y2027, y2028)))
	// Without the record March is overdue.
	over := clientPlan(t, calendar.PlanOptions{}).Overdue(y2027, april)
	assert.Contains(t, kindsOf(over), calendar.ManagementReview)
}

func kindsOf(os []calendar.Occurrence) []calendar.Kind {
	var out []calendar.Kind
	for _, o := range os {
		out = append(out, o.Kind)
	}
	return out
}

func TestPlan_TrainingRoundAndRestoreTestCompleteTheirOccurrence(t *testing.T) {
	p := clientPlan(t, calendar.PlanOptions{}).Hold(
		calendar.Held{Kind: calendar.Training, Date: time.Date(2027, 2, 20, 9, 0, 0, 0, time.UTC), Ref: "Awareness round 1"},
		calendar.Held{Kind: calendar.BackupRestoreTest, Date: time.Date(2027, 5, 3, 10, 0, 0, 0, time.UTC), Ref: "Restore test report"},
		calendar.Held{Kind: calendar.RiskReview, Date: time.Date(2027, 2, 9, 10, 0, 0, 0, time.UTC)},
		calendar.Held{Kind: calendar.RecoveryTest, Date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)},
	)
	require.NoError(t, p.Validate())
	st := p.Status(time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC), y2027, time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC))
	state := map[calendar.Kind][]calendar.State{}
	for _, o := range st {
		state[o.Kind] = append(state[o.Kind], o.State)
	}
	assert.Equal(t, []calendar.State{calendar.Done}, state[calendar.Training])
	assert.Equal(t, []calendar.State{calendar.Done}, state[calendar.BackupRestoreTest])
	assert.Equal(t, []calendar.State{calendar.Done, calendar.Due}, state[calendar.RiskReview], "held 9 Feb; the chain moves the next to 9 May")
	assert.Equal(t, "2027-05-09", p.Occurrences(byRef(t, p, "risk_review"), y2027, y2028)[1].Format(time.DateOnly))
}

func TestPlan_CompletionByActivityKeyAndDate_NotAnInternalID(t *testing.T) {
	p := clientPlan(t, calendar.PlanOptions{})
	done := time.Date(2027, 2, 10, 12, 0, 0, 0, time.UTC)
	p = p.Complete(calendar.Completion{Ref: "access_review", On: calendar.Date{Year: 2027, Month: 2, Day: 10}, Done: done, By: "IT manager"})
	require.NoError(t, p.Validate())
	st := p.Status(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), y2027, time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
	for _, o := range st {
		if o.Kind == calendar.AccessReview {
			assert.Equal(t, calendar.Done, o.State)
			assert.Equal(t, byRef(t, p, "access_review").ID, o.Completion.Activity)
		}
	}
	// The old form (ID and exact due time) keeps working.
	a := byRef(t, p, "soa_review")
	due := p.Occurrences(a, y2027, y2028)[0]
	old := p.Complete(calendar.Completion{Activity: a.ID, Due: due, Done: due, By: "IT manager"})
	require.NoError(t, old.Validate())
	for _, o := range old.Status(y2028, y2027, y2028) {
		if o.Kind == calendar.SoAReview {
			assert.Equal(t, calendar.Done, o.State)
		}
	}

	bad := p.Complete(calendar.Completion{Ref: "acces_review", On: calendar.Date{Year: 2027, Month: 2, Day: 10}, Done: done, By: "Jussi"}).
		Complete(calendar.Completion{Ref: "access_review", On: calendar.Date{Year: 2027, Month: 2, Day: 11}, Done: done, By: "Jussi"}).
		Complete(calendar.Completion{Ref: "access_review", Activity: a.ID, Done: done, By: "Jussi"}).
		Hold(calendar.Held{Kind: "audit", Activity: "nope"})
	assert.Equal(t, []string{"completions[1].ref", "completions[3]", "completions[3]", "held[0].kind", "held[0].activity", "held[0].date"}, paths(bad.Validate()))
	onlyDay := p.Complete(calendar.Completion{Ref: "access_review", On: calendar.Date{Year: 2027, Month: 2, Day: 11}, Done: done, By: "Jussi"})
	err := onlyDay.Validate()
	assert.Equal(t, []string{"completions[1]"}, paths(err))
	assert.ErrorContains(t, err, "no occurrence planned on 2027-02-11")
}

// Properties of the new scheduling rules.

func TestPlan_Properties_CadenceMonthKeepsTheCountPerYearAndIsDeterministic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		kind := rapid.SampledFrom([]calendar.Kind{calendar.RiskReview, calendar.AccessReview, calendar.Training, calendar.ManagementReview,
			calendar.InternalAudit, calendar.RecoveryTest}).Draw(t, "kind")
		c := calendar.Cadence{Month: time.Month(rapid.IntRange(1, 12).Draw(t, "month"))}
		if rapid.Bool().Draw(t, "weekday") {
			c.Weekday = rapid.SampledFrom([]string{"monday", "Tuesday", "FRIDAY"}).Draw(t, "day")
			c.Nth = rapid.SampledFrom([]int{1, 2, 3, 4, -1}).Draw(t, "nth")
		}
		if rapid.Bool().Draw(t, "at") {
			c.At = rapid.SampledFrom([]string{"08:00", "13:45", "23:59"}).Draw(t, "time")
		}
		n := rapid.SampledFrom([]int{0, 1, 2, 3, 4, 6, 12}).Draw(t, "interval")
		if n > 0 {
			c.Repeat, c.Interval = calendar.Monthly, n
		}
		o := calendar.PlanOptions{TZ: "Europe/Helsinki", DefaultOwner: "IT manager", Namespace: ns, Cadence: map[calendar.Kind]calendar.Cadence{kind: c}}
		base, err := calendar.DefaultPlan(2027, calendar.PlanOptions{TZ: o.TZ, DefaultOwner: o.DefaultOwner, Namespace: ns})
		require.NoError(t, err)
		p, err := calendar.DefaultPlan(2027, o)
		require.NoError(t, err)
		again, err := calendar.DefaultPlan(2027, o)
		require.NoError(t, err)
		assert.Equal(t, p, again, "deterministic")
		find := func(p calendar.Plan) calendar.Activity {
			for _, a := range p.Activities {
				if a.Kind == kind {
					return a
				}
			}
			return calendar.Activity{}
		}
		got := len(p.Occurrences(find(p), y2027, y2028))
		want := len(base.Occurrences(find(base), y2027, y2028))
		if n > 0 {
			want = 12 / n
		}
		assert.Equal(t, want, got, "moving the month keeps the count per year")
		for _, x := range p.Occurrences(find(p), y2027, y2028) {
			assert.True(t, x.Weekday() != time.Saturday && x.Weekday() != time.Sunday, "never on a weekend: %s", x)
		}
	})
}

func TestPlan_Properties_ARecordOrCompletionNeverAddsAnOccurrence(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := genRule(t)
		r.Count = rapid.IntRange(1, 12).Draw(t, "count")
		a := calendar.Activity{ID: isms.DeriveID[calendar.Activity](ns, "a"), Ref: "a", Title: "A", Kind: calendar.InternalAudit, Owner: "IT manager", Recurrence: r}
		p := calendar.Plan{Activities: []calendar.Activity{a}}
		// The window holds the whole series (at most 12 occurrences, every 4
		// years at most): a series re-anchored on a record held early runs
		// ahead of the plan but keeps its count.
		from, to := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
		now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
		without := p.Status(now, from, to)
		with := p
		for range rapid.IntRange(0, 5).Draw(t, "records") {
			d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rapid.IntRange(0, 4*365*24).Draw(t, "hours")) * time.Hour)
			with = with.Hold(calendar.Held{Kind: calendar.InternalAudit, Date: d})
		}
		if len(without) > 0 && rapid.Bool().Draw(t, "completion") {
			o := without[rapid.IntRange(0, len(without)-1).Draw(t, "which")]
			with = with.Complete(calendar.Completion{Ref: "a", On: calendar.DateOf(o.Due), Done: o.Due, By: "Jussi"})
		}
		require.NoError(t, with.Validate())
		got := with.Status(now, from, to)
		assert.LessOrEqual(t, len(got), len(without), "a completion never adds an occurrence")
		assert.Equal(t, got, with.Status(now, from, to), "deterministic")
		for _, o := range got {
			if o.Completion != nil && o.Completion.Moved {
				assert.False(t, o.Planned.IsZero())
			}
		}
	})
}
