package isms

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/google/uuid"
)

// Kind names one storable record kind: its stable storage name is the
// table (or collection) a store keeps that kind's records in, and it never
// changes once released, so data written by one version of ismskit is read
// by the next. The kinds of this package are the Kind… variables below;
// isms/storetest/kinds lists every storable kind of the module with a
// fixture for each.
type Kind[T Entity[T]] struct{ name string }

// MaxKindName is the longest stable storage name a Kind may have.
const MaxKindName = 48

var kindName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// NewKind names a record kind. The name must be lower-case letters, digits
// and underscores, start with a letter and be at most MaxKindName long; it
// panics otherwise, as it is only ever called with a constant at start-up.
func NewKind[T Entity[T]](name string) Kind[T] {
	if len(name) > MaxKindName || !kindName.MatchString(name) {
		panic(fmt.Sprintf("isms.NewKind: %q is not a storage name (lower-case letters, digits, _; at most %d)", name, MaxKindName))
	}
	return Kind[T]{name: name}
}

// Name returns the kind's stable storage name.
func (k Kind[T]) Name() string { return k.name }

// The storable kinds of the organisation's context, with their stable
// storage names.
var (
	KindOrganization    = NewKind[Organization]("organization")
	KindScope           = NewKind[Scope]("scope")
	KindIssue           = NewKind[Issue]("issue")
	KindInterestedParty = NewKind[InterestedParty]("interested_party")
	KindRequirement     = NewKind[Requirement]("requirement")
	KindAsset           = NewKind[Asset]("asset")
	KindPerson          = NewKind[Person]("person")
	KindRole            = NewKind[Role]("role")
	KindResponsibility  = NewKind[Responsibility]("responsibility")
	KindObjective       = NewKind[Objective]("objective")
)

// Encoded is one stored record in its encoded form: the record's ID, its
// JSON encoding and its version.
type Encoded struct {
	ID      uuid.UUID
	Data    []byte
	Version Version
}

// EncodedPage is one page of a Table listing, in ascending ID order
// (bytewise); Next is "" on the last page.
type EncodedPage struct {
	Items []Encoded
	Next  string
}

// Table is the storage contract of one kind in encoded form, the layer a
// database adapter implements once for every kind: records are JSON
// documents keyed by (organisation, ID). Its semantics are Repository's,
// with IDs as UUIDs; Repo turns a Table into a typed Repository. Callers
// check the organisation and ID are not zero before calling; a table still
// rejects a zero organisation with ErrInvalid. Versions are compared, never
// interpreted: any expected version the table never issued (including
// versions above the signed 64-bit maximum) gives ErrConflict or
// ErrNotFound, never another error.
type Table interface {
	Get(ctx context.Context, org OrgID, id uuid.UUID) (Encoded, error)
	Put(ctx context.Context, org OrgID, id uuid.UUID, data []byte, expected Version) (Version, error)
	Delete(ctx context.Context, org OrgID, id uuid.UUID, expected Version) error
	List(ctx context.Context, org OrgID, page PageRequest) (EncodedPage, error)
}

// Tables is a store of every kind: it gives the Table of a kind by the
// kind's stable storage name. Two kinds never share records, even under
// the same ID. isms/memstore.NewStore and isms/sqlstore implement it.
type Tables interface {
	Table(kind string) Table
}

// Transactor is the optional unit-of-work capability of a store. InTx runs
// fn with tables bound to one transaction: if fn returns nil, everything it
// wrote is committed at once; if fn returns an error (or panics), nothing it
// wrote is kept, and InTx returns fn's error. Inside fn use only tx, never
// the store itself (a store may hold a lock or a connection for the
// transaction). A host saves a whole organisation atomically with
//
//	err := store.InTx(ctx, func(tx isms.Tables) error { return isms.SaveContext(ctx, tx, c) })
type Transactor interface {
	Tables
	InTx(ctx context.Context, fn func(tx Tables) error) error
}

// Repo returns the typed repository of kind k over tables: it checks the
// organisation and ID, encodes records as JSON and decodes what it reads.
func Repo[T Entity[T]](tables Tables, k Kind[T]) Repository[T] {
	return tableRepo[T]{t: tables.Table(k.Name()), kind: k.Name()}
}

type tableRepo[T Entity[T]] struct {
	t    Table
	kind string
}

func checkCall(ctx context.Context, org OrgID, id uuid.UUID) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if org.IsZero() {
		return fmt.Errorf("%w: no organisation given", ErrInvalid)
	}
	if id == uuid.Nil {
		return fmt.Errorf("%w: the record has no ID", ErrInvalid)
	}
	return nil
}

// Get reads and decodes one record; see Repository.
func (r tableRepo[T]) Get(ctx context.Context, org OrgID, id ID[T]) (Stored[T], error) {
	if err := checkCall(ctx, org, id.UUID()); err != nil {
		return Stored[T]{}, err
	}
	d, err := r.t.Get(ctx, org, id.UUID())
	if err != nil {
		return Stored[T]{}, err
	}
	return decodeEncoded[T](r.kind, d)
}

