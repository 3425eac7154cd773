package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
)

// WorkbookFormatV2 names the workbook form people type: every reference is
// a human key (a name, a title or a short ref such as "R-01"), and the IDs
// are derived from those keys.
const WorkbookFormatV2 = "ismskit-workbook/2"

// SchemaFile is the JSON Schema of WorkbookV2, published beside this
// program; a workbook's "$schema" names it so that editors complete and
// check the fields.
const SchemaFile = "workbook.schema.json"

// WorkbookV2 is one client's whole ISMS input in the form a person types
// (ismskit-workbook/2). Every reference names what it refers to by its
// key: a person, role, party or asset by its name, a requirement or an
// objective by its title, a responsibility by its area, a risk by its ref,
// a nonconformity by its ref. Each key is unique within its kind.
type WorkbookV2 struct {
	// Schema is the JSON Schema the workbook follows, for editors
	// (workbook.schema.json); the program ignores it.
	Schema string `json:"$schema,omitempty"`
	// Format is "ismskit-workbook/2".
	Format string `json:"format"`
	// AsOf is the date the deliverables are made as of (YYYY-MM-DD).
	AsOf Date `json:"as_of"`
	// Context is the organisation and its context (clauses 4 and 5).
	Context ContextV2 `json:"context"`
	// Method is the risk assessment method (clause 6.1.2).
	Method MethodV2 `json:"method"`
	// Risks is the risk register.
	Risks []RiskV2 `json:"risks"`
	// CustomControls are the client's own controls beside Annex A
	// (ismskit-catalogue/1).
	CustomControls *controls.Document `json:"custom_controls,omitempty"`
	// Implementations say how far each control is implemented.
	Implementations []ImplementationV2 `json:"implementations"`
	// Links say which controls meet which requirement.
	Links []LinkV2 `json:"links,omitempty"`
	// Decisions are the consultant's applicability decisions.
	Decisions []DecisionV2 `json:"decisions,omitempty"`
	// AdditionalControls are controls beyond the catalogue, described for
	// the SoA; links and decisions may name them.
	AdditionalControls []soa.CustomControl `json:"additional_controls,omitempty"`
	// SoA says who wrote and who approves the Statement of Applicability.
	SoA ApprovalV2 `json:"soa"`
	// Policy says who approves the information security policy.
	Policy ApprovalV2 `json:"policy"`
	// Plan parameterises the yearly plan of ISMS activities.
	Plan PlanV2 `json:"plan"`
	// Records are the ISMS records the readiness verdict reads.
	Records RecordsV2 `json:"records"`
	// Suppliers is the supplier register (Annex A 5.19–5.23), each
	// supplier known by its name.
	Suppliers []SupplierV2 `json:"suppliers,omitempty"`
	// Processes are the process descriptions (risk management, access
	// control, incident handling, supplier management…), each known by its
	// name.
	Processes []ProcessV2 `json:"processes,omitempty"`
	// Quant is the optional Monte Carlo loss analysis of the key risks.
	Quant *QuantV2 `json:"quant,omitempty"`
	// Workshop is the optional risk workshop and road to certification:
	// the key assets, the workshop's day and the certification audits'
	// dates; it adds candidates.md, first-controls.md, roadmap.md and
	// roadmap.html, and readiness.md's "Where you stand on the roadmap".
	Workshop *WorkshopV2 `json:"workshop,omitempty"`
}

// Date is a date ("2027-03-31", midnight UTC) or a date and time in RFC
// 3339 ("2027-03-31T09:00:00+03:00") between the years 1 and 9999.
type Date struct{ time.Time }

// dateOf wraps t.
func dateOf(t time.Time) Date { return Date{t} }

// MarshalJSON writes midnight UTC as "YYYY-MM-DD", any other time in RFC
// 3339, and the zero date as "".
func (d Date) MarshalJSON() ([]byte, error) {
	switch {
	case d.IsZero():
		return []byte(`""`), nil
	case d.Location() == time.UTC && d.Equal(d.Truncate(24*time.Hour)):
		return json.Marshal(d.Format(time.DateOnly))
	}
	return json.Marshal(d.Format(time.RFC3339Nano))
}

