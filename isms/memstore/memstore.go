package memstore

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/isms"
)

// Store keeps every kind in memory: it implements isms.Tables and
// isms.Transactor. The zero value is not usable; create one with NewStore.
type Store struct {
	mu      sync.RWMutex
	tables  map[string]*table
	version isms.Version // last version handed out, across all kinds and tenants
	cursors *isms.Cursors
}

// NewStore returns an empty store of every kind.
func NewStore() *Store {
	c, err := isms.NewCursors(nil)
	if err != nil {
		panic(err) // crypto/rand failed: nothing sensible can run
	}
	return &Store{tables: map[string]*table{}, cursors: c}
}

var (
	_ isms.Transactor   = (*Store)(nil)
	_ isms.EditionTable = storeTable{}
)

// table is one kind's records, per tenant.
type table struct{ tenants map[isms.OrgID]*tenant }

// tenant is one organisation's records of one kind: a map for lookups,
// the IDs in ascending order for keyset paging, and for each document the
// records of its editions in ascending edition order.
type tenant struct {
	records  map[uuid.UUID]record
	order    []uuid.UUID
	editions map[uuid.UUID][]edition
}

type record struct {
	data    []byte
	version isms.Version
	key     isms.EditionKey
}

// edition is one entry of a document's index.
type edition struct {
	n  int
	id uuid.UUID
}

func compareEdition(a edition, n int) int { return cmp.Compare(a.n, n) }

// Table returns the table of the named kind; see isms.Tables.
func (s *Store) Table(kind string) isms.Table {
	return storeTable{s: s, kind: kind, lock: true}
}

// InTx runs fn with every write it makes applied at once or not at all; see
// isms.Transactor. The store is locked for the whole of fn: other callers
// wait, and fn must use only tx, never s.
func (s *Store) InTx(ctx context.Context, fn func(tx isms.Tables) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tx := &txTables{s: s}
	defer func() {
		defer func() { tx.done = true }()
		if p := recover(); p != nil {
			tx.rollback()
			panic(p)
		}
		if err != nil {
			tx.rollback()
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	// A cancelled context at commit time abandons the transaction, as a
	// database would.
	return ctx.Err()
}

// txTables are the tables of one transaction: they run with the store
// already locked and log what they overwrite, to undo it on rollback.
type txTables struct {
	s    *Store
	undo []undo
	done bool
}

type undo struct {
	kind   string
	org    isms.OrgID
	id     uuid.UUID
	prev   record
	exists bool
}

// Table returns the named kind's table bound to the transaction.
func (tx *txTables) Table(kind string) isms.Table {
	return storeTable{s: tx.s, kind: kind, tx: tx}
}

func (tx *txTables) rollback() {
	for i := len(tx.undo) - 1; i >= 0; i-- {
		u := tx.undo[i]
		tn := tx.s.tenant(u.kind, u.org, true)
		if u.exists {
			tn.set(u.id, u.prev)
		} else {
			tn.remove(u.id)
		}
	}
	tx.undo = nil
	tx.done = true
}

// storeTable is one kind's table, outside a transaction (lock) or inside
// one (tx).
type storeTable struct {
	s    *Store
	kind string
	lock bool
	tx   *txTables
}

func (t storeTable) rlock() func() {
	if t.lock {
		t.s.mu.RLock()
		return t.s.mu.RUnlock
	}
	return func() {}
}

func (t storeTable) wlock() func() {
	if t.lock {
		t.s.mu.Lock()
		return t.s.mu.Unlock
	}
	return func() {}
}

func (t storeTable) check(ctx context.Context, org isms.OrgID) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if org.IsZero() {
		return fmt.Errorf("%w: no organisation given", isms.ErrInvalid)
	}
	if t.tx != nil && t.tx.done {
		return fmt.Errorf("memstore: the transaction has ended")
	}
	return nil
}

func (s *Store) tenant(kind string, org isms.OrgID, create bool) *tenant {
	tb := s.tables[kind]
	if tb == nil {
		if !create {
			return nil
		}
		tb = &table{tenants: map[isms.OrgID]*tenant{}}
		s.tables[kind] = tb
	}
	tn := tb.tenants[org]
	if tn == nil && create {
		tn = &tenant{records: map[uuid.UUID]record{}}
		tb.tenants[org] = tn
	}
	return tn
}

func (tn *tenant) lookup(id uuid.UUID) (record, bool) {
	if tn == nil {
		return record{}, false
	}
	rec, ok := tn.records[id]
	return rec, ok
}

func compareUUID(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) }

