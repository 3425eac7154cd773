package main

// The v2 workbook's risk assessment method and risk register.

import (
	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/risk"
)

// MethodV2 is the risk assessment method.
type MethodV2 struct {
	// Name names the method.
	Name string `json:"name"`
	// Version is the method's version; assessments record it.
	Version string `json:"version,omitempty"`
	// Approved records the method's approval.
	Approved *SignOffV2 `json:"approved,omitempty"`
	// Likelihood is the likelihood scale.
	Likelihood risk.Scale `json:"likelihood"`
	// Impact is the impact scale.
	Impact risk.Scale `json:"impact"`
	// Rule is the scoring rule ("product", "sum", …).
	Rule risk.Rule `json:"rule,omitzero"`
	// Bands are the risk levels, lowest first.
	Bands []risk.Band `json:"bands"`
	// Thresholds are the lowest score of each band but the first.
	Thresholds []int `json:"thresholds,omitempty"`
	// Grid gives the band of each likelihood (rows) and impact (columns).
	Grid [][]string `json:"grid,omitempty"`
	// Criteria are the risk acceptance criteria.
	Criteria CriteriaV2 `json:"criteria"`
	// ControlStrength is how far one fully effective control lowers a
	// rating, 0 to 2 ("1").
	ControlStrength decimal.Decimal `json:"control_strength,omitzero"`
	// ControlDimensions say which rating each control reduces.
	ControlDimensions []risk.ControlDimension `json:"control_dimensions,omitempty"`
}

// CriteriaV2 are the risk acceptance criteria.
type CriteriaV2 struct {
	// Appetite is the highest band accepted without treatment.
	Appetite string `json:"appetite"`
	// Authorities say which role may accept risks up to which band.
	Authorities []AuthorityV2 `json:"authorities,omitempty"`
	// OverdueGraceDays is how many days a treatment may be late before it
	// counts as overdue.
	OverdueGraceDays int `json:"overdue_grace_days,omitempty"`
}

// AuthorityV2 says which role may accept risks up to which band.
type AuthorityV2 struct {
	// Role is the role's name.
	Role string `json:"role"`
	// UpTo is the highest band the role may accept.
	UpTo string `json:"up_to"`
	// MaxMonths is the longest acceptance the role may give, in months.
	MaxMonths int `json:"max_months"`
}

// SignOffV2 records who approved something and when.
type SignOffV2 struct {
	// By is the role or person that approved, by name.
	By string `json:"by"`
	// Date is when.
	Date Date `json:"date"`
}

// RiskV2 is one risk of the register.
type RiskV2 struct {
	// Ref is the risk's short ref ("R-01"), its key.
	Ref string `json:"ref"`
	// Title is the risk's title.
	Title string `json:"title"`
	// Kind is the kind of risk.
	Kind risk.Kind `json:"kind"`
	// Assets are the names of the assets at risk.
	Assets []string `json:"assets,omitempty"`
	// Threat is what could happen.
	Threat string `json:"threat,omitempty"`
	// Vulnerability is the weakness the threat uses.
	Vulnerability string `json:"vulnerability,omitempty"`
	// Scenario describes the risk as a story.
	Scenario string `json:"scenario,omitempty"`
	// Properties are the information security properties affected.
	Properties []risk.Property `json:"properties,omitempty"`
	// Owner is the risk owner, a role or person by name.
	Owner string `json:"owner,omitempty"`
	// Requirements are the titles of the requirements the risk concerns.
	Requirements []string `json:"requirements,omitempty"`
	// Supplier is the name of the supplier (in the workbook's suppliers)
	// whose breach, failure or exit the risk is about, if any.
	Supplier string `json:"supplier,omitempty"`
	// Inherent is the assessment before controls.
	Inherent AssessmentV2 `json:"inherent"`
	// Residual is the assessment with the controls in place.
	Residual AssessmentV2 `json:"residual,omitzero"`
	// Target is the assessment once the treatment is done.
	Target AssessmentV2 `json:"target,omitzero"`
	// Applied are the controls in place and how effective they are.
	Applied []risk.AppliedControl `json:"applied,omitempty"`
	// Treatment is how the risk is treated.
	Treatment TreatmentV2 `json:"treatment,omitzero"`
	// Acceptance records the risk's acceptance.
	Acceptance *AcceptanceV2 `json:"acceptance,omitempty"`
	// NextReview is when the risk is next reviewed.
	NextReview Date `json:"next_review,omitzero"`
	// InherentLoss is the expected loss without the controls in place
	// (single loss and yearly rate), as loss.
	InherentLoss *risk.Loss `json:"inherent_loss,omitempty"`
	// Loss is the expected loss as the risk stands, with the controls in
	// place (single loss and yearly rate).
	Loss *risk.Loss `json:"loss,omitempty"`
	// TargetLoss is the expected loss once the treatment is done, as loss;
	// with loss and the treatment's cost it says what the plan buys (with
	// a quant section, quant-summary.md ranks the plans by it).
	TargetLoss *risk.Loss `json:"target_loss,omitempty"`
	// History holds earlier assessments.
	History []SnapshotV2 `json:"history,omitempty"`
}

