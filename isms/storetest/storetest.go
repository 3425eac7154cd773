package storetest

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

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
		{"RecreatedRecordRejectsOldVersion", (*suite[T]).recreate},
		{"ZeroOrganisationOrIDIsInvalid", (*suite[T]).zeroIDs},
		{"DoneContextIsAnError", (*suite[T]).doneContext},
		{"ListPagesInIDOrder", (*suite[T]).listOrder},
		{"ListLimitDefaultsAndCap", (*suite[T]).listLimits},
		{"ListForeignCursorIsInvalid", (*suite[T]).listBadCursor},
		{"PagingNeitherSkipsNorRepeatsUnderInserts", (*suite[T]).pagingUnderInserts},
		{"TenantIsolation", (*suite[T]).tenantIsolation},
		{"ConcurrentWritersLoseNoUpdate", (*suite[T]).concurrentWriters},
		{"StateMachine", (*suite[T]).stateMachine},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			repo := newRepo(t)
			require.NotNil(t, repo, "the factory returned no repository")
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

// create stores a new record and fails the test if that does not work.
func (s *suite[T]) create(t *testing.T, org isms.OrgID, id isms.ID[T], n int) isms.Version {
	t.Helper()
	v, err := s.repo.Put(s.ctx, org, s.fx.Make(id, n), 0)
	require.NoError(t, err, "create %s", id)
	require.NotZero(t, v, "a stored record must have a non-zero version")
	return v
}

// requireStored checks that id of org holds the record made with n at version v.
func (s *suite[T]) requireStored(t *testing.T, org isms.OrgID, id isms.ID[T], n int, v isms.Version) {
	t.Helper()
	got, err := s.repo.Get(s.ctx, org, id)
	require.NoError(t, err, "get %s", id)
	require.Equal(t, v, got.Version, "version of %s", id)
	requireSameJSON(t, s.fx.Make(id, n), got.Value)
	require.Equal(t, n, s.fx.Count(got.Value))
}

func requireSameJSON(t *testing.T, want, got any) {
	t.Helper()
	w, err := json.Marshal(want)
	require.NoError(t, err)
	g, err := json.Marshal(got)
	require.NoError(t, err)
	require.JSONEq(t, string(w), string(g), "the stored record differs from what was written")
}

func requireIs(t *testing.T, err, target error, msgAndArgs ...any) {
	t.Helper()
	require.Error(t, err, msgAndArgs...)
	require.Truef(t, errors.Is(err, target), "want an error wrapping %q, got %v", target, err)
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
	requireIs(t, err, isms.ErrNotFound)
}

func (s *suite[T]) createExisting(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v := s.create(t, org, id, 1)
	_, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 2), 0)
	requireIs(t, err, isms.ErrConflict, "creating an ID that exists must conflict")
	s.requireStored(t, org, id, 1, v)
}

func (s *suite[T]) updateCurrent(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v1 := s.create(t, org, id, 1)
	v2, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 2), v1)
	require.NoError(t, err)
	require.NotEqual(t, v1, v2, "an update must change the version")
	s.requireStored(t, org, id, 2, v2)
}

func (s *suite[T]) updateStale(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v1 := s.create(t, org, id, 1)
	v2, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 2), v1)
	require.NoError(t, err)
	_, err = s.repo.Put(s.ctx, org, s.fx.Make(id, 3), v1)
	requireIs(t, err, isms.ErrConflict, "an update naming a stale version must conflict")
	_, err = s.repo.Put(s.ctx, org, s.fx.Make(id, 4), v2+v1+1000)
	requireIs(t, err, isms.ErrConflict, "an update naming a version never issued must conflict")
	s.requireStored(t, org, id, 2, v2)
}

func (s *suite[T]) updateMissing(t *testing.T) {
	org, id := newOrg(), newID[T]()
	_, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 1), 1)
	requireIs(t, err, isms.ErrNotFound, "updating a record that does not exist")
	_, err = s.repo.Get(s.ctx, org, id)
	requireIs(t, err, isms.ErrNotFound, "a failed update must not create the record")
}

func (s *suite[T]) deleteRecord(t *testing.T) {
	org, id, other := newOrg(), newID[T](), newID[T]()
	v := s.create(t, org, id, 1)
	vo := s.create(t, org, other, 2)
	require.NoError(t, s.repo.Delete(s.ctx, org, id, v))
	_, err := s.repo.Get(s.ctx, org, id)
	requireIs(t, err, isms.ErrNotFound, "a deleted record must be gone")
	requireIs(t, s.repo.Delete(s.ctx, org, id, v), isms.ErrNotFound, "deleting twice")
	s.requireStored(t, org, other, 2, vo)
}

func (s *suite[T]) deleteStale(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v1 := s.create(t, org, id, 1)
	v2, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 2), v1)
	require.NoError(t, err)
	requireIs(t, s.repo.Delete(s.ctx, org, id, v1), isms.ErrConflict, "a delete naming a stale version must conflict")
	s.requireStored(t, org, id, 2, v2)
}

func (s *suite[T]) recreate(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v1 := s.create(t, org, id, 1)
	require.NoError(t, s.repo.Delete(s.ctx, org, id, v1))
	v2 := s.create(t, org, id, 2)
	require.NotEqual(t, v1, v2, "a version must never be issued twice for one ID, even after a delete")
	_, err := s.repo.Put(s.ctx, org, s.fx.Make(id, 3), v1)
	requireIs(t, err, isms.ErrConflict, "a write meant for the deleted record must not touch the new one")
	s.requireStored(t, org, id, 2, v2)
}

func (s *suite[T]) zeroIDs(t *testing.T) {
	org, id := newOrg(), newID[T]()
	var zeroOrg isms.OrgID
	_, err := s.repo.Put(s.ctx, zeroOrg, s.fx.Make(id, 1), 0)
	requireIs(t, err, isms.ErrInvalid, "Put without an organisation")
	_, err = s.repo.Get(s.ctx, zeroOrg, id)
	requireIs(t, err, isms.ErrInvalid, "Get without an organisation")
	_, err = s.repo.List(s.ctx, zeroOrg, isms.PageRequest{})
	requireIs(t, err, isms.ErrInvalid, "List without an organisation")
	requireIs(t, s.repo.Delete(s.ctx, zeroOrg, id, 1), isms.ErrInvalid, "Delete without an organisation")
	_, err = s.repo.Put(s.ctx, org, s.fx.Make(isms.ID[T]{}, 1), 0)
	requireIs(t, err, isms.ErrInvalid, "Put of a record without an ID")
	_, err = s.repo.Get(s.ctx, org, isms.ID[T]{})
	requireIs(t, err, isms.ErrInvalid, "Get without an ID")
	page, err := s.repo.List(s.ctx, org, isms.PageRequest{})
	require.NoError(t, err)
	require.Empty(t, page.Items, "rejected writes must store nothing")
}

func (s *suite[T]) doneContext(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v := s.create(t, org, id, 1)
	ctx, cancel := context.WithCancel(s.ctx)
	cancel()
	_, err := s.repo.Get(ctx, org, id)
	requireIs(t, err, context.Canceled, "Get with a cancelled context")
	_, err = s.repo.Put(ctx, org, s.fx.Make(id, 2), v)
	requireIs(t, err, context.Canceled, "Put with a cancelled context")
	_, err = s.repo.List(ctx, org, isms.PageRequest{})
	requireIs(t, err, context.Canceled, "List with a cancelled context")
	requireIs(t, s.repo.Delete(ctx, org, id, v), context.Canceled, "Delete with a cancelled context")
	s.requireStored(t, org, id, 1, v)
}
