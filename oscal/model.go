package oscal

// The types below are the parts of the OSCAL 1.1.3 JSON models that
// ismskit writes: plain Go values whose JSON field names are OSCAL's. Every
// optional field is omitted when empty (OSCAL's arrays hold at least one
// item when present). They cover what the builders fill in, not all of
// OSCAL.

// CatalogDocument is an OSCAL catalog (root key "catalog").
type CatalogDocument struct {
	UUID       string      `json:"uuid"`
	Metadata   Metadata    `json:"metadata"`
	Groups     []Group     `json:"groups,omitempty"`
	Controls   []Control   `json:"controls,omitempty"`
	BackMatter *BackMatter `json:"back-matter,omitempty"`
}

// ProfileDocument is an OSCAL profile (root key "profile").
type ProfileDocument struct {
	UUID       string      `json:"uuid"`
	Metadata   Metadata    `json:"metadata"`
	Imports    []Import    `json:"imports"`
	Merge      *Merge      `json:"merge,omitempty"`
	BackMatter *BackMatter `json:"back-matter,omitempty"`
}

// SSPDocument is an OSCAL system security plan (root key
// "system-security-plan").
type SSPDocument struct {
	UUID                  string                `json:"uuid"`
	Metadata              Metadata              `json:"metadata"`
	ImportProfile         ImportProfile         `json:"import-profile"`
	SystemCharacteristics SystemCharacteristics `json:"system-characteristics"`
	SystemImplementation  SystemImplementation  `json:"system-implementation"`
	ControlImplementation ControlImplementation `json:"control-implementation"`
	BackMatter            *BackMatter           `json:"back-matter,omitempty"`
}

// Metadata describes a document: its title, version, dates and the roles
// and parties it refers to. LastModified and Published are timestamps in
// UTC, RFC 3339 ("2026-03-02T09:00:00Z").
type Metadata struct {
	Title              string             `json:"title"`
	Published          string             `json:"published,omitempty"`
	LastModified       string             `json:"last-modified"`
	Version            string             `json:"version"`
	OSCALVersion       string             `json:"oscal-version"`
	Props              []Property         `json:"props,omitempty"`
	Links              []Link             `json:"links,omitempty"`
	Roles              []Role             `json:"roles,omitempty"`
	Parties            []Party            `json:"parties,omitempty"`
	ResponsibleParties []ResponsibleParty `json:"responsible-parties,omitempty"`
	Remarks            string             `json:"remarks,omitempty"`
}

