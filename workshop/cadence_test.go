package workshop_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/workshop"
)

// The yearly plan built with the roadmap's cadence has its training,
// internal audit and management review on the roadmap's due days (a
// trial found the audit on three different days in roadmap.md, the audit
// record and calendar.ics); a month the organisation set is kept.
func TestPlanCadence_PutsThePlansActivitiesOnTheRoadmapsDays(t *testing.T) {
	rm := sampleRoadmap(t)
	due := map[workshop.Step]time.Time{}
	for _, m := range rm.Milestones {
		due[m.Step] = m.Due
	}
	mine := map[calendar.Kind]calendar.Cadence{calendar.ManagementReview: {Month: time.May}, calendar.Training: {At: "14:00"}}
	cad := rm.PlanCadence(mine)
	assert.Equal(t, map[calendar.Kind]calendar.Cadence{calendar.ManagementReview: {Month: time.May}, calendar.Training: {At: "14:00"}}, mine, "the host's map is not changed")
	assert.Equal(t, time.May, cad[calendar.ManagementReview].Month, "the organisation's month is kept")
	assert.Equal(t, "14:00", cad[calendar.Training].At, "the other settings are kept")
	for _, tc := range []struct {
		step workshop.Step
		kind calendar.Kind
	}{{workshop.StepInternalAudit, calendar.InternalAudit}, {workshop.StepTraining, calendar.Training}} {
		want := due[tc.step]
		require.False(t, want.IsZero())
		plan, err := calendar.DefaultPlan(want.Year(), calendar.PlanOptions{DefaultOwner: "ISMS lead", Cadence: cad, Namespace: isms.NewNamespace("Sample")})
		require.NoError(t, err)
		var got []string
		for _, a := range plan.Activities {
			if a.Kind == tc.kind {
				for d := range a.Occurrences(time.Date(want.Year(), 1, 1, 0, 0, 0, 0, time.UTC), time.Date(want.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC), plan.Workdays) {
					got = append(got, d.Format(time.DateOnly))
				}
			}
		}
		assert.Contains(t, got, want.Format(time.DateOnly), "%s", tc.kind)
	}
}

// A due day on a weekend gives the Friday before; the fifth weekday of a
// month is its last.
func TestPlanCadence_WeekendAndFifthWeekday(t *testing.T) {
	rm := workshop.Roadmap{Milestones: []workshop.Milestone{
		{Step: workshop.StepInternalAudit, Due: time.Date(2027, 8, 29, 0, 0, 0, 0, time.UTC)},    // a Sunday
		{Step: workshop.StepManagementReview, Due: time.Date(2027, 9, 30, 0, 0, 0, 0, time.UTC)}, // the fifth Thursday
		{Step: workshop.StepTraining, Due: time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)},          // the first Monday
	}}
	cad := rm.PlanCadence(nil)
	assert.Equal(t, calendar.Cadence{Month: time.August, Nth: 4, Weekday: "friday"}, cad[calendar.InternalAudit])
	assert.Equal(t, calendar.Cadence{Month: time.September, Nth: -1, Weekday: "thursday"}, cad[calendar.ManagementReview])
	assert.Equal(t, calendar.Cadence{Month: time.February, Nth: 1, Weekday: "monday"}, cad[calendar.Training])
}

// No first control is due on one of the organisation's public holidays:
// it moves back to the working day before (a trial's due days fell on
// holidays the workshop did not know).
func TestPlan_AFirstControlDueOnAHolidayMovesToTheWorkingDayBefore(t *testing.T) {
	rm := sampleRoadmap(t)
	require.NotEmpty(t, rm.Controls)
	c := sample.Company()
	first := sampleFirst(t)
	holiday := rm.Controls[0].Due
	wd := calendar.Workdays{Holidays: []calendar.Date{calendar.DateOf(holiday)}}
	again, err := workshop.Plan(workshop.RoadmapInput{Context: c, Start: sample.Workshop, FirstControls: first, Implementations: sample.Implementations(), Workdays: wd})
	require.NoError(t, err)
	got := again.Controls[0].Due
	assert.True(t, got.Before(holiday), "%s is not before the holiday %s", got, holiday)
	assert.True(t, wd.IsWorkday(got), "%s is a day off", got)
	for _, x := range again.Controls {
		assert.True(t, wd.IsWorkday(x.Due) || !x.Due.After(again.Start.AddDate(0, 0, 15)), "%s due on a day off", x.Control)
	}
}

