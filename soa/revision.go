package soa

import (
	"fmt"
	"slices"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// content is what the hash seals besides the revision block: the SoA
// without its Revision.
func (s SoA) content() SoA {
	s.Revision = isms.Revision{}
	return s
}

// Approve returns the SoA approved with a (OrgContext.Approval makes one
// from the approver's role or person and the date) and sealed with the hash
// of its content and revision block. It refuses, listing every problem, an
// SoA that does not validate or does not match the catalogue, an SoA with
// a lint error (Blocking: an undecided control, an exclusion whose
// justification is missing, too short, generic or contradicted by the
// organisation's data), an edition that is already approved, and an
// incomplete approval. The remaining lint findings (warnings and info) are
// recorded in Warnings, under the hash; the entries are not changed. s is
// not changed.
func (s SoA) Approve(cat *controls.Catalogue, a isms.Approval) (SoA, error) {
	var p isms.Problems
	s.validateContent(&p)
	p.Merge("", s.CheckRefs(cat))
	fs := lint(s) // entry order, so the problems read in the SoA's order
	var warnings []isms.Advice
	for _, f := range fs {
		if f.Severity == isms.SeverityError {
			p.Addf(f.Path, "%s (%s)", f.Message, f.Code)
		} else {
			warnings = append(warnings, f)
		}
	}
	isms.SortAdvice(warnings)
	out := s.clone()
	out.Warnings = warnings
	rev, err := s.Revision.Approve(a, out.content())
	p.Merge("revision", err)
	if err := p.Err(); err != nil {
		return SoA{}, err
	}
	out.Revision = rev
	return out, nil
}

// Verify reports whether an approved SoA still matches its hash, i.e.
// neither its content nor its approval changed since approval; it fails
// with isms.ErrConflict when they did. A draft has nothing to verify.
func (s SoA) Verify() error {
	if err := s.Revision.Verify(s.content()); err != nil {
		return fmt.Errorf("SoA: %w", err)
	}
	return nil
}

// Revise starts the next draft after prev: next's content (usually freshly
// generated) in prev's document, as edition prev's edition + 1 with its own
// VersionID, no approval, and a change summary from Diff(prev, next). prev
// is not changed.
func Revise(prev, next SoA) SoA {
	out := next.clone()
	out.Revision = prev.Revision.Next(Diff(prev, next).Summary())
	out.ID = VersionID(out.Revision.Document, out.Revision.Edition)
	return out
}

// Duties returns the dated duty of an approved SoA that has a next review
// date: review it by then (isms.DutyDocumentReview), owned by the SoA's
// owner. Other SoAs have none; the yearly plan of the calendar package
// carries the SoA review of organisations that do not date it here.
func (s SoA) Duties() []isms.Duty {
	r := s.Revision
	if r.Status != isms.Approved || r.NextReview.IsZero() {
		return nil
	}
	return []isms.Duty{{
		ID:       isms.DeriveID[isms.Duty](s.ID.UUID(), "review"),
		Title:    fmt.Sprintf("Review the Statement of Applicability (edition %d)", r.Edition),
		Kind:     isms.DutyDocumentReview,
		Due:      r.NextReview,
		Owner:    r.Owner,
		Evidence: "SoA reviewed against the current risks and the next edition approved",
		Source:   fmt.Sprintf("SoA edition %d", r.Edition),
	}}
}

func (s SoA) clone() SoA {
	out := s
	out.Entries = make([]Entry, len(s.Entries))
	for i, e := range s.Entries {
		out.Entries[i] = e.clone()
	}
	if s.Entries == nil {
		out.Entries = nil
	}
	out.Additional = make([]Entry, len(s.Additional))
	for i, e := range s.Additional {
		out.Additional[i] = e.clone()
	}
	if s.Additional == nil {
		out.Additional = nil
	}
	out.Warnings = slices.Clone(s.Warnings)
	return out
}

func (e Entry) clone() Entry {
	out := e
	out.Reasons = cloneReasons(e.Reasons)
	out.Overridden = cloneReasons(e.Overridden)
	out.Risks = append([]Ref(nil), e.Risks...)
	out.Evidence = append([]controls.Evidence(nil), e.Evidence...)
	return out
}

// DocumentRevision returns the SoA's revision block: which document and
// edition it is (isms.Revisioned), so a store finds the latest edition
// (isms.Latest) without reading every version.
func (s SoA) DocumentRevision() isms.Revision { return s.Revision }

// WithRevision returns a copy of the SoA with the revision block r; its ID
// is not changed.
func (s SoA) WithRevision(r isms.Revision) SoA {
	s.Revision = r
	return s
}

var _ isms.RevisionedEntity[SoA] = SoA{}
