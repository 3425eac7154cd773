package isms

import (
	"slices"
	"strings"
)

// PartyKind classifies an interested party (clause 4.2).
type PartyKind string

// Interested party kinds.
const (
	PartyCustomer   PartyKind = "customer"
	PartyRegulator  PartyKind = "regulator"
	PartySupplier   PartyKind = "supplier"
	PartyEmployee   PartyKind = "employee"
	PartyOwner      PartyKind = "owner" // shareholders, investors, a parent company
	PartyPartner    PartyKind = "partner"
	PartyInsurer    PartyKind = "insurer"
	PartyCertifier  PartyKind = "certification_body"
	PartyOtherParty PartyKind = "other"
)

var partyKinds = []PartyKind{PartyCustomer, PartyRegulator, PartySupplier, PartyEmployee, PartyOwner, PartyPartner, PartyInsurer, PartyCertifier, PartyOtherParty}

// InterestedParty is someone whose needs the ISMS must consider: customers,
// a data protection authority, a cloud provider, staff.
type InterestedParty struct {
	ID   PartyID   `json:"id"`
	Name string    `json:"name"`
	Kind PartyKind `json:"kind"`
	// Needs summarises what the party expects of the organisation's
	// information security, in the organisation's words.
	Needs string `json:"needs,omitempty"`
}

// Key returns the party's ID.
func (p InterestedParty) Key() PartyID { return p.ID }

// Validate checks the party's own fields.
func (p InterestedParty) Validate() error {
	var probs Problems
	if p.ID.IsZero() {
		probs.Addf("id", "the interested party has no ID")
	}
	if strings.TrimSpace(p.Name) == "" {
		probs.Addf("name", "the interested party has no name")
	}
	if !slices.Contains(partyKinds, p.Kind) {
		probs.Addf("kind", "party kind %s is not one of %v", Quote(string(p.Kind)), partyKinds)
	}
	return probs.Err()
}

// RequirementKind says where a requirement's force comes from.
type RequirementKind string

// Requirement kinds. Later packages cite requirements as the reason a
// control is applicable (legal, regulatory and contractual reasons in the SoA).
const (
	RequirementLegal       RequirementKind = "legal"
	RequirementRegulatory  RequirementKind = "regulatory"
	RequirementContractual RequirementKind = "contractual"
	RequirementInternal    RequirementKind = "internal"
)

var requirementKinds = []RequirementKind{RequirementLegal, RequirementRegulatory, RequirementContractual, RequirementInternal}

// Requirement is one need of an interested party that the ISMS must meet:
// "GDPR Article 32: appropriate security of personal data", "Customer MSA
// §9: notify incidents within 48 hours".
type Requirement struct {
	ID    RequirementID   `json:"id"`
	Party PartyID         `json:"party"`
	Kind  RequirementKind `json:"kind"`
	Title string          `json:"title"`
	// Source cites where the requirement is written: a law and article, a
	// contract and clause, an internal decision.
	Source      string `json:"source"`
	Description string `json:"description,omitempty"`
	Owner       Owner  `json:"owner"`
	// Addressed records whether the requirement is handled through the ISMS
	// (clause 4.2 c); a requirement that is not needs a reason in Description.
	Addressed bool `json:"addressed,omitempty"`
	// Climate marks requirements related to climate change (2024 amendment
	// to clause 4.2).
	Climate bool `json:"climate,omitempty"`
}

// Key returns the requirement's ID.
func (r Requirement) Key() RequirementID { return r.ID }

// Validate checks the requirement's own fields: party, kind, title, source
// and owner are all required.
func (r Requirement) Validate() error {
	var p Problems
	if r.ID.IsZero() {
		p.Addf("id", "the requirement has no ID")
	}
	if r.Party.IsZero() {
		p.Addf("party", "requirement %s names no interested party", Quote(r.Title))
	}
	if !slices.Contains(requirementKinds, r.Kind) {
		p.Addf("kind", "requirement kind %s is not one of %v", Quote(string(r.Kind)), requirementKinds)
	}
	if strings.TrimSpace(r.Title) == "" {
		p.Addf("title", "the requirement has no title")
	}
	if IsPlaceholder(r.Source) {
		p.Addf("source", "requirement %s has no source; cite the law, regulation, contract or decision it comes from", Quote(r.Title))
	}
	p.Merge("owner", r.Owner.Validate())
	return p.Err()
}
