package soa

import (
	"fmt"
	"slices"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// ID names one edition of a Statement of Applicability; each edition is
// its own record, so a host keeps every edition in an isms.Repository[SoA].
type ID = isms.ID[SoA]

// VersionID returns the ID of the given edition of document doc: the same
// document and edition always give the same ID. (The name derived from is
// "version N", as before editions were called editions, so stored IDs stay
// the same.)
func VersionID(doc isms.DocumentID, edition int) ID {
	return isms.DeriveID[SoA](doc.UUID(), fmt.Sprintf("version %d", edition))
}

// ReasonCode says why a control is in the SoA.
type ReasonCode string

// Reason codes, in the order an SoA lists them.
const (
	// RiskTreatment: a risk treatment plan relies on the control (6.1.3 b).
	RiskTreatment ReasonCode = "risk_treatment"
	// Legal, Regulatory, Contractual: a requirement of that kind calls for it.
	Legal       ReasonCode = "legal"
	Regulatory  ReasonCode = "regulatory"
	Contractual ReasonCode = "contractual"
	// BusinessNeed: the organisation decided it needs the control.
	BusinessNeed ReasonCode = "business_need"
	// BestPractice: the control is in place as good practice.
	BestPractice ReasonCode = "best_practice"

	// The codes below are proposals (ProposalRules): the organisation's own
	// data suggests the control. A decision always wins over them.

	// RemoteWork: remote or home work is in scope.
	RemoteWork ReasonCode = "remote_work"
	// Premises: an office or other premises of the organisation is in scope.
	Premises ReasonCode = "premises"
	// ServerRoom: a server room, data centre or equipment room of the
	// organisation's own is in scope.
	ServerRoom ReasonCode = "server_room"
	// SoftwareDevelopment: the organisation builds software in scope.
	SoftwareDevelopment ReasonCode = "software_development"
	// Suppliers: suppliers sit at the scope boundary or supply assets.
	Suppliers ReasonCode = "suppliers"
	// CloudServices: cloud services sit at the scope boundary.
	CloudServices ReasonCode = "cloud_services"
	// Requirements: legal, regulatory or contractual requirements are recorded.
	Requirements ReasonCode = "requirements"
	// PersonalData: a requirement concerns personal data (GDPR and the like).
	PersonalData ReasonCode = "personal_data"
	// NotificationDuty: a requirement sets a duty to notify of incidents.
	NotificationDuty ReasonCode = "notification_duty"
	// Regulator: a regulator is an interested party.
	Regulator ReasonCode = "regulator"
	// People: the organisation employs people.
	People ReasonCode = "people"
	// AssetInventory: the organisation keeps an asset inventory.
	AssetInventory ReasonCode = "asset_inventory"
	// Endpoints: the inventory holds hardware such as laptops.
	Endpoints ReasonCode = "endpoints"
	// OperatedService: the organisation runs a service for customers.
	OperatedService ReasonCode = "operated_service"
	// Vulnerabilities: an objective or a risk concerns patching or vulnerabilities.
	Vulnerabilities ReasonCode = "vulnerabilities"
	// ApprovedDocument: an approved document of the ISMS (the policy)
	// implements the control.
	ApprovedDocument ReasonCode = "approved_document"
	// Process: a process description the organisation follows lists the
	// control (processes.Process.Controls).
	Process ReasonCode = "process"
	// Baseline: nearly every organisation applies the control (Baseline).
	Baseline ReasonCode = "baseline"
)

var reasonOrder = []ReasonCode{RiskTreatment, Legal, Regulatory, Contractual, BusinessNeed, BestPractice,
	ApprovedDocument, Process, RemoteWork, Premises, ServerRoom, SoftwareDevelopment, Suppliers, CloudServices, Requirements,
	PersonalData, NotificationDuty, Regulator, People, AssetInventory, Endpoints, OperatedService, Vulnerabilities, Baseline}

// decisionReasons are the codes a Decision may give.
var decisionReasons = []ReasonCode{RiskTreatment, Legal, Regulatory, Contractual, BusinessNeed, BestPractice}

// Ref points to a record that a reason cites, with the label people read
// (a risk's reference, a requirement's title), captured when the SoA was
// generated so that an old edition renders the same years later.
type Ref struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Reason is one structured reason for including a control, with the risks
// or requirements it rests on.
type Reason struct {
	Code ReasonCode `json:"code"`
	Refs []Ref      `json:"refs,omitempty"`
	Note string     `json:"note,omitempty"`
}

// Entry is one control of the SoA: whether it applies and why, or why not,
// or that nobody has decided yet, and how far its implementation is.
type Entry struct {
	Control controls.ID    `json:"control"`
	Theme   controls.Theme `json:"theme"`
	Title   string         `json:"title"`
	// Description says what a control beyond Annex A is (a custom
	// control's description or a custom catalogue control's guidance);
	// empty for Annex A controls, whose text is the standard's.
	Description string `json:"description,omitempty"`
	Applicable  bool   `json:"applicable"`
	// Undecided marks a control nobody has decided on: no risk,
	// requirement, record, proposal or decision makes it applicable or
	// excludes it. Applicable is false, but it is not excluded: a draft may
	// hold undecided controls; Approve refuses them (clause 6.1.3 c).
	Undecided bool     `json:"undecided,omitempty"`
	Reasons   []Reason `json:"reasons,omitempty"`
	// Justification explains an exclusion.
	Justification string `json:"justification,omitempty"`
	// Overridden lists the proposals (ProposalRules) an exclusion
	// overrode: the organisation's data suggested the control, a decision
	// excluded it. Lint reads them.
	Overridden []Reason `json:"overridden,omitempty"`
	// Risks lists every risk whose treatment relies on the control, whether
	// or not it is applicable (an excluded one is a validation error).
	Risks []Ref `json:"risks,omitempty"`
	// Status comes from the implementation record or the treatment
	// actions; an excluded control without a record has none.
	Status   controls.Status     `json:"status,omitempty"`
	Owner    string              `json:"owner,omitempty"`
	Evidence []controls.Evidence `json:"evidence,omitempty"`
	Decided  bool                `json:"decided,omitempty"` // a manual Decision shaped this entry
}

// Excluded reports whether the entry is a decided exclusion (not
// applicable and not undecided).
func (e Entry) Excluded() bool { return !e.Applicable && !e.Undecided }

// CustomControl is a control beyond the catalogue (clause 6.1.3 c allows
// controls other than Annex A): it gets its own entry under
// SoA.Additional with the same fields as any other, and links, decisions
// and implementation records may name it.
type CustomControl struct {
	ID          controls.ID    `json:"id"`
	Title       string         `json:"title"`
	Description string         `json:"description,omitempty"`
	Theme       controls.Theme `json:"theme,omitempty"` // AdditionalTheme when empty
}

// AdditionalTheme is the theme of a custom control that names none.
const AdditionalTheme controls.Theme = "Additional"

// SoA is one edition of an organisation's Statement of Applicability.
// Revision says which document and edition it is, its status, owner,
// approval and content hash. An approved edition is immutable: the hash
// covers the content and the approval, Verify checks it, and a change
// starts the next draft with Revise.
type SoA struct {
	ID           ID            `json:"id"`
	Revision     isms.Revision `json:"revision"`
	Organization string        `json:"organization"`
	// Catalogue names the catalogue the SoA covers, e.g.
	// "ISO/IEC 27001:2022 Annex A (93 controls)".
	Catalogue string    `json:"catalogue"`
	Generated time.Time `json:"generated"`
	// Author is who generated the SoA, as the document shows them.
	Author  string  `json:"author,omitempty"`
	Entries []Entry `json:"entries"`
	// Additional holds the controls beyond the catalogue: the custom
	// controls of Input.Custom, and controls a risk treatment names that
	// neither the catalogue nor Input.Custom has (those lack a title, which
	// blocks approval until they are described).
	Additional []Entry `json:"additional,omitempty"`
	// Warnings are the lint findings (Lint) that remained when the edition
	// was approved: Approve records them, the hash seals them, and the
	// exported document shows them, so an approved edition carries the
	// advice its approver accepted. A draft has none (its findings are
	// Lint's, recomputed on every render).
	Warnings []isms.Advice `json:"warnings,omitempty"`
}

// SoA is a storable record: it has a Key and a self-contained Validate.
var _ isms.Record[SoA] = SoA{}

// KindSoA is the storable kind of SoA versions (every edition its own
// record), with its stable storage name "soa" (see isms.Kind).
var KindSoA = isms.NewKind[SoA]("soa")

// Key returns the edition's ID; it makes SoA storable in a Repository.
func (s SoA) Key() ID { return s.ID }

// Entry returns the entry of control id, from the entries or the
// additional controls.
func (s SoA) Entry(id controls.ID) (Entry, bool) {
	for _, e := range s.Entries {
		if e.Control == id {
			return e, true
		}
	}
	for _, e := range s.Additional {
		if e.Control == id {
			return e, true
		}
	}
	return Entry{}, false
}

// Undecided lists the controls nobody has decided on, entries then
// additional controls.
func (s SoA) Undecided() []controls.ID {
	var out []controls.ID
	for _, e := range slices.Concat(s.Entries, s.Additional) {
		if e.Undecided {
			out = append(out, e.Control)
		}
	}
	return out
}

// riskRef makes the Ref of a risk.
func riskRef(r *risk.Risk) Ref { return Ref{ID: r.ID.String(), Label: r.Ref} }
