package isms

import (
	"fmt"

	"github.com/google/uuid"
)

// ID identifies one record of kind T. The type parameter is a phantom: it
// only makes the kind visible in signatures, so a function that takes an
// AssetID cannot be handed a PersonID by mistake. IDs are UUIDs underneath
// and encode as their canonical string form in JSON and text.
//
// The zero ID means "not set"; validation reports it wherever an ID is
// required.
type ID[T any] struct {
	u uuid.UUID
}

// Named ID kinds used across ismskit. Other packages define theirs the same
// way, e.g. risk.ID = isms.ID[risk.Risk].
type (
	// OrgID names an organisation; it is also the tenant every store call is scoped to.
	OrgID = ID[Organization]
	// AssetID names an entry of the asset inventory.
	AssetID = ID[Asset]
	// PersonID names a person.
	PersonID = ID[Person]
	// RoleID names an organisational role.
	RoleID = ID[Role]
	// PartyID names an interested party.
	PartyID = ID[InterestedParty]
	// RequirementID names a requirement of an interested party.
	RequirementID = ID[Requirement]
	// ObjectiveID names a measurable information security objective.
	ObjectiveID = ID[Objective]
	// IssueID names an internal or external issue of clause 4.1.
	IssueID = ID[Issue]
	// ScopeID names an ISMS scope.
	ScopeID = ID[Scope]
	// ResponsibilityID names the assignment of one ISMS area to roles.
	ResponsibilityID = ID[Responsibility]
)

// NewID returns a fresh random (version 4) ID of kind T. Use it when a host
// creates a record; use DeriveID where the same input must give the same ID.
func NewID[T any]() ID[T] {
	return ID[T]{u: uuid.New()}
}

// DeriveID returns a name-based (version 5) ID: the same namespace and name
// always give the same ID. It suits imports, fixtures and examples that must
// produce byte-identical output on every run.
func DeriveID[T any](namespace uuid.UUID, name string) ID[T] {
	return ID[T]{u: uuid.NewSHA1(namespace, []byte(name))}
}

// rootNamespace is the namespace NewNamespace derives from; it is fixed
// forever so that derived IDs stay stable across releases.
var rootNamespace = uuid.MustParse("5f0b7f0e-2b1c-5d6a-9e1f-69736d736b69")

// NewNamespace returns a namespace for DeriveID from a name, typically the
// client or organisation a script builds: the same name always gives the
// same namespace, so a consultant's script produces the same IDs, and the
// same files, on every run.
func NewNamespace(name string) uuid.UUID {
	return uuid.NewSHA1(rootNamespace, []byte(name))
}

// IDFromUUID wraps an existing UUID, e.g. one read from a host's database.
func IDFromUUID[T any](u uuid.UUID) ID[T] {
	return ID[T]{u: u}
}

// ParseID reads an ID from its canonical string form, 8-4-4-4-12
// lowercase hex digits ("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), the form
// String and MarshalText write. Other forms uuid.Parse accepts (upper
// case, "urn:uuid:…", braces, 32 digits without dashes) are refused, so
// that one ID has one spelling in every file. A malformed string gives an
// error that wraps ErrInvalid.
func ParseID[T any](s string) (ID[T], error) {
	if !canonicalUUID(s) {
		return ID[T]{}, fmt.Errorf("%w: id %s: write IDs as 8-4-4-4-12 lowercase hex, e.g. %q", ErrInvalid, Quote(s), "6ba7b810-9dad-11d1-80b4-00c04fd430c8")
	}
	u, err := uuid.Parse(s)
	if err != nil {
		return ID[T]{}, fmt.Errorf("%w: id %s: %v", ErrInvalid, Quote(s), err)
	}
	return ID[T]{u: u}, nil
}

// canonicalUUID reports whether s is 8-4-4-4-12 lowercase hex digits.
func canonicalUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
				return false
			}
		}
	}
	return true
}

// MustParseID is ParseID for constants in tests and examples; it panics on a
// malformed string and must not be used on input.
func MustParseID[T any](s string) ID[T] {
	id, err := ParseID[T](s)
	if err != nil {
		panic(err)
	}
	return id
}

// UUID returns the underlying UUID, for hosts that store it in a UUID column.
func (id ID[T]) UUID() uuid.UUID { return id.u }

// IsZero reports whether the ID is unset. It also lets `omitzero` drop unset
// IDs from JSON.
func (id ID[T]) IsZero() bool { return id.u == uuid.Nil }

// String returns the canonical lower-case form, e.g.
// "6ba7b810-9dad-11d1-80b4-00c04fd430c8"; the zero ID gives "".
func (id ID[T]) String() string {
	if id.IsZero() {
		return ""
	}
	return id.u.String()
}

// Compare orders IDs by their bytes; it is the stable order stores page in.
func (id ID[T]) Compare(other ID[T]) int {
	for i := range id.u {
		switch {
		case id.u[i] < other.u[i]:
			return -1
		case id.u[i] > other.u[i]:
			return 1
		}
	}
	return 0
}

// MarshalText encodes the ID for JSON keys and values; the zero ID encodes
// as an empty string.
func (id ID[T]) MarshalText() ([]byte, error) {
	return []byte(id.String()), nil
}

// UnmarshalText decodes what MarshalText wrote, the canonical form only
// (see ParseID); an empty string gives the zero ID.
func (id *ID[T]) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*id = ID[T]{}
		return nil
	}
	parsed, err := ParseID[T](string(b))
	if err != nil {
		return err
	}
	*id = parsed
	return nil
}
