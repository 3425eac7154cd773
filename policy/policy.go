package policy

import (
	"fmt"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
)

// ID names one edition of a policy; each edition is its own record.
type ID = isms.ID[Policy]

// VersionID returns the ID of the given edition of document doc: the same
// document and edition always give the same ID. (The name derived from is
// "version N", as before editions were called editions, so stored IDs stay
// the same.)
func VersionID(doc isms.DocumentID, edition int) ID {
	return isms.DeriveID[Policy](doc.UUID(), fmt.Sprintf("version %d", edition))
}

// KeyRisk is one of the organisation's key risks as the policy cites it,
// captured when the policy was drafted.
type KeyRisk struct {
	Risk  risk.ID `json:"risk"`
	Ref   string  `json:"ref"`
	Title string  `json:"title"`
	Band  string  `json:"band"`
}

// Principle is a short, tool-independent rule of the policy, linked to the
// key risks it answers and the metric that shows it works: the article's
// key risk → principle → metric table.
type Principle struct {
	Statement string    `json:"statement"`
	Risks     []risk.ID `json:"risks,omitempty"`
	Metric    string    `json:"metric,omitempty"`
	// Objectives are the policy's objectives whose metrics show the
	// principle works; Metric then quotes them.
	Objectives []isms.ObjectiveID `json:"objectives,omitempty"`
	// Processes are the process descriptions that carry the principle out,
	// as the policy cites them (Compose links them; CheckProcesses checks
	// they exist).
	Processes []ProcessLink `json:"processes,omitempty"`
}

// ProcessLink names a process description that carries a principle out,
// captured when the policy was composed: the policy says what, the process
// says who does what and by when.
type ProcessLink struct {
	Process processes.ID `json:"process"`
	Name    string       `json:"name"`
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

// Availability records how the policy is available to the people it
// concerns (clause 5.2 g): where every employee finds it (the domain
// article: somewhere findable in under two minutes, such as the intranet
// or the management system's document repository), whether it is part of
// onboarding, and how interested parties outside the organisation get it.
type Availability struct {
	// Location is where the policy is published for employees, as the
	// phrase that follows "published", e.g. "on the intranet's ISMS page"
	// or "in the management system's document repository".
	Location string `json:"location"`
	// Onboarding is true when every new employee is given the policy as
	// part of onboarding.
	Onboarding bool `json:"onboarding,omitempty"`
	// Parties says how interested parties outside the organisation get the
	// policy, e.g. "Customers, auditors and the data protection authority
	// receive it on request."
	Parties string `json:"parties,omitempty"`
}

// Policy is one edition of the information security policy (clause 5.2)
// as structured sections: purpose, scope, measurable objectives, principles,
// roles and responsibilities, commitments, monitoring and review, the
// commitment to continual improvement, availability, and the
// revision block (document, edition, status, owner, approval, next review,
// changes and content hash). An approved edition is immutable (the hash
// covers the content and the approval); a change starts the next draft
// with Revise.
type Policy struct {
	ID           ID     `json:"id"`
	Organization string `json:"organization"`
	Title        string `json:"title"`

	Purpose          string           `json:"purpose"`
	Scope            string           `json:"scope"`
	Objectives       []isms.Objective `json:"objectives"`
	KeyRisks         []KeyRisk        `json:"key_risks,omitempty"`
	Principles       []Principle      `json:"principles"`
	Responsibilities []Responsibility `json:"responsibilities"`
	Commitments      []Commitment     `json:"commitments"`
	Monitoring       string           `json:"monitoring"`
	// Improvement is the policy's commitment to continual improvement of
	// the ISMS (clause 5.2 d). Lint reports a policy without one.
	Improvement string `json:"improvement,omitempty"`
	// Availability says where the policy is published and how interested
	// parties get it (clause 5.2 g). Lint reports a policy without it.
	Availability Availability `json:"availability,omitzero"`

	// Revision is the approval and edition block. Its Owner is the role
	// that maintains the policy; its NextReview defaults to ReviewInterval
	// months after approval.
	Revision isms.Revision `json:"revision"`
}

// Policy is a storable record: it has a Key and a self-contained Validate.
var _ isms.Record[Policy] = Policy{}

// KindPolicy is the storable kind of policy versions (every edition its
// own record), with its stable storage name "policy" (see isms.Kind).
var KindPolicy = isms.NewKind[Policy]("policy")

// Key returns the edition's ID; it makes Policy storable in a Repository.
func (p Policy) Key() ID { return p.ID }

// OwnerName returns the name the policy shows for its owner: the name of
// the owner's role under roles and responsibilities, or "" when the owner
// is not listed there.
func (p Policy) OwnerName() string {
	o := p.Revision.Owner
	if o.Role.IsZero() {
		return ""
	}
	for _, r := range p.Responsibilities {
		if r.Role == o.Role {
			return r.Name
		}
	}
	return ""
}
