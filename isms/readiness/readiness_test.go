package readiness_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
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
func sampleInput(t testing.TB) readiness.Input {
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
	return readiness.Input{Context: c, Records: sample.Records(), Register: reg, Implementations: sample.Implementations(), SoA: &s, Policy: &pol, Plan: &plan,
		Processes: sample.Processes(), Suppliers: sample.Suppliers()}
}

// The records complete adds, and the sample's records the tests break,
// named as a reader of the sample knows them.
const (
	incidentControls = "A.5.24-A.5.28,A.6.8"                 // the item incident handling is evidence for
	performedAudit   = "Pre-certification audit"             // added by complete, performed 6 days ago
	plannedAudit     = "Internal ISMS audit 2027"            // the sample's planned audit
	phishing         = "Phishing e-mail reported by support" // the sample's incident
	mfaObjective     = "MFA on every maintenance account"
	leaversGoal      = "Leavers lose access within 24 hours"
	leaverRisk       = "R-1" // a leaver's access stays active; treated by actions
	leaverAction     = "Remove leavers' access from the HR system's termination event"
	outageRisk       = "R-3" // a cloud outage; retained and accepted by the CEO
)

var (
	testNS   = isms.NewNamespace("readiness tests")
	reviewID = isms.DeriveID[records.ManagementReview](testNS, "mr") // the review complete adds
)

// complete adds what the sample still lacks, so every item is met.
func complete(t *testing.T) readiness.Input {
	t.Helper()
	in := sampleInput(t)
	ns := testNS
	olli := personByName(t, &in, "Olli Heikkinen")
	in.Records.Training = append(in.Records.Training, records.Training{ID: isms.DeriveID[records.Training](ns, "olli"), Person: olli, Course: "Security awareness 2026", Completed: now.AddDate(0, 0, -3)})
	// The rest of the 40 staff, listed and trained.
	for i := len(in.Context.People) - 1; i < in.Context.Organization.Headcount; i++ {
		id := isms.DeriveID[isms.Person](ns, fmt.Sprint("staff ", i))
		in.Context.People = append(in.Context.People, isms.Person{ID: id, Name: fmt.Sprint("Staff member ", i)})
		in.Records.Training = append(in.Records.Training, records.Training{ID: isms.DeriveID[records.Training](ns, fmt.Sprint("staff ", i)), Person: id, Course: "Security awareness 2026", Completed: now.AddDate(0, 0, -5)})
	}
	for _, o := range in.Context.Objectives {
		in.Records.Measurements = append(in.Records.Measurements, records.Measurement{ID: isms.DeriveID[records.Measurement](ns, o.Title), Objective: o.ID, Date: now.AddDate(0, 0, -2), Value: decimal.NewFromInt(1)})
	}
	in.Records.Audits = append(in.Records.Audits, substantialAudit(now))
	in.Records.Reviews = append(in.Records.Reviews, substantialReview(now))
	carryOutPlan(t, &in)
	duty := find(t, in.Policy.Duties(), "policy communication duty", func(d isms.Duty) bool { return d.Kind == isms.DutyPolicyCommunication })
	commID := isms.IDFromUUID[calendar.Activity](duty.ID.UUID())
	comm := *find(t, in.Plan.Activities, "policy communication activity", func(a calendar.Activity) bool { return a.ID == commID })
	dues := in.Plan.Occurrences(comm, now.AddDate(-1, 0, 0), now)
	require.NotEmpty(t, dues, "the policy communication falls in the year before now")
	due := dues[0]
	plan := in.Plan.Complete(calendar.Completion{Activity: comm.ID, Due: due, Done: due.AddDate(0, 0, -2), By: "Jussi Lahti"})
	in.Plan = &plan
	return in
}