func (tn *tenant) set(id uuid.UUID, rec record) {
	if old, ok := tn.records[id]; !ok {
		i, _ := slices.BinarySearchFunc(tn.order, id, compareUUID)
		tn.order = slices.Insert(tn.order, i, id)
	} else {
		tn.unindex(old.key)
	}
	tn.records[id] = rec
	if !rec.key.IsZero() {
		if tn.editions == nil {
			tn.editions = map[uuid.UUID][]edition{}
		}
		eds := tn.editions[rec.key.Document]
		i, _ := slices.BinarySearchFunc(eds, rec.key.Edition, compareEdition)
		tn.editions[rec.key.Document] = slices.Insert(eds, i, edition{n: rec.key.Edition, id: id})
	}
}

func (tn *tenant) remove(id uuid.UUID) {
	old, ok := tn.records[id]
	if !ok {
		return
	}
	tn.unindex(old.key)
	delete(tn.records, id)
	i, _ := slices.BinarySearchFunc(tn.order, id, compareUUID)
	tn.order = slices.Delete(tn.order, i, i+1)
}

// unindex removes key from the editions index.
func (tn *tenant) unindex(key isms.EditionKey) {
	if key.IsZero() {
		return
	}
	eds := tn.editions[key.Document]
	if i, found := slices.BinarySearchFunc(eds, key.Edition, compareEdition); found {
		eds = slices.Delete(eds, i, i+1)
	}
	if len(eds) == 0 {
		delete(tn.editions, key.Document)
	} else {
		tn.editions[key.Document] = eds
	}
}

// holder returns the record that holds key, if any.
func (tn *tenant) holder(key isms.EditionKey) (uuid.UUID, bool) {
	if tn == nil || key.IsZero() {
		return uuid.Nil, false
	}
	eds := tn.editions[key.Document]
	if i, found := slices.BinarySearchFunc(eds, key.Edition, compareEdition); found {
		return eds[i].id, true
	}
	return uuid.Nil, false
}

func (t storeTable) logUndo(org isms.OrgID, id uuid.UUID, prev record, exists bool) {
	if t.tx != nil {
		t.tx.undo = append(t.tx.undo, undo{kind: t.kind, org: org, id: id, prev: prev, exists: exists})
	}
}

// Get returns the record id of org, or isms.ErrNotFound.
func (t storeTable) Get(ctx context.Context, org isms.OrgID, id uuid.UUID) (isms.Encoded, error) {
	if err := t.check(ctx, org); err != nil {
		return isms.Encoded{}, err
	}
	defer t.rlock()()
	rec, ok := t.s.tenant(t.kind, org, false).lookup(id)
	if !ok {
		return isms.Encoded{}, fmt.Errorf("%w: %s %s", isms.ErrNotFound, t.kind, id)
	}
	return isms.Encoded{ID: id, Data: slices.Clone(rec.data), Version: rec.version}, nil
}

// Put creates (expected 0) or replaces (expected = current version) a
// record; see isms.Repository.
func (t storeTable) Put(ctx context.Context, org isms.OrgID, id uuid.UUID, data []byte, expected isms.Version) (isms.Version, error) {
	return t.PutEdition(ctx, org, id, data, isms.EditionKey{}, expected)
}

// PutEdition is Put that also records the record's place in a document's
// lineage; see isms.EditionTable.
func (t storeTable) PutEdition(ctx context.Context, org isms.OrgID, id uuid.UUID, data []byte, key isms.EditionKey, expected isms.Version) (isms.Version, error) {
	if err := t.check(ctx, org); err != nil {
		return 0, err
	}
	defer t.wlock()()
	tn := t.s.tenant(t.kind, org, true)
	cur, exists := tn.lookup(id)
	if h, ok := tn.holder(key); ok && h != id {
		return 0, isms.EditionTaken(t.kind, key, h)
	}
	switch {
	case expected == 0 && exists:
		return 0, fmt.Errorf("%w: %s %s already exists", isms.ErrConflict, t.kind, id)
	case expected != 0 && !exists:
		return 0, fmt.Errorf("%w: %s %s", isms.ErrNotFound, t.kind, id)
	case expected != 0 && cur.version != expected:
		return 0, fmt.Errorf("%w: %s %s is at version %d, not %d", isms.ErrConflict, t.kind, id, cur.version, expected)
	}
	t.logUndo(org, id, cur, exists)
	t.s.version++
	tn.set(id, record{data: slices.Clone(data), version: t.s.version, key: key})
	return t.s.version, nil
}

