package main

// The v2 workbook's context (clauses 4 and 5): the organisation, its
// scope, issues, parties and requirements, assets, people, roles,
// responsibilities and objectives.

import (
	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
)

// ContextV2 is the organisation and its context.
type ContextV2 struct {
	// Organization is the client organisation.
	Organization OrganizationV2 `json:"organization"`
	// Scope is the ISMS scope (clause 4.3).
	Scope ScopeV2 `json:"scope"`
	// Issues are the external and internal issues (clause 4.1).
	Issues []IssueV2 `json:"issues,omitempty"`
	// Parties are the interested parties (clause 4.2), each known by its
	// name.
	Parties []PartyV2 `json:"parties,omitempty"`
	// Requirements are the parties' requirements, each known by its title.
	Requirements []RequirementV2 `json:"requirements,omitempty"`
	// Assets are the information assets, each known by its name.
	Assets []AssetV2 `json:"assets,omitempty"`
	// People are the people of the ISMS, each known by their name.
	People []PersonV2 `json:"people,omitempty"`
	// Roles are the ISMS roles (clause 5.3), each known by its name.
	Roles []RoleV2 `json:"roles,omitempty"`
	// Responsibilities assign each ISMS area to roles, each known by its
	// area.
	Responsibilities []ResponsibilityV2 `json:"responsibilities,omitempty"`
	// Objectives are the information security objectives (clause 6.2),
	// each known by its title.
	Objectives []ObjectiveV2 `json:"objectives,omitempty"`
}

// OrganizationV2 is the client organisation; its name is the namespace
// every ID of the workbook is derived in.
type OrganizationV2 struct {
	// Name is the organisation's name.
	Name string `json:"name"`
	// Headcount is the number of staff.
	Headcount int `json:"headcount"`
	// Sector is what the organisation does ("Software as a service").
	Sector string `json:"sector,omitempty"`
	// Country is the ISO 3166 country code ("FI").
	Country string `json:"country,omitempty"`
	// Description says in a sentence or two what the organisation does.
	Description string `json:"description,omitempty"`
	// Scales are the asset rating scales (confidentiality, integrity,
	// availability).
	Scales isms.RatingScales `json:"scales,omitzero"`
}

// ScopeV2 is the ISMS scope.
type ScopeV2 struct {
	// Statement is the scope statement.
	Statement string `json:"statement"`
	// Items are what the scope includes or excludes.
	Items []isms.ScopeItem `json:"items"`
	// Interfaces are the scope's interfaces and dependencies.
	Interfaces []InterfaceV2 `json:"interfaces,omitempty"`
}

// InterfaceV2 is an interface or dependency of the scope.
type InterfaceV2 struct {
	// Kind is the kind of interface.
	Kind isms.InterfaceKind `json:"kind"`
	// Name names the interface.
	Name string `json:"name"`
	// Party is the name of the interested party at the other side, if any.
	Party string `json:"party,omitempty"`
	// Exchange says what crosses the interface.
	Exchange string `json:"exchange,omitempty"`
}

// IssueV2 is an external or internal issue.
type IssueV2 struct {
	// Kind says whether the issue is external or internal.
	Kind isms.IssueKind `json:"kind"`
	// Description describes the issue.
	Description string `json:"description"`
	// Climate marks an issue about climate change.
	Climate bool `json:"climate,omitempty"`
}

// PartyV2 is an interested party.
type PartyV2 struct {
	// Name is the party's name, its key.
	Name string `json:"name"`
	// Kind is the kind of party.
	Kind isms.PartyKind `json:"kind"`
	// Needs says what the party needs and expects.
	Needs string `json:"needs,omitempty"`
}

// RequirementV2 is a requirement of an interested party.
type RequirementV2 struct {
	// Title is the requirement's title, its key.
	Title string `json:"title"`
	// Party is the name of the party that has the requirement.
	Party string `json:"party"`
	// Kind is the kind of requirement.
	Kind isms.RequirementKind `json:"kind"`
	// Source is where the requirement comes from ("GDPR Art. 32").
	Source string `json:"source"`
	// Description describes the requirement.
	Description string `json:"description,omitempty"`
	// Owner is the role or person that owns the requirement, by name.
	Owner string `json:"owner"`
	// Addressed marks a requirement the ISMS addresses.
	Addressed bool `json:"addressed,omitempty"`
	// Climate marks a requirement about climate change.
	Climate bool `json:"climate,omitempty"`
}

// AssetV2 is an information asset.
type AssetV2 struct {
	// Name is the asset's name, its key.
	Name string `json:"name"`
	// Type is the asset type.
	Type isms.AssetType `json:"type"`
	// Description describes the asset.
	Description string `json:"description,omitempty"`
	// Owner is the role or person that owns the asset, by name.
	Owner string `json:"owner"`
	// Location is where the asset is.
	Location string `json:"location,omitempty"`
	// Supplier is the name of the party that supplies the asset, if any.
	Supplier string `json:"supplier,omitempty"`
	// Ratings rate the asset's confidentiality, integrity and availability.
	Ratings isms.CIA `json:"ratings"`
}

// PersonV2 is a person of the ISMS.
type PersonV2 struct {
	// Name is the person's name, their key.
	Name string `json:"name"`
	// Email is the person's e-mail address.
	Email string `json:"email,omitempty"`
	// Title is the person's job title.
	Title string `json:"title,omitempty"`
	// External marks someone outside the organisation (a consultant, an
	// external auditor).
	External bool `json:"external,omitempty"`
}

// RoleV2 is an ISMS role.
type RoleV2 struct {
	// Name is the role's name, its key.
	Name string `json:"name"`
	// Description describes the role.
	Description string `json:"description,omitempty"`
	// Holders are the names of the people who hold the role.
	Holders []string `json:"holders,omitempty"`
	// Authorities are what the role may decide.
	Authorities []string `json:"authorities,omitempty"`
}

// ResponsibilityV2 assigns one ISMS area to roles.
type ResponsibilityV2 struct {
	// Area is the ISMS area, the responsibility's key.
	Area string `json:"area"`
	// Description describes the responsibility.
	Description string `json:"description,omitempty"`
	// Accountable is the name of the role accountable for the area.
	Accountable string `json:"accountable"`
	// Responsible are the names of the roles responsible for the work.
	Responsible []string `json:"responsible,omitempty"`
}

// ObjectiveV2 is an information security objective.
type ObjectiveV2 struct {
	// Title is the objective's title, its key.
	Title string `json:"title"`
	// Metric is what is measured.
	Metric string `json:"metric"`
	// Target is the value to reach.
	Target isms.Target `json:"target"`
	// Deadline is when the target is to be reached.
	Deadline Date `json:"deadline"`
	// Owner is the role or person that owns the objective, by name.
	Owner string `json:"owner"`
	// Baseline is the value when the objective was set.
	Baseline *decimal.Decimal `json:"baseline,omitempty"`
}
