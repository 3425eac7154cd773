package storetest

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/isms"
)

// namespace derives the suite's fixed IDs.
var namespace = uuid.MustParse("3c0f4f8e-6f42-4d0a-9a53-2a3c43a0d7b1")

// Run runs the conformance suite against repositories of assets, the record
// kind every host stores. newRepo is called once per case and must return an
// empty repository (or one whose organisations the suite does not use: the
// suite makes up fresh organisation IDs).
func Run(t *testing.T, newRepo func(tb testing.TB) isms.Repository[isms.Asset]) {
	t.Helper()
	RunFor(t, newRepo, AssetFixture())
}

// RunFor runs the conformance suite against repositories of records of kind
// T made by fx.
func RunFor[T isms.Entity[T]](t *testing.T, newRepo func(tb testing.TB) isms.Repository[T], fx Fixture[T]) {
	t.Helper()
	cases := []struct {
		name string
		run  func(*suite[T], *testing.T)
	}{
		{"CreateThenGet", (*suite[T]).createThenGet},
		{"GetMissingIsNotFound", (*suite[T]).getMissing},
		{"CreateExistingIsConflict", (*suite[T]).createExisting},
		{"UpdateWithCurrentVersion", (*suite[T]).updateCurrent},
		{"StaleVersionIsConflictAndChangesNothing", (*suite[T]).updateStale},
		{"UpdateMissingIsNotFound", (*suite[T]).updateMissing},
		{"Delete", (*suite[T]).deleteRecord},
		{"DeleteStaleIsConflictAndKeepsRecord", (*suite[T]).deleteStale},
		{"DeleteWithVersionZeroIsConflict", (*suite[T]).deleteZero},
		{"VersionsAboveInt64AreConflicts", (*suite[T]).hugeVersions},
		{"RecreatedRecordRejectsOldVersion", (*suite[T]).recreate},
		{"ZeroOrganisationOrIDIsInvalid", (*suite[T]).zeroIDs},
		{"DoneContextIsAnError", (*suite[T]).doneContext},
		{"CancelledDuringACallReportsWhatItDid", (*suite[T]).cancelDuring},
		{"ListPagesInIDOrder", (*suite[T]).listOrder},
		{"ListPageBoundariesAtEverySize", (*suite[T]).listBoundaries},
		{"NextNeverLeadsToAnEmptyPage", (*suite[T]).noEmptyPage},
		{"ListLimitDefaultsAndCap", (*suite[T]).listLimits},
		{"ListForeignCursorIsInvalid", (*suite[T]).listBadCursor},
		{"CursorOfAnotherOrganisationOrForgedIsInvalid", (*suite[T]).listForgedCursor},
		{"PagingNeitherSkipsNorRepeatsUnderInserts", (*suite[T]).pagingUnderInserts},
		{"TenantIsolation", (*suite[T]).tenantIsolation},
		{"ConcurrentWritersLoseNoUpdate", (*suite[T]).concurrentWriters},
		{"StateMachine", (*suite[T]).stateMachine},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			repo := newRepo(t)
			if repo == nil {
				t.Fatal("the factory returned no repository; it must return an empty one")
			}
			c.run(&suite[T]{repo: repo, fx: fx, ctx: context.Background()}, t)
		})
	}
}

// suite holds one case's repository and helpers.
type suite[T isms.Entity[T]] struct {
	repo isms.Repository[T]
	fx   Fixture[T]
	ctx  context.Context
}

// newOrg returns an organisation ID no other case uses.
func newOrg() isms.OrgID { return isms.NewID[isms.Organization]() }

func newID[T any]() isms.ID[T] { return isms.NewID[T]() }

// edgeID returns an ID whose bytes sort before (low) or after (high) every
// random ID, with n in its last bytes to keep them distinct.
func edgeID[T any](high bool, n int) isms.ID[T] {
	var u uuid.UUID
	if high {
		for i := range u {
			u[i] = 0xff
		}
	}
	binary.BigEndian.PutUint32(u[12:], uint32(n+1)^binary.BigEndian.Uint32(u[12:]))
	return isms.IDFromUUID[T](u)
}

// noError fails the test when a call the contract allows failed.
func noError(t testing.TB, err error, call string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s failed: %v; the contract requires it to succeed", call, err)
	}
}

// wantIs fails the test unless err wraps target; call says what was done
// and why the contract requires target.
func wantIs(t testing.TB, err, target error, call string) {
	t.Helper()
	switch {
	case err == nil:
		t.Fatalf("%s succeeded; the contract requires an error wrapping %v", call, target)
	case !errors.Is(err, target):
		t.Fatalf("%s gave %v; the contract requires an error wrapping %v (errors.Is)", call, err, target)
	}
}

