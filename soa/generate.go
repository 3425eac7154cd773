package soa

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// Link says which controls meet a requirement of an interested party; it
// makes the requirement a reason for those controls.
type Link struct {
	Requirement isms.RequirementID `json:"requirement"`
	Controls    []controls.ID      `json:"controls"`
}

// Decision is a consultant's or owner's decision about one control: it
// applies for a business reason, or it is excluded with a justification.
// Decisions are inputs: the host stores them and passes them to every
// regeneration, so they survive changes to risks and implementations.
type Decision struct {
	Control    controls.ID `json:"control"`
	Applicable bool        `json:"applicable"`
	// Reason is why an applicable control applies; BusinessNeed when empty.
	Reason ReasonCode `json:"reason,omitempty"`
	// Justification explains the decision; for an exclusion it is the
	// SoA's justification and must be real text, not "N/A".
	Justification string    `json:"justification"`
	By            string    `json:"by,omitempty"`
	Date          time.Time `json:"date,omitzero"`
}

// Input is everything an SoA is generated from.
type Input struct {
	// Document names the SoA across editions; Generate makes edition 1.
	Document isms.DocumentID
	// Owner maintains the SoA between approvals (Revision.Owner); optional.
	Owner           isms.Owner
	Context         isms.OrgContext // names, requirements
	Catalogue       *controls.Catalogue
	Implementations []controls.Implementation
	Register        risk.Register
	Links           []Link
	Decisions       []Decision
	// Generated is the date the SoA is generated as of.
	Generated time.Time
	// Author is who generates the SoA, as the document shows them.
	Author string
}

// Conflict is a decision, or an implementation record, that the current
// state of the ISMS contradicts: an exclusion of a control that a risk
// treatment relies on, say. The decision is kept as made; the conflict
// asks a person to revisit it.
type Conflict struct {
	Control controls.ID `json:"control"`
	Problem string      `json:"problem"`
}

// DefaultJustification is the exclusion text for a control that no risk,
// requirement, implementation or decision calls for.
const DefaultJustification = "Excluded: no assessed risk, requirement or business decision calls for this control."

// Generate builds a draft SoA (edition 1) from the inputs: one entry per
// catalogue control in catalogue order, applicable when a risk treatment
// relies on it, a requirement is linked to it, it is implemented or
// planned, or a decision says so; excluded otherwise, with the decision's
// or implementation record's justification, or DefaultJustification.
// Implementation status, owner and evidence come from the implementation
// records, or from the treatment actions while there is no record.
// Controls that treatments name but the catalogue lacks are listed as
// Additional. The result does not depend on the order of any input list.
//
// It fails only on inputs it cannot use (an unknown control or
// requirement, two decisions for one control, an exclusion without a real
// justification); contradictions are returned as conflicts.
func Generate(in Input) (SoA, []Conflict, error) {
	if in.Catalogue == nil {
		var p isms.Problems
		p.Addf("catalogue", "no control catalogue given")
		return SoA{}, nil, p.Err()
	}
	g, err := newGenerator(in)
	if err != nil {
		return SoA{}, nil, err
	}
	s := SoA{
		ID:           VersionID(in.Document, 1),
		Revision:     isms.Revision{Document: in.Document, Edition: 1, Status: isms.Draft, Owner: in.Owner},
		Organization: in.Context.Organization.Name, Catalogue: in.Catalogue.String(), Generated: in.Generated, Author: in.Author,
	}
	var conflicts []Conflict
	for _, c := range in.Catalogue.Controls() {
		e, cs := g.entry(c)
		s.Entries = append(s.Entries, e)
		conflicts = append(conflicts, cs...)
	}
	s.Additional = g.additional()
	return s, conflicts, nil
}

// generator holds the inputs indexed by control.
type generator struct {
	in        Input
	risks     map[controls.ID][]*risk.Risk // risks whose treatment relies on the control
	refs      map[*risk.Risk]Ref
	status    map[controls.ID]controls.Status
	actOwner  map[controls.ID]isms.Owner
	links     map[controls.ID][]isms.Requirement
	impls     map[controls.ID]*controls.Implementation
	decisions map[controls.ID]*Decision
}

