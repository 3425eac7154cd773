package isms

import (
	"context"
	"fmt"
	"iter"
)

// Entity is a record that knows its own ID. Every record kind ismskit
// stores implements it with a Key method, e.g. func (a Asset) Key() AssetID.
type Entity[T any] interface {
	Key() ID[T]
}

// Version is the optimistic-concurrency token of a stored record. It is
// opaque to callers: a store sets it, changes it on every write, and never
// gives the same ID two different records under the same version (so a
// record deleted and created again does not accept writes meant for the
// old one). Zero means "not stored".
type Version uint64

// Stored is a record as read from a store: its value and current version.
type Stored[T any] struct {
	Value   T       `json:"value"`
	Version Version `json:"version"`
}

// Paging defaults.
const (
	// DefaultPageLimit is used when PageRequest.Limit is zero or negative.
	DefaultPageLimit = 100
	// MaxPageLimit caps PageRequest.Limit; stores return at most this many items.
	MaxPageLimit = 1000
)

// PageRequest asks for one page of a listing. Cursor is "" for the first
// page and the previous page's Next afterwards.
type PageRequest struct {
	Limit  int    `json:"limit,omitempty"`
	Cursor string `json:"cursor,omitempty"`
}

// EffectiveLimit returns the page size a store must use for this request.
func (r PageRequest) EffectiveLimit() int {
	switch {
	case r.Limit <= 0:
		return DefaultPageLimit
	case r.Limit > MaxPageLimit:
		return MaxPageLimit
	default:
		return r.Limit
	}
}

// Page is one page of a listing, in ascending ID order. Next is the cursor
// of the following page, or "" when this page is the last.
type Page[T any] struct {
	Items []Stored[T] `json:"items"`
	Next  string      `json:"next,omitempty"`
}

// Repository is the storage contract a host implements for each record kind
// it persists, and that isms/memstore implements in memory. Every call takes
// a context and the organisation (tenant) it is scoped to; nothing written
// for one organisation is ever visible to another. A host proves its
// implementation with isms/storetest.Run.
//
// Semantics:
//   - Get returns ErrNotFound when the record does not exist for org.
//   - Put creates when expected is 0 (ErrConflict when the ID exists) and
//     otherwise replaces the record only if its current version equals
//     expected (ErrConflict when it does not, ErrNotFound when the record is
//     gone). It returns the new version. A failed Put changes nothing.
//   - Delete removes the record only if its version equals expected, with
//     the same errors as Put.
//   - List pages through org's records in ascending ID order (ID.Compare).
//     Paging is keyset-based: a record that exists for the whole walk is
//     returned exactly once, even while others are inserted or deleted. A
//     cursor the store did not issue gives ErrInvalid.
//   - A zero org or ID gives ErrInvalid; a done context gives its error.
type Repository[T Entity[T]] interface {
	Get(ctx context.Context, org OrgID, id ID[T]) (Stored[T], error)
	Put(ctx context.Context, org OrgID, value T, expected Version) (Version, error)
	Delete(ctx context.Context, org OrgID, id ID[T], expected Version) error
	List(ctx context.Context, org OrgID, page PageRequest) (Page[T], error)
}

// Record is a storable record kind: it knows its own ID and validates its
// own fields. Every kind ismskit stores implements it, and Create and Update
// accept nothing else, so a value that cannot check itself never reaches a
// store. Validate looks at the record alone; checks against other records
// (the organisation's context, the catalogue, the risk method) are the
// CheckRefs methods of the packages that own those records.
type Record[T any] interface {
	Entity[T]
	Validator
}

// Validator is anything that checks its own fields and reports every
// problem at once, as one error wrapping ErrInvalid.
type Validator interface {
	Validate() error
}

// Create validates value and stores it as a new record of org. Invalid
// values are not stored; the error lists every problem and wraps
// ErrInvalid.
func Create[T Record[T]](ctx context.Context, repo Repository[T], org OrgID, value T) (Version, error) {
	return save(ctx, repo, org, value, 0)
}

// Update validates value and replaces the stored record of the same ID if
// its version is still expected; see Repository for the errors.
func Update[T Record[T]](ctx context.Context, repo Repository[T], org OrgID, value T, expected Version) (Version, error) {
	if expected == 0 {
		return 0, fmt.Errorf("%w: update of %s needs the version that was read", ErrInvalid, value.Key())
	}
	return save(ctx, repo, org, value, expected)
}

func save[T Record[T]](ctx context.Context, repo Repository[T], org OrgID, value T, expected Version) (Version, error) {
	if err := value.Validate(); err != nil {
		return 0, err
	}
	return repo.Put(ctx, org, value, expected)
}

// All walks every record of org, page by page, in ascending ID order. It
// stops at the first error, which it yields with a zero record.
func All[T Entity[T]](ctx context.Context, repo Repository[T], org OrgID) iter.Seq2[Stored[T], error] {
	return func(yield func(Stored[T], error) bool) {
		req := PageRequest{Limit: MaxPageLimit}
		for {
			page, err := repo.List(ctx, org, req)
			if err != nil {
				yield(Stored[T]{}, err)
				return
			}
			for _, it := range page.Items {
				if !yield(it, nil) {
					return
				}
			}
			if page.Next == "" {
				return
			}
			req.Cursor = page.Next
		}
	}
}

// Collect reads every record of org into a slice of values, in ascending ID
// order.
func Collect[T Entity[T]](ctx context.Context, repo Repository[T], org OrgID) ([]T, error) {
	var out []T
	for s, err := range All(ctx, repo, org) {
		if err != nil {
			return nil, err
		}
		out = append(out, s.Value)
	}
	return out, nil
}

// Compile-time proof that every record kind of the organisation's context
// can be stored with Create. (The other packages assert the same for theirs.)
var (
	_ Record[Organization]    = Organization{}
	_ Record[Scope]           = Scope{}
	_ Record[Issue]           = Issue{}
	_ Record[InterestedParty] = InterestedParty{}
	_ Record[Requirement]     = Requirement{}
	_ Record[Asset]           = Asset{}
	_ Record[Person]          = Person{}
	_ Record[Role]            = Role{}
	_ Record[Responsibility]  = Responsibility{}
	_ Record[Objective]       = Objective{}
)
