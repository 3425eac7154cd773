package soa

import (
	"slices"
	"strings"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// SelectionID names the selection of one SoA document.
type SelectionID = isms.ID[Selection]

// Selection is the storable home of the SoA's own inputs, the ones the
// rest of the ISMS does not hold: the SoA's document ID (every edition
// shares it), the requirement links, the decisions and the additional
// (custom) controls. A host keeps one per SoA document, of the kind
// KindSelection, and regenerates with Apply:
//
//	in := sel.Apply(soa.Input{Context: org, Catalogue: cat, Register: reg, ...})
//	draft, conflicts, err := soa.Generate(in)
type Selection struct {
	ID        SelectionID     `json:"id"`
	Document  isms.DocumentID `json:"document"`
	Links     []Link          `json:"links,omitempty"`
	Decisions []Decision      `json:"decisions,omitempty"`
	Custom    []CustomControl `json:"custom,omitempty"`
}

// Selection is storable: it has a key and validates itself.
var _ isms.Record[Selection] = Selection{}

// KindSelection is the storable kind of SoA selections, with its stable
// storage name "soa_selection" (see isms.Kind).
var KindSelection = isms.NewKind[Selection]("soa_selection")

// SelectionOf returns the ID the selection of SoA document doc
// conventionally has: derived from doc, so the same document always gives
// the same ID.
func SelectionOf(doc isms.DocumentID) SelectionID {
	return isms.DeriveID[Selection](doc.UUID(), "selection")
}

// NewSelection returns the selection held by in (its document, links,
// decisions and custom controls) with the ID SelectionOf(in.Document). It
// shares no memory with in.
func NewSelection(in Input) Selection {
	return Selection{
		ID: SelectionOf(in.Document), Document: in.Document,
		Links: cloneLinks(in.Links), Decisions: slices.Clone(in.Decisions), Custom: slices.Clone(in.Custom),
	}
}

func cloneLinks(ls []Link) []Link {
	if ls == nil {
		return nil
	}
	out := make([]Link, len(ls))
	for i, l := range ls {
		out[i] = Link{Requirement: l.Requirement, Controls: slices.Clone(l.Controls)}
	}
	return out
}

// Key returns the selection's ID.
func (s Selection) Key() SelectionID { return s.ID }

// Apply returns in with the selection's document, links, decisions and
// custom controls (copies: the result shares none of them with s); the
// rest of in is as given.
func (s Selection) Apply(in Input) Input {
	in.Document = s.Document
	in.Links = cloneLinks(s.Links)
	in.Decisions = slices.Clone(s.Decisions)
	in.Custom = slices.Clone(s.Custom)
	return in
}

// Validate checks the selection's own fields, as Generate would: an ID
// and a document; every link names a requirement and at least one
// control; every decision names a control, once, with a real
// justification for an exclusion, a reason Generate accepts and a date in
// years 1–9999; every custom control has an ID of its own, once, and a
// title. It reports every problem at once with its path
// ("decisions[2].justification").
func (s Selection) Validate() error {
	var p isms.Problems
	if s.ID.IsZero() {
		p.Addf("id", "the SoA selection has no ID (soa.SelectionOf(document))")
	}
	if s.Document.IsZero() {
		p.Addf("document", "the SoA selection names no SoA document")
	}
	for i, l := range s.Links {
		path := isms.Index("links", i)
		if l.Requirement.IsZero() {
			p.Addf(isms.JoinPath(path, "requirement"), "the link names no requirement")
		}
		if len(l.Controls) == 0 {
			p.Addf(isms.JoinPath(path, "controls"), "the link names no control")
		}
		for j, id := range l.Controls {
			if strings.TrimSpace(string(id)) == "" {
				p.Addf(isms.JoinPath(path, isms.Index("controls", j)), "the control ID is empty")
			}
		}
	}
	decided := map[controls.ID]bool{}
	for i, d := range s.Decisions {
		path := isms.Index("decisions", i)
		switch {
		case strings.TrimSpace(string(d.Control)) == "":
			p.Addf(isms.JoinPath(path, "control"), "the decision names no control")
		case decided[d.Control]:
			p.Addf(isms.JoinPath(path, "control"), "control %s has two decisions; keep one", d.Control)
		}
		decided[d.Control] = true
		if !d.Applicable && isms.IsPlaceholder(d.Justification) {
			p.Addf(isms.JoinPath(path, "justification"), "control %s is excluded without a real justification; say why it does not apply", d.Control)
		}
		if d.Applicable && d.Reason != "" && !slices.Contains(decisionReasons, d.Reason) {
			p.Addf(isms.JoinPath(path, "reason"), "control %s: reason %q is not one of %v", d.Control, d.Reason, decisionReasons)
		}
		isms.CheckDate(&p, isms.JoinPath(path, "date"), "the decision date", d.Date, true)
	}
	custom := map[controls.ID]bool{}
	for i, c := range s.Custom {
		path := isms.Index("custom", i)
		switch {
		case strings.TrimSpace(string(c.ID)) == "":
			p.Addf(isms.JoinPath(path, "id"), "the custom control has no ID")
		case custom[c.ID]:
			p.Addf(isms.JoinPath(path, "id"), "custom control %s is listed twice", c.ID)
		}
		custom[c.ID] = true
		if isms.IsPlaceholder(c.Title) {
			p.Addf(isms.JoinPath(path, "title"), "custom control %s has no title", c.ID)
		}
	}
	return p.Err()
}

// CheckRefs checks the selection against the organisation's context org
// and the catalogue cat: every linked requirement is one of org's, every
// control a link or decision names is in cat or a custom control, and no
// custom control has the ID of a catalogue control. It does not repeat
// Validate. A nil catalogue is a validation error.
func (s Selection) CheckRefs(org isms.OrgContext, cat *controls.Catalogue) error {
	var p isms.Problems
	if cat == nil {
		p.Addf("catalogue", "no control catalogue given to check the SoA selection against")
		return p.Err()
	}
	refs := org.Refs()
	custom := map[controls.ID]bool{}
	for i, c := range s.Custom {
		if strings.TrimSpace(string(c.ID)) == "" {
			continue // Validate reports it
		}
		if cat.Has(c.ID) {
			p.Addf(isms.JoinPath(isms.Index("custom", i), "id"), "control %s is in the catalogue; a custom control needs an ID of its own", c.ID)
			continue
		}
		custom[c.ID] = true
	}
	known := func(id controls.ID) bool { return cat.Has(id) || custom[id] }
	for i, l := range s.Links {
		path := isms.Index("links", i)
		if !l.Requirement.IsZero() && !refs.HasRequirement(l.Requirement) {
			p.Addf(isms.JoinPath(path, "requirement"), "requirement %s is not a requirement of this organisation", l.Requirement)
		}
		for j, id := range l.Controls {
			if strings.TrimSpace(string(id)) != "" && !known(id) {
				p.Addf(isms.JoinPath(path, isms.Index("controls", j)), "control %q is neither in the catalogue %s nor a custom control", id, cat)
			}
		}
	}
	for i, d := range s.Decisions {
		if strings.TrimSpace(string(d.Control)) != "" && !known(d.Control) {
			p.Addf(isms.JoinPath(isms.Index("decisions", i), "control"), "a decision names control %q, which is neither in the catalogue %s nor a custom control", d.Control, cat)
		}
	}
	return p.Err()
}