// Delete removes the record id of org if its version is expected.
func (t storeTable) Delete(ctx context.Context, org isms.OrgID, id uuid.UUID, expected isms.Version) error {
	if err := t.check(ctx, org); err != nil {
		return err
	}
	defer t.wlock()()
	tn := t.s.tenant(t.kind, org, false)
	cur, exists := tn.lookup(id)
	switch {
	case !exists:
		return fmt.Errorf("%w: %s %s", isms.ErrNotFound, t.kind, id)
	case cur.version != expected:
		return fmt.Errorf("%w: %s %s is at version %d, not %d", isms.ErrConflict, t.kind, id, cur.version, expected)
	}
	t.logUndo(org, id, cur, true)
	tn.remove(id)
	return nil
}

// List returns one page of org's records in ascending ID order.
func (t storeTable) List(ctx context.Context, org isms.OrgID, req isms.PageRequest) (isms.EncodedPage, error) {
	if err := t.check(ctx, org); err != nil {
		return isms.EncodedPage{}, err
	}
	after, err := t.s.cursors.Open(t.kind, org, req.Cursor)
	if err != nil {
		return isms.EncodedPage{}, err
	}
	limit := req.EffectiveLimit()
	defer t.rlock()()
	page := isms.EncodedPage{Items: []isms.Encoded{}}
	tn := t.s.tenant(t.kind, org, false)
	if tn == nil {
		return page, nil
	}
	start := 0
	if after != uuid.Nil {
		i, found := slices.BinarySearchFunc(tn.order, after, compareUUID)
		if found {
			i++
		}
		start = i
	}
	end := min(start+limit, len(tn.order))
	for _, id := range tn.order[start:end] {
		rec := tn.records[id]
		page.Items = append(page.Items, isms.Encoded{ID: id, Data: slices.Clone(rec.data), Version: rec.version})
	}
	if end < len(tn.order) {
		page.Next = t.s.cursors.Issue(t.kind, org, tn.order[end-1])
	}
	return page, nil
}

// Latest returns org's record of document with the highest edition; see
// isms.EditionTable.
func (t storeTable) Latest(ctx context.Context, org isms.OrgID, document uuid.UUID) (isms.Encoded, error) {
	if err := t.check(ctx, org); err != nil {
		return isms.Encoded{}, err
	}
	defer t.rlock()()
	tn := t.s.tenant(t.kind, org, false)
	if tn == nil || len(tn.editions[document]) == 0 {
		return isms.Encoded{}, fmt.Errorf("%w: %s document %s has no edition", isms.ErrNotFound, t.kind, document)
	}
	eds := tn.editions[document]
	return tn.encoded(eds[len(eds)-1].id), nil
}

// Editions returns up to limit of org's records of document with an
// edition above after, in edition order; see isms.EditionTable.
func (t storeTable) Editions(ctx context.Context, org isms.OrgID, document uuid.UUID, after, limit int) ([]isms.Encoded, error) {
	if err := t.check(ctx, org); err != nil {
		return nil, err
	}
	limit = isms.PageRequest{Limit: limit}.EffectiveLimit()
	defer t.rlock()()
	out := []isms.Encoded{}
	tn := t.s.tenant(t.kind, org, false)
	if tn == nil {
		return out, nil
	}
	eds := tn.editions[document]
	i, found := slices.BinarySearchFunc(eds, after, compareEdition)
	if found {
		i++
	}
	for _, e := range eds[i:min(i+limit, len(eds))] {
		out = append(out, tn.encoded(e.id))
	}
	return out, nil
}

func (tn *tenant) encoded(id uuid.UUID) isms.Encoded {
	rec := tn.records[id]
	return isms.Encoded{ID: id, Data: slices.Clone(rec.data), Version: rec.version}
}

// Len returns how many records of the named kind org has.
func (s *Store) Len(kind string, org isms.OrgID) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if tn := s.tenant(kind, org, false); tn != nil {
		return len(tn.order)
	}
	return 0
}

// Repository is an in-memory isms.Repository for records of kind T, a
// store of its own. The zero value is not usable; create one with New.
type Repository[T isms.Entity[T]] struct {
	isms.Repository[T]
	s *Store
}

// repoKind is the table name a standalone Repository keeps its records in.
const repoKind = "records"

// New returns an empty repository of its own, not shared with any Store;
// use isms.Repo(store, kind) for a repository of a Store.
func New[T isms.Entity[T]]() *Repository[T] {
	s := NewStore()
	return &Repository[T]{Repository: isms.Repo(s, isms.NewKind[T](repoKind)), s: s}
}

var _ isms.Repository[isms.Asset] = (*Repository[isms.Asset])(nil)

// Len returns how many records org has; a convenience for tests and benchmarks.
func (r *Repository[T]) Len(org isms.OrgID) int { return r.s.Len(repoKind, org) }
