package isms

import (
	"fmt"
	"regexp"
	"time"

	"github.com/ismskit/ismskit/internal/digest"
)

// Document marks the lineage of a controlled document (clause 7.5.3): the
// chain of editions of one Statement of Applicability or one policy.
type Document struct{}

// DocumentID names a controlled document across its editions. Each edition
// is its own stored record with its own ID; they share the DocumentID.
type DocumentID = ID[Document]

// DocumentStatus is where an edition of a document stands.
type DocumentStatus string

// Document statuses. An approved edition is immutable: a change starts the
// next draft with Revision.Next.
const (
	Draft    DocumentStatus = "draft"
	Approved DocumentStatus = "approved"
)

// Approval records who approved an edition and when. By is a reference to
// the role or person; Name is how the document shows them, captured at
// approval ("Maria Virtanen (CEO)") so an old edition reads the same after
// staff change. OrgContext.Approval fills Name from the context.
type Approval struct {
	By   Owner     `json:"by"`
	Name string    `json:"name"`
	At   time.Time `json:"at"`
}

// IsZero reports whether nothing is set.
func (a Approval) IsZero() bool { return a.By.IsZero() && a.Name == "" && a.At.IsZero() }

// Validate checks that the approval names one accountable role or person
// by reference and by name, and a date.
func (a Approval) Validate() error {
	var p Problems
	p.Merge("by", a.By.Validate())
	switch {
	case IsPlaceholder(a.Name):
		p.Addf("name", "give the approver's name as the document should show it")
	case IsCollectiveName(a.Name):
		p.Addf("name", "approver %s makes nobody accountable; name the person who approves", Quote(a.Name))
	}
	CheckDate(&p, "at", "the approval date", a.At, true)
	return p.Err()
}

// Approval returns an approval by owner at the given time, with the name
// the document shows: the person's name, or for a role held by one person
// "Person (Role)", or the role's name.
func (c OrgContext) Approval(by Owner, at time.Time) Approval {
	name := c.OwnerName(by)
	if r, ok := c.Role(by.Role); ok && !by.Role.IsZero() && len(r.Holders) == 1 {
		if p, ok := c.Person(r.Holders[0]); ok {
			name = fmt.Sprintf("%s (%s)", p.Name, r.Name)
		}
	}
	return Approval{By: by, Name: name, At: at}
}

// Revision is the block every controlled document carries (the SoA and the
// policy): which document and edition it is, its status, who owns and who
// approved it, when it is next reviewed, what changed since the previous
// edition, and the content hash that seals an approved edition.
//
// The edition is a number people read ("version 2" on the cover); it is not
// the storage Version, which a store changes on every write.
type Revision struct {
	Document DocumentID     `json:"document"`
	Edition  int            `json:"edition"`
	Status   DocumentStatus `json:"status"`
	// Owner maintains the document between approvals.
	Owner    Owner    `json:"owner,omitzero"`
	Approval Approval `json:"approval,omitzero"`
	// NextReview is when the document must be reviewed again; documents
	// default it at approval (the policy: 12 months).
	NextReview time.Time `json:"next_review,omitzero"`
	// Changes summarises what changed since the previous edition.
	Changes string `json:"changes,omitempty"`
	// Hash seals an approved edition: "sha256:" and the hex SHA-256 of the
	// document's content and this block (everything an approval asserts),
	// without the hash itself.
	Hash string `json:"hash,omitempty"`
}

var hashPattern = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)

// Validate checks the block on its own: a document and edition, a known
// status, and for an approved edition a valid approval and a well-formed
// hash; a draft carries neither.
func (r Revision) Validate() error {
	var p Problems
	if r.Document.IsZero() {
		p.Addf("document", "the document has no ID")
	}
	if r.Edition < 1 {
		p.Addf("edition", "edition %d: editions count from 1", r.Edition)
	}
	if !r.Owner.IsZero() {
		p.Merge("owner", r.Owner.Validate())
	}
	CheckDate(&p, "next_review", "the next review", r.NextReview, false)
	switch r.Status {
	case Approved:
		p.Merge("approval", r.Approval.Validate())
		if !hashPattern.MatchString(r.Hash) {
			p.Addf("hash", "an approved edition carries its content hash (sha256:…); approve it with Approve")
		}
		if !r.NextReview.IsZero() && !r.Approval.At.IsZero() && !r.NextReview.After(r.Approval.At) {
			p.Addf("next_review", "the next review (%s) must come after the approval (%s)",
				r.NextReview.Format(time.DateOnly), r.Approval.At.Format(time.DateOnly))
		}
	case Draft:
		if !r.Approval.IsZero() {
			p.Addf("approval", "a draft has no approval; approve it with Approve")
		}
		if r.Hash != "" {
			p.Addf("hash", "a draft has no content hash")
		}
	default:
		p.Addf("status", "status %s is not %q or %q", Quote(string(r.Status)), Draft, Approved)
	}
	return p.Err()
}

// Approve returns the block approved with a and sealed with the hash of
// content and the block. content is the document without its Revision
// (plain data that encodes to JSON). It refuses, listing every problem, an
// edition that is already approved, an incomplete approval, or a next
// review that does not come after the approval.
func (r Revision) Approve(a Approval, content any) (Revision, error) {
	var p Problems
	if r.Status == Approved {
		p.Addf("status", "edition %d is already approved; start the next draft with Next", r.Edition)
	} else {
		p.Merge("", r.Validate())
	}
	p.Merge("approval", a.Validate())
	if !r.NextReview.IsZero() && !a.At.IsZero() && !r.NextReview.After(a.At) {
		p.Addf("next_review", "the next review (%s) must come after the approval (%s)",
			r.NextReview.Format(time.DateOnly), a.At.Format(time.DateOnly))
	}
	if err := p.Err(); err != nil {
		return r, err
	}
	out := r
	out.Status, out.Approval = Approved, a
	h, err := out.ContentHash(content)
	if err != nil {
		return r, err
	}
	out.Hash = h
	return out, nil
}

// ContentHash returns the hash that seals content together with this block
// (without its Hash field). It fails only when content cannot be encoded,
// for example a date beyond year 9999.
func (r Revision) ContentHash(content any) (string, error) {
	r.Hash = ""
	h, err := digest.Sum(struct {
		Revision Revision `json:"revision"`
		Content  any      `json:"content"`
	}{r, content})
	if err != nil {
		return "", fmt.Errorf("%w: the document cannot be sealed: %v", ErrInvalid, err)
	}
	return h, nil
}

// Verify reports whether an approved edition still matches its hash, i.e.
// neither content nor approval changed since approval; it fails with
// ErrConflict when they did. A draft has nothing to verify.
func (r Revision) Verify(content any) error {
	if r.Status != Approved {
		return nil
	}
	h, err := r.ContentHash(content)
	if err != nil {
		return err
	}
	if h != r.Hash {
		return fmt.Errorf("%w: edition %d was changed after approval", ErrConflict, r.Edition)
	}
	return nil
}

// Next returns the block of the next draft after r: the same document and
// owner, edition r.Edition+1, no approval, no next review, no hash, and the
// given change summary.
func (r Revision) Next(changes string) Revision {
	return Revision{Document: r.Document, Edition: r.Edition + 1, Status: Draft, Owner: r.Owner, Changes: changes}
}
