package isms

import (
	"fmt"
	"slices"
	"strings"
)

// ScopeKind says what a scope item is.
type ScopeKind string

// Scope item kinds (clause 4.3).
const (
	ScopeBusinessUnit ScopeKind = "business_unit"
	ScopeService      ScopeKind = "service"
	ScopeLocation     ScopeKind = "location"
	ScopeSystem       ScopeKind = "system"
	ScopeInformation  ScopeKind = "information"
)

var scopeKinds = []ScopeKind{ScopeBusinessUnit, ScopeService, ScopeLocation, ScopeSystem, ScopeInformation}

// ScopeItem is one business unit, service, location, system or kind of
// information that is inside the ISMS, or explicitly outside it. Either way it
// carries a justification, because an auditor asks why for both.
type ScopeItem struct {
	Kind ScopeKind `json:"kind"`
	Name string    `json:"name"`
	// Excluded marks an item explicitly out of scope; the zero value means in.
	Excluded      bool   `json:"excluded,omitempty"`
	Justification string `json:"justification"`
}

// InterfaceKind says what sits on the other side of a scope boundary.
type InterfaceKind string

// Interface kinds.
const (
	InterfaceSupplier     InterfaceKind = "supplier"
	InterfaceCloudService InterfaceKind = "cloud_service"
	InterfaceCustomer     InterfaceKind = "customer"
	InterfacePartner      InterfaceKind = "partner"
	InterfaceInternal     InterfaceKind = "internal" // a unit of the same organisation outside the scope
)

var interfaceKinds = []InterfaceKind{InterfaceSupplier, InterfaceCloudService, InterfaceCustomer, InterfacePartner, InterfaceInternal}

// Interface is a dependency or exchange across the scope boundary: a cloud
// provider hosting the service, a payroll supplier, a customer's systems.
type Interface struct {
	Kind InterfaceKind `json:"kind"`
	Name string        `json:"name"`
	// Party optionally links the interested party behind the interface.
	Party PartyID `json:"party,omitzero"`
	// Exchange says what crosses the boundary, e.g. "production data hosted in eu-north-1".
	Exchange string `json:"exchange,omitempty"`
}

// Scope is the boundary of the ISMS (clause 4.3): a statement plus the items
// in and explicitly out, and the interfaces at the boundary.
type Scope struct {
	ID         ScopeID     `json:"id"`
	Statement  string      `json:"statement"`
	Items      []ScopeItem `json:"items"`
	Interfaces []Interface `json:"interfaces,omitempty"`
}

// Key returns the scope's ID; it makes Scope storable in a Repository.
func (s Scope) Key() ScopeID { return s.ID }

// Included returns the in-scope items of kind k, in the order given.
func (s Scope) Included(k ScopeKind) []ScopeItem {
	return s.items(k, false)
}

// Excluded returns the explicitly out-of-scope items of kind k.
func (s Scope) Excluded(k ScopeKind) []ScopeItem {
	return s.items(k, true)
}

func (s Scope) items(k ScopeKind, excluded bool) []ScopeItem {
	var out []ScopeItem
	for _, it := range s.Items {
		if it.Kind == k && it.Excluded == excluded {
			out = append(out, it)
		}
	}
	return out
}

// Validate checks that the scope has an ID and includes something, that every item has a
// known kind, a name and a real justification, that no item is both in and
// out, and that every interface is named and of a known kind.
func (s Scope) Validate() error {
	var p Problems
	if s.ID.IsZero() {
		p.Addf("id", "the scope has no ID")
	}
	in := 0
	seen := map[string]int{}
	for i, it := range s.Items {
		path := Index("items", i)
		if !slices.Contains(scopeKinds, it.Kind) {
			p.Addf(JoinPath(path, "kind"), "scope item kind %s is not one of %v", Quote(string(it.Kind)), scopeKinds)
		}
		if strings.TrimSpace(it.Name) == "" {
			p.Addf(JoinPath(path, "name"), "the scope item has no name")
		}
		if IsPlaceholder(it.Justification) {
			p.Addf(JoinPath(path, "justification"), "scope item %s needs a justification that says why it is %s", Quote(it.Name), inOut(it.Excluded))
		}
		key := string(it.Kind) + "\x00" + strings.ToLower(strings.TrimSpace(it.Name))
		if j, dup := seen[key]; dup {
			p.Addf(JoinPath(path, "name"), "scope item %s is listed twice (also at items[%d])", Quote(it.Name), j)
		} else {
			seen[key] = i
		}
		if !it.Excluded {
			in++
		}
	}
	if in == 0 {
		p.Addf("items", "nothing is in scope; include at least one service, business unit or system")
	}
	for i, f := range s.Interfaces {
		path := Index("interfaces", i)
		if !slices.Contains(interfaceKinds, f.Kind) {
			p.Addf(JoinPath(path, "kind"), "interface kind %s is not one of %v", Quote(string(f.Kind)), interfaceKinds)
		}
		if strings.TrimSpace(f.Name) == "" {
			p.Addf(JoinPath(path, "name"), "the interface has no name")
		}
	}
	return p.Err()
}

