package soa

import (
	"fmt"
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
)

var reasonOrder = []ReasonCode{RiskTreatment, Legal, Regulatory, Contractual, BusinessNeed, BestPractice}

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
	Author     string       `json:"author,omitempty"`
	Entries    []Entry      `json:"entries"`
	Additional []Additional `json:"additional,omitempty"`
}

// SoA is a storable record: it has a Key and a self-contained Validate.
var _ isms.Record[SoA] = SoA{}

// Key returns the edition's ID; it makes SoA storable in a Repository.
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
