package readiness_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/risk"
)

var now = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// sampleInput is the sample company as the quickstart builds it.
func sampleInput(t *testing.T) readiness.Input {
	t.Helper()
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	s, err := sample.SoA(c, reg)
	require.NoError(t, err)
	pol, err := sample.Policy(c, reg)
	require.NoError(t, err)
	plan, err := sample.Plan(c, reg, pol)
	require.NoError(t, err)
	return readiness.Input{Context: c, Records: sample.Records(), Register: reg, Implementations: sample.Implementations(), SoA: &s, Policy: &pol, Plan: &plan}
}

// complete adds what the sample still lacks, so every item is met.
func complete(t *testing.T) readiness.Input {
	in := sampleInput(t)
	ns := isms.NewNamespace("readiness tests")
	olli := isms.DeriveID[isms.Person](isms.NewNamespace("Kestrel Cloud Ltd"), "Olli Heikkinen")
	in.Records.Training = append(in.Records.Training, records.Training{ID: isms.DeriveID[records.Training](ns, "olli"), Person: olli, Course: "Awareness", Completed: now.AddDate(0, 0, -3)})
	for _, o := range in.Context.Objectives {
		in.Records.Measurements = append(in.Records.Measurements, records.Measurement{ID: isms.DeriveID[records.Measurement](ns, o.Title), Objective: o.ID, Date: now.AddDate(0, 0, -2), Value: decimal.NewFromInt(1)})
	}
	in.Records.Audits = append(in.Records.Audits, records.Audit{ID: isms.DeriveID[records.Audit](ns, "pre"), Title: "Pre-certification audit", Scope: "ISMS", Auditor: "Sari Salo", Planned: now.AddDate(0, 0, -10), Performed: now.AddDate(0, 0, -6)})
	in.Records.Reviews = append(in.Records.Reviews, records.ManagementReview{ID: isms.DeriveID[records.ManagementReview](ns, "mr"), Date: now.AddDate(0, 0, -4),
		Attendees: []string{"Maria Virtanen", "Jussi Lahti"}, Inputs: []records.ReviewInput{{Topic: "audit results", Summary: "no findings"}},
		Decisions: []string{"fund a second hosting region in 2027"}})
	commID := isms.IDFromUUID[calendar.Activity](in.Policy.Duties()[0].ID.UUID())
	i := slices.IndexFunc(in.Plan.Activities, func(a calendar.Activity) bool { return a.ID == commID })
	comm := in.Plan.Activities[i]
	due := in.Plan.Occurrences(comm, now.AddDate(-1, 0, 0), now)[0]
	plan := in.Plan.Complete(calendar.Completion{Activity: comm.ID, Due: due, Done: due.AddDate(0, 0, -2), By: "Jussi Lahti"})
	in.Plan = &plan
	return in
}

func item(r readiness.Report, id string) readiness.Item {
	for _, it := range r.Items {
		if it.ID == id {
			return it
		}
	}
	return readiness.Item{}
}

func TestAssess_CompleteISMSMeetsEveryItem(t *testing.T) {
	r := readiness.Assess(complete(t), now)
	for _, it := range r.Items {
		assert.Equal(t, readiness.Met, it.Status, "%s %s: %s", it.ID, it.Title, it.NextStep)
		assert.Empty(t, it.NextStep)
	}
	assert.Equal(t, "100", r.Score.String())
	assert.Empty(t, r.Urgent)
}

