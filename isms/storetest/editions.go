package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/isms"
)

// revisable is what the edition cases need of a record kind: records that
// are editions of documents (isms.Revisioned) and a way to set the edition.
// policy.Policy and soa.SoA have both.
type revisable[T any] interface {
	isms.Revisioned
	WithRevision(isms.Revision) T
}

// rev adapts a record of kind T, Revisioned at run time, to the static
// constraint of isms.Latest and isms.Editions: it encodes and decodes as T
// and has T's ID.
type rev[T isms.Entity[T]] struct{ v T }

// Key is the wrapped record's ID.
func (r rev[T]) Key() isms.ID[rev[T]] { return isms.IDFromUUID[rev[T]](r.v.Key().UUID()) }

// DocumentRevision is the wrapped record's revision (isms.Revisioned).
func (r rev[T]) DocumentRevision() isms.Revision {
	return any(r.v).(isms.Revisioned).DocumentRevision()
}

// MarshalJSON encodes the wrapped record as it is.
func (r rev[T]) MarshalJSON() ([]byte, error) { return json.Marshal(r.v) }

// UnmarshalJSON decodes into the wrapped record.
func (r *rev[T]) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, &r.v) }

// plainTables hides the optional capabilities of a store's tables, so the
// helpers take their fallback path.
type plainTables struct{ st isms.Tables }

// Table returns the kind's table without its optional capabilities.
func (p plainTables) Table(kind string) isms.Table { return plainTable{p.st.Table(kind)} }

type plainTable struct{ isms.Table }

// editionSuite holds one edition case's store and helpers.
type editionSuite[T isms.Entity[T]] struct {
	st   isms.Tables // what the case writes and reads through
	view isms.Tables // the same store with its capabilities hidden
	kind isms.Kind[T]
	rk   isms.Kind[rev[T]]
	fx   Fixture[T]
	ctx  context.Context
	mode string
}

// runEditions runs the edition cases for kind k when its records are
// isms.Revisioned: through the store's EditionTable capability when its
// tables have it ("Capability"), and always through the fallback scan with
// the capability hidden ("Fallback"); both must give the same results.
func runEditions[T isms.Record[T]](t *testing.T, newStore func(tb testing.TB) isms.Tables, k isms.Kind[T], fx Fixture[T]) {
	sample := fx.Make(isms.NewID[T](), 0)
	if _, ok := any(sample).(isms.Revisioned); !ok {
		return
	}
	cases := []struct {
		name string
		run  func(*editionSuite[T], *testing.T)
	}{
		{"LatestAfterSeveralEditions", (*editionSuite[T]).severalEditions},
		{"LatestAfterDeletingTheLatest", (*editionSuite[T]).deleteLatest},
		{"OtherOrganisationsEditionsAreInvisible", (*editionSuite[T]).otherOrgs},
		{"MissingDocumentIsNotFound", (*editionSuite[T]).missingDocument},
		{"SameEditionTwiceIsConflict", (*editionSuite[T]).sameEditionTwice},
	}
	for _, mode := range []string{"Capability", "Fallback"} {
		t.Run("Editions/"+mode, func(t *testing.T) {
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					st := newStore(t)
					if st == nil {
						t.Fatal("the factory returned no store")
					}
					if _, ok := any(sample).(revisable[T]); !ok {
						t.Fatalf("%s records are isms.Revisioned but have no method WithRevision(isms.Revision) %T; the suite needs it to make editions", k.Name(), sample)
					}
					s := &editionSuite[T]{st: st, view: plainTables{st}, kind: k, rk: isms.NewKind[rev[T]](k.Name()), fx: fx, ctx: context.Background(), mode: mode}
					if mode == "Fallback" {
						s.st = s.view
					} else if _, ok := st.Table(k.Name()).(isms.EditionTable); !ok {
						t.Skipf("the %s table is no isms.EditionTable: isms.Latest and isms.Editions scan every record (the Fallback cases check that)", k.Name())
					}
					c.run(s, t)
				})
			}
		})
	}
}

// edition makes a record of document doc, edition n (counter n too).
func (s *editionSuite[T]) edition(id isms.ID[T], doc isms.DocumentID, n int) T {
	v := s.fx.Make(id, n)
	return any(v).(revisable[T]).WithRevision(isms.Revision{Document: doc, Edition: n, Status: isms.Draft})
}

// put writes edition n of doc under id at expected and returns the error.
func (s *editionSuite[T]) put(org isms.OrgID, id isms.ID[T], doc isms.DocumentID, n int, expected isms.Version) (isms.Version, error) {
	return isms.Repo(s.st, s.kind).Put(s.ctx, org, s.edition(id, doc, n), expected)
}