// ScopeLimits is how many in-scope items of each kind a first scope may have
// before the lint suggests starting narrower. Zero means no limit.
type ScopeLimits struct {
	BusinessUnits int `json:"business_units"`
	Services      int `json:"services"`
	Locations     int `json:"locations"`
}

// DefaultScopeLimits returns the limits for an organisation of the given size.
// The domain articles advise a first scope of one service, one business unit
// or one customer environment, delivered in 4–8 weeks; the limits allow a
// little more than that before warning:
//
//	micro  (<10 people):  1 business unit, 2 services, 2 locations
//	small  (<50 people):  2 business units, 2 services, 2 locations
//	medium (<250 people): 3 business units, 4 services, 3 locations
//	large:                no limit
func DefaultScopeLimits(size SizeBand) ScopeLimits {
	switch size {
	case SizeMicro:
		return ScopeLimits{BusinessUnits: 1, Services: 2, Locations: 2}
	case SizeSmall:
		return ScopeLimits{BusinessUnits: 2, Services: 2, Locations: 2}
	case SizeMedium:
		return ScopeLimits{BusinessUnits: 3, Services: 4, Locations: 3}
	default:
		return ScopeLimits{}
	}
}

// Scope lint rule IDs.
const (
	RuleScopeTooBroad     = "scope/too-broad"
	RuleScopeNoStatement  = "scope/no-statement"
	RuleScopeNoInterfaces = "scope/no-interfaces"
	RuleScopeNoExclusions = "scope/no-exclusions"
)

// Lint gives advice on a scope that is valid but weak. It warns when a first
// scope is broad for the organisation's size (more in-scope business units,
// services or locations than limits allow), when there is no scope
// statement or no boundary interface, and notes when nothing is explicitly
// excluded. Findings come in a deterministic order.
func (s Scope) Lint(org Organization, limits ScopeLimits) []Advice {
	var fs []Advice
	broad := []struct {
		kind  ScopeKind
		noun  string
		limit int
	}{
		{ScopeBusinessUnit, "business units", limits.BusinessUnits},
		{ScopeService, "services", limits.Services},
		{ScopeLocation, "locations", limits.Locations},
	}
	for _, b := range broad {
		n := len(s.Included(b.kind))
		if b.limit > 0 && n > b.limit {
			fs = append(fs, Advice{
				Code: RuleScopeTooBroad, Severity: SeverityWarning, Path: "items",
				Message: fmt.Sprintf("%d %s are in scope; for a first ISMS at a %s organisation of %d people, consider starting with at most %d and widening later",
					n, b.noun, org.Size(), org.Headcount, b.limit),
			})
		}
	}
	if strings.TrimSpace(s.Statement) == "" {
		fs = append(fs, Advice{Code: RuleScopeNoStatement, Severity: SeverityWarning, Path: "statement",
			Message: "the scope has no statement; write one or two sentences an auditor and a customer can read"})
	}
	if len(s.Interfaces) == 0 {
		fs = append(fs, Advice{Code: RuleScopeNoInterfaces, Severity: SeverityWarning, Path: "interfaces",
			Message: "no interfaces or dependencies at the boundary are listed; name the cloud services and suppliers the scope relies on"})
	}
	excluded := 0
	for _, it := range s.Items {
		if it.Excluded {
			excluded++
		}
	}
	if excluded == 0 {
		fs = append(fs, Advice{Code: RuleScopeNoExclusions, Severity: SeverityInfo, Path: "items",
			Message: "nothing is explicitly out of scope; saying what is out makes the boundary clear"})
	}
	SortAdvice(fs)
	return fs
}

func inOut(excluded bool) string {
	if excluded {
		return "out of scope"
	}
	return "in scope"
}