// Each rule, one at a time: break the complete ISMS where the rule looks
// and see that rule report it.
func TestAssess_EachRuleOnItsOwn(t *testing.T) {
	tests := []struct {
		id     string
		break_ func(in *readiness.Input)
		want   readiness.Status
	}{
		{"4.1", func(in *readiness.Input) { in.Context.Issues = nil }, readiness.Missing},
		{"4.1", func(in *readiness.Input) { noClimate(in) }, readiness.Partial},
		{"4.2", func(in *readiness.Input) { in.Context.Parties = nil }, readiness.Missing},
		{"4.2", func(in *readiness.Input) { noClimate(in) }, readiness.Partial},
		{"4.3", func(in *readiness.Input) { in.Context.Scope.Items = nil }, readiness.Missing},
		{"4.3", func(in *readiness.Input) { in.Context.Scope.Interfaces = nil }, readiness.Partial},
		{"4.4", func(in *readiness.Input) { in.SoA = nil }, readiness.Partial},
		{"5.1", func(in *readiness.Input) { in.Records.Reviews = nil }, readiness.Partial},
		{"5.2", func(in *readiness.Input) { in.Policy = nil }, readiness.Missing},
		{"5.2", func(in *readiness.Input) {
			p := *in.Policy
			p.Revision.NextReview = now.AddDate(0, 0, -1)
			in.Policy = &p
		}, readiness.Stale},
		{"5.2", func(in *readiness.Input) { p := *in.Policy; p.Revision.Status = isms.Draft; in.Policy = &p }, readiness.Partial},
		{"5.3", func(in *readiness.Input) { in.Context.Responsibilities = in.Context.Responsibilities[1:] }, readiness.Partial},
		{"6.1.2", func(in *readiness.Input) { in.Register.Risks = nil }, readiness.Missing},
		{"6.1.2", func(in *readiness.Input) { in.Register.Risks[0].Owner = isms.Owner{} }, readiness.Partial},
		{"6.1.3", func(in *readiness.Input) { in.Register.Risks[2].Acceptance = nil }, readiness.Partial},
		{"6.1.3", func(in *readiness.Input) { s := *in.SoA; s.Revision.Status = isms.Draft; in.SoA = &s }, readiness.Partial},
		{"6.2", func(in *readiness.Input) { in.Context.Objectives = nil }, readiness.Missing},
		{"6.2", func(in *readiness.Input) { in.Context.Objectives[0].Metric = "" }, readiness.Partial},
		{"6.3", func(in *readiness.Input) { in.Records.Reviews = nil }, readiness.Partial},
		{"7.2", func(in *readiness.Input) { in.Records.Training = in.Records.Training[:3] }, readiness.Partial},
		{"7.2", func(in *readiness.Input) { in.Records.Training = nil }, readiness.Missing},
		{"7.3", func(in *readiness.Input) { p := *in.Plan; p.Completions = nil; in.Plan = &p }, readiness.Partial},
		{"8.1", func(in *readiness.Input) { in.Plan = nil }, readiness.Missing},
		{"8.1", func(in *readiness.Input) { p := *in.Plan; p.Completions = nil; in.Plan = &p }, readiness.Stale},
		{"8.1-incidents", func(in *readiness.Input) {
			in.Records.Incidents[0].Recorded = in.Records.Incidents[0].Detected.AddDate(0, 0, 3)
		}, readiness.Partial},
		{"8.2", func(in *readiness.Input) { in.Register.Risks[0].NextReview = now.AddDate(0, 0, -1) }, readiness.Stale},
		{"8.3", func(in *readiness.Input) { in.Register.Risks[0].Treatment.Actions[0].Due = now.AddDate(0, 0, -1) }, readiness.Stale},
		{"9.1", func(in *readiness.Input) { in.Records.Measurements = nil }, readiness.Missing},
		{"9.1", func(in *readiness.Input) { in.Records.Measurements = in.Records.Measurements[3:5] }, readiness.Partial},
		{"9.2", func(in *readiness.Input) { in.Records.Audits = in.Records.Audits[:1] }, readiness.Partial},
		{"9.2", func(in *readiness.Input) { in.Records.Audits = nil }, readiness.Missing},
		{"9.2", func(in *readiness.Input) { in.Records.Audits[1].Performed = now.AddDate(-2, 0, 0) }, readiness.Stale},
		{"9.3", func(in *readiness.Input) { in.Records.Reviews = nil }, readiness.Missing},
		{"9.3", func(in *readiness.Input) { in.Records.Reviews[0].Date = now.AddDate(-2, 0, 0) }, readiness.Stale},
		{"10.1", func(in *readiness.Input) { in.Records.Reviews = nil }, readiness.Partial},
		{"10.2", func(in *readiness.Input) {
			in.Records.Audits[1].Findings = []records.AuditFinding{{Clause: "8.13", Grade: records.MinorNonconformity, Description: "no restore test"}}
		}, readiness.Partial},
		{"10.2", func(in *readiness.Input) {
			in.Records.Nonconformities = []records.Nonconformity{{ID: isms.NewID[records.Nonconformity](), Detected: now, Description: "x",
				Action: records.CorrectiveAction{Description: "y", Owner: in.Context.Objectives[0].Owner, Due: now.AddDate(0, 0, -1)}}}
		}, readiness.Stale},
		{"doc:policy", func(in *readiness.Input) { p := *in.Policy; p.Purpose = "edited"; in.Policy = &p }, readiness.Stale},
		{"doc:soa", func(in *readiness.Input) { in.SoA = nil }, readiness.Missing},
		{"doc:risk-method", func(in *readiness.Input) { in.Register.Method.Criteria.Authorities = nil }, readiness.Partial},
		{"doc:treatment-plan", func(in *readiness.Input) { in.Register = risk.Register{Method: in.Register.Method} }, readiness.Missing},
		{"doc:competence", func(in *readiness.Input) { in.Records.Training = nil }, readiness.Missing},
		{"doc:monitoring", func(in *readiness.Input) { in.Records.Measurements = nil }, readiness.Missing},
		{"doc:audit", func(in *readiness.Input) { in.Records.Audits = nil }, readiness.Missing},
		{"doc:review", func(in *readiness.Input) { in.Records.Reviews = nil }, readiness.Missing},
		{"doc:scope", func(in *readiness.Input) { in.Context.Scope.Statement = "" }, readiness.Missing},
		{"doc:objectives", func(in *readiness.Input) { in.Context.Objectives = nil }, readiness.Missing},
		{"doc:risk-results", func(in *readiness.Input) { in.Register.Risks = nil }, readiness.Missing},
	}
	for _, tt := range tests {
		t.Run(tt.id+" "+string(tt.want), func(t *testing.T) {
			in := complete(t)
			tt.break_(&in)
			it := item(readiness.Assess(in, now), tt.id)
			assert.Equal(t, tt.want, it.Status, "%s: %v", tt.id, it)
			assert.NotEmpty(t, it.NextStep, "a gap comes with a next step")
		})
	}
}

func noClimate(in *readiness.Input) {
	for i := range in.Context.Issues {
		in.Context.Issues[i].Climate = false
	}
	for i := range in.Context.Requirements {
		in.Context.Requirements[i].Climate = false
	}
}

func TestAssess_SampleCompanyGapsAndReport(t *testing.T) {
	r := readiness.Assess(sampleInput(t), now)
	require.Len(t, r.Urgent, 3)
	assert.Equal(t, "9.3", r.Urgent[0].ID, "no management review held yet is the most urgent")
	var md, js bytes.Buffer
	require.NoError(t, readiness.WriteMarkdown(&md, r))
	require.NoError(t, readiness.WriteJSON(&js, r))
	golden.Assert(t, filepath.Join("testdata", "sample.md"), md.Bytes())
	golden.Assert(t, filepath.Join("testdata", "sample.json"), js.Bytes())
	var back readiness.Report
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	assert.True(t, r.Score.Equal(back.Score))
	assert.Equal(t, r.Items, back.Items)
}
