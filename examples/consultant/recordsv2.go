package main

// The v2 workbook's ISMS records: training, audits, reviews,
// nonconformities, incidents, measurements, competence, communication,
// documents, opportunities and resources.

import (
	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms/records"
)

// RecordsV2 are the ISMS records.
type RecordsV2 struct {
	// Training records who completed which course (clause 7.3).
	Training []TrainingV2 `json:"training,omitempty"`
	// Audits are the internal audits (clause 9.2).
	Audits []AuditV2 `json:"audits,omitempty"`
	// Reviews are the management reviews (clause 9.3).
	Reviews []ReviewV2 `json:"reviews,omitempty"`
	// Nonconformities are the nonconformities and their corrective
	// actions (clause 10.2), each known by its ref.
	Nonconformities []NonconformityV2 `json:"nonconformities,omitempty"`
	// Incidents are the information security incidents.
	Incidents []IncidentV2 `json:"incidents,omitempty"`
	// Measurements are measured values of the objectives (clause 9.1).
	Measurements []MeasurementV2 `json:"measurements,omitempty"`
	// Competence are the competence requirements per role (clause 7.2).
	Competence []CompetenceV2 `json:"competence,omitempty"`
	// Communications are the planned communications (clause 7.4).
	Communications []CommunicationV2 `json:"communications,omitempty"`
	// Documents are the documented information (clause 7.5).
	Documents []DocumentV2 `json:"documents,omitempty"`
	// Opportunities are the opportunities and their actions (clause 6.1.1).
	Opportunities []OpportunityV2 `json:"opportunities,omitempty"`
	// Resources are the resources provided (clause 7.1).
	Resources []ResourceV2 `json:"resources,omitempty"`
}

// TrainingV2 records one person's completed course.
type TrainingV2 struct {
	// Person is the person's name.
	Person string `json:"person"`
	// Course names the course.
	Course string `json:"course"`
	// Completed is when.
	Completed Date `json:"completed"`
}

// AuditV2 is one internal audit.
type AuditV2 struct {
	// Title names the audit.
	Title string `json:"title"`
	// Scope is what the audit covers.
	Scope string `json:"scope"`
	// Areas are the responsibility areas audited; empty is the whole ISMS.
	Areas []string `json:"areas,omitempty"`
	// Frequency is how often audits are held ("yearly").
	Frequency string `json:"frequency,omitempty"`
	// Methods are the audit methods ("interviews").
	Methods []string `json:"methods,omitempty"`
	// Criteria are the audit criteria.
	Criteria string `json:"criteria,omitempty"`
	// Auditor is the auditor's name.
	Auditor string `json:"auditor"`
	// Planned is when the audit is planned.
	Planned Date `json:"planned"`
	// Performed is when it was held.
	Performed Date `json:"performed,omitzero"`
	// Findings are the audit's findings.
	Findings []FindingV2 `json:"findings,omitempty"`
	// Reported is when the results were reported to management.
	Reported Date `json:"reported,omitzero"`
	// ReportedTo is to whom.
	ReportedTo string `json:"reported_to,omitempty"`
}

// FindingV2 is one audit finding.
type FindingV2 struct {
	// Clause is the clause or control concerned ("6.1.3", "A.8.13").
	Clause string `json:"clause"`
	// Grade is the finding's grade.
	Grade records.FindingGrade `json:"grade"`
	// Description describes the finding.
	Description string `json:"description"`
	// Nonconformity is the ref of the nonconformity the finding raised.
	Nonconformity string `json:"nonconformity,omitempty"`
}

// ReviewV2 is one management review.
type ReviewV2 struct {
	// Date is when the review was held.
	Date Date `json:"date"`
	// Attendees are who attended.
	Attendees []string `json:"attendees"`
	// Inputs are the inputs considered (clause 9.3.2 a–g).
	Inputs []records.ReviewInput `json:"inputs"`
	// Decisions are the decisions on improvement.
	Decisions []string `json:"decisions"`
	// Changes are the changes the ISMS needs.
	Changes []string `json:"changes,omitempty"`
	// NoChangesNeeded records that no change is needed.
	NoChangesNeeded bool `json:"no_changes_needed,omitempty"`
}

// NonconformityV2 is one nonconformity and its corrective action.
type NonconformityV2 struct {
	// Ref is the nonconformity's short ref ("NC-01"), its key.
	Ref string `json:"ref"`
	// Detected is when it was found.
	Detected Date `json:"detected"`
	// Source is where it was found ("internal audit 2027").
	Source string `json:"source"`
	// Description describes it.
	Description string `json:"description"`
	// Grade is its grade.
	Grade records.FindingGrade `json:"grade,omitempty"`
	// Reaction is the containment.
	Reaction string `json:"reaction,omitempty"`
	// Cause is the root cause.
	Cause string `json:"cause,omitempty"`
	// Similar says whether similar nonconformities exist.
	Similar string `json:"similar,omitempty"`
	// Action is the corrective action.
	Action CorrectiveActionV2 `json:"action"`
	// Changes are the changes made to the ISMS.
	Changes string `json:"changes,omitempty"`
	// EffectivenessChecked is when the action's effectiveness was checked.
	EffectivenessChecked Date `json:"effectiveness_checked,omitzero"`
	// Effective records that the action was effective.
	Effective bool `json:"effective,omitempty"`
}

