package policy

import (
	"fmt"
	"slices"
	"time"

	"github.com/ismskit/ismskit/internal/digest"
	"github.com/ismskit/ismskit/isms"
)

// ReviewInterval is the default time between approval and the next review:
// the domain articles review the policy at least every 12 months.
const ReviewInterval = 12 // months

// CommunicationDays is how many days after approval staff must have been
// told about the policy, per the domain articles.
const CommunicationDays = 7

// ContentHash returns the SHA-256 of everything but the approval block
// (status, approver, approval date, next review and the hash itself).
func (p Policy) ContentHash() string {
	c := p.clone()
	c.Status, c.Approver, c.ApprovedAt, c.NextReview, c.Hash = "", "", time.Time{}, time.Time{}, ""
	for i := range c.Objectives {
		c.Objectives[i].Deadline = c.Objectives[i].Deadline.UTC()
	}
	return digest.JSON(c)
}

// Approve returns the policy approved by approver at the given time: next
// review ReviewInterval months later unless set, and the content hash. It
// refuses an already approved version and a missing approver or date; the
// content is not changed.
func (p Policy) Approve(approver string, at time.Time) (Policy, error) {
	var probs isms.Problems
	if p.Status == Approved {
		probs.Addf("status", "version %d is already approved; start a new draft with Revise", p.Version)
	}
	if isms.IsPlaceholder(approver) || isms.IsCollectiveName(approver) {
		probs.Addf("approver", "name the person who approves the policy, usually the CEO")
	}
	if at.IsZero() {
		probs.Addf("approved_at", "give the approval date")
	}
	if err := probs.Err(); err != nil {
		return Policy{}, err
	}
	out := p.clone()
	out.Status, out.Approver, out.ApprovedAt = Approved, approver, at
	if out.NextReview.IsZero() || !out.NextReview.After(at) {
		out.NextReview = at.AddDate(0, ReviewInterval, 0)
	}
	out.Hash = out.ContentHash()
	return out, nil
}

// Verify reports whether an approved version still matches its hash.
func (p Policy) Verify() error {
	if p.Status == Approved && p.Hash != p.ContentHash() {
		return fmt.Errorf("%w: policy version %d was changed after approval", isms.ErrConflict, p.Version)
	}
	return nil
}

// Revise starts the next draft after prev with next's content: prev's
// document, version prev.Version+1, no approval, and the change summary
// given. prev is not changed.
func Revise(prev, next Policy, changes string) Policy {
	out := next.clone()
	out.Document = prev.Document
	out.Version = prev.Version + 1
	out.ID = VersionID(prev.Document, out.Version)
	out.Status, out.Approver, out.ApprovedAt, out.NextReview, out.Hash = Draft, "", time.Time{}, time.Time{}, ""
	out.Changes = changes
	return out
}

// Deadline is a dated duty the policy creates; the calendar package turns
// these into calendar items.
type Deadline struct {
	Title string    `json:"title"`
	Due   time.Time `json:"due"`
	Owner string    `json:"owner"`
}

// Deadlines returns the duties an approved policy creates: tell staff
// within CommunicationDays days of approval, and review it by NextReview.
// A draft has none.
func (p Policy) Deadlines() []Deadline {
	if p.Status != Approved {
		return nil
	}
	return []Deadline{
		{Title: fmt.Sprintf("Communicate policy version %d to all staff", p.Version), Due: p.ApprovedAt.AddDate(0, 0, CommunicationDays), Owner: p.Owner},
		{Title: fmt.Sprintf("Review the information security policy (version %d)", p.Version), Due: p.NextReview, Owner: p.Owner},
	}
}

func (p Policy) clone() Policy {
	out := p
	out.Objectives = slices.Clone(p.Objectives)
	out.KeyRisks = slices.Clone(p.KeyRisks)
	out.Principles = slices.Clone(p.Principles)
	for i := range out.Principles {
		out.Principles[i].Risks = slices.Clone(p.Principles[i].Risks)
	}
	out.Responsibilities = slices.Clone(p.Responsibilities)
	out.Commitments = slices.Clone(p.Commitments)
	return out
}
