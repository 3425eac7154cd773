package isms_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit/isms"
)

var t0 = time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC)

func TestTrainingCoverage(t *testing.T) {
	people := []isms.Person{{ID: personID("Ann"), Name: "Ann"}, {ID: personID("Ben"), Name: "Ben"}, {ID: personID("Cy"), Name: "Cy"}, {ID: personID("Ext"), Name: "Ext", External: true}}
	rec := func(who string, at time.Time) isms.Training {
		return isms.Training{ID: isms.NewID[isms.Training](), Person: personID(who), Course: "Awareness", Completed: at}
	}
	records := []isms.Training{rec("Ann", t0.AddDate(0, -2, 0)), rec("Ben", t0.AddDate(-2, 0, 0)), rec("Ext", t0), rec("Cy", t0.AddDate(0, 1, 0))}
	assert.Equal(t, "0.3333", isms.TrainingCoverage(people, records, t0).String(), "Ann only: Ben's is too old, Cy's in the future, Ext not counted")
	assert.True(t, isms.TrainingCoverage(nil, records, t0).IsZero())
}

func TestProgressOf(t *testing.T) {
	o := objective("MFA", "share with MFA", isms.AtLeast, "100", "%") // deadline 2027-06-30
	m := func(days int, v string) isms.Measurement {
		return isms.Measurement{ID: isms.NewID[isms.Measurement](), Objective: o.ID, Date: t0.AddDate(0, 0, days), Value: decimal.RequireFromString(v)}
	}
	tests := []struct {
		name string
		ms   []isms.Measurement
		now  time.Time
		want isms.Progress
	}{
		{"nothing measured yet", nil, t0, isms.NotMeasured},
		{"nothing measured by the deadline", nil, t0.AddDate(0, 2, 0), isms.Missed},
		{"behind", []isms.Measurement{m(-10, "80")}, t0, isms.Behind},
		{"on track", []isms.Measurement{m(-30, "80"), m(-1, "100")}, t0, isms.OnTrack},
		{"latest counts, future ignored", []isms.Measurement{m(-1, "100"), m(5, "50")}, t0, isms.OnTrack},
		{"achieved", []isms.Measurement{m(20, "100")}, t0.AddDate(0, 2, 0), isms.Achieved},
		{"missed", []isms.Measurement{m(20, "90")}, t0.AddDate(0, 2, 0), isms.Missed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := isms.ProgressOf(o, tt.ms, tt.now)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRecords_Validate(t *testing.T) {
	c := validContext()
	r := isms.Records{
		Training: []isms.Training{{ID: isms.NewID[isms.Training](), Person: personID("Ghost"), Course: "x", Completed: t0}},
		Audits:   []isms.Audit{{ID: isms.NewID[isms.Audit](), Title: "ISMS audit", Auditor: "TBD", Planned: t0, Findings: []isms.AuditFinding{{Grade: "bad"}}}},
		Reviews:  []isms.ManagementReview{{ID: isms.NewID[isms.ManagementReview](), Date: t0}},
		Nonconformities: []isms.Nonconformity{{ID: isms.NewID[isms.Nonconformity](), Detected: t0, Description: "No restore test",
			Action: isms.CorrectiveAction{Description: "Test restores", Owner: isms.OwnedByRole(roleID("Ghost")), Due: t0, Done: t0}}},
		Incidents:    []isms.Incident{{ID: isms.NewID[isms.Incident](), Title: "Phish", Detected: t0, Recorded: t0.Add(-time.Hour)}},
		Measurements: []isms.Measurement{{ID: isms.NewID[isms.Measurement](), Objective: isms.NewID[isms.Objective](), Date: t0}},
	}
	assert.Equal(t, []string{
		"training[0].person",
		"audits[0].auditor", "audits[0].performed", "audits[0].findings[0].grade", "audits[0].findings[0].description",
		"reviews[0].attendees", "reviews[0].inputs", "reviews[0].decisions",
		"nonconformities[0].cause", "nonconformities[0].action.owner.role",
		"incidents[0].recorded",
		"measurements[0].objective",
	}, paths(r.Validate(c)))
	assert.NoError(t, isms.Records{}.Validate(c))
}

func TestNonconformity_ClosedAndOverdue(t *testing.T) {
	n := isms.Nonconformity{Action: isms.CorrectiveAction{Due: t0}}
	assert.False(t, n.Closed())
	assert.True(t, n.Overdue(t0.Add(time.Hour)))
	assert.False(t, n.Overdue(t0))
	n.Action.Done, n.EffectivenessChecked, n.Effective = t0, t0.AddDate(0, 1, 0), true
	assert.True(t, n.Closed())
	assert.False(t, n.Overdue(t0.AddDate(1, 0, 0)))
}