// Put encodes and stores one record; see Repository.
func (r tableRepo[T]) Put(ctx context.Context, org OrgID, value T, expected Version) (Version, error) {
	id := value.Key()
	if err := checkCall(ctx, org, id.UUID()); err != nil {
		return 0, err
	}
	data, err := json.Marshal(value)
	if err != nil {
		return 0, fmt.Errorf("%w: %s %s does not encode: %v", ErrInvalid, r.kind, id, err)
	}
	key, revisioned, err := editionKeyOf(r.kind, value)
	if err != nil {
		return 0, err
	}
	if revisioned {
		return r.putRevisioned(ctx, org, id.UUID(), data, key, expected)
	}
	return r.t.Put(ctx, org, id.UUID(), data, expected)
}

// Delete removes one record; see Repository.
func (r tableRepo[T]) Delete(ctx context.Context, org OrgID, id ID[T], expected Version) error {
	if err := checkCall(ctx, org, id.UUID()); err != nil {
		return err
	}
	return r.t.Delete(ctx, org, id.UUID(), expected)
}

// List reads and decodes one page of records; see Repository.
func (r tableRepo[T]) List(ctx context.Context, org OrgID, page PageRequest) (Page[T], error) {
	if err := ctx.Err(); err != nil {
		return Page[T]{}, err
	}
	if org.IsZero() {
		return Page[T]{}, fmt.Errorf("%w: no organisation given", ErrInvalid)
	}
	p, err := r.t.List(ctx, org, page)
	if err != nil {
		return Page[T]{}, err
	}
	out := Page[T]{Items: make([]Stored[T], 0, len(p.Items)), Next: p.Next}
	for _, d := range p.Items {
		s, err := decodeEncoded[T](r.kind, d)
		if err != nil {
			return Page[T]{}, err
		}
		out.Items = append(out.Items, s)
	}
	return out, nil
}

func decodeEncoded[T Entity[T]](kind string, d Encoded) (Stored[T], error) {
	var v T
	if err := json.Unmarshal(d.Data, &v); err != nil {
		return Stored[T]{}, fmt.Errorf("stored %s %s does not decode: %w", kind, d.ID, err)
	}
	if v.Key().UUID() != d.ID {
		return Stored[T]{}, fmt.Errorf("stored %s %s holds the record %s", kind, d.ID, v.Key())
	}
	return Stored[T]{Value: v, Version: d.Version}, nil
}

// Cursors issues and opens the keyset cursors of a store: a cursor names
// the last ID of a page and carries a MAC over the kind, the organisation
// and that ID, so a cursor issued for another organisation or kind, or
// forged, gives ErrInvalid. Stores share one key across processes if their
// cursors must survive a restart (isms/sqlstore keeps it in the database).
type Cursors struct{ key []byte }

// CursorKeySize is the length in bytes of a Cursors key.
const CursorKeySize = 32

const cursorPrefix = "c1."

// NewCursors returns cursors signed with key, or with a fresh random key
// when key is nil. A key of another length than CursorKeySize is an error.
func NewCursors(key []byte) (*Cursors, error) {
	if key == nil {
		key = make([]byte, CursorKeySize)
		if _, err := rand.Read(key); err != nil {
			return nil, err
		}
	}
	if len(key) != CursorKeySize {
		return nil, fmt.Errorf("%w: a cursor key has %d bytes, not %d", ErrInvalid, len(key), CursorKeySize)
	}
	return &Cursors{key: append([]byte(nil), key...)}, nil
}

func (c *Cursors) mac(kind string, org OrgID, id uuid.UUID) []byte {
	m := hmac.New(sha256.New, c.key)
	m.Write([]byte(kind))
	m.Write([]byte{0})
	o := org.UUID()
	m.Write(o[:])
	m.Write(id[:])
	return m.Sum(nil)[:16]
}

// Issue returns the cursor of the page after id.
func (c *Cursors) Issue(kind string, org OrgID, id uuid.UUID) string {
	return cursorPrefix + hex.EncodeToString(id[:]) + hex.EncodeToString(c.mac(kind, org, id))
}

// Open returns the ID a cursor names; "" gives the zero UUID (the start).
// A cursor not issued by Issue for this kind and organisation gives
// ErrInvalid.
func (c *Cursors) Open(kind string, org OrgID, cursor string) (uuid.UUID, error) {
	if cursor == "" {
		return uuid.Nil, nil
	}
	bad := fmt.Errorf("%w: cursor %.40q was not issued by this store for this organisation", ErrInvalid, cursor)
	rest, ok := strings.CutPrefix(cursor, cursorPrefix)
	if !ok || len(rest) != 64 || rest != strings.ToLower(rest) {
		return uuid.Nil, bad
	}
	raw, err := hex.DecodeString(rest)
	if err != nil {
		return uuid.Nil, bad
	}
	var id uuid.UUID
	copy(id[:], raw[:16])
	if id == uuid.Nil || !hmac.Equal(raw[16:], c.mac(kind, org, id)) {
		return uuid.Nil, bad
	}
	return id, nil
}