// UnmarshalJSON reads "YYYY-MM-DD" or RFC 3339; "" and null are no date.
func (d *Date) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("expected a date like \"2027-03-31\", found %s", clip(string(b)))
	}
	t, err := parseDate(s)
	if err != nil {
		return err
	}
	*d = Date{t}
	return nil
}

// parseDate reads "YYYY-MM-DD" or RFC 3339.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t, err = time.Parse(time.RFC3339Nano, s)
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date like \"2027-03-31\" (YYYY-MM-DD) or a date and time like \"2027-03-31T09:00:00Z\" (RFC 3339)", clip(s))
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return time.Time{}, fmt.Errorf("%q is outside the years 1 to 9999", clip(s))
	}
	return t, nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// ContextV2 is the organisation and its context.
type ContextV2 struct {
	// Organization is the client organisation.
	Organization OrganizationV2 `json:"organization"`
	// Scope is the ISMS scope (clause 4.3).
	Scope ScopeV2 `json:"scope"`
	// Issues are the external and internal issues (clause 4.1).
	Issues []IssueV2 `json:"issues,omitempty"`
	// Parties are the interested parties (clause 4.2), each known by its
	// name.
	Parties []PartyV2 `json:"parties,omitempty"`
	// Requirements are the parties' requirements, each known by its title.
	Requirements []RequirementV2 `json:"requirements,omitempty"`
	// Assets are the information assets, each known by its name.
	Assets []AssetV2 `json:"assets,omitempty"`
	// People are the people of the ISMS, each known by their name.
	People []PersonV2 `json:"people,omitempty"`
	// Roles are the ISMS roles (clause 5.3), each known by its name.
	Roles []RoleV2 `json:"roles,omitempty"`
	// Responsibilities assign each ISMS area to roles, each known by its
	// area.
	Responsibilities []ResponsibilityV2 `json:"responsibilities,omitempty"`
	// Objectives are the information security objectives (clause 6.2),
	// each known by its title.
	Objectives []ObjectiveV2 `json:"objectives,omitempty"`
}

// OrganizationV2 is the client organisation; its name is the namespace
// every ID of the workbook is derived in.
type OrganizationV2 struct {
	// Name is the organisation's name.
	Name string `json:"name"`
	// Headcount is the number of staff.
	Headcount int `json:"headcount"`
	// Sector is what the organisation does ("Software as a service").
	Sector string `json:"sector,omitempty"`
	// Country is the ISO 3166 country code ("FI").
	Country string `json:"country,omitempty"`
	// Description says in a sentence or two what the organisation does.
	Description string `json:"description,omitempty"`
	// Scales are the asset rating scales (confidentiality, integrity,
	// availability).
	Scales isms.RatingScales `json:"scales,omitzero"`
}

// ScopeV2 is the ISMS scope.
type ScopeV2 struct {
	// Statement is the scope statement.
	Statement string `json:"statement"`
	// Items are what the scope includes or excludes.
	Items []isms.ScopeItem `json:"items"`
	// Interfaces are the scope's interfaces and dependencies.
	Interfaces []InterfaceV2 `json:"interfaces,omitempty"`
}

// InterfaceV2 is an interface or dependency of the scope.
type InterfaceV2 struct {
	// Kind is the kind of interface.
	Kind isms.InterfaceKind `json:"kind"`
	// Name names the interface.
	Name string `json:"name"`
	// Party is the name of the interested party at the other side, if any.
	Party string `json:"party,omitempty"`
	// Exchange says what crosses the interface.
	Exchange string `json:"exchange,omitempty"`
}

// IssueV2 is an external or internal issue.
type IssueV2 struct {
	// Kind says whether the issue is external or internal.
	Kind isms.IssueKind `json:"kind"`
	// Description describes the issue.
	Description string `json:"description"`
	// Climate marks an issue about climate change.
	Climate bool `json:"climate,omitempty"`
}

// PartyV2 is an interested party.
type PartyV2 struct {
	// Name is the party's name, its key.
	Name string `json:"name"`
	// Kind is the kind of party.
	Kind isms.PartyKind `json:"kind"`
	// Needs says what the party needs and expects.
	Needs string `json:"needs,omitempty"`
}

