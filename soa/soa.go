package soa

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// ID names one version of a Statement of Applicability; each version is its
// own record, so a host keeps every version in an isms.Repository[SoA].
type ID = isms.ID[SoA]

// Lineage marks the chain of versions of one Statement of Applicability.
type Lineage struct{}

// DocumentID names a Statement of Applicability across its versions.
type DocumentID = isms.ID[Lineage]

// VersionID returns the ID of version v of document doc: the same document
// and version always give the same ID.
func VersionID(doc DocumentID, v int) ID {
	return isms.DeriveID[SoA](doc.UUID(), fmt.Sprintf("version %d", v))
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
)

var reasonOrder = []ReasonCode{RiskTreatment, Legal, Regulatory, Contractual, BusinessNeed, BestPractice}

// Ref points to a record that a reason cites, with the label people read
// (a risk's reference, a requirement's title), captured when the SoA was
// generated so that an old version renders the same years later.
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
// and how far its implementation is.
type Entry struct {
	Control    controls.ID    `json:"control"`
	Theme      controls.Theme `json:"theme"`
	Title      string         `json:"title"`
	Applicable bool           `json:"applicable"`
	Reasons    []Reason       `json:"reasons,omitempty"`
	// Justification explains an exclusion.
	Justification string `json:"justification,omitempty"`
	// DefaultExclusion marks an exclusion that no risk, requirement or
	// decision asked about: the generated justification says so, and a
	// reviewer should confirm it.
	DefaultExclusion bool `json:"default_exclusion,omitempty"`
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

// Additional is a control that a risk treatment names but the catalogue
// does not have: clause 6.1.3 c asks for it to be listed beside Annex A.
type Additional struct {
	Control controls.ID `json:"control"`
	Risks   []Ref       `json:"risks"`
}

// DocStatus is where a version stands.
type DocStatus string

// Document statuses.
const (
	Draft    DocStatus = "draft"
	Approved DocStatus = "approved"
)

// SoA is one version of an organisation's Statement of Applicability.
// Approved versions are immutable: their Hash covers the content, Verify
// checks it, and a change starts a new draft with Revise.
type SoA struct {
	ID           ID         `json:"id"`
	Document     DocumentID `json:"document"`
	Organization string     `json:"organization"`
	Version      int        `json:"version"`
	Status       DocStatus  `json:"status"`
	// Catalogue names the catalogue the SoA covers, e.g.
	// "ISO/IEC 27001:2022 Annex A (93 controls)".
	Catalogue  string       `json:"catalogue"`
	Generated  time.Time    `json:"generated"`
	Author     string       `json:"author,omitempty"`
	Approver   string       `json:"approver,omitempty"`
	ApprovedAt time.Time    `json:"approved_at,omitzero"`
	Hash       string       `json:"hash,omitempty"`
	Changes    string       `json:"changes,omitempty"` // summary of what changed since the previous version
	Entries    []Entry      `json:"entries"`
	Additional []Additional `json:"additional,omitempty"`
}

// Key returns the version's ID; it makes SoA storable in a Repository.
func (s SoA) Key() ID { return s.ID }

// Entry returns the entry of control id.
func (s SoA) Entry(id controls.ID) (Entry, bool) {
	for _, e := range s.Entries {
		if e.Control == id {
			return e, true
		}
	}
	return Entry{}, false
}

// riskRef makes the Ref of a risk.
func riskRef(r *risk.Risk) Ref { return Ref{ID: r.ID.String(), Label: r.Ref} }
