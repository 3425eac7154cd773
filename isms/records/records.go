package records

import "github.com/ismskit/ismskit/isms"

// Records of evaluation and improvement (clauses 7.2, 9.1–9.3, 10.2): the
// evidence an auditor samples to see that the ISMS runs. Each record kind
// is storable on its own; Records bundles them for checks and reports.

// Record ID kinds.
type (
	// TrainingID names a training record.
	TrainingID = isms.ID[Training]
	// AuditID names an internal audit.
	AuditID = isms.ID[Audit]
	// ReviewID names a management review.
	ReviewID = isms.ID[ManagementReview]
	// NonconformityID names a nonconformity.
	NonconformityID = isms.ID[Nonconformity]
	// IncidentID names a security incident.
	IncidentID = isms.ID[Incident]
	// MeasurementID names a monitoring result.
	MeasurementID = isms.ID[Measurement]
)

// Records bundles the evaluation and improvement records of one
// organisation.
type Records struct {
	Training        []Training         `json:"training,omitempty"`
	Audits          []Audit            `json:"audits,omitempty"`
	Reviews         []ManagementReview `json:"reviews,omitempty"`
	Nonconformities []Nonconformity    `json:"nonconformities,omitempty"`
	Incidents       []Incident         `json:"incidents,omitempty"`
	Measurements    []Measurement      `json:"measurements,omitempty"`
	// Support and planning records (6.1.1, 7.1, 7.2, 7.4, 7.5).
	Competence     []CompetenceRequirement `json:"competence,omitempty"`
	Communications []Communication         `json:"communications,omitempty"`
	Documents      []Document              `json:"documents,omitempty"`
	Opportunities  []Opportunity           `json:"opportunities,omitempty"`
	Resources      []Resource              `json:"resources,omitempty"`
}

// Validate checks every record on its own fields, reporting every problem
// at once with its path ("audits[1].findings[0].grade").
func (r Records) Validate() error {
	var p isms.Problems
	for i, x := range r.Training {
		p.Merge(isms.Index("training", i), x.Validate())
	}
	for i, x := range r.Audits {
		p.Merge(isms.Index("audits", i), x.Validate())
	}
	for i, x := range r.Reviews {
		p.Merge(isms.Index("reviews", i), x.Validate())
	}
	for i, x := range r.Nonconformities {
		p.Merge(isms.Index("nonconformities", i), x.Validate())
	}
	for i, x := range r.Incidents {
		p.Merge(isms.Index("incidents", i), x.Validate())
	}
	for i, x := range r.Measurements {
		p.Merge(isms.Index("measurements", i), x.Validate())
	}
	for i, x := range r.Competence {
		p.Merge(isms.Index("competence", i), x.Validate())
	}
	for i, x := range r.Communications {
		p.Merge(isms.Index("communications", i), x.Validate())
	}
	for i, x := range r.Documents {
		p.Merge(isms.Index("documents", i), x.Validate())
	}
	for i, x := range r.Opportunities {
		p.Merge(isms.Index("opportunities", i), x.Validate())
	}
	for i, x := range r.Resources {
		p.Merge(isms.Index("resources", i), x.Validate())
	}
	return p.Err()
}

// CheckRefs checks the references from the records into the organisation's
// context c: the people trained, the owners of corrective actions and the
// objectives measured, the roles of competence requirements and the people
// of their evidence, the owners of communications, documents,
// opportunities and resources, and the requirements incidents' notifications
// answer to. It does not repeat Validate.
func (r Records) CheckRefs(c isms.OrgContext) error {
	var p isms.Problems
	refs := c.Refs()
	for i, x := range r.Training {
		if !x.Person.IsZero() && !refs.HasPerson(x.Person) {
			p.Addf(isms.JoinPath(isms.Index("training", i), "person"), "person %s is not a person of this organisation", x.Person)
		}
	}
	for i, x := range r.Nonconformities {
		refs.CheckOwner(&p, isms.JoinPath(isms.Index("nonconformities", i), "action.owner"), "", x.Action.Owner)
	}
	for i, x := range r.Incidents {
		for k, n := range x.Notifications {
			if !n.Requirement.IsZero() && !refs.HasRequirement(n.Requirement) {
				p.Addf(isms.JoinPath(isms.JoinPath(isms.Index("incidents", i), isms.Index("notifications", k)), "requirement"), "requirement %s is not a requirement of this organisation", n.Requirement)
			}
		}
	}
	for i, x := range r.Competence {
		path := isms.Index("competence", i)
		if !x.Role.IsZero() && !refs.HasRole(x.Role) {
			p.Addf(isms.JoinPath(path, "role"), "role %s is not a role of this organisation", x.Role)
		}
		for k, e := range x.Evidence {
			if !e.Person.IsZero() && !refs.HasPerson(e.Person) {
				p.Addf(isms.JoinPath(isms.JoinPath(path, isms.Index("evidence", k)), "person"), "person %s is not a person of this organisation", e.Person)
			}
		}
	}
	for i, x := range r.Communications {
		refs.CheckOwner(&p, isms.JoinPath(isms.Index("communications", i), "by"), "", x.By)
	}
	for i, x := range r.Documents {
		refs.CheckOwner(&p, isms.JoinPath(isms.Index("documents", i), "owner"), "", x.Owner)
	}
	for i, x := range r.Opportunities {
		refs.CheckOwner(&p, isms.JoinPath(isms.Index("opportunities", i), "owner"), "", x.Owner)
	}
	for i, x := range r.Resources {
		refs.CheckOwner(&p, isms.JoinPath(isms.Index("resources", i), "approved_by"), "", x.ApprovedBy)
	}
	for i, x := range r.Measurements {
		if !x.Objective.IsZero() && !refs.HasObjective(x.Objective) {
			p.Addf(isms.JoinPath(isms.Index("measurements", i), "objective"), "objective %s is not an objective of this organisation", x.Objective)
		}
	}
	return p.Err()
}

// Compile-time proof that every record kind can be stored with isms.Create.
var (
	_ isms.Record[Training]         = Training{}
	_ isms.Record[Audit]            = Audit{}
	_ isms.Record[ManagementReview] = ManagementReview{}
	_ isms.Record[Nonconformity]    = Nonconformity{}
	_ isms.Record[Incident]         = Incident{}
	_ isms.Record[Measurement]      = Measurement{}

	_ isms.Record[CompetenceRequirement] = CompetenceRequirement{}
	_ isms.Record[Communication]         = Communication{}
	_ isms.Record[Document]              = Document{}
	_ isms.Record[Opportunity]           = Opportunity{}
	_ isms.Record[Resource]              = Resource{}
)

// The storable kinds of the records, with their stable storage names (see
// isms.Kind).
var (
	KindTraining              = isms.NewKind[Training]("training")
	KindAudit                 = isms.NewKind[Audit]("audit")
	KindManagementReview      = isms.NewKind[ManagementReview]("management_review")
	KindNonconformity         = isms.NewKind[Nonconformity]("nonconformity")
	KindIncident              = isms.NewKind[Incident]("incident")
	KindMeasurement           = isms.NewKind[Measurement]("measurement")
	KindCompetenceRequirement = isms.NewKind[CompetenceRequirement]("competence_requirement")
	KindCommunication         = isms.NewKind[Communication]("communication")
	KindDocument              = isms.NewKind[Document]("document")
	KindOpportunity           = isms.NewKind[Opportunity]("opportunity")
	KindResource              = isms.NewKind[Resource]("resource")
)