// create writes a new edition and fails the test if that does not work.
func (s *editionSuite[T]) create(t testing.TB, org isms.OrgID, doc isms.DocumentID, n int) (isms.ID[T], isms.Version) {
	t.Helper()
	id := isms.NewID[T]()
	v, err := s.put(org, id, doc, n, 0)
	noError(t, err, fmt.Sprintf("Put (create) of edition %d of document %s as record %s", n, doc, id))
	return id, v
}

// ed names one expected edition: its number, record and version.
type ed struct {
	n  int
	id uuid.UUID
	v  isms.Version
}

// String describes the edition for failure messages.
func (e ed) String() string { return fmt.Sprintf("edition %d (record %s, version %d)", e.n, e.id, e.v) }

func (s *editionSuite[T]) got(r isms.Stored[rev[T]]) ed {
	return ed{n: r.Value.DocumentRevision().Edition, id: r.Value.Key().UUID(), v: r.Version}
}

// requireLatest checks that Latest of doc gives want, through the store and
// through the fallback scan over the same records.
func (s *editionSuite[T]) requireLatest(t testing.TB, org isms.OrgID, doc isms.DocumentID, want ed, why string) {
	t.Helper()
	for _, via := range s.vias() {
		got, err := isms.Latest(s.ctx, via.st, s.rk, org, doc)
		noError(t, err, fmt.Sprintf("isms.Latest of document %s %s (%s)", doc, via.name, why))
		if g := s.got(got); g != want {
			t.Fatalf("isms.Latest of document %s %s gave %v; %s, so the contract requires %v", doc, via.name, g, why, want)
		}
		if n := s.fx.Count(got.Value.v); n != want.n {
			t.Fatalf("isms.Latest of document %s %s gave a record written with counter %d; the contract requires the stored record of edition %d unchanged", doc, via.name, n, want.n)
		}
	}
}

// requireEditions checks that Editions of doc gives want, in order.
func (s *editionSuite[T]) requireEditions(t testing.TB, org isms.OrgID, doc isms.DocumentID, want []ed, why string) {
	t.Helper()
	for _, via := range s.vias() {
		var got []ed
		for r, err := range isms.Editions(s.ctx, via.st, s.rk, org, doc) {
			noError(t, err, fmt.Sprintf("isms.Editions of document %s %s", doc, via.name))
			got = append(got, s.got(r))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("isms.Editions of document %s %s gave [%s]; %s, so the contract requires [%s] in ascending edition order",
				doc, via.name, joinEds(got), why, joinEds(want))
		}
	}
}

func joinEds(es []ed) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.String()
	}
	return strings.Join(parts, ", ")
}

type via struct {
	name string
	st   isms.Tables
}

// vias are the ways a case reads: through the store as the mode writes, and
// in Capability mode through the fallback scan too.
func (s *editionSuite[T]) vias() []via {
	if s.mode == "Fallback" {
		return []via{{"(fallback scan, the store's capability hidden)", s.st}}
	}
	return []via{{"(the store's EditionTable index)", s.st}, {"(fallback scan over the same records)", s.view}}
}

// requireNotFound checks that Latest of doc gives ErrNotFound and Editions
// nothing.
func (s *editionSuite[T]) requireNotFound(t testing.TB, org isms.OrgID, doc isms.DocumentID, why string) {
	t.Helper()
	for _, via := range s.vias() {
		got, err := isms.Latest(s.ctx, via.st, s.rk, org, doc)
		if err == nil {
			t.Fatalf("isms.Latest of document %s %s gave %v; %s, so the contract requires ErrNotFound", doc, via.name, s.got(got), why)
		}
		wantIs(t, err, isms.ErrNotFound, fmt.Sprintf("isms.Latest of document %s %s (%s)", doc, via.name, why))
	}
	s.requireEditions(t, org, doc, nil, why)
}

func (s *editionSuite[T]) severalEditions(t *testing.T) {
	org, doc, other := newOrg(), isms.NewID[isms.Document](), isms.NewID[isms.Document]()
	// records outside every lineage and another document's later edition
	// must not count
	for i := range 3 {
		_, err := isms.Repo(s.st, s.kind).Put(s.ctx, org, s.fx.Make(isms.NewID[T](), 100+i), 0)
		noError(t, err, "Put (create) of a record of no document")
	}
	oid, ov := s.create(t, org, other, 9)
	eds := map[int]ed{}
	for _, n := range []int{2, 5, 1, 4, 3} {
		id, v := s.create(t, org, doc, n)
		eds[n] = ed{n, id.UUID(), v}
	}
	s.requireLatest(t, org, doc, eds[5], "editions 2, 5, 1, 4 and 3 were written in that order")
	s.requireEditions(t, org, doc, []ed{eds[1], eds[2], eds[3], eds[4], eds[5]}, "editions 1 to 5 are stored")
	s.requireLatest(t, org, other, ed{9, oid.UUID(), ov}, "the other document has edition 9 only")
	// an update that raises an edition moves it
	moved := eds[3]
	v, err := s.put(org, isms.IDFromUUID[T](moved.id), doc, 7, moved.v)
	noError(t, err, "Put (update) of edition 3 to edition 7")
	moved = ed{7, moved.id, v}
	s.requireLatest(t, org, doc, moved, "edition 3 was rewritten as edition 7")
	s.requireEditions(t, org, doc, []ed{eds[1], eds[2], eds[4], eds[5], moved}, "edition 3 became edition 7")
}

