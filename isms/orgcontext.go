package isms

import (
	"fmt"
	"strings"
)

// OrgContext is one organisation's ISMS context as a single value: who it
// is, what is in scope, the issues and interested parties it must consider,
// its assets, people, roles and objectives. Hosts assemble it from their
// stores; consultants build it in code or load it from JSON. Validate checks
// every record and every reference between them at once.
type OrgContext struct {
	Organization     Organization      `json:"organization"`
	Scope            Scope             `json:"scope"`
	Issues           []Issue           `json:"issues,omitempty"`
	Parties          []InterestedParty `json:"parties,omitempty"`
	Requirements     []Requirement     `json:"requirements,omitempty"`
	Assets           []Asset           `json:"assets,omitempty"`
	People           []Person          `json:"people,omitempty"`
	Roles            []Role            `json:"roles,omitempty"`
	Responsibilities []Responsibility  `json:"responsibilities,omitempty"`
	Objectives       []Objective       `json:"objectives,omitempty"`
}

// RatingScales returns the scales the organisation rates assets on; see
// Organization.RatingScales.
func (c OrgContext) RatingScales() RatingScales {
	return c.Organization.RatingScales()
}

// Person returns the person with the given ID.
func (c OrgContext) Person(id PersonID) (Person, bool) {
	for _, p := range c.People {
		if p.ID == id {
			return p, true
		}
	}
	return Person{}, false
}

// Role returns the role with the given ID.
func (c OrgContext) Role(id RoleID) (Role, bool) {
	for _, r := range c.Roles {
		if r.ID == id {
			return r, true
		}
	}
	return Role{}, false
}

// Party returns the interested party with the given ID.
func (c OrgContext) Party(id PartyID) (InterestedParty, bool) {
	for _, p := range c.Parties {
		if p.ID == id {
			return p, true
		}
	}
	return InterestedParty{}, false
}

// OwnerName returns a readable name for an owner: the role's or the person's
// name, or "" when it does not resolve.
func (c OrgContext) OwnerName(o Owner) string {
	if r, ok := c.Role(o.Role); ok && !o.Role.IsZero() {
		return r.Name
	}
	if p, ok := c.Person(o.Person); ok && !o.Person.IsZero() {
		return p.Name
	}
	return ""
}

// KeyAssets returns the n most critical assets on the context's rating
// scales, as documented on Criticality.
func (c OrgContext) KeyAssets(n int) ([]RankedAsset, error) {
	return KeyAssets(c.Assets, c.RatingScales(), n)
}

