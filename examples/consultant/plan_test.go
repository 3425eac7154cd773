package main

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/isms"
)

// The plan problems of issue 18, each typed into the sample workbook.

// planTree is the sample workbook with its plan section changed by edit
// (a JSON text merged into "plan").
func planTree(t *testing.T, edit string) map[string]any {
	t.Helper()
	tree := sampleTree(t)
	var add map[string]any
	require.NoError(t, json.Unmarshal([]byte(edit), &add))
	plan := tree["plan"].(map[string]any)
	for k, v := range add {
		plan[k] = v
	}
	return tree
}

// buildTree decodes and builds a workbook tree as the consultant does.
func buildTree(t *testing.T, tree any) (deliver.Bundle, error) {
	t.Helper()
	b, err := json.Marshal(tree)
	require.NoError(t, err)
	wb, err := decodeWorkbook(bytes.NewReader(b))
	if err != nil {
		return deliver.Bundle{}, err
	}
	return buildV2(wb)
}

func activity(t *testing.T, p calendar.Plan, ref string) calendar.Activity {
	t.Helper()
	for _, a := range p.Activities {
		if a.Ref == ref {
			return a
		}
	}
	t.Fatalf("the plan has no activity %q", ref)
	return calendar.Activity{}
}

var (
	jan2027 = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	jan2028 = time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)
)

func days(ts []time.Time) []string {
	var out []string
	loc, _ := time.LoadLocation("Europe/Helsinki")
	for _, x := range ts {
		out = append(out, x.In(loc).Format("2006-01-02 15:04"))
	}
	return out
}

func problemPaths(err error) []string {
	var out []string
	for _, v := range isms.ValidationErrors(err) {
		out = append(out, v.Path)
	}
	return out
}

func TestWorkbookPlan_JanuaryRiskReviewMovedOutOfTaxSeason(t *testing.T) {
	b, err := buildTree(t, planTree(t, `{"cadence": {"risk_review": {"month": 2, "weekday": "wednesday", "at": "14:00"}}}`))
	require.NoError(t, err)
	risk := activity(t, b.Plan, "risk_review")
	assert.Equal(t, []string{"2027-02-17 14:00", "2027-05-19 14:00", "2027-08-18 14:00", "2027-11-17 14:00"},
		days(b.Plan.Occurrences(risk, jan2027, jan2028)), "third Wednesday from February: still four a year, none in January")
	assert.Equal(t, "Quarterly risk review", risk.Title)
}

func TestWorkbookPlan_CustomMonthlyLogReviewFireDrillsPerSiteAndTheCertificationAudit(t *testing.T) {
	b, err := buildTree(t, planTree(t, `{"activities": [
		{"ref": "log-review", "title": "Monthly log review", "repeat": "monthly", "nth": -1, "weekday": "friday", "at": "14:00", "evidence": "log review notes"},
		{"ref": "fire-drill/oulu", "title": "Fire drill, Oulu", "repeat": "monthly", "interval": 6, "month": 4, "owner": "IT manager"},
		{"ref": "fire-drill/tampere", "title": "Fire drill, Tampere", "repeat": "monthly", "interval": 6, "month": 5, "owner": "IT manager"},
		{"ref": "certification-audit", "title": "Certification audit, stage 2", "repeat": "once", "date": "2027-11-15", "owner": "CEO"}],
		"completions": [{"ref": "log-review", "on": "2027-01-29", "done": "2027-01-29", "by": "IT manager"}]}`))
	require.NoError(t, err)
	logs := b.Plan.Occurrences(activity(t, b.Plan, "log-review"), jan2027, jan2028)
	assert.Len(t, logs, 12)
	assert.Equal(t, "2027-01-29 14:00", days(logs)[0], "the last Friday of January")
	assert.Equal(t, []string{"2027-04-05 09:00", "2027-10-04 09:00"}, days(b.Plan.Occurrences(activity(t, b.Plan, "fire-drill/oulu"), jan2027, jan2028)))
	assert.Equal(t, []string{"2027-11-15 09:00"}, days(b.Plan.Occurrences(activity(t, b.Plan, "certification-audit"), jan2027, jan2028)))
	st := b.Plan.Status(time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC), jan2027, time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC))
	var done []string
	for _, o := range st {
		if o.State == calendar.Done {
			done = append(done, o.Title)
		}
	}
	assert.Contains(t, done, "Monthly log review", "the completion by ref and day")
	var ics bytes.Buffer
	require.NoError(t, calendar.WriteICS(&ics, b.Plan, calendar.ICSOptions{Now: jan2027}))
	assert.Contains(t, ics.String(), "SUMMARY:Fire drill\\, Tampere")
}