// carryOutPlan marks every treatment action done four days ago; what the
// finished treatment leaves above the appetite, the CEO accepts as she
// accepted the outage, with the owner's agreement.
func carryOutPlan(t *testing.T, in *readiness.Input) {
	t.Helper()
	for i := range in.Register.Risks {
		for k := range in.Register.Risks[i].Treatment.Actions {
			a := &in.Register.Risks[i].Treatment.Actions[k]
			a.Status, a.Completed = risk.ActionDone, now.AddDate(0, 0, -4)
		}
	}
	un, err := in.Register.Unaccepted(now)
	require.NoError(t, err)
	ceo := riskByRef(t, in, outageRisk).Acceptance
	for _, u := range un {
		r := riskByRef(t, in, u.Ref)
		acc := &risk.Acceptance{By: ceo.By, Person: ceo.Person, Date: now.AddDate(0, 0, -4), Rationale: "what remains after the finished treatment",
			Accepted: r.Residual.Rating, Expires: now.AddDate(0, 5, 0)}
		if r.Owner.Role != ceo.By {
			acc.OwnerAgreement = &risk.Approval{By: r.Owner, Date: now.AddDate(0, 0, -4)}
		}
		r.Acceptance = acc
	}
}

// substantialAudit is an internal audit of the whole ISMS by the
// independent consultant, with its programme fields, reported to the CEO.
func substantialAudit(now time.Time) records.Audit {
	return records.Audit{ID: isms.DeriveID[records.Audit](testNS, "pre"), Title: performedAudit, Scope: "The whole ISMS: clauses 4–10 and the applicable controls",
		Frequency: "yearly", Methods: []string{"interviews", "record sampling"}, Criteria: "ISO/IEC 27001:2022, the SoA, the policy",
		Auditor: "Sari Salo", Planned: now.AddDate(0, 0, -10), Performed: now.AddDate(0, 0, -6),
		Reported: now.AddDate(0, 0, -5), ReportedTo: "Maria Virtanen (CEO)"}
}

// substantialReview is a management review that considered inputs a to g
// and decided improvements and changes.
func substantialReview(now time.Time) records.ManagementReview {
	var inputs []records.ReviewInput
	for _, k := range records.InputKinds {
		inputs = append(inputs, records.ReviewInput{Kind: k, Topic: records.InputTitles[k], Summary: "discussed with figures; see the minutes"})
	}
	return records.ManagementReview{ID: reviewID, Date: now.AddDate(0, 0, -4),
		Attendees: []string{"Maria Virtanen", "Jussi Lahti"}, Inputs: inputs,
		Decisions: []string{"fund a second hosting region in 2027"}, Changes: []string{"add the second region to the scope in 2027"}}
}

// find returns the element of xs that matches, and fails the test when
// there is none, so a test never breaks the wrong record silently.
func find[T any](t *testing.T, xs []T, what string, match func(T) bool) *T {
	t.Helper()
	i := slices.IndexFunc(xs, match)
	if i < 0 {
		t.Fatalf("the test ISMS has no %s", what)
	}
	return &xs[i]
}

// without removes the elements of xs that match, and fails the test when
// none does.
func without[T any](t *testing.T, xs []T, what string, match func(T) bool) []T {
	t.Helper()
	out := slices.DeleteFunc(slices.Clone(xs), match)
	if len(out) == len(xs) {
		t.Fatalf("the test ISMS has no %s to remove", what)
	}
	return out
}

func riskByRef(t *testing.T, in *readiness.Input, ref string) *risk.Risk {
	t.Helper()
	return find(t, in.Register.Risks, "risk "+ref, func(r risk.Risk) bool { return r.Ref == ref })
}

func actionByTitle(t *testing.T, r *risk.Risk, title string) *risk.Action {
	t.Helper()
	return find(t, r.Treatment.Actions, "action "+title+" of "+r.Ref, func(a risk.Action) bool { return a.Title == title })
}

func auditByTitle(t *testing.T, in *readiness.Input, title string) *records.Audit {
	t.Helper()
	return find(t, in.Records.Audits, "audit "+title, func(a records.Audit) bool { return a.Title == title })
}

func incidentByTitle(t *testing.T, in *readiness.Input, title string) *records.Incident {
	t.Helper()
	return find(t, in.Records.Incidents, "incident "+title, func(x records.Incident) bool { return x.Title == title })
}

func reviewByID(t *testing.T, in *readiness.Input, id records.ReviewID) *records.ManagementReview {
	t.Helper()
	return find(t, in.Records.Reviews, "review "+id.String(), func(m records.ManagementReview) bool { return m.ID == id })
}