// No roadmap step is due on a public holiday: a trial's first version
// fell on Epiphany, which the plan's holidays named.
func TestPlan_AStepDueOnAHolidayMovesToTheWorkingDayBefore(t *testing.T) {
	rm := sampleRoadmap(t)
	c := sample.Company()
	holiday := rm.FirstVersion
	wd := calendar.Workdays{Holidays: []calendar.Date{calendar.DateOf(holiday), calendar.DateOf(rm.Stage2.AddDate(0, 0, -7))}}
	again, err := workshop.Plan(workshop.RoadmapInput{Context: c, Start: sample.Workshop, Workdays: wd})
	require.NoError(t, err)
	assert.Equal(t, holiday.AddDate(0, 0, -3), again.FirstVersion, "a Monday holiday: the Friday before")
	for _, m := range again.Milestones {
		assert.True(t, wd.IsWorkday(m.Due), "%s due on a day off, %s", m.Step, m.Due)
		assert.False(t, m.Due.Before(m.Start), "%s due before it starts", m.Step)
	}
	assert.Equal(t, rm.Stage2, again.Stage2, "a day that is not off does not move")
}

// The plan's training, audit and review are owned by whom the roadmap
// names for the step, unless the host names someone (a trial's audit was
// the managing partner's in the roadmap, the internal auditor's in the
// calendar).
func TestPlanOwners_TheRoadmapsOwnersUnlessTheHostNamesOne(t *testing.T) {
	rm := workshop.Roadmap{Milestones: []workshop.Milestone{
		{Step: workshop.StepInternalAudit, OwnerName: "Managing partner"},
		{Step: workshop.StepManagementReview, OwnerName: "CEO"},
		{Step: workshop.StepTraining}, // nobody accountable: no owner added
	}}
	mine := map[calendar.Kind]string{calendar.ManagementReview: "Board"}
	got := rm.PlanOwners(mine)
	assert.Equal(t, map[calendar.Kind]string{calendar.InternalAudit: "Managing partner", calendar.ManagementReview: "Board"}, got)
	assert.Equal(t, map[calendar.Kind]string{calendar.ManagementReview: "Board"}, mine, "the host's map is not changed")
	assert.Equal(t, map[calendar.Kind]string{}, workshop.Roadmap{}.PlanOwners(nil))
}

// Whatever the start day, no first control and no step is due on a day
// off, and no step is due before it starts: a trial found tasks on
// Sundays for every start on a Friday to Sunday, and a summer shutdown
// put the scope step's due day before its start.
func TestPlan_NoDueDayOffAndNoneBeforeItsStart(t *testing.T) {
	c := sample.Company()
	first := sampleFirst(t)
	var july []calendar.Date
	for d := 1; d <= 31; d++ {
		july = append(july, calendar.Date{Year: 2027, Month: 7, Day: d})
	}
	for _, wd := range []calendar.Workdays{{}, {Holidays: july}} {
		for start := time.Date(2027, 6, 25, 0, 0, 0, 0, time.UTC); start.Before(time.Date(2027, 7, 20, 0, 0, 0, 0, time.UTC)); start = start.AddDate(0, 0, 1) {
			rm, err := workshop.Plan(workshop.RoadmapInput{Context: c, Start: start, FirstControls: first, Workdays: wd})
			require.NoError(t, err)
			for _, m := range rm.Milestones {
				assert.True(t, wd.IsWorkday(m.Due), "start %s: %s due on a day off, %s", start.Format(time.DateOnly), m.Step, m.Due.Format(time.DateOnly))
				assert.False(t, m.Due.Before(m.Start), "start %s: %s due %s before it starts %s", start.Format(time.DateOnly), m.Step, m.Due.Format(time.DateOnly), m.Start.Format(time.DateOnly))
			}
			for _, x := range rm.Controls {
				assert.True(t, wd.IsWorkday(x.Due), "start %s: %s due on a day off, %s", start.Format(time.DateOnly), x.Control, x.Due.Format(time.DateOnly))
			}
		}
	}
}

// Plan checks its Workdays as DefaultPlan does (a trial's all-weekend
// week and an impossible holiday passed without a word).
func TestPlan_WorkdaysAreChecked(t *testing.T) {
	_, err := workshop.Plan(workshop.RoadmapInput{Context: sample.Company(), Start: sample.Workshop, Workdays: calendar.Workdays{
		Weekend:  []time.Weekday{0, 1, 2, 3, 4, 5, 6},
		Holidays: []calendar.Date{{Year: 2027, Month: 2, Day: 30}},
	}})
	require.ErrorIs(t, err, isms.ErrInvalid)
	var paths []string
	for _, v := range isms.ValidationErrors(err) {
		paths = append(paths, v.Path)
	}
	assert.Contains(t, paths, "workdays.weekend")
	assert.Contains(t, paths, "workdays.holidays[0]")
}

// PlanDuties leaves out the steps the yearly plan repeats, so adding the
// roadmap to the plan does not double its training, audit and review (a
// trial had "Roadmap: Internal audit" beside "Internal audit").
func TestPlanDuties_LeaveOutTheStepsThePlanRepeats(t *testing.T) {
	rm := sampleRoadmap(t)
	all, plan := rm.Duties(), rm.PlanDuties()
	assert.Len(t, plan, len(all)-3)
	for _, d := range plan {
		for _, title := range []string{"Roadmap: Internal audit", "Roadmap: Management review", "Roadmap: Security awareness training for everyone"} {
			assert.NotEqual(t, title, d.Title)
		}
	}
}
