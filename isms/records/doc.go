// Package records holds the evidence an ISMS produces as it runs
// (clauses 7.2, 9.1–9.3 and 10.2): what an auditor samples to see that the
// system works, not just that it is written down.
//
//	recs := records.Records{
//		Training: []records.Training{{ID: id, Person: ann, Course: "Security awareness", Completed: day}},
//		Audits:   []records.Audit{ /* the programme: planned and performed internal audits */ },
//		Reviews:  []records.ManagementReview{ /* attendees, inputs, decisions */ },
//	}
//	if err := recs.Validate(); err != nil { … }        // each record's own fields
//	if err := recs.CheckRefs(org); err != nil { … }    // people, owners, objectives exist in org
//	share := records.TrainingCoverage(org.People, recs.Training, now)
//	progress, latest := records.ProgressOf(objective, recs.Measurements, now)
//
// # Record kinds
//
// Training (competence and awareness), Audit (the internal audit
// programme: planned and performed audits with graded AuditFindings),
// ManagementReview (attendees, the inputs clause 9.3 lists, decisions),
// Nonconformity (cause, CorrectiveAction with owner and due date,
// effectiveness check; grade, reaction, similar ones, changes to the ISMS),
// Incident (detected, recorded, handled, closed, in that order, and the
// Notifications it owes with their deadlines) and Measurement (a value
// measured for an objective). The support and planning records:
// CompetenceRequirement (per role, with evidence per person),
// Communication (what, when, with whom, who), Document (the document
// register: owner, version, approval, retention, access, external origin),
// Opportunity (6.1.1) and Resource (7.1). Audits carry the programme's
// frequency, methods, criteria and scope, and when results were reported;
// reviews carry inputs a to g (InputKinds) and results (decisions,
// changes). Each is a storable isms.Record, of the kinds KindTraining,
// KindAudit, KindManagementReview, KindNonconformity, KindIncident,
// KindMeasurement, KindCompetenceRequirement, KindCommunication,
// KindDocument, KindOpportunity and KindResource (stable storage names
// "training", "audit", …, "competence_requirement", "communication",
// "document", "opportunity", "resource"); Records bundles them for checks
// and reports.
//
// # Limits
//
// MaxNotificationHours (one year) bounds a notification's deadline.
//
// # Judgements
//
// TrainingCoverage is the exact share of internal staff trained within the
// last year (externals do not count). ProgressOf says whether an objective
// is not measured, on track, behind, achieved or missed. Nonconformity
// Closed and Overdue, and Audit and Incident order rules, are documented on
// their types. isms/readiness turns these records into the clause-by-clause
// verdict.
package records