func objectiveByTitle(t *testing.T, in *readiness.Input, title string) *isms.Objective {
	t.Helper()
	return find(t, in.Context.Objectives, "objective "+title, func(o isms.Objective) bool { return o.Title == title })
}

func personByName(t *testing.T, in *readiness.Input, name string) isms.PersonID {
	t.Helper()
	return find(t, in.Context.People, "person "+name, func(p isms.Person) bool { return p.Name == name }).ID
}

// withoutTrainingOf removes the training records of the people named.
func withoutTrainingOf(t *testing.T, in *readiness.Input, names ...string) {
	t.Helper()
	for _, name := range names {
		id := personByName(t, in, name)
		in.Records.Training = without(t, in.Records.Training, "training of "+name, func(tr records.Training) bool { return tr.Person == id })
	}
}

// onlyMeasurementsOf keeps the measurements of the objectives named and
// removes every other.
func onlyMeasurementsOf(t *testing.T, in *readiness.Input, titles ...string) {
	t.Helper()
	keep := map[isms.ObjectiveID]bool{}
	for _, title := range titles {
		keep[objectiveByTitle(t, in, title).ID] = true
	}
	in.Records.Measurements = without(t, in.Records.Measurements, "measurement of other objectives", func(m records.Measurement) bool { return !keep[m.Objective] })
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
		break_ func(t *testing.T, in *readiness.Input)
		want   readiness.Status
	}{
		{"4.1", func(t *testing.T, in *readiness.Input) { in.Context.Issues = nil }, readiness.Missing},
		{"4.1", func(_ *testing.T, in *readiness.Input) { noClimate(in) }, readiness.Partial},
		{"4.2", func(t *testing.T, in *readiness.Input) { in.Context.Parties = nil }, readiness.Missing},
		{"4.2", func(t *testing.T, in *readiness.Input) { in.Context.Requirements[1].Addressed = false }, readiness.Partial},
		{"4.3", func(t *testing.T, in *readiness.Input) { in.Context.Scope.Items = nil }, readiness.Missing},
		{"4.3", func(t *testing.T, in *readiness.Input) { in.Context.Scope.Interfaces = nil }, readiness.Partial},
		{"4.4", func(t *testing.T, in *readiness.Input) { in.SoA = nil }, readiness.Partial},
		{"5.1", func(t *testing.T, in *readiness.Input) { in.Records.Reviews = nil }, readiness.Partial},
		{"5.2", func(t *testing.T, in *readiness.Input) { in.Policy = nil }, readiness.Missing},
		{"5.2", func(t *testing.T, in *readiness.Input) {
			p := *in.Policy
			p.Revision.NextReview = now.AddDate(0, 0, -1)
			in.Policy = &p
		}, readiness.Stale},
		{"5.2", func(t *testing.T, in *readiness.Input) {
			p := *in.Policy
			p.Revision.Status = isms.Draft
			in.Policy = &p
		}, readiness.Partial},
		{"5.3", func(t *testing.T, in *readiness.Input) {
			in.Context.Responsibilities = without(t, in.Context.Responsibilities, "scope approval", func(r isms.Responsibility) bool { return r.Area == isms.AreaScopeApproval })
		}, readiness.Partial},
		{"6.1.2", func(t *testing.T, in *readiness.Input) { in.Register.Risks = nil }, readiness.Missing},
		{"6.1.2", func(t *testing.T, in *readiness.Input) { riskByRef(t, in, leaverRisk).Owner = isms.Owner{} }, readiness.Partial},
		{"6.1.3", func(t *testing.T, in *readiness.Input) { riskByRef(t, in, outageRisk).Acceptance = nil }, readiness.Partial},
		{"6.1.3", func(t *testing.T, in *readiness.Input) { s := *in.SoA; s.Revision.Status = isms.Draft; in.SoA = &s }, readiness.Partial},
		{"6.2", func(t *testing.T, in *readiness.Input) { in.Context.Objectives = nil }, readiness.Missing},
		{"6.2", func(t *testing.T, in *readiness.Input) { objectiveByTitle(t, in, mfaObjective).Metric = "" }, readiness.Partial},
		{"6.3", func(t *testing.T, in *readiness.Input) {
			p := *in.Policy
			p.Revision.Edition = 2
			p.Revision.Changes = ""
			in.Policy = &p
		}, readiness.Partial},
		{"6.1.1", func(t *testing.T, in *readiness.Input) { in.Records.Opportunities = nil }, readiness.Partial},
		{"6.1.1", func(t *testing.T, in *readiness.Input) { in.Records.Opportunities = nil; in.Register.Risks = nil }, readiness.Missing},
		{"7.1", func(t *testing.T, in *readiness.Input) { in.Records.Resources = nil }, readiness.Missing},
		{"7.1", func(t *testing.T, in *readiness.Input) { in.Records.Resources[0].Approved = time.Time{} }, readiness.Partial},
		{"7.2", func(t *testing.T, in *readiness.Input) { in.Records.Competence = nil }, readiness.Missing},
		{"7.2", func(t *testing.T, in *readiness.Input) { in.Records.Competence[1].Evidence = nil }, readiness.Partial},
		{"7.2", func(t *testing.T, in *readiness.Input) { in.Records.Competence = in.Records.Competence[1:] }, readiness.Partial},
		{"7.3", func(t *testing.T, in *readiness.Input) {
			withoutTrainingOf(t, in, "Pekka Nieminen", "Aino Mäkinen", "Olli Heikkinen")
		}, readiness.Partial},
		{"7.3", func(t *testing.T, in *readiness.Input) { in.Records.Training = nil }, readiness.Missing},
		{"7.4", func(t *testing.T, in *readiness.Input) { in.Records.Communications = nil }, readiness.Missing},
		{"7.4", func(t *testing.T, in *readiness.Input) { in.Records.Communications[0].Audience = "" }, readiness.Partial},
		{"7.5.1", func(t *testing.T, in *readiness.Input) { in.Records.Documents = nil }, readiness.Missing},
		{"7.5.2", func(t *testing.T, in *readiness.Input) { in.Records.Documents[0].Approved = time.Time{} }, readiness.Partial},
		{"7.5.3", func(t *testing.T, in *readiness.Input) { in.Records.Documents[0].Retention = "" }, readiness.Partial},
		{"7.5.3", func(t *testing.T, in *readiness.Input) {
			in.Records.Documents = slices.DeleteFunc(in.Records.Documents, func(d records.Document) bool { return d.External })
		}, readiness.Partial},
		{"7.3", func(t *testing.T, in *readiness.Input) { p := *in.Plan; p.Completions = nil; in.Plan = &p }, readiness.Partial},
		{"8.1", func(t *testing.T, in *readiness.Input) { in.Plan = nil }, readiness.Missing},
		{"8.1", func(t *testing.T, in *readiness.Input) { p := *in.Plan; p.Completions = nil; in.Plan = &p }, readiness.Stale},
		{incidentControls, func(t *testing.T, in *readiness.Input) {
			inc := incidentByTitle(t, in, phishing)
			inc.Recorded = inc.Detected.AddDate(0, 0, 3)
		}, readiness.Partial},
		{"8.2", func(t *testing.T, in *readiness.Input) {
			riskByRef(t, in, leaverRisk).NextReview = now.AddDate(0, 0, -1)
		}, readiness.Stale},
		{"8.3", func(t *testing.T, in *readiness.Input) {
			a := actionByTitle(t, riskByRef(t, in, leaverRisk), leaverAction)
			a.Status, a.Completed, a.Due = risk.ActionInProgress, time.Time{}, now.AddDate(0, 0, -1)
		}, readiness.Stale},
		{"8.3", func(t *testing.T, in *readiness.Input) {
			a := actionByTitle(t, riskByRef(t, in, leaverRisk), leaverAction)
			a.Status, a.Completed, a.Due = risk.ActionInProgress, time.Time{}, now.AddDate(0, 1, 0)
		}, readiness.Partial},
		{"9.1", func(t *testing.T, in *readiness.Input) { in.Records.Measurements = nil }, readiness.Missing},
		{"9.1", func(t *testing.T, in *readiness.Input) { onlyMeasurementsOf(t, in, mfaObjective, leaversGoal) }, readiness.Partial},
		{"9.2.1", func(t *testing.T, in *readiness.Input) {
			in.Records.Audits = []records.Audit{*auditByTitle(t, in, plannedAudit)} // planned, none performed
		}, readiness.Missing},
		{"9.2.1", func(t *testing.T, in *readiness.Input) { in.Records.Audits = nil }, readiness.Missing},
		{"9.2.1", func(t *testing.T, in *readiness.Input) {
			a := auditByTitle(t, in, performedAudit)
			a.Performed, a.Reported = now.AddDate(-2, 0, 0), now.AddDate(-2, 0, 1)
		}, readiness.Stale},
		{"9.2.1", func(t *testing.T, in *readiness.Input) { auditByTitle(t, in, performedAudit).Auditor = "Jussi Lahti" }, readiness.Partial},
		{"9.2.2", func(t *testing.T, in *readiness.Input) { auditByTitle(t, in, performedAudit).Methods = nil }, readiness.Partial},
		{"9.2.2", func(t *testing.T, in *readiness.Input) { auditByTitle(t, in, performedAudit).Reported = time.Time{} }, readiness.Partial},
		{"9.2.2", func(t *testing.T, in *readiness.Input) { in.Records.Audits = nil }, readiness.Missing},
		{"9.3.1", func(t *testing.T, in *readiness.Input) { in.Records.Reviews = nil }, readiness.Missing},
		{"9.3.1", func(t *testing.T, in *readiness.Input) { reviewByID(t, in, reviewID).Date = now.AddDate(-2, 0, 0) }, readiness.Stale},
		{"9.3.2", func(t *testing.T, in *readiness.Input) { reviewByID(t, in, reviewID).Inputs = nil }, readiness.Missing},
		{"9.3.2", func(t *testing.T, in *readiness.Input) { r := reviewByID(t, in, reviewID); r.Inputs = r.Inputs[1:] }, readiness.Partial},
		{"9.3.3", func(t *testing.T, in *readiness.Input) { reviewByID(t, in, reviewID).Decisions = []string{"carry on"} }, readiness.Partial},
		{"9.3.3", func(t *testing.T, in *readiness.Input) { reviewByID(t, in, reviewID).Changes = nil }, readiness.Partial},
		{"10.1", func(t *testing.T, in *readiness.Input) { in.Records.Reviews = nil }, readiness.Partial},
		{"10.2", func(t *testing.T, in *readiness.Input) {
			auditByTitle(t, in, performedAudit).Findings = []records.AuditFinding{{Clause: "8.13", Grade: records.MinorNonconformity, Description: "no restore test"}}
		}, readiness.Partial},
		{"10.2", func(t *testing.T, in *readiness.Input) {
			in.Records.Nonconformities = []records.Nonconformity{{ID: isms.NewID[records.Nonconformity](), Detected: now, Description: "x",
				Action: records.CorrectiveAction{Description: "y", Owner: objectiveByTitle(t, in, mfaObjective).Owner, Due: now.AddDate(0, 0, -1)}}}
		}, readiness.Partial},
		{"doc:policy", func(t *testing.T, in *readiness.Input) { p := *in.Policy; p.Purpose = "edited"; in.Policy = &p }, readiness.Stale},
		{"doc:soa", func(t *testing.T, in *readiness.Input) { in.SoA = nil }, readiness.Missing},
		{"doc:risk-method", func(t *testing.T, in *readiness.Input) { in.Register.Method.Criteria.Authorities = nil }, readiness.Partial},
		{"doc:treatment-plan", func(t *testing.T, in *readiness.Input) { in.Register = risk.Register{Method: in.Register.Method} }, readiness.Missing},
		{"doc:competence", func(t *testing.T, in *readiness.Input) { in.Records.Training = nil; in.Records.Competence = nil }, readiness.Missing},
		{"doc:competence", func(t *testing.T, in *readiness.Input) { in.Records.Competence = nil }, readiness.Partial},
		{"doc:treatment-process", func(t *testing.T, in *readiness.Input) { in.Records.Documents = nil }, readiness.Missing},
		{"doc:own", func(t *testing.T, in *readiness.Input) { in.Records.Documents = nil }, readiness.Missing},
		{"doc:operation", func(t *testing.T, in *readiness.Input) {
			in.Records.Documents = nil
			p := *in.Plan
			p.Completions = nil
			in.Plan = &p
		}, readiness.Missing},
		{"doc:treatment-results", func(t *testing.T, in *readiness.Input) {
			in.Implementations = nil
			in.Register.Risks = in.Register.Risks[:0]
		}, readiness.Missing},
		{"doc:monitoring", func(t *testing.T, in *readiness.Input) { in.Records.Measurements = nil }, readiness.Missing},
		{"doc:audit", func(t *testing.T, in *readiness.Input) { in.Records.Audits = nil }, readiness.Missing},
		{"doc:audit", func(t *testing.T, in *readiness.Input) {
			in.Records.Audits = []records.Audit{*auditByTitle(t, in, plannedAudit)}
		}, readiness.Partial},
		{"doc:review", func(t *testing.T, in *readiness.Input) { in.Records.Reviews = nil }, readiness.Missing},
		{"doc:scope", func(t *testing.T, in *readiness.Input) { in.Context.Scope.Statement = "" }, readiness.Missing},
		{"doc:objectives", func(t *testing.T, in *readiness.Input) { in.Context.Objectives = nil }, readiness.Missing},
		{"doc:risk-results", func(t *testing.T, in *readiness.Input) { in.Register.Risks = nil }, readiness.Missing},
	}
	for _, tt := range tests {
		t.Run(tt.id+" "+string(tt.want), func(t *testing.T) {
			in := complete(t)
			tt.break_(t, &in)
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
	assert.Equal(t, "9.2.1", r.Urgent[0].ID, "no internal audit performed yet is the most urgent")
	var md, js bytes.Buffer
	require.NoError(t, readiness.WriteMarkdown(&md, r, readiness.MarkdownOptions{}))
	require.NoError(t, readiness.WriteJSON(&js, r, readiness.JSONOptions{}))
	golden.Assert(t, filepath.Join("testdata", "sample.md"), md.Bytes())
	golden.Assert(t, filepath.Join("testdata", "sample.json"), js.Bytes())
	var back readiness.Report
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	assert.True(t, r.Score.Equal(back.Score))
	assert.Equal(t, r.Items, back.Items)
}

// hostile is text a person might type, or paste, into a record: a line
// break, a pipe, a spreadsheet formula, HTML and a right-to-left override.
const hostile = "Backups\nrestored | =cmd|' /C calc'!A1 <script>alert(1)</script> \u202egnp.exe"

// Record text reaches the report through the organisation's name and the
// evidence (an audit's title); rule titles and next steps are the
// package's own text, but the writers treat every string as text all the
// same, so the test puts hostile text in each field of an item too.
func TestWriters_HostileText(t *testing.T) {
	in := complete(t)
	in.Context.Organization.Name = hostile
	auditByTitle(t, &in, performedAudit).Title = hostile
	r := readiness.Assess(in, now)
	r.Urgent = []readiness.Item{{ID: "9.2", Clause: "9.2", Title: hostile, Status: readiness.Partial, NextStep: hostile, Weight: 1}}
	r.Items = append(r.Items, readiness.Item{ID: "x|1", Clause: "9.2", Title: hostile, Status: readiness.Status(hostile), Evidence: []string{hostile, hostile}, NextStep: hostile, Weight: 1})

	var md, js bytes.Buffer
	require.NoError(t, readiness.WriteMarkdown(&md, r, readiness.MarkdownOptions{}))
	require.NoError(t, readiness.WriteJSON(&js, r, readiness.JSONOptions{}))
	golden.Assert(t, filepath.Join("testdata", "hostile.md"), md.Bytes())
	golden.Assert(t, filepath.Join("testdata", "hostile.json"), js.Bytes())

	out := md.String()
	assert.NotContains(t, out, "<script>")
	assert.NotContains(t, out, "\u202e")
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "| ") {
			assert.Equal(t, 5, strings.Count(line, "|")-strings.Count(line, `\|`), "a table row keeps its four cells: %s", line)
		}
	}
	var back readiness.Report
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	assert.Equal(t, r.Items, back.Items, "JSON keeps the text as typed")
}