func newGenerator(in Input) (*generator, error) {
	g := &generator{
		in: in, risks: map[controls.ID][]*risk.Risk{}, refs: map[*risk.Risk]Ref{}, status: map[controls.ID]controls.Status{},
		actOwner: map[controls.ID]isms.Owner{}, links: map[controls.ID][]isms.Requirement{},
		impls: map[controls.ID]*controls.Implementation{}, decisions: map[controls.ID]*Decision{},
	}
	var p isms.Problems
	if in.Document.IsZero() {
		p.Addf("document", "give the SoA's document ID (one per organization, e.g. isms.DeriveID[isms.Document](ns, \"soa\")); every edition shares it")
	}
	isms.CheckDate(&p, "generated", "the generation date", in.Generated, false)
	p.Merge("implementations", controls.Implementations(in.Implementations).Validate())
	p.Merge("implementations", controls.Implementations(in.Implementations).CheckRefs(in.Catalogue))
	for i := range in.Implementations {
		g.impls[in.Implementations[i].Control] = &in.Implementations[i]
	}
	for i := range in.Register.Risks {
		r := &in.Register.Risks[i]
		g.refs[r] = riskRef(r)
		for _, a := range r.Applied {
			g.rely(a.Control, r)
		}
		for _, a := range r.Treatment.Actions {
			if a.Status == risk.ActionCancelled {
				continue
			}
			for _, id := range a.Controls {
				g.rely(id, r)
				g.progress(id, a)
			}
		}
	}
	reqs := map[isms.RequirementID]isms.Requirement{}
	for _, q := range in.Context.Requirements {
		reqs[q.ID] = q
	}
	for i, l := range in.Links {
		path := isms.Index("links", i)
		q, ok := reqs[l.Requirement]
		if !ok {
			p.Addf(isms.JoinPath(path, "requirement"), "requirement %s is not a requirement of the organisation", l.Requirement)
			continue
		}
		for j, id := range l.Controls {
			if !in.Catalogue.Has(id) {
				p.Addf(isms.JoinPath(path, isms.Index("controls", j)), "requirement %q is linked to control %q, which is not in the catalogue", q.Title, id)
				continue
			}
			g.links[id] = append(g.links[id], q)
		}
	}
	for i := range in.Decisions {
		d := &in.Decisions[i]
		path := isms.Index("decisions", i)
		switch {
		case !in.Catalogue.Has(d.Control):
			p.Addf(isms.JoinPath(path, "control"), "a decision names control %q, which is not in the catalogue", d.Control)
		case g.decisions[d.Control] != nil:
			p.Addf(isms.JoinPath(path, "control"), "control %s has two decisions; keep one", d.Control)
		case !d.Applicable && isms.IsPlaceholder(d.Justification):
			p.Addf(isms.JoinPath(path, "justification"), "control %s is excluded without a real justification; say why it does not apply", d.Control)
		case d.Applicable && d.Reason != "" && !slices.Contains(reasonOrder, d.Reason):
			p.Addf(isms.JoinPath(path, "reason"), "control %s: reason %q is not one of %v", d.Control, d.Reason, reasonOrder)
		default:
			g.decisions[d.Control] = d
		}
	}
	return g, p.Err()
}

// rely records that r relies on control id. Risks are processed one at a
// time, so a repeat can only be the last one added.
func (g *generator) rely(id controls.ID, r *risk.Risk) {
	if l := g.risks[id]; len(l) == 0 || l[len(l)-1] != r {
		g.risks[id] = append(l, r)
	}
}

// progress records the furthest status treatment actions give a control.
func (g *generator) progress(id controls.ID, a risk.Action) {
	var s controls.Status
	switch a.Status {
	case risk.ActionPlanned:
		s = controls.Planned
	case risk.ActionInProgress:
		s = controls.InProgress
	case risk.ActionDone:
		s = controls.Implemented
	}
	if statusRank(s) > statusRank(g.status[id]) {
		g.status[id] = s
	}
	// Of several action owners, take the lowest by ID: arbitrary, but
	// independent of the order of risks and actions.
	if cur, ok := g.actOwner[id]; !ok || cmp.Or(a.Owner.Role.Compare(cur.Role), a.Owner.Person.Compare(cur.Person)) < 0 {
		g.actOwner[id] = a.Owner
	}
}

func statusRank(s controls.Status) int {
	return slices.Index([]controls.Status{"", controls.NotStarted, controls.Planned, controls.InProgress, controls.Implemented}, s)
}

