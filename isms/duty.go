package isms

import (
	"cmp"
	"slices"
	"time"
)

// DutyID names one dated duty. Packages derive it from the record the duty
// comes from (DeriveID with the source's UUID as namespace), so the same
// duty keeps the same ID on every run and a calendar built from it keeps
// stable event UIDs.
type DutyID = ID[Duty]

// DutyKind says what sort of duty a Duty is, so that a calendar can file it
// with the activities of the same kind.
type DutyKind string

// Duty kinds contributed by ismskit's packages.
const (
	// DutyRiskReview: a risk is due for reassessment (risk).
	DutyRiskReview DutyKind = "risk_review"
	// DutyTreatmentAction: an open risk treatment action is due (risk).
	DutyTreatmentAction DutyKind = "treatment_action"
	// DutyPolicyCommunication: an approved policy must reach all staff (policy).
	DutyPolicyCommunication DutyKind = "policy_communication"
	// DutyPolicyReview: the policy is due for its periodic review (policy).
	DutyPolicyReview DutyKind = "policy_review"
	// DutyDocumentReview: another controlled document, such as the SoA, is
	// due for its periodic review.
	DutyDocumentReview DutyKind = "document_review"
	// DutyObjectiveDeadline: a measurable objective reaches its deadline.
	DutyObjectiveDeadline DutyKind = "objective_deadline"
	// DutySupplierAssessment: a supplier is due for its assessment
	// (suppliers).
	DutySupplierAssessment DutyKind = "supplier_assessment"
	// DutyCertificateExpiry: a supplier's certificate expires soon; ask
	// for the renewed one (suppliers).
	DutyCertificateExpiry DutyKind = "certificate_expiry"
	// DutyProcessReview: a process description is due for its yearly
	// review (processes).
	DutyProcessReview DutyKind = "process_review"
	// DutyOther: anything else with a date and an owner.
	DutyOther DutyKind = "other"
)

// Duty is one dated thing somebody must do because of a record: review a
// risk, finish a treatment action, tell staff about a new policy, measure
// an objective. Packages that own such records return their duties as
// plain values (risk.Register.Duties, policy.Policy.Duties,
// OrgContext.Duties); the calendar package turns duties into activities.
// That way a rule such as "communicate the policy within 7 days" lives in
// exactly one package, and no domain package needs to know the calendar.
type Duty struct {
	ID    DutyID    `json:"id"`
	Title string    `json:"title"`
	Kind  DutyKind  `json:"kind"`
	Due   time.Time `json:"due"`
	// Owner is who must do it; zero when the source record has no owner.
	Owner Owner `json:"owner,omitzero"`
	// Evidence says what shows the duty was done, e.g. "reassessment
	// recorded in the register".
	Evidence string `json:"evidence,omitempty"`
	// Source is the label of the record the duty comes from, such as a
	// risk's reference ("R-3") or "policy v2".
	Source string `json:"source,omitempty"`
}

// SortDuties orders duties by due date, then kind, title and ID, so that
// every list of duties is deterministic.
func SortDuties(ds []Duty) {
	slices.SortStableFunc(ds, func(a, b Duty) int {
		return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Title, b.Title), a.ID.Compare(b.ID))
	})
}

// Duties returns the objective's dated duty: its deadline, when it has one.
func (o Objective) Duties() []Duty {
	if o.Deadline.IsZero() {
		return nil
	}
	return []Duty{{
		// The objective's own UUID: a calendar event made from it keeps the
		// UID it had when objectives were turned into events directly.
		ID:    IDFromUUID[Duty](o.ID.UUID()),
		Title: "Objective due: " + o.Title, Kind: DutyObjectiveDeadline, Due: o.Deadline, Owner: o.Owner,
		Evidence: "measured " + o.Metric + " " + o.Target.String(),
	}}
}

// Duties returns the dated duties of the organisation's context: the
// deadline of every measurable objective, sorted by due date.
func (c OrgContext) Duties() []Duty {
	var out []Duty
	for _, o := range c.Objectives {
		out = append(out, o.Duties()...)
	}
	SortDuties(out)
	return out
}
