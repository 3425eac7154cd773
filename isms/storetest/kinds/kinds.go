// Package kinds lists every storable record kind of ismskit with its
// stable storage name and a storetest fixture for each, so that a store
// proves itself on all of them:
//
//	storetest.RunStore(t, newStore, kinds.All()...)
//
// Each kind is a variable of the package that owns its type (isms.KindAsset,
// risk.KindRisk, records.KindAudit …), so a production host names its
// tables without importing this test-support package; this package, at the
// top of the layers beside isms/readiness, gathers them with a fixture for
// each. isms/dataset saves and loads all of them for one organisation.
//
// Stable storage names (never renamed once released), 30 kinds:
//
//	organization, scope, issue, interested_party, requirement, asset,
//	person, role, responsibility, objective   (isms.Kind…)
//	implementation                            (controls.KindImplementation)
//	activity                                  (calendar.KindActivity)
//	risk                                      (risk.KindRisk)
//	risk_method                               (risk.KindMethod: risk.MethodRecord, every version)
//	policy                                    (policy.KindPolicy, every version)
//	soa                                       (soa.KindSoA, every version)
//	soa_selection                             (soa.KindSelection: document, links, decisions, custom controls)
//	training, audit, management_review,
//	nonconformity, incident, measurement,
//	competence_requirement, communication,
//	document, opportunity, resource           (records.Kind…)
//	supplier                                  (suppliers.KindSupplier)
//	process                                   (processes.KindProcess)
package kinds

import (
	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/isms/storetest"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/suppliers"
)

// All returns every storable kind of ismskit with its fixture: the kernel
// kinds first, then the others in the order of the package doc.
func All() []storetest.KindCase {
	return append(storetest.KernelKinds(),
		storetest.ForKind(controls.KindImplementation, ImplementationFixture()),
		storetest.ForKind(calendar.KindActivity, ActivityFixture()),
		storetest.ForKind(risk.KindRisk, RiskFixture()),
		storetest.ForKind(risk.KindMethod, MethodFixture()),
		storetest.ForKind(policy.KindPolicy, PolicyFixture()),
		storetest.ForKind(soa.KindSoA, SoAFixture()),
		storetest.ForKind(soa.KindSelection, SelectionFixture()),
		storetest.ForKind(records.KindTraining, TrainingFixture()),
		storetest.ForKind(records.KindAudit, AuditFixture()),
		storetest.ForKind(records.KindManagementReview, ManagementReviewFixture()),
		storetest.ForKind(records.KindNonconformity, NonconformityFixture()),
		storetest.ForKind(records.KindIncident, IncidentFixture()),
		storetest.ForKind(records.KindMeasurement, MeasurementFixture()),
		storetest.ForKind(records.KindCompetenceRequirement, CompetenceRequirementFixture()),
		storetest.ForKind(records.KindCommunication, CommunicationFixture()),
		storetest.ForKind(records.KindDocument, DocumentFixture()),
		storetest.ForKind(records.KindOpportunity, OpportunityFixture()),
		storetest.ForKind(records.KindResource, ResourceFixture()),
		storetest.ForKind(suppliers.KindSupplier, SupplierFixture()),
		storetest.ForKind(processes.KindProcess, ProcessFixture()),
	)
}

var (
	namespace = isms.NewNamespace("ismskit storetest kinds")
	ownerRole = isms.DeriveID[isms.Role](namespace, "storetest owner")
)

// MethodFixture makes risk method records (the default 5×5 method); the
// counter is in the method's name.
func MethodFixture() storetest.Fixture[risk.MethodRecord] {
	return storetest.TextFixture(func(id risk.MethodRecordID) risk.MethodRecord {
		m := risk.DefaultMethod()
		m.Name, m.Version = "fixture", "2026-1"
		return risk.MethodRecord{ID: id, Current: true, Method: m}
	}, func(v *risk.MethodRecord) *string { return &v.Method.Name })
}

