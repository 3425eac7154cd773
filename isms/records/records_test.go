package records_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
)

var t0 = time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC)

func TestTrainingCoverage(t *testing.T) {
	people := []isms.Person{{ID: personID("Ann"), Name: "Ann"}, {ID: personID("Ben"), Name: "Ben"}, {ID: personID("Cy"), Name: "Cy"}, {ID: personID("Ext"), Name: "Ext", External: true}}
	rec := func(who string, at time.Time) records.Training {
		return records.Training{ID: isms.NewID[records.Training](), Person: personID(who), Course: "Awareness", Completed: at}
	}
	recs := []records.Training{rec("Ann", t0.AddDate(0, -2, 0)), rec("Ben", t0.AddDate(-2, 0, 0)), rec("Ext", t0), rec("Cy", t0.AddDate(0, 1, 0))}
	assert.Equal(t, "0.3333", records.TrainingCoverage(people, recs, t0).String(), "Ann only: Ben's is too old, Cy's in the future, Ext not counted")
	assert.True(t, records.TrainingCoverage(nil, recs, t0).IsZero())
}

func TestProgressOf(t *testing.T) {
	o := objective("MFA", "share with MFA", isms.AtLeast, "100", "%") // deadline 2027-06-30
	m := func(days int, v string) records.Measurement {
		return records.Measurement{ID: isms.NewID[records.Measurement](), Objective: o.ID, Date: t0.AddDate(0, 0, days), Value: decimal.RequireFromString(v)}
	}
	tests := []struct {
		name string
		ms   []records.Measurement
		now  time.Time
		want records.Progress
	}{
		{"nothing measured yet", nil, t0, records.NotMeasured},
		{"nothing measured by the deadline", nil, t0.AddDate(0, 2, 0), records.Missed},
		{"behind", []records.Measurement{m(-10, "80")}, t0, records.Behind},
		{"on track", []records.Measurement{m(-30, "80"), m(-1, "100")}, t0, records.OnTrack},
		{"latest counts, future ignored", []records.Measurement{m(-1, "100"), m(5, "50")}, t0, records.OnTrack},
		{"achieved", []records.Measurement{m(20, "100")}, t0.AddDate(0, 2, 0), records.Achieved},
		{"missed", []records.Measurement{m(20, "90")}, t0.AddDate(0, 2, 0), records.Missed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := records.ProgressOf(o, tt.ms, tt.now)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRecords_Validate(t *testing.T) {
	c := validContext()
	r := records.Records{
		Training: []records.Training{{ID: isms.NewID[records.Training](), Person: personID("Ghost"), Course: "x", Completed: t0}},
		Audits:   []records.Audit{{ID: isms.NewID[records.Audit](), Title: "ISMS audit", Auditor: "TBD", Planned: t0, Findings: []records.AuditFinding{{Grade: "bad"}}}},
		Reviews:  []records.ManagementReview{{ID: isms.NewID[records.ManagementReview](), Date: t0}},
		Nonconformities: []records.Nonconformity{{ID: isms.NewID[records.Nonconformity](), Detected: t0, Description: "No restore test",
			Action: records.CorrectiveAction{Description: "Test restores", Owner: isms.OwnedByRole(roleID("Ghost")), Due: t0, Done: t0}}},
		Incidents:    []records.Incident{{ID: isms.NewID[records.Incident](), Title: "Phish", Detected: t0, Recorded: t0.Add(-time.Hour)}},
		Measurements: []records.Measurement{{ID: isms.NewID[records.Measurement](), Objective: isms.NewID[isms.Objective](), Date: t0}},
	}
	assert.Equal(t, []string{
		"audits[0].auditor", "audits[0].performed", "audits[0].findings[0].grade", "audits[0].findings[0].description",
		"reviews[0].attendees", "reviews[0].inputs", "reviews[0].decisions",
		"nonconformities[0].cause",
		"incidents[0].recorded",
	}, paths(r.Validate()), "Validate looks at the records' own fields")
	assert.Equal(t, []string{
		"training[0].person", "nonconformities[0].action.owner.role", "measurements[0].objective",
	}, paths(r.CheckRefs(c)), "CheckRefs resolves references into the context")
	assert.NoError(t, records.Records{}.Validate())
	assert.NoError(t, records.Records{}.CheckRefs(c))
}

func TestNonconformity_ClosedAndOverdue(t *testing.T) {
	n := records.Nonconformity{Action: records.CorrectiveAction{Due: t0}}
	assert.False(t, n.Closed())
	assert.True(t, n.Overdue(t0.Add(time.Hour)))
	assert.False(t, n.Overdue(t0))
	n.Action.Done, n.EffectivenessChecked, n.Effective = t0, t0.AddDate(0, 1, 0), true
	assert.True(t, n.Closed())
	assert.False(t, n.Overdue(t0.AddDate(1, 0, 0)))
}

func TestRecords_DatesBeyondYear9999AreProblemsWithPaths(t *testing.T) {
	y10k := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	r := records.Records{
		Training:     []records.Training{{ID: isms.NewID[records.Training](), Person: personID("Ann"), Course: "Awareness", Completed: y10k}},
		Measurements: []records.Measurement{{ID: isms.NewID[records.Measurement](), Objective: isms.NewID[isms.Objective](), Date: y10k}},
	}
	assert.Equal(t, []string{"training[0].completed", "measurements[0].date"}, paths(r.Validate()))
}

// TestNewRecords_EachProblemAtItsPath: the support records, notifications,
// reviews and nonconformities report each problem at its path, and the
// references into the context are checked.
func TestNewRecords_EachProblemAtItsPath(t *testing.T) {
	var bad isms.Owner
	r := records.Records{
		Competence:     []records.CompetenceRequirement{{Evidence: []records.CompetenceEvidence{{}}}},
		Communications: []records.Communication{{By: bad}},
		Documents:      []records.Document{{External: true}},
		Opportunities:  []records.Opportunity{{}},
		Resources:      []records.Resource{{}},
		Incidents: []records.Incident{{ID: isms.NewID[records.Incident](), Title: "x", Detected: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC),
			Notifications: []records.Notification{{WithinHours: records.MaxNotificationHours + 1, Sent: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}}}},
		Reviews:         []records.ManagementReview{{Inputs: []records.ReviewInput{{Kind: "h"}}, Changes: []string{"x"}, NoChangesNeeded: true}},
		Nonconformities: []records.Nonconformity{{Grade: "critical", Effective: true}},
	}
	err := r.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	var paths []string
	for _, v := range isms.ValidationErrors(err) {
		paths = append(paths, v.Path)
	}
	for _, want := range []string{"competence[0].role", "competence[0].required", "competence[0].evidence[0].person", "competence[0].evidence[0].date",
		"communications[0].subject", "communications[0].when", "communications[0].audience", "communications[0].by",
		"documents[0].title", "documents[0].owner", "documents[0].origin", "opportunities[0].action", "opportunities[0].owner",
		"resources[0].need", "resources[0].provided", "resources[0].approved_by",
		"incidents[0].notifications[0].recipient", "incidents[0].notifications[0].within_hours", "incidents[0].notifications[0].sent",
		"reviews[0].inputs[0].kind", "reviews[0].no_changes_needed", "nonconformities[0].grade", "nonconformities[0].effective"} {
		assert.Contains(t, paths, want)
	}
	ghost := isms.OwnedByRole(isms.NewID[isms.Role]())
	refs := records.Records{Competence: []records.CompetenceRequirement{{Role: ghost.Role, Evidence: []records.CompetenceEvidence{{Person: isms.NewID[isms.Person]()}}}},
		Documents: []records.Document{{Owner: ghost}},
		Incidents: []records.Incident{{Notifications: []records.Notification{{Requirement: isms.NewID[isms.Requirement]()}}}}}
	err = refs.CheckRefs(isms.OrgContext{})
	paths = nil
	for _, v := range isms.ValidationErrors(err) {
		paths = append(paths, v.Path)
	}
	assert.ElementsMatch(t, []string{"competence[0].role", "competence[0].evidence[0].person", "documents[0].owner.role", "incidents[0].notifications[0].requirement"}, paths)
}

func TestDocument_UncontrolledNamesWhatIsMissing(t *testing.T) {
	owner := isms.OwnedByRole(isms.NewID[isms.Role]())
	full := records.Document{Title: "Risk treatment procedure", Owner: owner, Version: "1.0", Approved: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC),
		Retention: "3 years", Access: "all staff read"}
	assert.Empty(t, full.Uncontrolled())
	assert.True(t, full.Controlled())
	onlyApproval := full
	onlyApproval.Approved = time.Time{}
	assert.Equal(t, []string{"approval"}, onlyApproval.Uncontrolled(), "a trial was told to set four fields when one was missing")
	assert.False(t, onlyApproval.Controlled())
	external := onlyApproval
	external.External, external.Origin = true, "GDPR"
	assert.Empty(t, external.Uncontrolled(), "an external document has no approval of ours")
	assert.Equal(t, []string{"owner", "version", "approval", "retention", "access"}, records.Document{Title: "x"}.Uncontrolled())
}
