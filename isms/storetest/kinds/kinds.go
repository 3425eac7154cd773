// Package kinds lists every storable record kind of ismskit with its
// stable storage name and a storetest fixture for each, so that a store
// proves itself on all of them:
//
//	storetest.RunStore(t, newStore, kinds.All()...)
//
// The kinds of package isms are isms.Kind… variables (see
// storetest.KernelKinds); the kinds of the other packages are named here,
// the one package that may import them all (it sits at the top of the
// layers, beside isms/readiness, and only tests import it).
//
// Stable storage names (never renamed once released):
//
//	organization, scope, issue, interested_party, requirement, asset,
//	person, role, responsibility, objective        (package isms)
//	implementation                                 (controls.Implementation)
//	activity                                       (calendar.Activity)
//	risk                                           (risk.Risk)
//	policy                                         (policy.Policy, every version)
//	soa                                            (soa.SoA, every version)
//	audit, incident, measurement, nonconformity,
//	management_review, training                    (isms/records)
package kinds

import (
	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/isms/storetest"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// The storable kinds outside package isms, with their stable storage names.
var (
	Implementation   = isms.NewKind[controls.Implementation]("implementation")
	Activity         = isms.NewKind[calendar.Activity]("activity")
	Risk             = isms.NewKind[risk.Risk]("risk")
	Policy           = isms.NewKind[policy.Policy]("policy")
	SoA              = isms.NewKind[soa.SoA]("soa")
	Audit            = isms.NewKind[records.Audit]("audit")
	Incident         = isms.NewKind[records.Incident]("incident")
	Measurement      = isms.NewKind[records.Measurement]("measurement")
	Nonconformity    = isms.NewKind[records.Nonconformity]("nonconformity")
	ManagementReview = isms.NewKind[records.ManagementReview]("management_review")
	Training         = isms.NewKind[records.Training]("training")
)

// All returns every storable kind of ismskit with its fixture: the kernel
// kinds first, then the others in the order above.
func All() []storetest.KindCase {
	return append(storetest.KernelKinds(),
		storetest.ForKind(Implementation, ImplementationFixture()),
		storetest.ForKind(Activity, ActivityFixture()),
		storetest.ForKind(Risk, RiskFixture()),
		storetest.ForKind(Policy, PolicyFixture()),
		storetest.ForKind(SoA, SoAFixture()),
		storetest.ForKind(Audit, AuditFixture()),
		storetest.ForKind(Incident, IncidentFixture()),
		storetest.ForKind(Measurement, MeasurementFixture()),
		storetest.ForKind(Nonconformity, NonconformityFixture()),
		storetest.ForKind(ManagementReview, ManagementReviewFixture()),
		storetest.ForKind(Training, TrainingFixture()),
	)
}

// ImplementationFixture makes implementation records; the counter is in the notes.
func ImplementationFixture() storetest.Fixture[controls.Implementation] {
	return storetest.TextFixture(func(id controls.ImplementationID) controls.Implementation {
		return controls.Implementation{ID: id, Control: "5.1", Notes: "fixture"}
	}, func(v *controls.Implementation) *string { return &v.Notes })
}

// ActivityFixture makes calendar activities; the counter is in the description.
func ActivityFixture() storetest.Fixture[calendar.Activity] {
	return storetest.TextFixture(func(id calendar.ActivityID) calendar.Activity {
		return calendar.Activity{ID: id, Title: "Restore test", Owner: "IT manager", Description: "fixture"}
	}, func(v *calendar.Activity) *string { return &v.Description })
}

// RiskFixture makes risks; the counter is in the scenario.
func RiskFixture() storetest.Fixture[risk.Risk] {
	return storetest.TextFixture(func(id risk.ID) risk.Risk {
		return risk.Risk{ID: id, Ref: "R-1", Title: "Ransomware", Scenario: "fixture"}
	}, func(v *risk.Risk) *string { return &v.Scenario })
}

// PolicyFixture makes policy versions; the counter is in the purpose.
func PolicyFixture() storetest.Fixture[policy.Policy] {
	return storetest.TextFixture(func(id policy.ID) policy.Policy {
		return policy.Policy{ID: id, Organization: "Storetest Oy", Title: "Information security policy", Purpose: "fixture"}
	}, func(v *policy.Policy) *string { return &v.Purpose })
}

// SoAFixture makes SoA versions; the counter is in the author.
func SoAFixture() storetest.Fixture[soa.SoA] {
	return storetest.TextFixture(func(id soa.ID) soa.SoA {
		return soa.SoA{ID: id, Organization: "Storetest Oy", Catalogue: "iso27001:2022", Author: "fixture"}
	}, func(v *soa.SoA) *string { return &v.Author })
}

// AuditFixture makes audits; the counter is in the scope.
func AuditFixture() storetest.Fixture[records.Audit] {
	return storetest.TextFixture(func(id records.AuditID) records.Audit {
		return records.Audit{ID: id, Title: "Internal audit", Auditor: "External auditor", Scope: "fixture"}
	}, func(v *records.Audit) *string { return &v.Scope })
}

// IncidentFixture makes incidents; the counter is in the notes.
func IncidentFixture() storetest.Fixture[records.Incident] {
	return storetest.TextFixture(func(id records.IncidentID) records.Incident {
		return records.Incident{ID: id, Title: "Phishing", Notes: "fixture"}
	}, func(v *records.Incident) *string { return &v.Notes })
}

// MeasurementFixture makes measurements; the counter is in the note.
func MeasurementFixture() storetest.Fixture[records.Measurement] {
	return storetest.TextFixture(func(id records.MeasurementID) records.Measurement {
		return records.Measurement{ID: id, Note: "fixture"}
	}, func(v *records.Measurement) *string { return &v.Note })
}

// NonconformityFixture makes nonconformities; the counter is in the description.
func NonconformityFixture() storetest.Fixture[records.Nonconformity] {
	return storetest.TextFixture(func(id records.NonconformityID) records.Nonconformity {
		return records.Nonconformity{ID: id, Source: "internal audit", Description: "fixture"}
	}, func(v *records.Nonconformity) *string { return &v.Description })
}

// ManagementReviewFixture makes management reviews; the counter is in the first decision.
func ManagementReviewFixture() storetest.Fixture[records.ManagementReview] {
	return storetest.TextFixture(func(id records.ReviewID) records.ManagementReview {
		return records.ManagementReview{ID: id, Decisions: []string{"fixture"}}
	}, func(v *records.ManagementReview) *string {
		if len(v.Decisions) == 0 {
			v.Decisions = []string{""}
		}
		return &v.Decisions[0]
	})
}

// TrainingFixture makes training records; the counter is in the course.
func TrainingFixture() storetest.Fixture[records.Training] {
	return storetest.TextFixture(func(id records.TrainingID) records.Training {
		return records.Training{ID: id, Course: "fixture"}
	}, func(v *records.Training) *string { return &v.Course })
}