// create stores a new record and fails the test if that does not work.
func (s *suite[T]) create(t testing.TB, org isms.OrgID, id isms.ID[T], n int) isms.Version {
	t.Helper()
	v, err := s.repo.Put(s.ctx, org, s.fx.Make(id, n), 0)
	noError(t, err, "Put (create) of "+id.String())
	if v == 0 {
		t.Fatalf("Put (create) of %s returned version 0; the contract requires a non-zero version for a stored record", id)
	}
	return v
}

// requireStored checks that id of org holds the record made with n at version v.
func (s *suite[T]) requireStored(t testing.TB, org isms.OrgID, id isms.ID[T], n int, v isms.Version) {
	t.Helper()
	got, err := s.repo.Get(s.ctx, org, id)
	noError(t, err, "Get of "+id.String())
	if got.Version != v {
		t.Fatalf("Get of %s returned version %d; the contract requires the version of the last successful write, %d", id, got.Version, v)
	}
	requireSameJSON(t, s.fx.Make(id, n), got.Value)
	if c := s.fx.Count(got.Value); c != n {
		t.Fatalf("Get of %s returned the record written with counter %d; the contract requires the last written one, %d", id, c, n)
	}
}

func requireSameJSON(t testing.TB, want, got any) {
	t.Helper()
	w, err := json.Marshal(want)
	noError(t, err, "encoding the written record")
	g, err := json.Marshal(got)
	noError(t, err, "encoding the record read back")
	var wv, gv any
	_ = json.Unmarshal(w, &wv)
	_ = json.Unmarshal(g, &gv)
	wn, _ := json.Marshal(wv)
	gn, _ := json.Marshal(gv)
	if string(wn) != string(gn) {
		t.Fatalf("the store returned a record that differs from what was written; the contract requires it unchanged\nwritten: %.600s\nread:    %.600s", wn, gn)
	}
}

func (s *suite[T]) createThenGet(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v := s.create(t, org, id, 7)
	s.requireStored(t, org, id, 7, v)
}

func (s *suite[T]) getMissing(t *testing.T) {
	org := newOrg()
	s.create(t, org, newID[T](), 1)
	_, err := s.repo.Get(s.ctx, org, newID[T]())
	wantIs(t, err, isms.ErrNotFound, "Get of an ID never stored")
}

func (s *suite[T]) createExisting(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v := s.create(t, org, id, 1)
	_, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 2), 0)
	wantIs(t, err, isms.ErrConflict, "Put with version 0 (create) of an ID that exists")
	s.requireStored(t, org, id, 1, v)
}

func (s *suite[T]) updateCurrent(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v1 := s.create(t, org, id, 1)
	v2, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 2), v1)
	noError(t, err, "Put at the current version")
	if v1 == v2 {
		t.Fatalf("an update returned the version it replaced (%d); the contract requires a new version on every write", v1)
	}
	s.requireStored(t, org, id, 2, v2)
}

func (s *suite[T]) updateStale(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v1 := s.create(t, org, id, 1)
	v2, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 2), v1)
	noError(t, err, "Put at the current version")
	_, err = s.repo.Put(s.ctx, org, s.fx.Make(id, 3), v1)
	wantIs(t, err, isms.ErrConflict, "Put naming a stale version")
	_, err = s.repo.Put(s.ctx, org, s.fx.Make(id, 4), v2+v1+1000)
	wantIs(t, err, isms.ErrConflict, "Put naming a version never issued")
	s.requireStored(t, org, id, 2, v2)
}

func (s *suite[T]) updateMissing(t *testing.T) {
	org, id := newOrg(), newID[T]()
	_, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 1), 1)
	wantIs(t, err, isms.ErrNotFound, "Put with a version of a record that does not exist")
	_, err = s.repo.Get(s.ctx, org, id)
	wantIs(t, err, isms.ErrNotFound, "Get after a failed update (a failed Put must not create the record)")
}

func (s *suite[T]) deleteRecord(t *testing.T) {
	org, id, other := newOrg(), newID[T](), newID[T]()
	v := s.create(t, org, id, 1)
	vo := s.create(t, org, other, 2)
	noError(t, s.repo.Delete(s.ctx, org, id, v), "Delete at the current version")
	_, err := s.repo.Get(s.ctx, org, id)
	wantIs(t, err, isms.ErrNotFound, "Get of a deleted record")
	wantIs(t, s.repo.Delete(s.ctx, org, id, v), isms.ErrNotFound, "a second Delete of the same record")
	s.requireStored(t, org, other, 2, vo)
}

