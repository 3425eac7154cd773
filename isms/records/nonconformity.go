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
	ID          NonconformityID  `json:"id"`
	Detected    time.Time        `json:"detected"`
	Source      string           `json:"source"` // "internal audit 2027", "incident INC-4"
	Description string           `json:"description"`
	Cause       string           `json:"cause,omitempty"`
	Action      CorrectiveAction `json:"action"`
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
