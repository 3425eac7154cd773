package calendar_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
)

func defaultPlan(t *testing.T) calendar.Plan {
	t.Helper()
	p, err := calendar.DefaultPlan(2027, calendar.PlanOptions{
		TZ: "Europe/Helsinki", DefaultOwner: "IT manager",
		Owners:    map[calendar.Kind]string{calendar.ManagementReview: "CEO", calendar.InternalAudit: "Internal auditor"},
		Namespace: ns,
	})
	require.NoError(t, err)
	return p
}

func TestDefaultPlan_TheSMERhythm(t *testing.T) {
	p := defaultPlan(t)
	from, to := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)
	want := map[calendar.Kind]int{
		calendar.RiskReview: 4, calendar.AccessReview: 4, calendar.ManagementReview: 2, calendar.RecoveryTest: 2,
		calendar.InternalAudit: 1, calendar.Training: 1, calendar.PolicyReview: 1, calendar.SoAReview: 1,
		calendar.BackupRestoreTest: 1, calendar.SupplierReview: 1,
	}
	require.Len(t, p.Activities, len(want))
	for _, a := range p.Activities {
		got := p.Occurrences(a, from, to)
		assert.Len(t, got, want[a.Kind], "%s", a.Kind)
		for _, x := range got {
			assert.True(t, p.Workdays.IsWorkday(x), "%s on %s", a.Kind, x)
			assert.Equal(t, "Europe/Helsinki", x.Location().String())
		}
	}
	assert.Equal(t, "CEO", find(p, calendar.ManagementReview).Owner)
	assert.Equal(t, "IT manager", find(p, calendar.RiskReview).Owner)

	monthly, err := calendar.DefaultPlan(2027, calendar.PlanOptions{DefaultOwner: "IT manager", Namespace: ns,
		Cadence: map[calendar.Kind]calendar.Cadence{calendar.AccessReview: {Repeat: calendar.Monthly, Interval: 1}}})
	require.NoError(t, err)
	assert.Len(t, monthly.Occurrences(find(monthly, calendar.AccessReview), from, to), 12, "a monthly review happens every month of the year")
}

func TestDefaultPlan_RefusesWhatWouldCollideOrNobodyOwns(t *testing.T) {
	_, err := calendar.DefaultPlan(2027, calendar.PlanOptions{TZ: "Europe/Helsinki"})
	require.ErrorIs(t, err, isms.ErrInvalid)
	got := map[string]bool{}
	for _, v := range isms.ValidationErrors(err) {
		got[v.Path] = true
	}
	assert.True(t, got["namespace"], "without a namespace two organizations would share calendar UIDs")
	assert.True(t, got["owners.risk_review"], "nobody owns the risk review")
}

func find(p calendar.Plan, k calendar.Kind) calendar.Activity {
	for _, a := range p.Activities {
		if a.Kind == k {
			return a
		}
	}
	return calendar.Activity{}
}

func TestStatus_DueOverdueDoneAndChains(t *testing.T) {
	p := defaultPlan(t)
	risk := find(p, calendar.RiskReview)
	year := func(m time.Month, d int) time.Time { return time.Date(2027, m, d, 12, 0, 0, 0, time.UTC) }
	occ := p.Occurrences(risk, year(1, 1), year(12, 31))
	require.Len(t, occ, 4)
	assert.Equal(t, "2027-01-19", occ[0].Format(time.DateOnly), "third Tuesday of January")

	// The January review is done three weeks late; the next one moves.
	late := occ[0].AddDate(0, 0, 21)
	p = p.Complete(calendar.Completion{Activity: risk.ID, Due: occ[0], Done: late, By: "Jussi", Evidence: "minutes"})
	moved := p.Occurrences(risk, year(1, 1), year(12, 31))
	assert.Equal(t, "2027-01-19", moved[0].Format(time.DateOnly))
	assert.Equal(t, "2027-05-09", moved[1].Format(time.DateOnly), "three months after the completion")

	st := p.Status(year(5, 1), year(1, 1), year(7, 1))
	byTitle := map[string][]calendar.State{}
	for _, o := range st {
		byTitle[o.Title] = append(byTitle[o.Title], o.State)
	}
	assert.Equal(t, []calendar.State{calendar.Done, calendar.Due}, byTitle["Quarterly risk review"])
	assert.Equal(t, []calendar.State{calendar.Overdue, calendar.Due}, byTitle["Quarterly access review"], "February missed; May 12 is within two weeks")

	due := p.DueWithin(year(5, 1), 30*24*time.Hour)
	require.NotEmpty(t, due)
	for _, o := range due {
		assert.NotEqual(t, calendar.Done, o.State)
	}
	overdue := p.Overdue(year(1, 1), year(5, 1))
	assert.NotEmpty(t, overdue)
	for _, o := range overdue {
		assert.Equal(t, calendar.Overdue, o.State)
	}
}

func TestPlan_ValidateAndContributedItems(t *testing.T) {
	p := defaultPlan(t)
	obj := isms.Objective{ID: isms.DeriveID[isms.Objective](ns, "mfa"), Title: "MFA everywhere", Metric: "share with MFA",
		Target: isms.Target{Comparator: isms.AtLeast, Value: decimal.NewFromInt(100), Unit: "%"}, Deadline: time.Date(2027, 3, 31, 9, 0, 0, 0, time.UTC)}
	obj.Owner = isms.OwnedByRole(isms.DeriveID[isms.Role](ns, "IT manager"))
	items, err := calendar.FromDuties(obj.Duties(), calendar.DutyOptions{TZ: "Europe/Helsinki", Names: func(isms.Owner) string { return "IT manager" }})
	require.NoError(t, err)
	p = p.Add(items...)
	require.NoError(t, p.Validate())
	assert.Len(t, p.Activities, 11)

	bad := p.Complete(calendar.Completion{Activity: isms.NewID[calendar.Activity]()})
	bad.Activities = append(bad.Activities, calendar.Activity{ID: p.Activities[0].ID})
	err = bad.Validate()
	var paths []string
	for _, v := range isms.ValidationErrors(err) {
		paths = append(paths, v.Path)
	}
	assert.Equal(t, []string{"activities[11].title", "activities[11].kind", "activities[11].owner", "activities[11].recurrence.repeat", "activities[11].recurrence.start", "activities[11].id",
		"completions[0].activity", "completions[0]", "completions[0].by"}, paths)
}
