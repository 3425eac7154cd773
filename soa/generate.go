package soa

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
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

// DocumentKind names a document of the ISMS that implements controls.
type DocumentKind string

// Document kinds and the controls they implement once approved.
const (
	// DocumentPolicy is the information security policy: approved, it
	// implements 5.1.
	DocumentPolicy DocumentKind = "policy"
)

var documentControls = map[DocumentKind][]controls.ID{DocumentPolicy: {"5.1"}}

// Document is a document of the ISMS that ismskit holds, as plain values
// (soa does not import the policy package): an approved one is evidence
// that the controls of its kind are implemented (the policy implements
// 5.1) and fires the approved-policy proposal.
type Document struct {
	Kind    DocumentKind `json:"kind"`
	Title   string       `json:"title"`
	Edition int          `json:"edition,omitempty"`
	// Owner is who maintains the document, as the SoA shows them (the
	// owner of the controls it implements).
	Owner string `json:"owner,omitempty"`
	// Approved is the approval date; zero while the document is a draft.
	Approved time.Time `json:"approved,omitzero"`
}

func (d Document) ref() Ref {
	label := d.Title
	if d.Edition > 0 {
		label += fmt.Sprintf(" edition %d", d.Edition)
	}
	return Ref{ID: "document:" + string(d.Kind), Label: label + ", approved " + d.Approved.Format(time.DateOnly)}
}

// Input is everything an SoA is generated from.
type Input struct {
	// Document names the SoA across editions; Generate makes edition 1.
	Document isms.DocumentID
	// Owner maintains the SoA between approvals (Revision.Owner); optional.
	Owner           isms.Owner
	Context         isms.OrgContext // names, scope, requirements, assets, people, objectives
	Catalogue       *controls.Catalogue
	Implementations []controls.Implementation
	Register        risk.Register
	Links           []Link
	Decisions       []Decision
	// Custom are the controls beyond the catalogue; they are listed under
	// SoA.Additional, and implementations, links and decisions may name them.
	Custom []CustomControl
	// Documents are the ISMS documents ismskit holds (the policy, as plain
	// values): an approved policy implements 5.1.
	Documents []Document
	// Suppliers is the supplier register: its suppliers fire the supplier
	// proposals (5.19–5.22, and 5.23 for cloud services) and the register
	// is evidence for those controls.
	Suppliers suppliers.Register
	// Processes are the process descriptions: a process is evidence for
	// each control it lists (processes.Process.Controls).
	Processes processes.Register
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

// Generate builds a draft SoA (edition 1) from the inputs: one entry per
// catalogue control in catalogue order, then one per custom control and
// per control a treatment names that neither has (SoA.Additional).
//
// A control is applicable when a risk treatment relies on it, a
// requirement is linked to it, a proposal rule fires for it (Propose:
// the organisation's own data, or the Baseline), an implementation record
// says it is in place or planned, or a decision says so; it is excluded
// when a decision, or an implementation record with status not
// applicable, says so, with that justification. Everything else is
// undecided: there is no silent default. A decision always wins over a
// proposal (the overridden proposals are kept in Entry.Overridden for
// Lint). Implementation status, owner and evidence come from the
// implementation records, else the treatment actions, and an approved
// document (Input.Documents) implements the controls of its kind. The
// result does not depend on the order of any input list.
//
// It fails only on inputs it cannot use (an unknown control, in an
// implementation record or a process, or an unknown requirement, two
// decisions for one control, an exclusion without a real justification);
// contradictions are returned as conflicts.
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
		desc := ""
		if c.Source() != annexASource {
			desc = c.Guidance()
		}
		e, cs := g.entry(c.ID(), c.Theme(), c.Title(), desc)
		s.Entries = append(s.Entries, e)
		conflicts = append(conflicts, cs...)
	}
	for _, id := range g.additionalIDs() {
		c := g.custom[id]
		e, cs := g.entry(id, cmp.Or(c.Theme, AdditionalTheme), c.Title, c.Description)
		s.Additional = append(s.Additional, e)
		conflicts = append(conflicts, cs...)
	}
	return s, conflicts, nil
}

// annexASource is the Source of Annex A controls.
const annexASource = "iso27001-2022"

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
	custom    map[controls.ID]CustomControl
	proposed  map[controls.ID][]Reason
	docs      map[controls.ID][]Document
	// extra is evidence from the supplier register and the processes.
	extra map[controls.ID][]controls.Evidence
}