// CorrectiveActionV2 is a nonconformity's corrective action.
type CorrectiveActionV2 struct {
	// Description says what is done.
	Description string `json:"description"`
	// Owner is the role or person who does it, by name.
	Owner string `json:"owner"`
	// Due is when.
	Due Date `json:"due"`
	// Done is when it was done.
	Done Date `json:"done,omitzero"`
}

// IncidentV2 is one information security incident.
type IncidentV2 struct {
	// Ref is the incident's short ref ("INC-1"), if it has one.
	Ref string `json:"ref,omitempty"`
	// Title names the incident.
	Title string `json:"title"`
	// Detected is when it was detected.
	Detected Date `json:"detected"`
	// Recorded is when it was recorded.
	Recorded Date `json:"recorded,omitzero"`
	// Handled is when it was handled.
	Handled Date `json:"handled,omitzero"`
	// Closed is when it was closed.
	Closed Date `json:"closed,omitzero"`
	// PersonalData marks an incident involving personal data.
	PersonalData bool `json:"personal_data,omitempty"`
	// Notes are free notes.
	Notes string `json:"notes,omitempty"`
	// Notifications are the notifications the incident required.
	Notifications []NotificationV2 `json:"notifications,omitempty"`
}

// NotificationV2 is one notification an incident required.
type NotificationV2 struct {
	// Recipient is who is notified.
	Recipient string `json:"recipient"`
	// Requirement is the title of the requirement that asks for it.
	Requirement string `json:"requirement,omitempty"`
	// WithinHours is the deadline in hours after detection (1–8784).
	WithinHours int `json:"within_hours"`
	// Sent is when it was sent.
	Sent Date `json:"sent,omitzero"`
}

// MeasurementV2 is one measured value of an objective.
type MeasurementV2 struct {
	// Objective is the objective's title.
	Objective string `json:"objective"`
	// Date is when.
	Date Date `json:"date"`
	// Value is the value measured.
	Value decimal.Decimal `json:"value"`
	// Note is a free note.
	Note string `json:"note,omitempty"`
}

// CompetenceV2 is the competence a role requires.
type CompetenceV2 struct {
	// Role is the role's name.
	Role string `json:"role"`
	// Required says what competence the role needs.
	Required string `json:"required"`
	// Courses are the training courses that meet it.
	Courses []string `json:"courses,omitempty"`
	// Evidence shows holders have it.
	Evidence []CompetenceEvidenceV2 `json:"evidence,omitempty"`
}

// CompetenceEvidenceV2 shows one person's competence.
type CompetenceEvidenceV2 struct {
	// Person is the person's name.
	Person string `json:"person"`
	// Description describes the evidence.
	Description string `json:"description"`
	// Date is when.
	Date Date `json:"date"`
}

// CommunicationV2 is one planned communication.
type CommunicationV2 struct {
	// Subject is what is communicated.
	Subject string `json:"subject"`
	// When says when.
	When string `json:"when"`
	// Audience is with whom.
	Audience string `json:"audience"`
	// By is the role or person who communicates, by name.
	By string `json:"by"`
	// Method is how.
	Method string `json:"method,omitempty"`
}

// DocumentV2 is one piece of documented information.
type DocumentV2 struct {
	// Title names the document.
	Title string `json:"title"`
	// Clause is the clause or control it serves ("6.1.3", "A.5.18").
	Clause string `json:"clause,omitempty"`
	// Owner is the role or person that owns it, by name.
	Owner string `json:"owner"`
	// Version is its version.
	Version string `json:"version"`
	// Approved is when it was approved.
	Approved Date `json:"approved,omitzero"`
	// Retention says how long it is kept.
	Retention string `json:"retention"`
	// Access says who may read and change it.
	Access string `json:"access"`
	// External marks a document of external origin.
	External bool `json:"external,omitempty"`
	// Origin is where an external document comes from.
	Origin string `json:"origin,omitempty"`
}

// OpportunityV2 is one opportunity and its action.
type OpportunityV2 struct {
	// Description describes the opportunity.
	Description string `json:"description"`
	// Action is what is done about it.
	Action string `json:"action"`
	// Owner is the role or person who does it, by name.
	Owner string `json:"owner"`
	// Due is when.
	Due Date `json:"due,omitzero"`
}

// ResourceV2 is one resource provided for the ISMS.
type ResourceV2 struct {
	// Need is what is needed.
	Need string `json:"need"`
	// Provided is what is provided.
	Provided string `json:"provided"`
	// ApprovedBy is the role or person who approved it, by name.
	ApprovedBy string `json:"approved_by"`
	// Approved is when.
	Approved Date `json:"approved,omitzero"`
}