// RequirementV2 is a requirement of an interested party.
type RequirementV2 struct {
	// Title is the requirement's title, its key.
	Title string `json:"title"`
	// Party is the name of the party that has the requirement.
	Party string `json:"party"`
	// Kind is the kind of requirement.
	Kind isms.RequirementKind `json:"kind"`
	// Source is where the requirement comes from ("GDPR Art. 32").
	Source string `json:"source"`
	// Description describes the requirement.
	Description string `json:"description,omitempty"`
	// Owner is the role or person that owns the requirement, by name.
	Owner string `json:"owner"`
	// Addressed marks a requirement the ISMS addresses.
	Addressed bool `json:"addressed,omitempty"`
	// Climate marks a requirement about climate change.
	Climate bool `json:"climate,omitempty"`
}

// AssetV2 is an information asset.
type AssetV2 struct {
	// Name is the asset's name, its key.
	Name string `json:"name"`
	// Type is the asset type.
	Type isms.AssetType `json:"type"`
	// Description describes the asset.
	Description string `json:"description,omitempty"`
	// Owner is the role or person that owns the asset, by name.
	Owner string `json:"owner"`
	// Location is where the asset is.
	Location string `json:"location,omitempty"`
	// Supplier is the name of the party that supplies the asset, if any.
	Supplier string `json:"supplier,omitempty"`
	// Ratings rate the asset's confidentiality, integrity and availability.
	Ratings isms.CIA `json:"ratings"`
}

// PersonV2 is a person of the ISMS.
type PersonV2 struct {
	// Name is the person's name, their key.
	Name string `json:"name"`
	// Email is the person's e-mail address.
	Email string `json:"email,omitempty"`
	// Title is the person's job title.
	Title string `json:"title,omitempty"`
	// External marks someone outside the organisation (a consultant, an
	// external auditor).
	External bool `json:"external,omitempty"`
}

// RoleV2 is an ISMS role.
type RoleV2 struct {
	// Name is the role's name, its key.
	Name string `json:"name"`
	// Description describes the role.
	Description string `json:"description,omitempty"`
	// Holders are the names of the people who hold the role.
	Holders []string `json:"holders,omitempty"`
	// Authorities are what the role may decide.
	Authorities []string `json:"authorities,omitempty"`
}

// ResponsibilityV2 assigns one ISMS area to roles.
type ResponsibilityV2 struct {
	// Area is the ISMS area, the responsibility's key.
	Area string `json:"area"`
	// Description describes the responsibility.
	Description string `json:"description,omitempty"`
	// Accountable is the name of the role accountable for the area.
	Accountable string `json:"accountable"`
	// Responsible are the names of the roles responsible for the work.
	Responsible []string `json:"responsible,omitempty"`
}

// ObjectiveV2 is an information security objective.
type ObjectiveV2 struct {
	// Title is the objective's title, its key.
	Title string `json:"title"`
	// Metric is what is measured.
	Metric string `json:"metric"`
	// Target is the value to reach.
	Target isms.Target `json:"target"`
	// Deadline is when the target is to be reached.
	Deadline Date `json:"deadline"`
	// Owner is the role or person that owns the objective, by name.
	Owner string `json:"owner"`
	// Baseline is the value when the objective was set.
	Baseline *decimal.Decimal `json:"baseline,omitempty"`
}

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

