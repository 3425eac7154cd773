package soa

import (
	"slices"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// Validate checks the SoA against clause 6.1.3 b–d and the catalogue it
// covers, reporting every problem at once, each naming the control:
//   - every catalogue control appears exactly once, and nothing else does;
//   - a control that a risk treatment relies on is not excluded;
//   - an excluded control has a real justification (not empty, "N/A" or
//     another placeholder);
//   - an applicable control has a reason and is implemented or planned
//     (not merely "not started");
//   - the version block is consistent: a positive version, a known status,
//     and for an approved version an approver, a date and a hash that
//     matches the content.
func (s SoA) Validate(cat *controls.Catalogue) error {
	var p isms.Problems
	if s.Version < 1 {
		p.Addf("version", "version %d is not a version number; versions start at 1", s.Version)
	}
	switch s.Status {
	case Draft:
	case Approved:
		if s.Approver == "" {
			p.Addf("approver", "an approved SoA names its approver")
		}
		if s.ApprovedAt.IsZero() {
			p.Addf("approved_at", "an approved SoA has an approval date")
		}
		if s.Hash != s.ContentHash() {
			p.Addf("hash", "the content does not match the approved hash; an approved version must not change (start a new draft with Revise)")
		}
	default:
		p.Addf("status", "status %q is not %q or %q", s.Status, Draft, Approved)
	}
	seen := map[controls.ID]int{}
	for i, e := range s.Entries {
		path := isms.Index("entries", i)
		if j, dup := seen[e.Control]; dup {
			p.Addf(isms.JoinPath(path, "control"), "control %s appears twice (also entries[%d])", e.Control, j)
			continue
		}
		seen[e.Control] = i
		if cat != nil && !cat.Has(e.Control) {
			p.Addf(isms.JoinPath(path, "control"), "control %s is not in the catalogue; list it under additional controls", e.Control)
		}
		validateEntry(&p, path, e)
	}
	if cat != nil {
		for _, c := range cat.Controls() {
			if _, ok := seen[c.ID()]; !ok {
				p.Addf("entries", "control %s %s is missing; every catalogue control needs an entry", c.ID(), c.Title())
			}
		}
	}
	return p.Err()
}

func validateEntry(p *isms.Problems, path string, e Entry) {
	if !e.Applicable {
		if len(e.Risks) > 0 {
			p.Addf(isms.JoinPath(path, "applicable"), "control %s is excluded, but risk treatment relies on it (%s); it must be applicable", e.Control, labels(e.Risks))
		}
		if isms.IsPlaceholder(e.Justification) {
			p.Addf(isms.JoinPath(path, "justification"), "control %s is excluded without a real justification; say why it does not apply", e.Control)
		}
		return
	}
	if len(e.Reasons) == 0 {
		p.Addf(isms.JoinPath(path, "reasons"), "control %s is applicable but gives no reason", e.Control)
	}
	for j, r := range e.Reasons {
		if !slices.Contains(reasonOrder, r.Code) {
			p.Addf(isms.JoinPath(path, isms.Index("reasons", j)), "control %s: reason %q is not one of %v", e.Control, r.Code, reasonOrder)
		}
	}
	switch e.Status {
	case controls.Planned, controls.InProgress, controls.Implemented:
	case controls.NotApplicable:
		p.Addf(isms.JoinPath(path, "status"), "control %s is applicable, but its implementation status says it does not apply", e.Control)
	default:
		p.Addf(isms.JoinPath(path, "status"), "control %s is applicable but neither implemented nor planned; plan it or reconsider", e.Control)
	}
}

func labels(refs []Ref) string {
	out := ""
	for i, r := range refs {
		if i > 0 {
			out += ", "
		}
		out += r.Label
	}
	return out
}
