package policy

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// ID names one version of a policy; each version is its own record.
type ID = isms.ID[Policy]

// Lineage marks the chain of versions of one policy.
type Lineage struct{}

// DocumentID names a policy across its versions.
type DocumentID = isms.ID[Lineage]

// VersionID returns the ID of version v of document doc.
func VersionID(doc DocumentID, v int) ID {
	return isms.DeriveID[Policy](doc.UUID(), fmt.Sprintf("version %d", v))
}

// Status is where a policy version stands.
type Status string

// Statuses.
const (
	Draft    Status = "draft"
	Approved Status = "approved"
)

// KeyRisk is one of the organisation's key risks as the policy cites it,
// captured when the policy was drafted.
type KeyRisk struct {
	Risk  risk.RiskID `json:"risk"`
	Ref   string      `json:"ref"`
	Title string      `json:"title"`
	Band  string      `json:"band"`
}

// Principle is a short, tool-independent rule of the policy, linked to the
// key risks it answers and the metric that shows it works: the article's
// key risk → principle → metric table.
type Principle struct {
	Statement string        `json:"statement"`
	Risks     []risk.RiskID `json:"risks,omitempty"`
	Metric    string        `json:"metric,omitempty"`
}

// Responsibility names a role and what it does for the policy.
type Responsibility struct {
	Role   isms.RoleID `json:"role"`
	Name   string      `json:"name"`
	Duties string      `json:"duties"`
}

// Commitment is a law, regulation, contract or internal requirement the
// policy commits to meeting.
type Commitment struct {
	Requirement isms.RequirementID   `json:"requirement"`
	Kind        isms.RequirementKind `json:"kind"`
	Title       string               `json:"title"`
	Source      string               `json:"source"`
}

// Policy is one version of the information security policy (clause 5.2)
// as structured sections: purpose, scope, measurable objectives, principles,
// roles and responsibilities, commitments, monitoring and review, and the
// approval and version block. Approved versions are immutable (Hash covers
// the content); a change starts a new draft with Revise.
type Policy struct {
	ID           ID         `json:"id"`
	Document     DocumentID `json:"document"`
	Organization string     `json:"organization"`
	Title        string     `json:"title"`

	Purpose          string           `json:"purpose"`
	Scope            string           `json:"scope"`
	Objectives       []isms.Objective `json:"objectives"`
	KeyRisks         []KeyRisk        `json:"key_risks,omitempty"`
	Principles       []Principle      `json:"principles"`
	Responsibilities []Responsibility `json:"responsibilities"`
	Commitments      []Commitment     `json:"commitments"`
	Monitoring       string           `json:"monitoring"`

	Version    int       `json:"version"`
	Status     Status    `json:"status"`
	Owner      string    `json:"owner"`
	Approver   string    `json:"approver,omitempty"`
	ApprovedAt time.Time `json:"approved_at,omitzero"`
	// NextReview defaults to 12 months after approval.
	NextReview time.Time `json:"next_review,omitzero"`
	Changes    string    `json:"changes,omitempty"`
	Hash       string    `json:"hash,omitempty"`
}

// Key returns the version's ID; it makes Policy storable in a Repository.
func (p Policy) Key() ID { return p.ID }