// Property is a name–value pair; Namespace (ns) says whose name it is.
type Property struct {
	Name    string `json:"name"`
	UUID    string `json:"uuid,omitempty"`
	NS      string `json:"ns,omitempty"`
	Value   string `json:"value"`
	Class   string `json:"class,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

// Link points to a resource: a URL or "#uuid" of a back-matter resource.
type Link struct {
	Href string `json:"href"`
	Rel  string `json:"rel,omitempty"`
	Text string `json:"text,omitempty"`
}

// Role is a function parties perform, referred to by ID.
type Role struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
}

// Party is a person or organisation.
type Party struct {
	UUID string `json:"uuid"`
	Type string `json:"type"` // "person" or "organization"
	Name string `json:"name,omitempty"`
}

// ResponsibleParty says which parties perform a role.
type ResponsibleParty struct {
	RoleID     string   `json:"role-id"`
	PartyUUIDs []string `json:"party-uuids"`
}

// ResponsibleRole names a role responsible for something, optionally with
// the parties that perform it.
type ResponsibleRole struct {
	RoleID     string     `json:"role-id"`
	Props      []Property `json:"props,omitempty"`
	PartyUUIDs []string   `json:"party-uuids,omitempty"`
	Remarks    string     `json:"remarks,omitempty"`
}

// Group is a group of controls: a theme of the catalogue.
type Group struct {
	ID       string     `json:"id,omitempty"`
	Class    string     `json:"class,omitempty"`
	Title    string     `json:"title"`
	Props    []Property `json:"props,omitempty"`
	Controls []Control  `json:"controls,omitempty"`
}

// Control is one control of a catalog.
type Control struct {
	ID    string     `json:"id"`
	Class string     `json:"class,omitempty"`
	Title string     `json:"title"`
	Props []Property `json:"props,omitempty"`
	Parts []Part     `json:"parts,omitempty"`
}

// Part is a piece of text of a control, such as its guidance.
type Part struct {
	ID    string     `json:"id,omitempty"`
	Name  string     `json:"name"`
	NS    string     `json:"ns,omitempty"`
	Title string     `json:"title,omitempty"`
	Props []Property `json:"props,omitempty"`
	Prose string     `json:"prose,omitempty"`
}

// BackMatter holds resources the document refers to.
type BackMatter struct {
	Resources []Resource `json:"resources,omitempty"`
}

// Resource is one back-matter resource: a record the document cites.
type Resource struct {
	UUID        string     `json:"uuid"`
	Title       string     `json:"title,omitempty"`
	Description string     `json:"description,omitempty"`
	Props       []Property `json:"props,omitempty"`
	RLinks      []RLink    `json:"rlinks,omitempty"`
	Remarks     string     `json:"remarks,omitempty"`
}

// RLink is where a resource can be fetched.
type RLink struct {
	Href string `json:"href"`
}

// Import names the catalog a profile selects from and what it selects.
type Import struct {
	Href            string          `json:"href"`
	IncludeControls []SelectControl `json:"include-controls,omitempty"`
	ExcludeControls []SelectControl `json:"exclude-controls,omitempty"`
}

// SelectControl selects controls by ID.
type SelectControl struct {
	WithIDs []string `json:"with-ids"`
}

// Merge says how a profile's selected controls are organised; AsIs keeps
// the catalog's groups.
type Merge struct {
	AsIs bool `json:"as-is,omitempty"`
}

// ImportProfile names the profile an SSP implements.
type ImportProfile struct {
	Href string `json:"href"`
}

// SystemCharacteristics describes the system: for ismskit, the ISMS and
// its scope.
type SystemCharacteristics struct {
	SystemIDs             []SystemID            `json:"system-ids"`
	SystemName            string                `json:"system-name"`
	Description           string                `json:"description"`
	Props                 []Property            `json:"props,omitempty"`
	SystemInformation     SystemInformation     `json:"system-information"`
	Status                Status                `json:"status"`
	AuthorizationBoundary AuthorizationBoundary `json:"authorization-boundary"`
}

// SystemID identifies the system.
type SystemID struct {
	IdentifierType string `json:"identifier-type,omitempty"`
	ID             string `json:"id"`
}

// SystemInformation lists the kinds of information the system handles.
type SystemInformation struct {
	InformationTypes []InformationType `json:"information-types"`
}

// InformationType is one kind of information the system handles.
type InformationType struct {
	UUID        string `json:"uuid,omitempty"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

// Status is an operational state ("operational", "under-development", …).
type Status struct {
	State   string `json:"state"`
	Remarks string `json:"remarks,omitempty"`
}

// AuthorizationBoundary says where the system ends: for ismskit, the
// scope.
type AuthorizationBoundary struct {
	Description string `json:"description"`
}

// SystemImplementation lists the system's users and components.
type SystemImplementation struct {
	Users      []SystemUser `json:"users"`
	Components []Component  `json:"components"`
}

// SystemUser is a kind of user of the system: an ismskit role.
type SystemUser struct {
	UUID        string   `json:"uuid"`
	Title       string   `json:"title,omitempty"`
	Description string   `json:"description,omitempty"`
	RoleIDs     []string `json:"role-ids,omitempty"`
}

// Component is a part of the system; ismskit writes one, the system
// itself ("this-system").
type Component struct {
	UUID        string `json:"uuid"`
	Type        string `json:"type"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Status      Status `json:"status"`
}

// ControlImplementation says how the system implements its controls.
type ControlImplementation struct {
	Description             string                   `json:"description"`
	ImplementedRequirements []ImplementedRequirement `json:"implemented-requirements"`
}

// ImplementedRequirement is one control as the system implements it.
type ImplementedRequirement struct {
	UUID             string            `json:"uuid"`
	ControlID        string            `json:"control-id"`
	Props            []Property        `json:"props,omitempty"`
	Links            []Link            `json:"links,omitempty"`
	ResponsibleRoles []ResponsibleRole `json:"responsible-roles,omitempty"`
	ByComponents     []ByComponent     `json:"by-components,omitempty"`
	Remarks          string            `json:"remarks,omitempty"`
}

// ByComponent says how one component implements a control.
type ByComponent struct {
	ComponentUUID        string                `json:"component-uuid"`
	UUID                 string                `json:"uuid"`
	Description          string                `json:"description"`
	ImplementationStatus *ImplementationStatus `json:"implementation-status,omitempty"`
}

// ImplementationStatus is how far a control is implemented: "implemented",
// "partial", "planned", "alternative" or "not-applicable".
type ImplementationStatus struct {
	State   string `json:"state"`
	Remarks string `json:"remarks,omitempty"`
}