func (g *generator) entry(c controls.Control) (Entry, []Conflict) {
	id := c.ID()
	e := Entry{Control: id, Theme: c.Theme(), Title: c.Title(), Status: controls.NotStarted}
	var conflicts []Conflict
	conflict := func(format string, args ...any) {
		conflicts = append(conflicts, Conflict{Control: id, Problem: fmt.Sprintf(format, args...)})
	}

	// Reasons that come from the state of the ISMS.
	for _, r := range g.risks[id] {
		e.Risks = append(e.Risks, g.refs[r])
	}
	sortRefs(e.Risks)
	if len(e.Risks) > 0 {
		e.Reasons = append(e.Reasons, Reason{Code: RiskTreatment, Refs: slices.Clone(e.Risks)})
	}
	byCode := map[ReasonCode][]Ref{}
	for _, q := range g.links[id] {
		code := map[isms.RequirementKind]ReasonCode{
			isms.RequirementLegal: Legal, isms.RequirementRegulatory: Regulatory,
			isms.RequirementContractual: Contractual, isms.RequirementInternal: BusinessNeed,
		}[q.Kind]
		byCode[code] = append(byCode[code], Ref{ID: q.ID.String(), Label: q.Title})
	}
	for code, refs := range byCode {
		sortRefs(refs)
		e.Reasons = append(e.Reasons, Reason{Code: code, Refs: refs})
	}
	required := len(e.Reasons) > 0

	// Implementation: the record when there is one, else the treatment actions.
	im := g.impls[id]
	if im != nil {
		e.Status = im.Status
		e.Owner = g.in.Context.OwnerName(im.Owner)
		e.Evidence = slices.Clone(im.Evidence)
	} else if s, ok := g.status[id]; ok {
		e.Status = s
		e.Owner = g.in.Context.OwnerName(g.actOwner[id])
	}
	if !required && g.decisions[id] == nil && im != nil && (im.Status == controls.Implemented || im.Status == controls.InProgress || im.Status == controls.Planned) {
		e.Reasons = append(e.Reasons, Reason{Code: BestPractice, Note: "in place or planned without a recorded risk or requirement"})
	}
	e.Applicable = len(e.Reasons) > 0

	switch d := g.decisions[id]; {
	case d != nil && d.Applicable:
		e.Decided = true
		code := cmp.Or(d.Reason, BusinessNeed)
		if !slices.ContainsFunc(e.Reasons, func(r Reason) bool { return r.Code == code }) {
			e.Reasons = append(e.Reasons, Reason{Code: code, Note: d.Justification})
		}
		e.Applicable = true
		if im != nil && im.Status == controls.NotApplicable {
			conflict("the decision makes it applicable, but its implementation record says it does not apply")
		}
	case d != nil:
		e.Decided = true
		e.Applicable, e.Reasons, e.Justification = false, nil, d.Justification
		if required {
			conflict("the decision excludes it, but %s", describeNeed(g.risks[id], g.links[id]))
		}
		if im != nil && (im.Status == controls.Implemented || im.Status == controls.InProgress) {
			conflict("the decision excludes it, but it is %s", strings.ReplaceAll(string(im.Status), "_", " "))
		}
	case im != nil && im.Status == controls.NotApplicable:
		if required {
			conflict("its implementation record says it does not apply, but %s", describeNeed(g.risks[id], g.links[id]))
		} else {
			e.Applicable, e.Justification = false, im.Reason
		}
	case !e.Applicable:
		e.Justification, e.DefaultExclusion = DefaultJustification, true
	}
	if !e.Applicable && im == nil {
		e.Status = "" // nothing to implement: no status to report
	}
	slices.SortStableFunc(e.Reasons, func(a, b Reason) int {
		return cmp.Compare(slices.Index(reasonOrder, a.Code), slices.Index(reasonOrder, b.Code))
	})
	return e, conflicts
}

func describeNeed(risks []*risk.Risk, reqs []isms.Requirement) string {
	var parts []string
	if len(risks) > 0 {
		var refs []string
		for _, r := range risks {
			refs = append(refs, r.Ref)
		}
		slices.Sort(refs)
		parts = append(parts, "risk treatment relies on it ("+strings.Join(refs, ", ")+")")
	}
	if len(reqs) > 0 {
		var titles []string
		for _, q := range reqs {
			titles = append(titles, q.Title)
		}
		slices.Sort(titles)
		parts = append(parts, "requirements call for it ("+strings.Join(titles, "; ")+")")
	}
	return strings.Join(parts, " and ")
}

// additional lists the controls treatments name that the catalogue lacks.
func (g *generator) additional() []Additional {
	var out []Additional
	for id, risks := range g.risks {
		if g.in.Catalogue.Has(id) {
			continue
		}
		a := Additional{Control: id}
		for _, r := range risks {
			a.Risks = append(a.Risks, g.refs[r])
		}
		sortRefs(a.Risks)
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b Additional) int { return controls.CompareIDs(a.Control, b.Control) })
	return out
}

func sortRefs(refs []Ref) {
	slices.SortFunc(refs, func(a, b Ref) int {
		return cmp.Or(controls.CompareIDs(controls.ID(a.Label), controls.ID(b.Label)), cmp.Compare(a.ID, b.ID))
	})
}
