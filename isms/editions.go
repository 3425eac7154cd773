package isms

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"

	"github.com/google/uuid"
)

// Revisioned is a record that is one edition of a controlled document
// (policy.Policy, soa.SoA): every edition is its own record with its own
// ID, and DocumentRevision says which document (Revision.Document, the
// lineage) and which edition (Revision.Edition, from 1) it is. A record
// whose revision has no document belongs to no lineage: it is stored, but
// Latest and Editions never find it.
type Revisioned interface {
	DocumentRevision() Revision
}

// EditionKey places one stored record in a document's lineage: the
// document's ID and the edition number. The zero key means "no lineage".
type EditionKey struct {
	Document uuid.UUID
	Edition  int
}

// IsZero reports whether the key names no document.
func (k EditionKey) IsZero() bool { return k.Document == uuid.Nil }

// EditionTable is the optional capability of a Table that stores each
// record's EditionKey beside its payload and answers "the latest edition of
// document D of organisation O" and "every edition of D, in order" from an
// index, without reading every version. Repo writes records that implement
// Revisioned with PutEdition when the table has it; Latest and Editions use
// it when present and fall back to a List scan otherwise, with the same
// results.
//
// Semantics, beside Table's:
//   - PutEdition is Put that also records key. An edition number names one
//     record: when another record of org in this table holds the same
//     (document, edition), PutEdition fails with ErrConflict and changes
//     nothing. A record may keep its own key across updates, or change it
//     (the old key is then free). The zero key stores the record outside
//     every lineage, as Put does; Put clears a record's key.
//   - Latest returns org's record of document with the highest edition, or
//     ErrNotFound when org has none. Deleted records are gone from the
//     index at once.
//   - Editions returns up to limit of org's records of document with an
//     edition above after, in ascending edition order (limit is between 1
//     and MaxPageLimit; callers page by passing the last edition seen).
type EditionTable interface {
	Table
	PutEdition(ctx context.Context, org OrgID, id uuid.UUID, data []byte, key EditionKey, expected Version) (Version, error)
	Latest(ctx context.Context, org OrgID, document uuid.UUID) (Encoded, error)
	Editions(ctx context.Context, org OrgID, document uuid.UUID, after, limit int) ([]Encoded, error)
}

// editionKeyOf returns the lineage key of a record, the zero key for a
// record that is not Revisioned or names no document, and ErrInvalid for a
// document without a valid edition.
func editionKeyOf(kind string, v any) (EditionKey, bool, error) {
	rv, ok := v.(Revisioned)
	if !ok {
		return EditionKey{}, false, nil
	}
	r := rv.DocumentRevision()
	if r.Document.IsZero() {
		return EditionKey{}, true, nil
	}
	if r.Edition < 1 {
		return EditionKey{}, true, fmt.Errorf("%w: %s of document %s has edition %d; editions count from 1", ErrInvalid, kind, r.Document, r.Edition)
	}
	return EditionKey{Document: r.Document.UUID(), Edition: r.Edition}, true, nil
}

// putRevisioned stores a Revisioned record: through the table's
// EditionTable capability when it has one; otherwise it first scans the
// document's editions for another record of the same edition (without the
// capability this check and the write are not atomic: two concurrent
// writers of one edition can both pass it).
func (r tableRepo[T]) putRevisioned(ctx context.Context, org OrgID, id uuid.UUID, data []byte, key EditionKey, expected Version) (Version, error) {
	if et, ok := r.t.(EditionTable); ok {
		return et.PutEdition(ctx, org, id, data, key, expected)
	}
	if !key.IsZero() {
		for s, err := range scanEditions[T](ctx, r.t, r.kind, org, key.Document) {
			if err != nil {
				return 0, err
			}
			if s.Value.Key().UUID() != id && any(s.Value).(Revisioned).DocumentRevision().Edition == key.Edition {
				return 0, EditionTaken(r.kind, key, s.Value.Key().UUID())
			}
		}
	}
	return r.t.Put(ctx, org, id, data, expected)
}

// EditionTaken is the error (wrapping ErrConflict) an EditionTable returns
// when PutEdition names an edition of kind that the record holder has.
func EditionTaken(kind string, key EditionKey, holder uuid.UUID) error {
	return fmt.Errorf("%w: edition %d of %s document %s is already the record %s; an edition number names one record",
		ErrConflict, key.Edition, kind, key.Document, holder)
}

// scanEditions yields every record of org in t whose revision names
// document, in ID order: the fallback of Latest and Editions. T must be
// Revisioned.
func scanEditions[T Entity[T]](ctx context.Context, t Table, kind string, org OrgID, document uuid.UUID) iter.Seq2[Stored[T], error] {
	return func(yield func(Stored[T], error) bool) {
		repo := tableRepo[T]{t: plainTable{t}, kind: kind}
		for s, err := range All[T](ctx, repo, org) {
			if err != nil {
				yield(Stored[T]{}, err)
				return
			}
			rv, ok := any(s.Value).(Revisioned)
			if !ok {
				yield(Stored[T]{}, fmt.Errorf("%w: %s records have no document revision", ErrInvalid, kind))
				return
			}
			if rv.DocumentRevision().Document.UUID() != document {
				continue
			}
			if !yield(s, nil) {
				return
			}
		}
	}
}

