package isms

// Records of evaluation and improvement (clauses 7.2, 9.1–9.3, 10.2): the
// evidence an auditor samples to see that the ISMS runs. Each record kind
// is storable on its own; Records bundles them for checks and reports.

// Record ID kinds.
type (
	// TrainingID names a training record.
	TrainingID = ID[Training]
	// AuditID names an internal audit.
	AuditID = ID[Audit]
	// ReviewID names a management review.
	ReviewID = ID[ManagementReview]
	// NonconformityID names a nonconformity.
	NonconformityID = ID[Nonconformity]
	// IncidentID names a security incident.
	IncidentID = ID[Incident]
	// MeasurementID names a monitoring result.
	MeasurementID = ID[Measurement]
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
}

// Validate checks every record and the references into c (people,
// objectives), reporting every problem at once.
func (r Records) Validate(c OrgContext) error {
	var p Problems
	refs := c.Refs()
	for i, x := range r.Training {
		path := Index("training", i)
		p.Merge(path, x.Validate())
		if !x.Person.IsZero() && !refs.HasPerson(x.Person) {
			p.Addf(JoinPath(path, "person"), "person %s is not a person of this organisation", x.Person)
		}
	}
	for i, x := range r.Audits {
		p.Merge(Index("audits", i), x.Validate())
	}
	for i, x := range r.Reviews {
		p.Merge(Index("reviews", i), x.Validate())
	}
	for i, x := range r.Nonconformities {
		path := Index("nonconformities", i)
		p.Merge(path, x.Validate())
		refs.CheckOwner(&p, JoinPath(path, "action.owner"), "", x.Action.Owner)
	}
	for i, x := range r.Incidents {
		p.Merge(Index("incidents", i), x.Validate())
	}
	for i, x := range r.Measurements {
		path := Index("measurements", i)
		p.Merge(path, x.Validate())
		if !x.Objective.IsZero() && !refs.HasObjective(x.Objective) {
			p.Addf(JoinPath(path, "objective"), "objective %s is not an objective of this organisation", x.Objective)
		}
	}
	return p.Err()
}