// Validate checks every record of the context and every reference between
// them, and returns one error listing all problems, each with its path
// (e.g. "assets[2].owner.role"). It checks that IDs are unique per kind,
// owners resolve to an existing role or person, every role has a holder who
// exists, every responsibility area has an accountable role that exists,
// requirements name an existing party, and asset ratings lie on the scales.
func (c OrgContext) Validate() error {
	var p Problems
	p.Merge("organization", c.Organization.Validate())
	p.Merge("scope", c.Scope.Validate())
	scales := c.RatingScales()

	checkUnique(&p, "people", c.People, Person.Key)
	checkUnique(&p, "roles", c.Roles, Role.Key)
	checkUnique(&p, "parties", c.Parties, InterestedParty.Key)
	checkUnique(&p, "issues", c.Issues, Issue.Key)
	checkUnique(&p, "requirements", c.Requirements, Requirement.Key)
	checkUnique(&p, "assets", c.Assets, Asset.Key)
	checkUnique(&p, "objectives", c.Objectives, Objective.Key)
	checkUnique(&p, "responsibilities", c.Responsibilities, Responsibility.Key)

	refs := c.Refs()
	owner := func(path string, o Owner) { refs.CheckOwner(&p, path, "", o) }
	party := func(path string, id PartyID) {
		if !id.IsZero() && !refs.HasParty(id) {
			p.Addf(path, "interested party %s is not listed in parties", id)
		}
	}

	for i, it := range c.Scope.Interfaces {
		party(JoinPath(Index("scope.interfaces", i), "party"), it.Party)
	}
	for i, x := range c.Issues {
		p.Merge(Index("issues", i), x.Validate())
	}
	for i, x := range c.Parties {
		p.Merge(Index("parties", i), x.Validate())
	}
	for i, x := range c.Requirements {
		path := Index("requirements", i)
		p.Merge(path, x.Validate())
		party(JoinPath(path, "party"), x.Party)
		owner(JoinPath(path, "owner"), x.Owner)
	}
	for i, x := range c.Assets {
		path := Index("assets", i)
		p.Merge(path, x.Validate())
		owner(JoinPath(path, "owner"), x.Owner)
		party(JoinPath(path, "supplier"), x.Supplier)
		p.Merge(JoinPath(path, "ratings"), scales.CheckRatings(x.Ratings))
	}
	for i, x := range c.People {
		p.Merge(Index("people", i), x.Validate())
	}
	for i, x := range c.Roles {
		path := Index("roles", i)
		p.Merge(path, x.Validate())
		for j, h := range x.Holders {
			if !h.IsZero() && !refs.HasPerson(h) {
				p.Addf(JoinPath(path, Index("holders", j)), "holder %s of role %s is not a person of this organisation", h, Quote(x.Name))
			}
		}
	}
	areas := map[string]int{}
	for i, x := range c.Responsibilities {
		path := Index("responsibilities", i)
		p.Merge(path, x.Validate())
		key := strings.ToLower(strings.TrimSpace(x.Area))
		if j, dup := areas[key]; dup && key != "" {
			p.Addf(JoinPath(path, "area"), "area %s is assigned twice (also at responsibilities[%d]); one area has one accountable role", Quote(x.Area), j)
		} else {
			areas[key] = i
		}
		if !x.Accountable.IsZero() && !refs.HasRole(x.Accountable) {
			p.Addf(JoinPath(path, "accountable"), "accountable role %s of area %s is not a role of this organisation", x.Accountable, Quote(x.Area))
		}
		for j, r := range x.Responsible {
			if !r.IsZero() && !refs.HasRole(r) {
				p.Addf(JoinPath(path, Index("responsible", j)), "responsible role %s of area %s is not a role of this organisation", r, Quote(x.Area))
			}
		}
	}
	for i, x := range c.Objectives {
		path := Index("objectives", i)
		p.Merge(path, x.Validate())
		owner(JoinPath(path, "owner"), x.Owner)
	}
	return p.Err()
}

// checkUnique records a problem for each repeated ID in list; zero IDs are
// left to the records' own Validate.
func checkUnique[T any, K comparable](p *Problems, field string, list []T, key func(T) K) {
	seen := make(map[K]bool, len(list))
	var zero K
	for i, x := range list {
		k := key(x)
		if k == zero {
			continue // the record's own Validate reports a missing ID
		}
		if seen[k] {
			p.Addf(JoinPath(Index(field, i), "id"), "ID %v is used twice in %s", k, field)
		}
		seen[k] = true
	}
}

// Context lint rule IDs.
const (
	RuleAreaUnassigned         = "roles/area-unassigned"
	RuleExternalAccountable    = "roles/external-accountable"
	RuleSharedAccountability   = "roles/shared-accountability"
	RuleObjectiveCount         = "objectives/count"
	RuleKeyAssetCount          = "assets/too-few"
	RuleClimateNotConsidered   = "context/climate-not-considered"
	RuleRequirementUnaddressed = "requirements/unaddressed"
)

// MaxAccountableHolders is the most holders an accountable role may have
// before Lint warns that accountability is spread too thin.
const MaxAccountableHolders = 3

// LintOptions tunes OrgContext.Lint. The zero value uses the defaults.
type LintOptions struct {
	// ScopeLimits overrides DefaultScopeLimits for the organisation's size.
	ScopeLimits *ScopeLimits
	// Areas overrides StandardAreas as the areas that must be assigned.
	Areas []string
}

