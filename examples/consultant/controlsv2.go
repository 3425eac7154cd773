package main

// The v2 workbook's controls: how far each is implemented, which
// requirements they meet, the applicability decisions, and who approves
// the SoA and the policy.

import (
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/soa"
)

// ImplementationV2 says how far one control is implemented.
type ImplementationV2 struct {
	// Control is the control's ID ("5.15"); each control has one entry.
	Control controls.ID `json:"control"`
	// Status is the implementation status.
	Status controls.Status `json:"status"`
	// Owner is the role or person that owns the control, by name.
	Owner string `json:"owner,omitempty"`
	// Evidence shows the control works.
	Evidence []EvidenceV2 `json:"evidence,omitempty"`
	// Reason explains a control that is not applicable.
	Reason string `json:"reason,omitempty"`
	// Effectiveness rates the control, 0 (not assessed) to 4 (effective).
	Effectiveness controls.Effectiveness `json:"effectiveness,omitempty"`
	// LastReviewed is when the control was last reviewed.
	LastReviewed Date `json:"last_reviewed,omitzero"`
	// NextReview is when it is next reviewed.
	NextReview Date `json:"next_review,omitzero"`
	// Notes are free notes.
	Notes string `json:"notes,omitempty"`
	// History records the status changes.
	History []StatusChangeV2 `json:"history,omitempty"`
}

// EvidenceV2 is one piece of evidence for a control.
type EvidenceV2 struct {
	// Title names the evidence.
	Title string `json:"title"`
	// Location is where it is kept.
	Location string `json:"location"`
	// Date is when it was produced.
	Date Date `json:"date,omitzero"`
}

// StatusChangeV2 is one change of a control's status.
type StatusChangeV2 struct {
	// From is the status before.
	From controls.Status `json:"from"`
	// To is the status after.
	To controls.Status `json:"to"`
	// At is when.
	At Date `json:"at"`
	// Note says why.
	Note string `json:"note,omitempty"`
}

// LinkV2 says which controls meet a requirement.
type LinkV2 struct {
	// Requirement is the requirement's title.
	Requirement string `json:"requirement"`
	// Controls are the controls' IDs.
	Controls []controls.ID `json:"controls"`
}

// DecisionV2 is an applicability decision for one control.
type DecisionV2 struct {
	// Control is the control's ID.
	Control controls.ID `json:"control"`
	// Applicable says whether the control applies.
	Applicable bool `json:"applicable"`
	// Reason is the reason code of an applicable control.
	Reason soa.ReasonCode `json:"reason,omitempty"`
	// Justification says why.
	Justification string `json:"justification"`
	// By is who decided ("Jussi Lahti (IT manager)").
	By string `json:"by,omitempty"`
	// Date is when.
	Date Date `json:"date,omitzero"`
}

// ApprovalV2 says who wrote and who approved a document, and when. An
// empty approver leaves the document a draft.
type ApprovalV2 struct {
	// Author is who wrote the document.
	Author string `json:"author,omitempty"`
	// Approver is a role or person of the context ("CEO", "Maria
	// Virtanen" or "Maria Virtanen (CEO)").
	Approver string `json:"approver,omitempty"`
	// Approved is when it was approved.
	Approved Date `json:"approved,omitzero"`
}
