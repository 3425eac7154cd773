package isms

// Refs indexes the IDs of an organisation's context, so that packages
// holding references into it (risks, SoA entries, policies) check them the
// same way. Build it with OrgContext.Refs; the zero Refs knows no IDs.
type Refs struct {
	roles        map[RoleID]bool
	people       map[PersonID]bool
	parties      map[PartyID]bool
	assets       map[AssetID]bool
	requirements map[RequirementID]bool
	objectives   map[ObjectiveID]bool
}

// Refs returns the index of c's IDs.
func (c OrgContext) Refs() Refs {
	return Refs{
		roles:        setOf(c.Roles, Role.Key),
		people:       setOf(c.People, Person.Key),
		parties:      setOf(c.Parties, InterestedParty.Key),
		assets:       setOf(c.Assets, Asset.Key),
		requirements: setOf(c.Requirements, Requirement.Key),
		objectives:   setOf(c.Objectives, Objective.Key),
	}
}

func setOf[T any, K comparable](list []T, key func(T) K) map[K]bool {
	out := make(map[K]bool, len(list))
	for _, x := range list {
		out[key(x)] = true
	}
	return out
}

// HasRole reports whether id is a role of the organisation.
func (r Refs) HasRole(id RoleID) bool { return r.roles[id] }

// HasPerson reports whether id is a person of the organisation.
func (r Refs) HasPerson(id PersonID) bool { return r.people[id] }

// HasParty reports whether id is an interested party of the organisation.
func (r Refs) HasParty(id PartyID) bool { return r.parties[id] }

// HasAsset reports whether id is in the asset inventory.
func (r Refs) HasAsset(id AssetID) bool { return r.assets[id] }

// HasRequirement reports whether id is a requirement of the organisation.
func (r Refs) HasRequirement(id RequirementID) bool { return r.requirements[id] }

// HasObjective reports whether id is an objective of the organisation.
func (r Refs) HasObjective(id ObjectiveID) bool { return r.objectives[id] }

// CheckOwner records a problem at path when o names a role or person the
// organisation does not have. subject prefixes the message, e.g.
// `risk "R-7": `. An unset owner is not reported here (Owner.Validate does
// that where an owner is required).
func (r Refs) CheckOwner(p *Problems, path, subject string, o Owner) {
	switch {
	case !o.Role.IsZero() && !r.roles[o.Role]:
		p.Addf(JoinPath(path, "role"), "%sowner role %s is not a role of this organisation", subject, o.Role)
	case !o.Person.IsZero() && !r.people[o.Person]:
		p.Addf(JoinPath(path, "person"), "%sowner %s is not a person of this organisation", subject, o.Person)
	}
}