// Lint gives advice on a context that is valid but weak, following the
// domain articles: a first scope broad for the organisation's size (see
// Scope.Lint); a standard responsibility area with no accountable role; an
// external person accountable for an area, or a role of more than
// MaxAccountableHolders people; fewer than 3 or more than 5
// objectives; fewer than 3 assets; climate change not considered among the
// issues or requirements (2024 amendment to 4.1/4.2); a requirement not
// addressed through the ISMS. Findings are sorted deterministically.
func (c OrgContext) Lint(opts LintOptions) []Advice {
	limits := DefaultScopeLimits(c.Organization.Size())
	if opts.ScopeLimits != nil {
		limits = *opts.ScopeLimits
	}
	var fs []Advice
	for _, f := range c.Scope.Lint(c.Organization, limits) {
		f.Path = JoinPath("scope", f.Path)
		fs = append(fs, f)
	}

	areas := opts.Areas
	if areas == nil {
		areas = StandardAreas()
	}
	assigned := map[string]Responsibility{}
	for _, r := range c.Responsibilities {
		assigned[strings.ToLower(strings.TrimSpace(r.Area))] = r
	}
	for _, a := range areas {
		if _, ok := assigned[strings.ToLower(a)]; !ok {
			fs = append(fs, Advice{Code: RuleAreaUnassigned, Severity: SeverityWarning, Path: "responsibilities",
				Message: fmt.Sprintf("nobody is accountable for %q; assign it to a role", a)})
		}
	}
	for i, r := range c.Responsibilities {
		role, ok := c.Role(r.Accountable)
		if !ok {
			continue
		}
		if len(role.Holders) > MaxAccountableHolders {
			fs = append(fs, Advice{Code: RuleSharedAccountability, Severity: SeverityWarning,
				Path: JoinPath(Index("responsibilities", i), "accountable"),
				Message: fmt.Sprintf("%s is answered for by %s, a role held by %d people; make one small role accountable and let the group do the work",
					Quote(r.Area), Quote(role.Name), len(role.Holders))})
		}
		for _, h := range role.Holders {
			if person, ok := c.Person(h); ok && person.External {
				fs = append(fs, Advice{Code: RuleExternalAccountable, Severity: SeverityWarning,
					Path:    JoinPath(Index("responsibilities", i), "accountable"),
					Message: fmt.Sprintf("%s is held by %s, who is external; outside help can do the work, but accountability should stay inside the company", Quote(r.Area), Quote(person.Name))})
			}
		}
	}

	if n := len(c.Objectives); n < 3 || n > 5 {
		fs = append(fs, Advice{Code: RuleObjectiveCount, Severity: SeverityWarning, Path: "objectives",
			Message: fmt.Sprintf("there are %d objectives; 3 to 5 measurable objectives for the next 12 months keep the ISMS focused", n)})
	}
	if n := len(c.Assets); n < 3 {
		fs = append(fs, Advice{Code: RuleKeyAssetCount, Severity: SeverityWarning, Path: "assets",
			Message: fmt.Sprintf("the inventory has %d assets; start from at least the 3 to 5 most important information assets", n)})
	}
	climate := false
	for _, x := range c.Issues {
		climate = climate || x.Climate
	}
	for _, x := range c.Requirements {
		climate = climate || x.Climate
	}
	if !climate {
		fs = append(fs, Advice{Code: RuleClimateNotConsidered, Severity: SeverityWarning, Path: "issues",
			Message: "no issue or requirement records whether climate change is relevant; since the 2024 amendment, decide and record it (even if the answer is that it is not relevant)"})
	}
	for i, r := range c.Requirements {
		if !r.Addressed {
			fs = append(fs, Advice{Code: RuleRequirementUnaddressed, Severity: SeverityInfo,
				Path:    JoinPath(Index("requirements", i), "addressed"),
				Message: fmt.Sprintf("requirement %s is not marked as addressed through the ISMS; say how it is met or why not", Quote(r.Title))})
		}
	}
	SortAdvice(fs)
	return fs
}