// SelectionFixture makes SoA selections with one decision; the counter is
// in its justification.
func SelectionFixture() storetest.Fixture[soa.Selection] {
	doc := isms.DeriveID[isms.Document](namespace, "soa")
	return storetest.TextFixture(func(id soa.SelectionID) soa.Selection {
		return soa.Selection{ID: id, Document: doc,
			Custom:    []soa.CustomControl{{ID: "X.1", Title: "Customer security reviews"}},
			Decisions: []soa.Decision{{Control: "7.6", Justification: "fixture"}}}
	}, func(v *soa.Selection) *string {
		if len(v.Decisions) == 0 {
			v.Decisions = []soa.Decision{{}}
		}
		return &v.Decisions[0].Justification
	})
}

// CompetenceRequirementFixture makes competence requirements; the counter
// is in the competence required.
func CompetenceRequirementFixture() storetest.Fixture[records.CompetenceRequirement] {
	return storetest.TextFixture(func(id records.CompetenceID) records.CompetenceRequirement {
		return records.CompetenceRequirement{ID: id, Role: ownerRole, Required: "fixture"}
	}, func(v *records.CompetenceRequirement) *string { return &v.Required })
}

// CommunicationFixture makes communications; the counter is in the subject.
func CommunicationFixture() storetest.Fixture[records.Communication] {
	return storetest.TextFixture(func(id records.CommunicationID) records.Communication {
		return records.Communication{ID: id, Subject: "fixture", When: "quarterly", Audience: "all staff", By: isms.OwnedByRole(ownerRole)}
	}, func(v *records.Communication) *string { return &v.Subject })
}

// DocumentFixture makes document register entries; the counter is in the title.
func DocumentFixture() storetest.Fixture[records.Document] {
	return storetest.TextFixture(func(id records.DocumentID) records.Document {
		return records.Document{ID: id, Title: "fixture", Owner: isms.OwnedByRole(ownerRole), Version: "1", Retention: "3 years", Access: "all staff"}
	}, func(v *records.Document) *string { return &v.Title })
}

// OpportunityFixture makes opportunities; the counter is in the description.
func OpportunityFixture() storetest.Fixture[records.Opportunity] {
	return storetest.TextFixture(func(id records.OpportunityID) records.Opportunity {
		return records.Opportunity{ID: id, Description: "fixture", Action: "automate the leaver process", Owner: isms.OwnedByRole(ownerRole)}
	}, func(v *records.Opportunity) *string { return &v.Description })
}

// ResourceFixture makes resources; the counter is in what is provided.
func ResourceFixture() storetest.Fixture[records.Resource] {
	return storetest.TextFixture(func(id records.ResourceID) records.Resource {
		return records.Resource{ID: id, Need: "a part-time security officer", Provided: "fixture", ApprovedBy: isms.OwnedByRole(ownerRole)}
	}, func(v *records.Resource) *string { return &v.Provided })
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

// SupplierFixture makes supplier register entries; the counter is in the
// exit plan.
func SupplierFixture() storetest.Fixture[suppliers.Supplier] {
	return storetest.TextFixture(func(id suppliers.ID) suppliers.Supplier {
		return suppliers.Supplier{ID: id, Name: "Cloud host", Owner: isms.OwnedByRole(ownerRole), Services: []string{"IaaS hosting"},
			Cloud: true, Contract: suppliers.Contract{ProcessingAgreement: true, NotificationHours: 24}, ExitPlan: "fixture"}
	}, func(v *suppliers.Supplier) *string { return &v.ExitPlan })
}

// ProcessFixture makes process descriptions; the counter is in the purpose.
func ProcessFixture() storetest.Fixture[processes.Process] {
	return storetest.TextFixture(func(id processes.ID) processes.Process {
		return processes.Process{ID: id, Name: "Incident handling", Purpose: "fixture", Core: processes.CoreIncidentHandling,
			Owner: isms.OwnedByRole(ownerRole), Steps: []string{"report the same day"}, Evidence: []string{"incident"}}
	}, func(v *processes.Process) *string { return &v.Purpose })
}
