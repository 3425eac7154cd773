package isms

import (
	"strings"
)

// Person is someone who can hold a role or own something: an employee, a
// contractor or an external adviser.
type Person struct {
	ID    PersonID `json:"id"`
	Name  string   `json:"name"`
	Email string   `json:"email,omitempty"`
	// Title is the job title, e.g. "IT manager".
	Title string `json:"title,omitempty"`
	// External marks someone outside the organisation (a consultant, an
	// outsourced auditor); they may do work but should not be accountable.
	External bool `json:"external,omitempty"`
}

// Key returns the person's ID; it makes Person storable in a Repository.
func (p Person) Key() PersonID { return p.ID }

// Validate checks the person's own fields.
func (p Person) Validate() error {
	var probs Problems
	if p.ID.IsZero() {
		probs.Addf("id", "the person has no ID")
	}
	checkName(&probs, "name", "person", p.Name)
	return probs.Err()
}

// Role is an organisational role such as "CEO", "IT manager" or
// "Supervisors", held by one or more people (clause 5.3). Owning things
// through roles rather than people keeps the ISMS valid when staff change.
type Role struct {
	ID          RoleID     `json:"id"`
	Name        string     `json:"name"`
	Description string     `json:"description,omitempty"`
	Holders     []PersonID `json:"holders,omitempty"`
	// Authorities lists what the role may decide, e.g. "approve the policy",
	// "accept High risks". Free text for people; later packages refer to
	// roles by ID.
	Authorities []string `json:"authorities,omitempty"`
}

// Key returns the role's ID; it makes Role storable in a Repository.
func (r Role) Key() RoleID { return r.ID }

// Validate checks the role's own fields. That every holder exists is checked
// by OrgContext.Validate, which sees the people.
func (r Role) Validate() error {
	var p Problems
	if r.ID.IsZero() {
		p.Addf("id", "the role has no ID")
	}
	checkName(&p, "name", "role", r.Name)
	if len(r.Holders) == 0 {
		p.Addf("holders", "role %s has no holder; name at least one person who holds it", Quote(r.Name))
	}
	for i, h := range r.Holders {
		if h.IsZero() {
			p.Addf(Index("holders", i), "role %s lists an empty holder", Quote(r.Name))
		}
	}
	return p.Err()
}

// Responsibility assigns one area of the ISMS (policy approval, risk
// assessment, access management, …) to roles: exactly one accountable role
// that answers for it, and the roles that do the work.
type Responsibility struct {
	ID          ResponsibilityID `json:"id"`
	Area        string           `json:"area"`
	Description string           `json:"description,omitempty"`
	Accountable RoleID           `json:"accountable"`
	Responsible []RoleID         `json:"responsible,omitempty"`
}

// Key returns the responsibility's ID; it makes Responsibility storable.
func (r Responsibility) Key() ResponsibilityID { return r.ID }

// Validate checks that the area is named and has an accountable role.
func (r Responsibility) Validate() error {
	var p Problems
	if r.ID.IsZero() {
		p.Addf("id", "the responsibility has no ID")
	}
	if strings.TrimSpace(r.Area) == "" {
		p.Addf("area", "the responsibility names no area")
	}
	if r.Accountable.IsZero() {
		p.Addf("accountable", "area %s has no accountable role; name the one role that answers for it", Quote(r.Area))
	}
	for i, id := range r.Responsible {
		if id.IsZero() {
			p.Addf(Index("responsible", i), "area %s lists an empty responsible role", Quote(r.Area))
		}
	}
	return p.Err()
}

// Standard ISMS responsibility areas from the domain articles' responsibility
// model. OrgContext.Lint warns when one of them has no Responsibility.
const (
	AreaPolicyApproval        = "Policy approval and resources"
	AreaPolicyMaintenance     = "Policy maintenance and monitoring"
	AreaScopeApproval         = "Scope approval"
	AreaRiskAssessment        = "Risk assessment coordination"
	AreaControlImplementation = "Control implementation"
	AreaAccessManagement      = "Access management"
	AreaIncidentHandling      = "Incident handling"
	AreaInternalAudit         = "Internal audit"
	AreaManagementReview      = "Management review"
	AreaPolicyCompliance      = "Following the policy and reporting deviations"
)

// StandardAreas returns the responsibility areas every SME ISMS should
// assign, in a fixed order.
func StandardAreas() []string {
	return []string{
		AreaScopeApproval, AreaPolicyApproval, AreaPolicyMaintenance,
		AreaRiskAssessment, AreaControlImplementation, AreaAccessManagement,
		AreaIncidentHandling, AreaInternalAudit, AreaManagementReview,
		AreaPolicyCompliance,
	}
}

// Owner says who is accountable for a record (an asset, a requirement, an
// objective, later a risk or a control): a role, which survives staff
// changes, or a named person. Exactly one of the two is set.
type Owner struct {
	Role   RoleID   `json:"role,omitzero"`
	Person PersonID `json:"person,omitzero"`
}

// OwnedByRole returns an Owner that is the given role.
func OwnedByRole(id RoleID) Owner { return Owner{Role: id} }

// OwnedByPerson returns an Owner that is the given person.
func OwnedByPerson(id PersonID) Owner { return Owner{Person: id} }

// IsZero reports whether no owner is set.
func (o Owner) IsZero() bool { return o.Role.IsZero() && o.Person.IsZero() }

// Validate checks that exactly one of Role and Person is set.
func (o Owner) Validate() error {
	var p Problems
	switch {
	case o.IsZero():
		p.Addf("", "no owner is set; name the role or person who is accountable")
	case !o.Role.IsZero() && !o.Person.IsZero():
		p.Addf("", "the owner names both a role and a person; name one")
	}
	return p.Err()
}

func checkName(p *Problems, path, what, name string) {
	switch {
	case strings.TrimSpace(name) == "":
		p.Addf(path, "the %s has no name", what)
	case IsCollectiveName(name):
		p.Addf(path, "%s name %s makes nobody accountable; name a real %s", what, Quote(name), what)
	}
}
