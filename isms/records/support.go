package records

import (
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Record ID kinds of the support and planning records.
type (
	// CompetenceID names a competence requirement.
	CompetenceID = isms.ID[CompetenceRequirement]
	// CommunicationID names a planned communication.
	CommunicationID = isms.ID[Communication]
	// DocumentID names an entry of the document register.
	DocumentID = isms.ID[Document]
	// OpportunityID names an opportunity of the ISMS.
	OpportunityID = isms.ID[Opportunity]
	// ResourceID names a resource provided for the ISMS.
	ResourceID = isms.ID[Resource]
)

// CompetenceEvidence shows that one person has a competence: a
// certificate, a degree, a course or experience, with its date.
type CompetenceEvidence struct {
	Person      isms.PersonID `json:"person"`
	Description string        `json:"description"`
	Date        time.Time     `json:"date"`
}

// CompetenceRequirement is the competence one role needs (clause 7.2 a),
// with the evidence that each holder of the role has it (7.2 d). A
// Training record whose course is one of Courses counts as evidence too.
type CompetenceRequirement struct {
	ID       CompetenceID         `json:"id"`
	Role     isms.RoleID          `json:"role"`
	Required string               `json:"required"`          // "ISO 27001 internal auditor course and two audits observed"
	Courses  []string             `json:"courses,omitempty"` // training courses that meet it
	Evidence []CompetenceEvidence `json:"evidence,omitempty"`
}

// Key returns the requirement's ID.
func (c CompetenceRequirement) Key() CompetenceID { return c.ID }

// Validate checks the requirement's own fields.
func (c CompetenceRequirement) Validate() error {
	var p isms.Problems
	if c.ID.IsZero() {
		p.Addf("id", "the competence requirement has no ID")
	}
	if c.Role.IsZero() {
		p.Addf("role", "the competence requirement names no role")
	}
	if isms.IsPlaceholder(c.Required) {
		p.Addf("required", "the competence requirement does not say what competence the role needs")
	}
	for i, e := range c.Evidence {
		path := isms.Index("evidence", i)
		if e.Person.IsZero() {
			p.Addf(isms.JoinPath(path, "person"), "the evidence names nobody")
		}
		if isms.IsPlaceholder(e.Description) {
			p.Addf(isms.JoinPath(path, "description"), "the evidence does not say what shows the competence")
		}
		isms.CheckDate(&p, isms.JoinPath(path, "date"), "the evidence date", e.Date, true)
	}
	return p.Err()
}

// Communication is one line of the communication plan (clause 7.4): what
// is communicated, when, with whom, by whom and how.
type Communication struct {
	ID       CommunicationID `json:"id"`
	Subject  string          `json:"subject"`  // what
	When     string          `json:"when"`     // "within 7 days of each policy approval", "quarterly"
	Audience string          `json:"audience"` // with whom
	By       isms.Owner      `json:"by"`       // who communicates
	Method   string          `json:"method,omitempty"`
}

// Key returns the communication's ID.
func (c Communication) Key() CommunicationID { return c.ID }

// Validate checks that what, when, with whom and who are all there.
func (c Communication) Validate() error {
	var p isms.Problems
	if c.ID.IsZero() {
		p.Addf("id", "the communication has no ID")
	}
	for _, f := range []struct{ path, text, what string }{
		{"subject", c.Subject, "what is communicated"},
		{"when", c.When, "when it is communicated"},
		{"audience", c.Audience, "with whom"},
	} {
		if isms.IsPlaceholder(f.text) {
			p.Addf(f.path, "the communication does not say %s", f.what)
		}
	}
	if c.By.Validate() != nil {
		p.Addf("by", "communication %q has no single role or person who communicates it", c.Subject)
	}
	return p.Err()
}

// Document is one entry of the document register (clause 7.5): a document
// the organisation decided it needs, or one of external origin, with how
// it is controlled: owner, version, approval, retention and access.
type Document struct {
	ID    DocumentID `json:"id"`
	Title string     `json:"title"`
	// Clause is the requirement it answers ("6.1.3", "8.1", "A.5.37"), if any.
	Clause    string     `json:"clause,omitempty"`
	Owner     isms.Owner `json:"owner"`
	Version   string     `json:"version"`
	Approved  time.Time  `json:"approved,omitzero"`
	Retention string     `json:"retention"` // "3 years after replacement"
	Access    string     `json:"access"`    // "all staff, read-only"
	// External marks a document of external origin (a law, a supplier's
	// terms, a standard); Origin says where it comes from.
	External bool   `json:"external,omitempty"`
	Origin   string `json:"origin,omitempty"`
}

// Key returns the document's ID.
func (d Document) Key() DocumentID { return d.ID }

// Controlled reports whether the document is under control (7.5.2, 7.5.3):
// an owner, a version, an approval date (for the organisation's own
// documents), a retention and an access rule.
func (d Document) Controlled() bool { return len(d.Uncontrolled()) == 0 }

// Uncontrolled names, in words, what the entry still lacks to be
// controlled: "owner", "version", "approval" (an own document's approval
// date), "retention", "access"; none when Controlled.
func (d Document) Uncontrolled() []string {
	var out []string
	if d.Owner.Validate() != nil {
		out = append(out, "owner")
	}
	if isms.IsPlaceholder(d.Version) {
		out = append(out, "version")
	}
	if !d.External && d.Approved.IsZero() {
		out = append(out, "approval")
	}
	if isms.IsPlaceholder(d.Retention) {
		out = append(out, "retention")
	}
	if isms.IsPlaceholder(d.Access) {
		out = append(out, "access")
	}
	return out
}

// Validate checks the entry: a title, an owner, and an origin for an
// external document. Version, approval, retention and access may still be
// open on a draft entry; Controlled tells whether they are all set.
func (d Document) Validate() error {
	var p isms.Problems
	if d.ID.IsZero() {
		p.Addf("id", "the document has no ID")
	}
	if strings.TrimSpace(d.Title) == "" {
		p.Addf("title", "the document has no title")
	}
	if d.Owner.Validate() != nil {
		p.Addf("owner", "document %q has no single owner", d.Title)
	}
	if d.External && isms.IsPlaceholder(d.Origin) {
		p.Addf("origin", "external document %q does not say where it comes from", d.Title)
	}
	isms.CheckDate(&p, "approved", "the approval date", d.Approved, false)
	return p.Err()
}

// Opportunity is an opportunity for the ISMS (clause 6.1.1) and the action
// planned on it.
type Opportunity struct {
	ID          OpportunityID `json:"id"`
	Description string        `json:"description"`
	Action      string        `json:"action"`
	Owner       isms.Owner    `json:"owner"`
	Due         time.Time     `json:"due,omitzero"`
}

// Key returns the opportunity's ID.
func (o Opportunity) Key() OpportunityID { return o.ID }

// Validate checks that the opportunity has an action and an owner.
func (o Opportunity) Validate() error {
	var p isms.Problems
	if o.ID.IsZero() {
		p.Addf("id", "the opportunity has no ID")
	}
	if isms.IsPlaceholder(o.Description) {
		p.Addf("description", "the opportunity has no description")
	}
	if isms.IsPlaceholder(o.Action) {
		p.Addf("action", "opportunity %q has no action planned", o.Description)
	}
	if o.Owner.Validate() != nil {
		p.Addf("owner", "opportunity %q has no single owner", o.Description)
	}
	isms.CheckDate(&p, "due", "the due date", o.Due, false)
	return p.Err()
}

// Resource is a resource top management provides for the ISMS (clause
// 7.1): people's time, a budget, a tool or outside help.
type Resource struct {
	ID       ResourceID `json:"id"`
	Need     string     `json:"need"`     // "a part-time security officer"
	Provided string     `json:"provided"` // "20 % of the IT manager's time"
	// ApprovedBy is who committed it, and Approved when.
	ApprovedBy isms.Owner `json:"approved_by"`
	Approved   time.Time  `json:"approved,omitzero"`
}

// Key returns the resource's ID.
func (r Resource) Key() ResourceID { return r.ID }

// Validate checks that the resource says what is needed and what is
// provided, and who committed it.
func (r Resource) Validate() error {
	var p isms.Problems
	if r.ID.IsZero() {
		p.Addf("id", "the resource has no ID")
	}
	if isms.IsPlaceholder(r.Need) {
		p.Addf("need", "the resource does not say what is needed")
	}
	if isms.IsPlaceholder(r.Provided) {
		p.Addf("provided", "resource %q does not say what is provided", r.Need)
	}
	if r.ApprovedBy.Validate() != nil {
		p.Addf("approved_by", "resource %q names no single role or person who committed it", r.Need)
	}
	isms.CheckDate(&p, "approved", "the approval date", r.Approved, false)
	return p.Err()
}
