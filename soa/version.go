package soa

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/digest"
	"github.com/ismskit/ismskit/isms"
)

// content is what the hash covers: everything but the approval block.
type content struct {
	ID           ID           `json:"id"`
	Document     DocumentID   `json:"document"`
	Organization string       `json:"organization"`
	Version      int          `json:"version"`
	Catalogue    string       `json:"catalogue"`
	Generated    time.Time    `json:"generated"`
	Author       string       `json:"author,omitempty"`
	Changes      string       `json:"changes,omitempty"`
	Entries      []Entry      `json:"entries"`
	Additional   []Additional `json:"additional,omitempty"`
}

// ContentHash returns "sha256:" and the hex SHA-256 of the SoA's content in
// canonical JSON (everything except status, approver, approval date and the
// hash itself). Approve records it; Validate and Verify compare it.
func (s SoA) ContentHash() string {
	return digest.JSON(content{
		ID: s.ID, Document: s.Document, Organization: s.Organization, Version: s.Version, Catalogue: s.Catalogue,
		Generated: s.Generated.UTC(), Author: s.Author, Changes: s.Changes, Entries: s.Entries, Additional: s.Additional,
	})
}

// Approve returns the SoA approved by approver at the given time, with its
// content hash. It refuses, listing every problem, an SoA that does not
// validate against the catalogue or that is already approved.
func (s SoA) Approve(cat *controls.Catalogue, approver string, at time.Time) (SoA, error) {
	var p isms.Problems
	if s.Status == Approved {
		p.Addf("status", "version %d is already approved; start a new draft with Revise", s.Version)
	}
	if isms.IsPlaceholder(approver) || isms.IsCollectiveName(approver) {
		p.Addf("approver", "name the person who approves the SoA")
	}
	if at.IsZero() {
		p.Addf("approved_at", "give the approval date")
	}
	p.Merge("", s.Validate(cat))
	if err := p.Err(); err != nil {
		return SoA{}, err
	}
	out := s.clone()
	out.Status, out.Approver, out.ApprovedAt = Approved, approver, at
	out.Hash = out.ContentHash()
	return out, nil
}

// Verify reports whether an approved SoA still matches its hash, i.e. has
// not been changed since approval. A draft has nothing to verify.
func (s SoA) Verify() error {
	if s.Status != Approved {
		return nil
	}
	if s.Hash != s.ContentHash() {
		return fmt.Errorf("%w: SoA version %d was changed after approval", isms.ErrConflict, s.Version)
	}
	return nil
}

// Revise starts the next draft after prev: next's content (usually freshly
// generated) in prev's document, as version prev.Version+1 with its own
// VersionID, no approval, and a change summary from Diff(prev, next). prev
// is not changed.
func Revise(prev, next SoA) SoA {
	out := next.clone()
	out.Document = prev.Document
	out.Version = prev.Version + 1
	out.ID = VersionID(prev.Document, out.Version)
	out.Status, out.Approver, out.ApprovedAt, out.Hash = Draft, "", time.Time{}, ""
	out.Changes = Diff(prev, next).Summary()
	return out
}

func (s SoA) clone() SoA {
	out := s
	out.Entries = make([]Entry, len(s.Entries))
	for i, e := range s.Entries {
		out.Entries[i] = e.clone()
	}
	out.Additional = make([]Additional, len(s.Additional))
	for i, a := range s.Additional {
		a.Risks = append([]Ref(nil), a.Risks...)
		out.Additional[i] = a
	}
	if s.Additional == nil {
		out.Additional = nil
	}
	return out
}

func (e Entry) clone() Entry {
	out := e
	out.Reasons = make([]Reason, len(e.Reasons))
	for i, r := range e.Reasons {
		r.Refs = append([]Ref(nil), r.Refs...)
		out.Reasons[i] = r
	}
	if e.Reasons == nil {
		out.Reasons = nil
	}
	out.Risks = append([]Ref(nil), e.Risks...)
	out.Evidence = append([]controls.Evidence(nil), e.Evidence...)
	return out
}