// plainTable hides a table's optional capabilities.
type plainTable struct{ Table }

// RevisionedEntity is a record kind whose records are editions of
// controlled documents: Latest and Editions accept it.
type RevisionedEntity[T any] interface {
	Entity[T]
	Revisioned
}

// Latest returns org's edition of document with the highest edition
// number, of kind k in tables: from the table's index when it is an
// EditionTable, otherwise by scanning every record of the kind. It gives
// ErrNotFound when org has no edition of document, and ErrConflict when the
// scan finds two records claiming the highest edition (data written without
// the capability by concurrent writers).
func Latest[T RevisionedEntity[T]](ctx context.Context, tables Tables, k Kind[T], org OrgID, document DocumentID) (Stored[T], error) {
	if err := checkDocument(ctx, org, document); err != nil {
		return Stored[T]{}, err
	}
	t := tables.Table(k.Name())
	if et, ok := t.(EditionTable); ok {
		e, err := et.Latest(ctx, org, document.UUID())
		if err != nil {
			return Stored[T]{}, err
		}
		return decodeEdition[T](k.Name(), document, e)
	}
	var best Stored[T]
	found, tie := false, uuid.Nil
	for s, err := range scanEditions[T](ctx, t, k.Name(), org, document.UUID()) {
		if err != nil {
			return Stored[T]{}, err
		}
		ed, cur := s.Value.DocumentRevision().Edition, best.Value.DocumentRevision().Edition
		switch {
		case !found || ed > cur:
			best, found, tie = s, true, uuid.Nil
		case ed == cur:
			tie = s.Value.Key().UUID()
		}
	}
	switch {
	case !found:
		return Stored[T]{}, fmt.Errorf("%w: %s document %s has no edition", ErrNotFound, k.Name(), document)
	case tie != uuid.Nil:
		return Stored[T]{}, EditionTaken(k.Name(), EditionKey{document.UUID(), best.Value.DocumentRevision().Edition}, tie)
	}
	return best, nil
}

// Editions walks org's editions of document, of kind k in tables, in
// ascending edition order: from the table's index when it is an
// EditionTable (a page of MaxPageLimit at a time), otherwise by scanning
// every record of the kind. A document with no edition yields nothing. It
// stops at the first error, which it yields with a zero record.
func Editions[T RevisionedEntity[T]](ctx context.Context, tables Tables, k Kind[T], org OrgID, document DocumentID) iter.Seq2[Stored[T], error] {
	return func(yield func(Stored[T], error) bool) {
		if err := checkDocument(ctx, org, document); err != nil {
			yield(Stored[T]{}, err)
			return
		}
		t := tables.Table(k.Name())
		if et, ok := t.(EditionTable); ok {
			after := 0
			for {
				page, err := et.Editions(ctx, org, document.UUID(), after, MaxPageLimit)
				if err != nil {
					yield(Stored[T]{}, err)
					return
				}
				for _, e := range page {
					s, err := decodeEdition[T](k.Name(), document, e)
					if err == nil && s.Value.DocumentRevision().Edition <= after {
						err = fmt.Errorf("%s document %s: the store returned edition %d after edition %d; editions come in ascending order",
							k.Name(), document, s.Value.DocumentRevision().Edition, after)
					}
					if err != nil {
						yield(Stored[T]{}, err)
						return
					}
					after = s.Value.DocumentRevision().Edition
					if !yield(s, nil) {
						return
					}
				}
				if len(page) < MaxPageLimit {
					return
				}
			}
		}
		var all []Stored[T]
		for s, err := range scanEditions[T](ctx, t, k.Name(), org, document.UUID()) {
			if err != nil {
				yield(Stored[T]{}, err)
				return
			}
			all = append(all, s)
		}
		slices.SortStableFunc(all, func(a, b Stored[T]) int {
			return cmp.Compare(a.Value.DocumentRevision().Edition, b.Value.DocumentRevision().Edition)
		})
		for _, s := range all {
			if !yield(s, nil) {
				return
			}
		}
	}
}

func checkDocument(ctx context.Context, org OrgID, document DocumentID) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if org.IsZero() {
		return fmt.Errorf("%w: no organisation given", ErrInvalid)
	}
	if document.IsZero() {
		return fmt.Errorf("%w: no document given", ErrInvalid)
	}
	return nil
}

// decodeEdition decodes a record an EditionTable returned for document and
// checks it is an edition of that document.
func decodeEdition[T RevisionedEntity[T]](kind string, document DocumentID, e Encoded) (Stored[T], error) {
	s, err := decodeEncoded[T](kind, e)
	if err != nil {
		return Stored[T]{}, err
	}
	if got := s.Value.DocumentRevision().Document; got != document {
		return Stored[T]{}, fmt.Errorf("the store returned %s %s of document %s for document %s", kind, e.ID, got, document)
	}
	return s, nil
}
