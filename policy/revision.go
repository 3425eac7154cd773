package policy

import (
	"fmt"
	"slices"

	"github.com/ismskit/ismskit/isms"
)

// ReviewInterval is the default time between approval and the next review:
// the domain articles review the policy at least every 12 months.
const ReviewInterval = 12 // months

// CommunicationDays is how many days after approval staff must have been
// told about the policy, per the domain articles. This is the rule's only
// home: Duties dates the communication duty with it.
const CommunicationDays = 7

// content is what the hash seals besides the revision block: the policy
// without its Revision.
func (p Policy) content() Policy {
	p.Revision = isms.Revision{}
	return p
}

// Approve returns the policy approved with a (OrgContext.Approval makes
// one from the approver's role or person and the date, usually the CEO's),
// its next review ReviewInterval months after approval unless a later one
// is set, and sealed with the hash of its content and revision block. It
// refuses, listing every problem, a policy that does not validate, an
// edition that is already approved, and an incomplete approval. The
// content is not changed.
func (p Policy) Approve(a isms.Approval) (Policy, error) {
	var probs isms.Problems
	p.validateContent(&probs)
	rev := p.Revision
	if rev.Status != isms.Approved && !a.At.IsZero() && (rev.NextReview.IsZero() || !rev.NextReview.After(a.At)) {
		rev.NextReview = a.At.AddDate(0, ReviewInterval, 0)
	}
	rev, err := rev.Approve(a, p.content())
	probs.Merge("revision", err)
	if err := probs.Err(); err != nil {
		return Policy{}, err
	}
	out := p.clone()
	out.Revision = rev
	return out, nil
}

// Verify reports whether an approved policy still matches its hash, i.e.
// neither its content nor its approval changed since approval; it fails
// with isms.ErrConflict when they did. A draft has nothing to verify.
func (p Policy) Verify() error {
	if err := p.Revision.Verify(p.content()); err != nil {
		return fmt.Errorf("policy: %w", err)
	}
	return nil
}

// Revise starts the next draft after prev with next's content: prev's
// document and owner, edition prev's edition + 1 with its own VersionID,
// no approval, and the change summary given. prev is not changed.
func Revise(prev, next Policy, changes string) Policy {
	out := next.clone()
	out.Revision = prev.Revision.Next(changes)
	out.ID = VersionID(out.Revision.Document, out.Revision.Edition)
	return out
}

// Duties returns the dated duties an approved policy creates, owned by the
// policy's owner: tell all staff within CommunicationDays days of approval
// (isms.DutyPolicyCommunication), and review it by its next review
// (isms.DutyPolicyReview). A draft has none. The duties' IDs derive from
// the policy's ID, so they stay the same on every run.
func (p Policy) Duties() []isms.Duty {
	r := p.Revision
	if r.Status != isms.Approved {
		return nil
	}
	source := fmt.Sprintf("policy edition %d", r.Edition)
	out := []isms.Duty{{
		ID:       isms.DeriveID[isms.Duty](p.ID.UUID(), "deadline 0"),
		Title:    fmt.Sprintf("Communicate policy edition %d to all staff", r.Edition),
		Kind:     isms.DutyPolicyCommunication,
		Due:      r.Approval.At.AddDate(0, 0, CommunicationDays),
		Owner:    r.Owner,
		Evidence: "every employee told where to find the policy, with a record of how and when",
		Source:   source,
	}}
	if !r.NextReview.IsZero() {
		out = append(out, isms.Duty{
			ID:       isms.DeriveID[isms.Duty](p.ID.UUID(), "deadline 1"),
			Title:    fmt.Sprintf("Review the information security policy (edition %d)", r.Edition),
			Kind:     isms.DutyPolicyReview,
			Due:      r.NextReview,
			Owner:    r.Owner,
			Evidence: "policy reviewed and the next edition approved, or the review recorded",
			Source:   source,
		})
	}
	return out
}

func (p Policy) clone() Policy {
	out := p
	out.Objectives = slices.Clone(p.Objectives)
	out.KeyRisks = slices.Clone(p.KeyRisks)
	out.Principles = slices.Clone(p.Principles)
	for i := range out.Principles {
		out.Principles[i].Risks = slices.Clone(p.Principles[i].Risks)
		out.Principles[i].Objectives = slices.Clone(p.Principles[i].Objectives)
	}
	out.Responsibilities = slices.Clone(p.Responsibilities)
	out.Commitments = slices.Clone(p.Commitments)
	return out
}

// DocumentRevision returns the policy's revision block: which document and
// edition it is (isms.Revisioned), so a store finds the latest edition
// (isms.Latest) without reading every version.
func (p Policy) DocumentRevision() isms.Revision { return p.Revision }

// WithRevision returns a copy of the policy with the revision block r; its
// ID is not changed.
func (p Policy) WithRevision(r isms.Revision) Policy {
	p.Revision = r
	return p
}

var _ isms.RevisionedEntity[Policy] = Policy{}