func TestWorkbookPlan_OnePolicyReview(t *testing.T) {
	b, err := buildTree(t, sampleTree(t))
	require.NoError(t, err)
	var reviews []string
	for _, a := range b.Plan.Activities {
		if a.Kind == calendar.PolicyReview {
			reviews = append(reviews, a.Title)
		}
	}
	assert.Len(t, reviews, 1, "the policy's own review replaces the default one: %v", reviews)
}

// auditAndReview adds a performed audit and a December management review
// to the sample's records.
func auditAndReview(t *testing.T, tree map[string]any) {
	t.Helper()
	recs := tree["records"].(map[string]any)
	audit := at(tree, "records", "audits", 0).(map[string]any)
	audit["performed"] = "2027-10-11"
	var review map[string]any
	require.NoError(t, json.Unmarshal([]byte(`{"date": "2026-12-10", "attendees": ["Maria Virtanen", "Jussi Lahti"],
		"inputs": [{"kind": "a", "topic": "Actions", "summary": "First review"}], "decisions": ["Run the first internal audit"], "no_changes_needed": true}`), &review))
	recs["reviews"] = []any{review}
}

func TestWorkbookPlan_AuditHeldOn1011BesideThePlanned0913IsOneAuditOn1011(t *testing.T) {
	tree := sampleTree(t)
	auditAndReview(t, tree)
	b, err := buildTree(t, tree)
	require.NoError(t, err)
	audit := activity(t, b.Plan, "internal_audit")
	assert.Equal(t, []string{"2027-10-11 09:00"}, days(b.Plan.Occurrences(audit, jan2027, jan2028)), "one audit, on the day held, at the planned 09:00")
	var ics bytes.Buffer
	require.NoError(t, calendar.WriteICS(&ics, b.Plan, calendar.ICSOptions{Now: jan2027}))
	assert.NotContains(t, ics.String(), "20270913T090000", "the planned day is gone")
}

func TestWorkbookPlan_ReviewHeldInDecemberIsNotOverdueInMarch(t *testing.T) {
	tree := sampleTree(t)
	auditAndReview(t, tree)
	tree["as_of"] = "2027-04-02"
	b, err := buildTree(t, tree)
	require.NoError(t, err)
	for _, o := range b.Plan.Overdue(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 4, 2, 0, 0, 0, 0, time.UTC)) {
		assert.NotEqual(t, calendar.ManagementReview, o.Kind, "the March review was held in December")
	}
	for _, it := range b.Report.Items {
		if it.ID == "8.1" {
			assert.NotContains(t, it.NextStep, "Management review", it.NextStep)
		}
	}
}

func TestWorkbookPlan_ProblemsHaveWorkbookPathsHumanNamesAndSuggestions(t *testing.T) {
	_, err := buildTree(t, planTree(t, `{"cadence": {"risk_reveiw": {"month": 2}, "access_review": {"weekday": "Funday"}},
		"activities": [{"ref": "log-review", "repeat": "monthly"}, {"ref": "drill", "title": "Drill", "repeat": "fortnightly"},
			{"ref": "internal_audit", "title": "Audit", "repeat": "yearly"}]}`))
	require.Error(t, err)
	msg := err.Error()
	assert.ElementsMatch(t, []string{"plan.cadence.risk_reveiw", "plan.cadence.access_review.weekday", "plan.activities[0].title",
		"plan.activities[1].repeat", "plan.activities[2].ref"}, problemPaths(err), msg)
	assert.Contains(t, msg, `"risk_reveiw" is not a default activity; did you mean "risk_review"?`)
	assert.Contains(t, msg, `weekday "Funday" is not a day name`)

	_, err = buildTree(t, planTree(t, `{"completions": [
			{"ref": "risk_reveiw", "on": "2027-01-19", "done": "2027-01-20", "by": "IT manager"},
			{"ref": "risk_review", "on": "2027-01-18", "done": "2027-01-20", "by": "IT manager"},
			{"ref": "risk_review", "done": "2027-01-20", "by": "IT manager"},
			{"ref": "risk_review", "activity": "risk_review", "on": "2027-01-19", "done": "2027-01-20", "by": "IT manager"},
			{"ref": "risk_review", "on": "2027-01-19", "by": "TBD"},
			{"activity": "management_review", "due": "2027-03-25", "done": "2027-03-25", "by": "CEO"}]}`))
	require.Error(t, err)
	msg = err.Error()
	assert.ElementsMatch(t, []string{"plan.completions[0].ref", "plan.completions[1].on", "plan.completions[2].on", "plan.completions[3]",
		"plan.completions[4].done", "plan.completions[4].by"}, problemPaths(err), msg)
	assert.Contains(t, msg, `no activity of the plan has the ref "risk_reveiw"; did you mean "risk_review"?`)
	assert.Contains(t, msg, `"Quarterly risk review" is not planned on 2027-01-18; the nearest planned days are 2027-01-19`)
	assert.NotContains(t, msg, "plan.completions[5]", "the first form (activity and due) still works")
}
