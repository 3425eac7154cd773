package soa

import (
	"errors"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// Validate checks the SoA on its own, without the catalogue (CheckRefs
// does that part), against clause 6.1.3 b–d, reporting every problem at
// once with its field path:
//   - it has an ID, every entry names a control, and no control appears
//     twice;
//   - a control that a risk treatment relies on is not excluded;
//   - an excluded control has a real justification (not empty, "N/A" or
//     another placeholder); an undecided control is neither applicable
//     nor justified;
//   - an applicable control has a known reason and a status other than
//     "not applicable" (a draft may hold controls not started, and so may
//     an approved edition: clause 6.1.3 d asks whether each is implemented,
//     and Lint notes them);
//   - the additional controls (beyond the catalogue) follow the same rules
//     and repeat no control;
//   - the revision block is valid (isms.Revision.Validate), and an approved
//     edition still matches its hash;
//   - every date lies within the years 1 to 9999.
func (s SoA) Validate() error {
	var p isms.Problems
	s.validateContent(&p)
	revErr := s.Revision.Validate()
	p.Merge("revision", revErr)
	if s.Revision.Status == isms.Approved && revErr == nil {
		if err := s.Verify(); errors.Is(err, isms.ErrConflict) {
			p.Addf("revision.hash", "the content or approval does not match the approved hash; an approved edition must not change (start the next draft with Revise)")
		}
	}
	return p.Err()
}

// validateContent checks everything but the revision block.
func (s SoA) validateContent(p *isms.Problems) {
	if s.ID.IsZero() {
		p.Addf("id", "the SoA has no ID; give it VersionID(document, edition)")
	}
	isms.CheckDate(p, "generated", "the generation date", s.Generated, false)
	seen := map[controls.ID]int{}
	for i, e := range s.Entries {
		path := isms.Index("entries", i)
		if strings.TrimSpace(string(e.Control)) == "" {
			p.Addf(isms.JoinPath(path, "control"), "the entry names no control")
			continue
		}
		if j, dup := seen[e.Control]; dup {
			p.Addf(isms.JoinPath(path, "control"), "control %s appears twice (also entries[%d])", e.Control, j)
			continue
		}
		seen[e.Control] = i
		validateEntry(p, path, e)
	}
	for i, e := range s.Additional {
		path := isms.Index("additional", i)
		if strings.TrimSpace(string(e.Control)) == "" {
			p.Addf(isms.JoinPath(path, "control"), "the additional control has no ID")
			continue
		}
		if j, dup := seen[e.Control]; dup {
			p.Addf(isms.JoinPath(path, "control"), "control %s appears twice (also at position %d)", e.Control, j)
			continue
		}
		seen[e.Control] = i
		validateEntry(p, path, e)
	}
	for i, f := range s.Warnings {
		if f.Code == "" || f.Message == "" {
			p.Addf(isms.Index("warnings", i), "a recorded warning needs a code and a message")
		}
	}
}

func validateEntry(p *isms.Problems, path string, e Entry) {
	for j, ev := range e.Evidence {
		isms.CheckDate(p, isms.JoinPath(path, isms.JoinPath(isms.Index("evidence", j), "date")), "the evidence date", ev.Date, false)
	}
	if e.Undecided {
		if e.Applicable {
			p.Addf(isms.JoinPath(path, "undecided"), "control %s is both applicable and undecided", e.Control)
		}
		if strings.TrimSpace(e.Justification) != "" {
			p.Addf(isms.JoinPath(path, "justification"), "control %s is undecided but has a justification; mark it excluded or remove the text", e.Control)
		}
	}
	if !e.Applicable {
		if len(e.Risks) > 0 {
			p.Addf(isms.JoinPath(path, "applicable"), "control %s is excluded, but risk treatment relies on it (%s); it must be applicable", e.Control, labels(e.Risks))
		}
		if !e.Undecided && isms.IsPlaceholder(e.Justification) {
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
	case "", controls.NotStarted, controls.Planned, controls.InProgress, controls.Implemented:
	case controls.NotApplicable:
		p.Addf(isms.JoinPath(path, "status"), "control %s is applicable, but its implementation status says it does not apply", e.Control)
	default:
		p.Addf(isms.JoinPath(path, "status"), "control %s: status %q is not one of not_started, planned, in_progress, implemented", e.Control, e.Status)
	}
}

// CheckRefs checks the SoA against the catalogue it covers: every
// catalogue control has an entry, no entry names a control the catalogue
// lacks (those belong under Additional), every entry's title and theme are
// the catalogue's, and no additional control is in the catalogue. It does
// not repeat Validate. A nil catalogue is a validation error.
func (s SoA) CheckRefs(cat *controls.Catalogue) error {
	var p isms.Problems
	if cat == nil {
		p.Addf("catalogue", "no control catalogue given to check the SoA against")
		return p.Err()
	}
	seen := map[controls.ID]bool{}
	for i, e := range s.Entries {
		path := isms.Index("entries", i)
		if seen[e.Control] || strings.TrimSpace(string(e.Control)) == "" {
			continue // Validate reports these
		}
		seen[e.Control] = true
		c, ok := cat.ByID(e.Control)
		if !ok {
			p.Addf(isms.JoinPath(path, "control"), "control %s is not in the catalogue; list it under additional controls", e.Control)
			continue
		}
		if e.Title != c.Title() {
			p.Addf(isms.JoinPath(path, "title"), "control %s is titled %q in the catalogue, not %q; regenerate the SoA", e.Control, c.Title(), e.Title)
		}
		if e.Theme != c.Theme() {
			p.Addf(isms.JoinPath(path, "theme"), "control %s belongs to the theme %q in the catalogue, not %q; regenerate the SoA", e.Control, c.Theme(), e.Theme)
		}
	}
	for _, c := range cat.Controls() {
		if !seen[c.ID()] {
			p.Addf("entries", "control %s %s is missing; every catalogue control needs an entry", c.ID(), c.Title())
		}
	}
	for i, a := range s.Additional {
		if a.Control != "" && cat.Has(a.Control) {
			p.Addf(isms.JoinPath(isms.Index("additional", i), "control"), "control %s is in the catalogue; it belongs in the entries, not under additional controls", a.Control)
		}
	}
	return p.Err()
}

func labels(refs []Ref) string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Label
	}
	return strings.Join(out, ", ")
}