// AssessmentV2 rates a risk at one stage.
type AssessmentV2 struct {
	// Likelihood is the rating on the method's likelihood scale.
	Likelihood int `json:"likelihood"`
	// Impact is the rating on the method's impact scale.
	Impact int `json:"impact"`
	// Rationale says why.
	Rationale string `json:"rationale"`
	// Assessor is the name of the person who rated the risk.
	Assessor string `json:"assessor,omitempty"`
	// Date is when.
	Date Date `json:"date,omitzero"`
	// MethodVersion is the method version the rating was made with.
	MethodVersion string `json:"method_version,omitempty"`
	// Derived marks a residual computed from the applied controls.
	Derived bool `json:"derived,omitempty"`
	// Confirmed records the owner's confirmation of a derived residual.
	Confirmed *ConfirmationV2 `json:"confirmed,omitempty"`
	// AboveReason explains a rating higher than the stage before.
	AboveReason string `json:"above_reason,omitempty"`
}

// ConfirmationV2 is the risk owner's confirmation or override of a derived
// residual.
type ConfirmationV2 struct {
	// By is the role or person that confirmed, by name.
	By string `json:"by"`
	// Date is when.
	Date Date `json:"date"`
	// Rationale says why.
	Rationale string `json:"rationale"`
	// Proposed is the derived rating an override replaced.
	Proposed risk.Rating `json:"proposed,omitzero"`
}

// SnapshotV2 is a risk's assessments at one point in its history.
type SnapshotV2 struct {
	// Inherent is the inherent assessment then.
	Inherent AssessmentV2 `json:"inherent"`
	// Residual is the residual assessment then.
	Residual AssessmentV2 `json:"residual,omitzero"`
	// Target is the target assessment then.
	Target AssessmentV2 `json:"target,omitzero"`
	// Note says what changed.
	Note string `json:"note,omitempty"`
}

// TreatmentV2 is how a risk is treated.
type TreatmentV2 struct {
	// Option is the treatment option.
	Option risk.Option `json:"option"`
	// Rationale says why.
	Rationale string `json:"rationale,omitempty"`
	// Due is when the treatment is to be done.
	Due Date `json:"due,omitzero"`
	// Actions are the treatment's actions.
	Actions []ActionV2 `json:"actions,omitempty"`
	// Approved records the owner's approval of the treatment plan.
	Approved *SignOffV2 `json:"approved,omitempty"`
	// Cost is what carrying out the plan costs a year (amount and
	// currency, the currency of the risk's losses), if known.
	Cost *risk.Money `json:"cost,omitempty"`
}

// ActionV2 is one action of a treatment plan.
type ActionV2 struct {
	// Title says what is done.
	Title string `json:"title"`
	// Owner is the role or person who does it, by name.
	Owner string `json:"owner"`
	// Due is when.
	Due Date `json:"due"`
	// Status is the action's status.
	Status risk.ActionStatus `json:"status"`
	// Controls are the IDs of the controls the action implements ("5.18").
	Controls []controls.ID `json:"controls,omitempty"`
	// Completed is when the action was done.
	Completed Date `json:"completed,omitzero"`
}

// AcceptanceV2 records a risk's acceptance.
type AcceptanceV2 struct {
	// By is the name of the role that accepted the risk.
	By string `json:"by"`
	// Person is the name of the person who accepted it in that role.
	Person string `json:"person,omitempty"`
	// Date is when.
	Date Date `json:"date"`
	// Rationale says why.
	Rationale string `json:"rationale"`
	// Accepted is the rating accepted.
	Accepted risk.Rating `json:"accepted"`
	// Expires is when the acceptance lapses.
	Expires Date `json:"expires"`
	// OwnerAgreement records the risk owner's agreement.
	OwnerAgreement *SignOffV2 `json:"owner_agreement,omitempty"`
}