func (s *editionSuite[T]) deleteLatest(t *testing.T) {
	org, doc := newOrg(), isms.NewID[isms.Document]()
	var eds []ed
	for n := 1; n <= 3; n++ {
		id, v := s.create(t, org, doc, n)
		eds = append(eds, ed{n, id.UUID(), v})
	}
	repo := isms.Repo(s.st, s.kind)
	for i := len(eds) - 1; i > 0; i-- {
		noError(t, repo.Delete(s.ctx, org, isms.IDFromUUID[T](eds[i].id), eds[i].v), "Delete of the latest edition")
		why := fmt.Sprintf("edition %d, the latest, was deleted", eds[i].n)
		s.requireLatest(t, org, doc, eds[i-1], why)
		s.requireEditions(t, org, doc, eds[:i], why)
	}
	noError(t, repo.Delete(s.ctx, org, isms.IDFromUUID[T](eds[0].id), eds[0].v), "Delete of the only edition left")
	s.requireNotFound(t, org, doc, "every edition was deleted")
}

func (s *editionSuite[T]) otherOrgs(t *testing.T) {
	a, b, c, doc := newOrg(), newOrg(), newOrg(), isms.NewID[isms.Document]()
	var inA []ed
	for n := 1; n <= 2; n++ {
		id, v := s.create(t, a, doc, n)
		inA = append(inA, ed{n, id.UUID(), v})
	}
	var inB []ed
	for n := 1; n <= 4; n++ { // the same document and editions in another organisation never conflict
		id, v := s.create(t, b, doc, n)
		inB = append(inB, ed{n, id.UUID(), v})
	}
	// the same record ID in two organisations
	v, err := s.put(b, isms.IDFromUUID[T](inA[0].id), doc, 6, 0)
	noError(t, err, "Put (create) in organisation B of a record ID that organisation A uses")
	inB = append(inB, ed{6, inA[0].id, v})
	s.requireLatest(t, a, doc, inA[1], "organisation A has editions 1 and 2; B's editions are B's")
	s.requireEditions(t, a, doc, inA, "organisation A has editions 1 and 2; B's editions are B's")
	s.requireLatest(t, b, doc, inB[4], "organisation B has editions 1 to 4 and 6")
	s.requireEditions(t, b, doc, inB, "organisation B has editions 1 to 4 and 6")
	s.requireNotFound(t, c, doc, "organisation C stored nothing; A's and B's editions are theirs")
}

func (s *editionSuite[T]) missingDocument(t *testing.T) {
	org := newOrg()
	s.create(t, org, isms.NewID[isms.Document](), 1)
	s.requireNotFound(t, org, isms.NewID[isms.Document](), "the document was never stored")
	_, err := isms.Latest(s.ctx, s.st, s.rk, org, isms.DocumentID{})
	wantIs(t, err, isms.ErrInvalid, "isms.Latest of the zero document")
}

func (s *editionSuite[T]) sameEditionTwice(t *testing.T) {
	org, doc := newOrg(), isms.NewID[isms.Document]()
	id1, v1 := s.create(t, org, doc, 2)
	id2 := isms.NewID[T]()
	_, err := s.put(org, id2, doc, 2, 0)
	wantIs(t, err, isms.ErrConflict, "Put (create) of a second record of edition 2 (an edition number names one record)")
	_, err = isms.Repo(s.st, s.kind).Get(s.ctx, org, id2)
	wantIs(t, err, isms.ErrNotFound, "Get of the record whose edition was refused (a refused Put must store nothing)")
	id3, v3 := s.create(t, org, doc, 3)
	_, err = s.put(org, id3, doc, 2, v3)
	wantIs(t, err, isms.ErrConflict, "Put (update) of edition 3 to edition 2, which another record holds")
	s.requireLatest(t, org, doc, ed{3, id3.UUID(), v3}, "the update of edition 3 to 2 was refused")
	v1, err = s.put(org, id1, doc, 2, v1)
	noError(t, err, "Put (update) of edition 2 that keeps its edition")
	v1, err = s.put(org, id1, doc, 4, v1)
	noError(t, err, "Put (update) of edition 2 to the free edition 4")
	v2, err := s.put(org, id2, doc, 2, 0)
	noError(t, err, "Put (create) of edition 2 after its holder moved to edition 4 (the edition is free again)")
	s.requireEditions(t, org, doc, []ed{{2, id2.UUID(), v2}, {3, id3.UUID(), v3}, {4, id1.UUID(), v1}},
		"editions 2, 3 and 4 are held by one record each")
}