func (s *suite[T]) deleteStale(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v1 := s.create(t, org, id, 1)
	v2, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 2), v1)
	noError(t, err, "Put at the current version")
	wantIs(t, s.repo.Delete(s.ctx, org, id, v1), isms.ErrConflict, "Delete naming a stale version")
	s.requireStored(t, org, id, 2, v2)
}

// deleteZero: version 0 means "not stored", so it never matches a stored
// record; a store that treats 0 as "any version" deletes blindly.
func (s *suite[T]) deleteZero(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v := s.create(t, org, id, 1)
	wantIs(t, s.repo.Delete(s.ctx, org, id, 0), isms.ErrConflict, "Delete with expected version 0 of an existing record")
	s.requireStored(t, org, id, 1, v)
}

// hugeVersions: versions are opaque uint64 tokens; database/sql refuses
// uint64 arguments above math.MaxInt64, so an adapter must map them, not
// fail with a driver error.
func (s *suite[T]) hugeVersions(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v := s.create(t, org, id, 1)
	for _, huge := range []isms.Version{math.MaxInt64 + 1, math.MaxUint64} {
		_, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 2), huge)
		wantIs(t, err, isms.ErrConflict, "Put naming version "+uitoa(huge))
		wantIs(t, s.repo.Delete(s.ctx, org, id, huge), isms.ErrConflict, "Delete naming version "+uitoa(huge))
		_, err = s.repo.Put(s.ctx, org, s.fx.Make(newID[T](), 3), huge)
		wantIs(t, err, isms.ErrNotFound, "Put naming version "+uitoa(huge)+" of a record that does not exist")
	}
	s.requireStored(t, org, id, 1, v)
}

func uitoa(v isms.Version) string { return strconv.FormatUint(uint64(v), 10) }

func (s *suite[T]) recreate(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v1 := s.create(t, org, id, 1)
	noError(t, s.repo.Delete(s.ctx, org, id, v1), "Delete at the current version")
	v2 := s.create(t, org, id, 2)
	if v1 == v2 {
		t.Fatalf("a record deleted and created again got its old version %d back; the contract requires a version never to be issued twice for one ID", v1)
	}
	_, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 3), v1)
	wantIs(t, err, isms.ErrConflict, "Put naming the version of the deleted record to its re-created successor")
	s.requireStored(t, org, id, 2, v2)
}

func (s *suite[T]) zeroIDs(t *testing.T) {
	org, id := newOrg(), newID[T]()
	var zeroOrg isms.OrgID
	_, err := s.repo.Put(s.ctx, zeroOrg, s.fx.Make(id, 1), 0)
	wantIs(t, err, isms.ErrInvalid, "Put without an organisation")
	_, err = s.repo.Get(s.ctx, zeroOrg, id)
	wantIs(t, err, isms.ErrInvalid, "Get without an organisation")
	_, err = s.repo.List(s.ctx, zeroOrg, isms.PageRequest{})
	wantIs(t, err, isms.ErrInvalid, "List without an organisation")
	wantIs(t, s.repo.Delete(s.ctx, zeroOrg, id, 1), isms.ErrInvalid, "Delete without an organisation")
	_, err = s.repo.Put(s.ctx, org, s.fx.Make(isms.ID[T]{}, 1), 0)
	wantIs(t, err, isms.ErrInvalid, "Put of a record with the zero ID")
	_, err = s.repo.Get(s.ctx, org, isms.ID[T]{})
	wantIs(t, err, isms.ErrInvalid, "Get of the zero ID")
	page, err := s.repo.List(s.ctx, org, isms.PageRequest{})
	noError(t, err, "List")
	if len(page.Items) != 0 {
		t.Fatalf("rejected writes stored %d records; the contract requires a rejected write to store nothing", len(page.Items))
	}
}

func (s *suite[T]) doneContext(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v := s.create(t, org, id, 1)
	ctx, cancel := context.WithCancel(s.ctx)
	cancel()
	_, err := s.repo.Get(ctx, org, id)
	wantIs(t, err, context.Canceled, "Get with a cancelled context")
	_, err = s.repo.Put(ctx, org, s.fx.Make(id, 2), v)
	wantIs(t, err, context.Canceled, "Put with a cancelled context")
	_, err = s.repo.List(ctx, org, isms.PageRequest{})
	wantIs(t, err, context.Canceled, "List with a cancelled context")
	wantIs(t, s.repo.Delete(ctx, org, id, v), context.Canceled, "Delete with a cancelled context")
	s.requireStored(t, org, id, 1, v)
}
