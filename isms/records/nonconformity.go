package records

import (
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// CorrectiveAction is what is done about a nonconformity's cause.
type CorrectiveAction struct {
	Description string     `json:"description"`
	Owner       isms.Owner `json:"owner"`
	Due         time.Time  `json:"due"`
	Done        time.Time  `json:"done,omitzero"`
}

// Nonconformity is a requirement not met, found by an audit, an incident or
// anyone (clause 10.2), with its cause, the corrective action and the check
// that the action worked.
type Nonconformity struct {
	ID          NonconformityID `json:"id"`
	Detected    time.Time       `json:"detected"`
	Source      string          `json:"source"` // "internal audit 2027", "incident INC-4"
	Description string          `json:"description"`
	// Grade is major or minor; empty counts as minor.
	Grade FindingGrade `json:"grade,omitempty"`
	// Reaction is what was done at once to control and contain it and deal
	// with the consequences (10.2 a).
	Reaction string `json:"reaction,omitempty"`
	Cause    string `json:"cause,omitempty"`
	// Similar says whether similar nonconformities exist or could occur (10.2 b 3).
	Similar string           `json:"similar,omitempty"`
	Action  CorrectiveAction `json:"action"`
	// Changes are the changes made to the ISMS because of it, if any (10.2 e).
	Changes string `json:"changes,omitempty"`
	// EffectivenessChecked is when someone checked the action worked; Effective says whether it did.
	EffectivenessChecked time.Time `json:"effectiveness_checked,omitzero"`
	Effective            bool      `json:"effective,omitempty"`
}

// Key returns the nonconformity's ID.
func (n Nonconformity) Key() NonconformityID { return n.ID }

// Closed reports whether the action is done and checked effective.
func (n Nonconformity) Closed() bool {
	return !n.Action.Done.IsZero() && !n.EffectivenessChecked.IsZero() && n.Effective
}

// Ineffective reports whether the action's effectiveness was checked and
// found wanting: the nonconformity is still open.
func (n Nonconformity) Ineffective() bool {
	return !n.EffectivenessChecked.IsZero() && !n.Effective
}

// Major reports whether the nonconformity is graded major.
func (n Nonconformity) Major() bool { return n.Grade == MajorNonconformity }

// Overdue reports whether the corrective action is not done by its due date at now.
func (n Nonconformity) Overdue(now time.Time) bool {
	return n.Action.Done.IsZero() && !n.Action.Due.IsZero() && now.After(n.Action.Due)
}

// Validate checks the nonconformity: a done action needs a cause, and an
// effectiveness check needs a done action.
func (n Nonconformity) Validate() error {
	var p isms.Problems
	if n.ID.IsZero() {
		p.Addf("id", "the nonconformity has no ID")
	}
	if n.Detected.IsZero() {
		p.Addf("detected", "the nonconformity has no detection date")
	}
	if strings.TrimSpace(n.Description) == "" {
		p.Addf("description", "the nonconformity has no description")
	}
	if strings.TrimSpace(n.Action.Description) == "" {
		p.Addf("action.description", "nonconformity %q has no corrective action", n.Description)
	}
	if err := n.Action.Owner.Validate(); err != nil {
		p.Addf("action.owner", "the corrective action of %q has no single owner", n.Description)
	}
	if n.Action.Due.IsZero() {
		p.Addf("action.due", "the corrective action of %q has no due date", n.Description)
	}
	if n.Grade != "" && n.Grade != MajorNonconformity && n.Grade != MinorNonconformity {
		p.Addf("grade", "nonconformity grade %q is not major or minor", n.Grade)
	}
	if n.Effective && n.EffectivenessChecked.IsZero() {
		p.Addf("effective", "%q is marked effective but no effectiveness check is dated", n.Description)
	}
	if !n.Action.Done.IsZero() && isms.IsPlaceholder(n.Cause) {
		p.Addf("cause", "the action of %q is done but the cause was never recorded", n.Description)
	}
	if !n.EffectivenessChecked.IsZero() && n.Action.Done.IsZero() {
		p.Addf("effectiveness_checked", "effectiveness of %q was checked before the action was done", n.Description)
	}
	isms.CheckDate(&p, "detected", "the detection date", n.Detected, false)
	isms.CheckDate(&p, "action.due", "the due date", n.Action.Due, false)
	isms.CheckDate(&p, "action.done", "the completion date", n.Action.Done, false)
	isms.CheckDate(&p, "effectiveness_checked", "the effectiveness check date", n.EffectivenessChecked, false)
	return p.Err()
}