func newGenerator(in Input) (*generator, error) {
	g := &generator{
		in: in, risks: map[controls.ID][]*risk.Risk{}, refs: map[*risk.Risk]Ref{}, status: map[controls.ID]controls.Status{},
		actOwner: map[controls.ID]isms.Owner{}, links: map[controls.ID][]isms.Requirement{},
		impls: map[controls.ID]*controls.Implementation{}, decisions: map[controls.ID]*Decision{},
		custom: map[controls.ID]CustomControl{}, proposed: map[controls.ID][]Reason{}, docs: map[controls.ID][]Document{},
		extra: evidenceOf(in),
	}
	var p isms.Problems
	if in.Document.IsZero() {
		p.Addf("document", "give the SoA's document ID (one per organization, e.g. isms.DeriveID[isms.Document](ns, \"soa\")); every edition shares it")
	}
	isms.CheckDate(&p, "generated", "the generation date", in.Generated, false)
	for i, c := range in.Custom {
		path := isms.Index("custom", i)
		switch {
		case strings.TrimSpace(string(c.ID)) == "":
			p.Addf(isms.JoinPath(path, "id"), "the custom control has no ID")
		case in.Catalogue.Has(c.ID):
			p.Addf(isms.JoinPath(path, "id"), "control %s is in the catalogue; a custom control needs an ID of its own", c.ID)
		case g.custom[c.ID].ID != "":
			p.Addf(isms.JoinPath(path, "id"), "custom control %s is listed twice", c.ID)
		case isms.IsPlaceholder(c.Title):
			p.Addf(isms.JoinPath(path, "title"), "custom control %s has no title", c.ID)
		default:
			g.custom[c.ID] = c
		}
	}
	known := func(id controls.ID) bool { return in.Catalogue.Has(id) || g.custom[id].ID != "" }
	p.Merge("implementations", controls.Implementations(in.Implementations).Validate())
	for i := range in.Implementations {
		im := &in.Implementations[i]
		if im.Control != "" && !known(im.Control) {
			p.Addf(isms.JoinPath(isms.Index("implementations", i), "control"), "control %q is neither in the catalogue %s nor a custom control", im.Control, in.Catalogue)
		}
		g.impls[im.Control] = im
	}
	for i, x := range in.Processes.Processes {
		for j, id := range x.Controls {
			if !known(id) {
				p.Addf(isms.JoinPath(isms.Index("processes", i), isms.Index("controls", j)), "process %q: control %q is neither in the catalogue %s nor a custom control", x.Name, id, in.Catalogue)
			}
		}
	}
	for i, d := range in.Documents {
		path := isms.Index("documents", i)
		if _, ok := documentControls[d.Kind]; !ok {
			p.Addf(isms.JoinPath(path, "kind"), "document kind %q is not one of [%s]", d.Kind, DocumentPolicy)
			continue
		}
		isms.CheckDate(&p, isms.JoinPath(path, "approved"), "the approval date", d.Approved, true)
		if d.Approved.IsZero() {
			continue
		}
		for _, id := range documentControls[d.Kind] {
			g.docs[id] = append(g.docs[id], d)
		}
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
			if !known(id) {
				p.Addf(isms.JoinPath(path, isms.Index("controls", j)), "requirement %q is linked to control %q, which is neither in the catalogue nor a custom control", q.Title, id)
				continue
			}
			g.links[id] = append(g.links[id], q)
		}
	}
	for i := range in.Decisions {
		d := &in.Decisions[i]
		path := isms.Index("decisions", i)
		switch {
		case !known(d.Control):
			p.Addf(isms.JoinPath(path, "control"), "a decision names control %q, which is neither in the catalogue nor a custom control", d.Control)
		case g.decisions[d.Control] != nil:
			p.Addf(isms.JoinPath(path, "control"), "control %s has two decisions; keep one", d.Control)
		case !d.Applicable && isms.IsPlaceholder(d.Justification):
			p.Addf(isms.JoinPath(path, "justification"), "control %s is excluded without a real justification; say why it does not apply", d.Control)
		case d.Applicable && d.Reason != "" && !slices.Contains(decisionReasons, d.Reason):
			p.Addf(isms.JoinPath(path, "reason"), "control %s: reason %q is not one of %v", d.Control, d.Reason, decisionReasons)
		default:
			g.decisions[d.Control] = d
		}
	}
	if p.Len() == 0 {
		for _, pr := range Propose(in) {
			g.proposed[pr.Control] = append(g.proposed[pr.Control], Reason{Code: pr.Code, Refs: pr.Refs})
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

func (g *generator) entry(id controls.ID, theme controls.Theme, title, desc string) (Entry, []Conflict) {
	e := Entry{Control: id, Theme: theme, Title: title, Description: desc, Status: controls.NotStarted}
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
	proposed := cloneReasons(g.proposed[id])
	e.Reasons = append(e.Reasons, cloneReasons(proposed)...)

	// Implementation: the record when there is one, else the treatment
	// actions; an approved document implements the controls of its kind.
	im := g.impls[id]
	if im != nil {
		e.Status = im.Status
		e.Owner = g.in.Context.OwnerName(im.Owner)
		e.Evidence = slices.Clone(im.Evidence)
	} else if s, ok := g.status[id]; ok {
		e.Status = s
		e.Owner = g.in.Context.OwnerName(g.actOwner[id])
	}
	if docs := g.docs[id]; len(docs) > 0 && e.Status != controls.NotApplicable {
		e.Status = controls.Implemented
		if e.Owner == "" {
			e.Owner = docs[0].Owner
		}
		for _, d := range docs {
			e.Evidence = append(e.Evidence, controls.Evidence{Title: d.ref().Label, Location: "ISMS documents", Date: d.Approved})
		}
		slices.SortFunc(e.Evidence, func(a, b controls.Evidence) int {
			return cmp.Or(cmp.Compare(a.Title, b.Title), cmp.Compare(a.Location, b.Location), a.Date.Compare(b.Date))
		})
		e.Evidence = slices.Compact(e.Evidence)
	}
	if len(e.Reasons) == 0 && g.decisions[id] == nil && im != nil && (im.Status == controls.Implemented || im.Status == controls.InProgress || im.Status == controls.Planned) {
		e.Reasons = append(e.Reasons, Reason{Code: BestPractice, Note: "in place or planned without a recorded risk, requirement or proposal"})
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
		e.Applicable, e.Reasons, e.Justification, e.Overridden = false, nil, d.Justification, proposed
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
			e.Applicable, e.Reasons, e.Justification, e.Overridden = false, nil, im.Reason, proposed
		}
	case !e.Applicable:
		e.Undecided = true
	}
	if x := g.extra[id]; len(x) > 0 && e.Status != controls.NotApplicable {
		e.Evidence = append(e.Evidence, x...)
		slices.SortFunc(e.Evidence, func(a, b controls.Evidence) int {
			return cmp.Or(cmp.Compare(a.Title, b.Title), cmp.Compare(a.Location, b.Location), a.Date.Compare(b.Date))
		})
		e.Evidence = slices.Compact(e.Evidence)
	}
	if !e.Applicable && im == nil {
		e.Status = "" // nothing to implement: no status to report
		e.Evidence = nil
	}
	slices.SortStableFunc(e.Reasons, func(a, b Reason) int {
		return cmp.Compare(slices.Index(reasonOrder, a.Code), slices.Index(reasonOrder, b.Code))
	})
	return e, conflicts
}

func cloneReasons(rs []Reason) []Reason {
	if rs == nil {
		return nil
	}
	out := make([]Reason, len(rs))
	for i, r := range rs {
		r.Refs = slices.Clone(r.Refs)
		out[i] = r
	}
	return out
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

// additionalIDs lists the custom controls and the controls treatments
// name that neither the catalogue nor the custom controls have, in
// natural order.
func (g *generator) additionalIDs() []controls.ID {
	var out []controls.ID
	for id := range g.custom {
		out = append(out, id)
	}
	for id := range g.risks {
		if !g.in.Catalogue.Has(id) && g.custom[id].ID == "" {
			out = append(out, id)
		}
	}
	slices.SortFunc(out, controls.CompareIDs)
	return out
}

func sortRefs(refs []Ref) {
	slices.SortFunc(refs, func(a, b Ref) int {
		return cmp.Or(controls.CompareIDs(controls.ID(a.Label), controls.ID(b.Label)), cmp.Compare(a.ID, b.ID))
	})
}