// PlanV2 parameterises the yearly plan. Activities are known by their
// ref: a default activity by its kind ("internal_audit"), the
// organisation's own by the ref it is given ("log-review"), a duty's by
// its kind and source ("policy_communication/policy-edition-1").
type PlanV2 struct {
	// Year is the plan year.
	Year int `json:"year"`
	// TZ is the IANA time zone of the plan ("Europe/Helsinki").
	TZ string `json:"tz"`
	// DefaultOwner is who owns an activity no owner is given for.
	DefaultOwner string `json:"default_owner"`
	// Owners give the owner of each kind of default activity.
	Owners map[calendar.Kind]string `json:"owners,omitempty"`
	// Cadence overrides, per kind of default activity, how often it
	// recurs, the month, weekday and time of day, and the title (move the
	// January risk review out of tax season: {"risk_review": {"month": 2}}).
	Cadence map[calendar.Kind]calendar.Cadence `json:"cadence,omitempty"`
	// Activities are the organisation's own activities, each known by its
	// ref: a monthly log review, a fire drill per site, the certification
	// audit on one date.
	Activities []calendar.Spec `json:"activities,omitempty"`
	// Holidays are the days off besides weekends (YYYY-MM-DD).
	Holidays []calendar.Date `json:"holidays,omitempty"`
	// QuietMonths are months (1–12) nothing should be planned in, such as
	// a tax season [1, 2, 3, 4]: default activities move out of them (a
	// quarterly one becomes half-yearly when no month allows four a year);
	// an own activity or a duty in one is not moved.
	QuietMonths []time.Month `json:"quiet_months,omitempty"`
	// Completions record occurrences already done, each by its activity's
	// ref and the day it was planned on ({"ref": "risk_review", "on":
	// "2027-01-19", "done": "2027-01-21", "by": "IT manager"}).
	Completions []CompletionV2 `json:"completions,omitempty"`
}

// CompletionV2 records one occurrence of a plan activity as done: give
// ref and on (or, as first written, activity and due).
type CompletionV2 struct {
	// Ref is the activity's ref: the kind of a default activity
	// ("management_review") or the ref of the organisation's own.
	Ref string `json:"ref,omitempty"`
	// On is the day the occurrence was planned on (YYYY-MM-DD).
	On Date `json:"on,omitzero"`
	// Activity is the activity's ref or title, instead of ref.
	Activity string `json:"activity,omitempty"`
	// Due is the day the occurrence was planned on, instead of on.
	Due Date `json:"due,omitzero"`
	// Done is when it was done.
	Done Date `json:"done"`
	// By is who did it.
	By string `json:"by"`
	// Evidence is where the evidence is.
	Evidence string `json:"evidence,omitempty"`
}

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

// QuantV2 is the Monte Carlo loss analysis.
type QuantV2 struct {
	// Currency is the currency of every loss ("EUR").
	Currency string `json:"currency"`
	// Scenarios are the loss assumptions per risk.
	Scenarios []ScenarioV2 `json:"scenarios"`
	// Options are the simulation's options.
	Options quant.Options `json:"options"`
	// Tolerance is the organisation's loss tolerance curve.
	Tolerance []quant.TolerancePoint `json:"tolerance,omitempty"`
	// Treatments are controls whose effect on the scenarios is simulated
	// on the same random numbers as the scenarios before them; the risks'
	// own treatment plans with a target_loss are simulated beside them.
	Treatments []QuantTreatmentV2 `json:"treatments,omitempty"`
}

// QuantTreatmentV2 is a control, or any treatment, whose effect on some of
// the scenarios is simulated: quant-summary.md says what it buys and ranks
// it by its return on security investment.
type QuantTreatmentV2 struct {
	// Control names the treatment ("A.8.5"); each treatment has its own.
	Control string `json:"control"`
	// Title says what it is ("Phishing-resistant MFA").
	Title string `json:"title,omitempty"`
	// Cost is what the treatment costs a year in the section's currency
	// ("12000"); none means unknown, and no return is computed.
	Cost decimal.Decimal `json:"cost,omitzero"`
	// After are the scenarios it treats as they would be after it, each
	// naming its risk's ref like a scenario of the section.
	After []ScenarioV2 `json:"after"`
}

// ScenarioV2 is the loss assumption of one risk.
type ScenarioV2 struct {
	// Risk is the risk's ref.
	Risk string `json:"risk"`
	// Title names the scenario; the risk's title when empty.
	Title string `json:"title,omitempty"`
	// Stage is the assessment the assumption describes.
	Stage risk.Stage `json:"stage,omitempty"`
	// Frequency is how often the loss happens a year.
	Frequency quant.Frequency `json:"frequency"`
	// Loss is how large one loss is.
	Loss quant.Magnitude `json:"loss"`
}
