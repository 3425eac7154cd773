package memstore

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/ismskit/ismskit/isms"
)

// Repository is an in-memory isms.Repository for records of kind T. The zero
// value is not usable; create one with New.
type Repository[T isms.Entity[T]] struct {
	mu      sync.RWMutex
	tenants map[isms.OrgID]*table[T]
	version isms.Version // last version handed out, across all tenants
}

// table is one tenant's records: a map for lookups and the IDs in
// ascending order for keyset paging.
type table[T any] struct {
	records map[isms.ID[T]]record
	order   []isms.ID[T]
}

type record struct {
	data    []byte
	version isms.Version
}

// New returns an empty repository.
func New[T isms.Entity[T]]() *Repository[T] {
	return &Repository[T]{tenants: map[isms.OrgID]*table[T]{}}
}

var _ isms.Repository[isms.Asset] = (*Repository[isms.Asset])(nil)

const cursorPrefix = "v1:"

// Get returns the record id of org, or isms.ErrNotFound.
func (r *Repository[T]) Get(ctx context.Context, org isms.OrgID, id isms.ID[T]) (isms.Stored[T], error) {
	if err := check(ctx, org, id); err != nil {
		return isms.Stored[T]{}, err
	}
	r.mu.RLock()
	rec, ok := r.tenants[org].lookup(id)
	r.mu.RUnlock()
	if !ok {
		return isms.Stored[T]{}, fmt.Errorf("%w: record %s", isms.ErrNotFound, id)
	}
	return decode[T](rec)
}

// Put creates (expected 0) or replaces (expected = current version) a
// record; see isms.Repository.
func (r *Repository[T]) Put(ctx context.Context, org isms.OrgID, value T, expected isms.Version) (isms.Version, error) {
	id := value.Key()
	if err := check(ctx, org, id); err != nil {
		return 0, err
	}
	data, err := json.Marshal(value)
	if err != nil {
		return 0, fmt.Errorf("%w: record %s does not encode: %v", isms.ErrInvalid, id, err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.tenants[org]
	cur, exists := t.lookup(id)
	switch {
	case expected == 0 && exists:
		return 0, fmt.Errorf("%w: record %s already exists", isms.ErrConflict, id)
	case expected != 0 && !exists:
		return 0, fmt.Errorf("%w: record %s", isms.ErrNotFound, id)
	case expected != 0 && cur.version != expected:
		return 0, fmt.Errorf("%w: record %s is at version %d, not %d", isms.ErrConflict, id, cur.version, expected)
	}
	if t == nil {
		t = &table[T]{records: map[isms.ID[T]]record{}}
		r.tenants[org] = t
	}
	if !exists {
		i, _ := slices.BinarySearchFunc(t.order, id, isms.ID[T].Compare)
		t.order = slices.Insert(t.order, i, id)
	}
	r.version++
	t.records[id] = record{data: data, version: r.version}
	return r.version, nil
}

// Delete removes the record id of org if its version is expected.
func (r *Repository[T]) Delete(ctx context.Context, org isms.OrgID, id isms.ID[T], expected isms.Version) error {
	if err := check(ctx, org, id); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.tenants[org]
	cur, exists := t.lookup(id)
	switch {
	case !exists:
		return fmt.Errorf("%w: record %s", isms.ErrNotFound, id)
	case cur.version != expected:
		return fmt.Errorf("%w: record %s is at version %d, not %d", isms.ErrConflict, id, cur.version, expected)
	}
	delete(t.records, id)
	i, _ := slices.BinarySearchFunc(t.order, id, isms.ID[T].Compare)
	t.order = slices.Delete(t.order, i, i+1)
	return nil
}

// List returns one page of org's records in ascending ID order.
func (r *Repository[T]) List(ctx context.Context, org isms.OrgID, req isms.PageRequest) (isms.Page[T], error) {
	if err := ctx.Err(); err != nil {
		return isms.Page[T]{}, err
	}
	if org.IsZero() {
		return isms.Page[T]{}, fmt.Errorf("%w: no organisation given", isms.ErrInvalid)
	}
	after, err := parseCursor[T](req.Cursor)
	if err != nil {
		return isms.Page[T]{}, err
	}
	limit := req.EffectiveLimit()

	r.mu.RLock()
	t := r.tenants[org]
	var recs []record
	var last isms.ID[T]
	more := false
	if t != nil {
		start := 0
		if !after.IsZero() {
			i, found := slices.BinarySearchFunc(t.order, after, isms.ID[T].Compare)
			if found {
				i++
			}
			start = i
		}
		end := min(start+limit, len(t.order))
		for _, id := range t.order[start:end] {
			recs = append(recs, t.records[id])
			last = id
		}
		more = end < len(t.order)
	}
	r.mu.RUnlock()

	page := isms.Page[T]{Items: make([]isms.Stored[T], 0, len(recs))}
	for _, rec := range recs {
		s, err := decode[T](rec)
		if err != nil {
			return isms.Page[T]{}, err
		}
		page.Items = append(page.Items, s)
	}
	if more {
		page.Next = cursorPrefix + last.String()
	}
	return page, nil
}

// Len returns how many records org has; a convenience for tests and benchmarks.
func (r *Repository[T]) Len(org isms.OrgID) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if t := r.tenants[org]; t != nil {
		return len(t.order)
	}
	return 0
}

func (t *table[T]) lookup(id isms.ID[T]) (record, bool) {
	if t == nil {
		return record{}, false
	}
	rec, ok := t.records[id]
	return rec, ok
}

// parseCursor decodes a cursor this package issued; "" means the start.
func parseCursor[T any](c string) (isms.ID[T], error) {
	if c == "" {
		return isms.ID[T]{}, nil
	}
	rest, ok := strings.CutPrefix(c, cursorPrefix)
	if !ok || rest == "" {
		return isms.ID[T]{}, fmt.Errorf("%w: cursor %q was not issued by this store", isms.ErrInvalid, c)
	}
	id, err := isms.ParseID[T](rest)
	if err != nil {
		return isms.ID[T]{}, fmt.Errorf("%w: cursor %q was not issued by this store", isms.ErrInvalid, c)
	}
	if id.IsZero() {
		return isms.ID[T]{}, fmt.Errorf("%w: cursor %q was not issued by this store", isms.ErrInvalid, c)
	}
	return id, nil
}

func check[T any](ctx context.Context, org isms.OrgID, id isms.ID[T]) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if org.IsZero() {
		return fmt.Errorf("%w: no organisation given", isms.ErrInvalid)
	}
	if id.IsZero() {
		return fmt.Errorf("%w: the record has no ID", isms.ErrInvalid)
	}
	return nil
}

func decode[T any](rec record) (isms.Stored[T], error) {
	var v T
	if err := json.Unmarshal(rec.data, &v); err != nil {
		return isms.Stored[T]{}, fmt.Errorf("memstore: stored record does not decode: %w", err)
	}
	return isms.Stored[T]{Value: v, Version: rec.version}, nil
}
