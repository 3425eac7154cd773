package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ismskit/ismskit/isms"
)

// KindCase is one storable kind with its fixture, for RunStore and
// BenchmarkStore; make one with ForKind.
type KindCase struct {
	name     string
	run      func(t *testing.T, newStore func(tb testing.TB) isms.Tables)
	bench    func(b *testing.B, newStore func(tb testing.TB) isms.Tables)
	validate func() error
}

// Name returns the kind's stable storage name.
func (k KindCase) Name() string { return k.name }

// Validate reports whether the fixture's records pass their own Validate,
// for the zero counter and a few others.
func (k KindCase) Validate() error { return k.validate() }

// ForKind pairs a kind with the fixture that makes its records.
func ForKind[T isms.Record[T]](k isms.Kind[T], fx Fixture[T]) KindCase {
	return KindCase{
		name: k.Name(),
		run: func(t *testing.T, newStore func(tb testing.TB) isms.Tables) {
			RunFor(t, func(tb testing.TB) isms.Repository[T] { return isms.Repo(newStore(tb), k) }, fx)
			runEditions(t, newStore, k, fx)
		},
		bench: func(b *testing.B, newStore func(tb testing.TB) isms.Tables) {
			BenchmarkFor(b, func(tb testing.TB) isms.Repository[T] { return isms.Repo(newStore(tb), k) }, fx)
		},
		validate: func() error {
			for _, n := range []int{0, 1, 42} {
				if err := fx.Make(isms.NewID[T](), n).Validate(); err != nil {
					return fmt.Errorf("%s fixture with counter %d: %w", k.Name(), n, err)
				}
			}
			return nil
		},
	}
}

// KernelKinds returns the storable kinds of package isms (the organisation's
// context), each with its fixture. isms/storetest/kinds.All adds the kinds
// of the other packages.
func KernelKinds() []KindCase {
	return []KindCase{
		ForKind(isms.KindOrganization, OrganizationFixture()),
		ForKind(isms.KindScope, ScopeFixture()),
		ForKind(isms.KindIssue, IssueFixture()),
		ForKind(isms.KindInterestedParty, InterestedPartyFixture()),
		ForKind(isms.KindRequirement, RequirementFixture()),
		ForKind(isms.KindAsset, AssetFixture()),
		ForKind(isms.KindPerson, PersonFixture()),
		ForKind(isms.KindRole, RoleFixture()),
		ForKind(isms.KindResponsibility, ResponsibilityFixture()),
		ForKind(isms.KindObjective, ObjectiveFixture()),
	}
}

// RunStore runs the conformance suite on a store of every kind: RunFor for
// each of kinds (KernelKinds when none are given), then the store-wide
// cases: kinds never share records, nanosecond zoned timestamps and large
// payloads round-trip byte for byte, a whole organisation's context saves
// and loads; and, when the store is an isms.Transactor, that a unit of work
// commits at once and that a conflict or panic in the middle leaves nothing
// behind. newStore is called once per case; it may return the same store
// every time (the suite uses fresh organisations).
func RunStore(t *testing.T, newStore func(tb testing.TB) isms.Tables, kinds ...KindCase) {
	t.Helper()
	if len(kinds) == 0 {
		kinds = KernelKinds()
	}
	for _, k := range kinds {
		t.Run("Kind="+k.name, func(t *testing.T) { k.run(t, newStore) })
	}
	cases := []struct {
		name string
		run  func(t *testing.T, st isms.Tables)
	}{
		{"KindsDoNotShareRecords", kindsApart},
		{"NanosecondZonedTimestampsRoundTrip", timestamps},
		{"LargePayloadsRoundTrip", largePayloads},
		{"SaveAndLoadContext", saveAndLoad},
		{"TxCommitsEverythingAtOnce", txCommit},
		{"TxConflictInTheMiddleLeavesNothing", txConflict},
		{"TxPanicLeavesNothing", txPanic},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := newStore(t)
			if st == nil {
				t.Fatal("the factory returned no store")
			}
			c.run(t, st)
		})
	}
}

// BenchmarkStore runs Benchmark on the asset kind of a store and
// BenchmarkSaveContext on it.
func BenchmarkStore(b *testing.B, newStore func(tb testing.TB) isms.Tables) {
	ForKind(isms.KindAsset, AssetFixture()).bench(b, newStore)
	b.Run("SaveContext", func(b *testing.B) { BenchmarkSaveContext(b, newStore) })
}

// sampleContext is a small valid organisation's context made of fixtures:
// n records of each list kind.
func sampleContext(org isms.OrgID, n int) isms.OrgContext {
	c := isms.OrgContext{
		Organization: OrganizationFixture().Make(org, 0),
		Scope:        ScopeFixture().Make(isms.NewID[isms.Scope](), 0),
	}
	for i := range n {
		c.Issues = append(c.Issues, IssueFixture().Make(isms.NewID[isms.Issue](), i))
		c.Parties = append(c.Parties, InterestedPartyFixture().Make(isms.NewID[isms.InterestedParty](), i))
		c.Requirements = append(c.Requirements, RequirementFixture().Make(isms.NewID[isms.Requirement](), i))
		c.Assets = append(c.Assets, AssetFixture().Make(isms.NewID[isms.Asset](), i))
		c.People = append(c.People, PersonFixture().Make(isms.NewID[isms.Person](), i))
		c.Roles = append(c.Roles, RoleFixture().Make(isms.NewID[isms.Role](), i))
		c.Responsibilities = append(c.Responsibilities, ResponsibilityFixture().Make(isms.NewID[isms.Responsibility](), i))
		c.Objectives = append(c.Objectives, ObjectiveFixture().Make(isms.NewID[isms.Objective](), i))
	}
	return c
}

// save saves c, in a transaction when the store has them.
func save(ctx context.Context, st isms.Tables, c isms.OrgContext) error {
	if tx, ok := st.(isms.Transactor); ok {
		return tx.InTx(ctx, func(tx isms.Tables) error { return isms.SaveContext(ctx, tx, c) })
	}
	return isms.SaveContext(ctx, st, c)
}

// BenchmarkSaveContext measures saving a whole organisation's context (ten
// kinds, 20 records of each list kind: 162 records), in one transaction when
// the store has them.
func BenchmarkSaveContext(b *testing.B, newStore func(tb testing.TB) isms.Tables) {
	st := newStore(b)
	b.ReportAllocs()
	for b.Loop() {
		c := sampleContext(newOrg(), 20)
		if err := save(b.Context(), st, c); err != nil {
			b.Fatal(err)
		}
	}
}

func kindsApart(t *testing.T, st isms.Tables) {
	ctx, org, id := context.Background(), newOrg(), newID[isms.Asset]()
	assets := isms.Repo(st, isms.KindAsset)
	twin := isms.Repo(st, isms.NewKind[isms.Asset]("asset_twin"))
	va, err := assets.Put(ctx, org, AssetFixture().Make(id, 1), 0)
	noError(t, err, "Put of an asset")
	if _, err := twin.Get(ctx, org, id); !errors.Is(err, isms.ErrNotFound) {
		t.Fatalf("Get from kind asset_twin of an ID stored only as kind asset gave %v; the contract requires kinds never to share records (ErrNotFound)", err)
	}
	vt, err := twin.Put(ctx, org, AssetFixture().Make(id, 2), 0)
	noError(t, err, "Put (create) under another kind of an ID stored as kind asset")
	noError(t, twin.Delete(ctx, org, id, vt), "Delete from kind asset_twin")
	got, err := assets.Get(ctx, org, id)
	noError(t, err, "Get of the asset after the other kind's record was deleted")
	if got.Version != va || AssetFixture().Count(got.Value) != 1 {
		t.Fatalf("writes to kind asset_twin changed the record of kind asset (version %d, want %d); the contract requires kinds kept apart", got.Version, va)
	}
	p, err := twin.List(ctx, org, isms.PageRequest{})
	noError(t, err, "List of kind asset_twin")
	if len(p.Items) != 0 {
		t.Fatalf("kind asset_twin lists %d records of kind asset; the contract requires kinds kept apart", len(p.Items))
	}
}

func timestamps(t *testing.T, st isms.Tables) {
	ctx, org := context.Background(), newOrg()
	repo := isms.Repo(st, isms.KindObjective)
	o := ObjectiveFixture().Make(newID[isms.Objective](), 1)
	_, err := repo.Put(ctx, org, o, 0)
	noError(t, err, "Put of an objective")
	got, err := repo.Get(ctx, org, o.ID)
	noError(t, err, "Get of the objective")
	_, wantOff := o.Deadline.Zone()
	_, gotOff := got.Value.Deadline.Zone()
	if !got.Value.Deadline.Equal(o.Deadline) || gotOff != wantOff || got.Value.Deadline.Nanosecond() != o.Deadline.Nanosecond() {
		t.Fatalf("the deadline %s came back as %s; the contract requires times kept to the nanosecond with their zone offset (content hashes of approved documents depend on them)",
			o.Deadline.Format("2006-01-02T15:04:05.999999999Z07:00"), got.Value.Deadline.Format("2006-01-02T15:04:05.999999999Z07:00"))
	}
	if !got.Value.Target.Value.Equal(o.Target.Value) || got.Value.Target.Value.String() != o.Target.Value.String() {
		t.Fatalf("the decimal target %s came back as %s; the contract requires decimals kept exactly", o.Target.Value, got.Value.Target.Value)
	}
}

// LargePayload is the size in bytes of the record the suite's large-payload
// case stores (an approved SoA version is about 22 KB).
const LargePayload = 256 << 10

func largePayloads(t *testing.T, st isms.Tables) {
	ctx, org := context.Background(), newOrg()
	repo := isms.Repo(st, isms.KindAsset)
	a := AssetFixture().Make(newID[isms.Asset](), 0)
	var b strings.Builder
	for b.Len() < LargePayload {
		fmt.Fprintf(&b, "line %d: ä € 𝄞 \"quoted\" \\ back\x00slash\t<tag>&amp;\n", b.Len())
	}
	a.Location = b.String()
	v, err := repo.Put(ctx, org, a, 0)
	noError(t, err, fmt.Sprintf("Put of a %d-byte record", b.Len()))
	got, err := repo.Get(ctx, org, a.ID)
	noError(t, err, "Get of the large record")
	if got.Version != v || got.Value.Location != a.Location {
		t.Fatalf("a %d-byte field came back with %d bytes (first difference at byte %d); the contract requires records of any size returned byte for byte, NUL and non-BMP characters included",
			len(a.Location), len(got.Value.Location), firstDiff(a.Location, got.Value.Location))
	}
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func saveAndLoad(t *testing.T, st isms.Tables) {
	ctx, org := context.Background(), newOrg()
	c := sampleContext(org, 3)
	noError(t, save(ctx, st, c), "SaveContext")
	got, err := isms.LoadContext(ctx, st, org)
	noError(t, err, "LoadContext")
	sortContext(&c)
	requireSameJSON(t, c, got)

	c.Assets = c.Assets[1:]
	c.People[0].Title = "changed n=9"
	noError(t, save(ctx, st, c), "SaveContext over a saved context")
	got, err = isms.LoadContext(ctx, st, org)
	noError(t, err, "LoadContext after the second save")
	requireSameJSON(t, c, got)
}

// sortContext puts every list of c in ascending ID order, as LoadContext
// returns them.
func sortContext(c *isms.OrgContext) {
	sortBy(c.Issues)
	sortBy(c.Parties)
	sortBy(c.Requirements)
	sortBy(c.Assets)
	sortBy(c.People)
	sortBy(c.Roles)
	sortBy(c.Responsibilities)
	sortBy(c.Objectives)
}

func sortBy[T isms.Entity[T]](items []T) {
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && items[j].Key().Compare(items[j-1].Key()) < 0; j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

func transactor(t *testing.T, st isms.Tables) isms.Transactor {
	t.Helper()
	tx, ok := st.(isms.Transactor)
	if !ok {
		t.Skipf("%T is not an isms.Transactor: it offers no unit of work, so saving several records is not atomic", st)
	}
	return tx
}

func txCommit(t *testing.T, st isms.Tables) {
	ts := transactor(t, st)
	ctx, org := context.Background(), newOrg()
	var ids []isms.AssetID
	var vs []isms.Version
	err := ts.InTx(ctx, func(tx isms.Tables) error {
		repo := isms.Repo(tx, isms.KindAsset)
		for i := range 5 {
			id := newID[isms.Asset]()
			v, err := repo.Put(ctx, org, AssetFixture().Make(id, i), 0)
			if err != nil {
				return err
			}
			// A transaction reads its own writes.
			if got, err := repo.Get(ctx, org, id); err != nil || got.Version != v {
				return fmt.Errorf("inside the transaction, Get of a record just written gave version %d, %v; the contract requires a transaction to read its own writes", got.Version, err)
			}
			ids, vs = append(ids, id), append(vs, v)
		}
		_, err := isms.Repo(tx, isms.KindPerson).Put(ctx, org, PersonFixture().Make(newID[isms.Person](), 1), 0)
		return err
	})
	noError(t, err, "InTx writing 6 records")
	repo := isms.Repo(st, isms.KindAsset)
	for i, id := range ids {
		got, err := repo.Get(ctx, org, id)
		noError(t, err, "Get after commit")
		if got.Version != vs[i] {
			t.Fatalf("after commit, %s is at version %d, not the %d its Put returned inside the transaction; the contract requires the versions a transaction returned to hold after commit", id, got.Version, vs[i])
		}
	}
}

// seedConflict stores one asset and returns it with its version, for a
// transaction to collide with.
func seedConflict(t *testing.T, st isms.Tables, org isms.OrgID) (isms.Asset, isms.Version) {
	t.Helper()
	a := AssetFixture().Make(newID[isms.Asset](), 100)
	v, err := isms.Repo(st, isms.KindAsset).Put(context.Background(), org, a, 0)
	noError(t, err, "Put of the asset the transaction collides with")
	return a, v
}

// requireNothingLeft checks that org holds only the seeded asset.
func requireNothingLeft(t *testing.T, st isms.Tables, org isms.OrgID, seeded isms.Asset, v isms.Version, what string) {
	t.Helper()
	ctx := context.Background()
	assets, err := isms.Collect(ctx, isms.Repo(st, isms.KindAsset), org)
	noError(t, err, "Collect of assets")
	people, err := isms.Collect(ctx, isms.Repo(st, isms.KindPerson), org)
	noError(t, err, "Collect of people")
	if len(assets) != 1 || len(people) != 0 {
		t.Fatalf("%s left %d assets and %d people behind (1 asset was stored before); the contract requires a failed unit of work to leave nothing", what, len(assets)-1, len(people))
	}
	got, err := isms.Repo(st, isms.KindAsset).Get(ctx, org, seeded.ID)
	noError(t, err, "Get of the seeded asset")
	if got.Version != v || AssetFixture().Count(got.Value) != 100 {
		t.Fatalf("%s changed the record it collided with (version %d, want %d); the contract requires a failed unit of work to change nothing", what, got.Version, v)
	}
}

// txWrites makes 17 records in two kinds, the number a half-saved context
// left behind in the field report.
func txWrites(ctx context.Context, tx isms.Tables, org isms.OrgID, seeded isms.Asset, v isms.Version) error {
	for i := range 9 {
		if _, err := isms.Repo(tx, isms.KindPerson).Put(ctx, org, PersonFixture().Make(newID[isms.Person](), i), 0); err != nil {
			return err
		}
	}
	if _, err := isms.Repo(tx, isms.KindAsset).Put(ctx, org, AssetFixture().Make(seeded.ID, 101), v); err != nil {
		return err
	}
	for i := range 7 {
		if _, err := isms.Repo(tx, isms.KindAsset).Put(ctx, org, AssetFixture().Make(newID[isms.Asset](), i), 0); err != nil {
			return err
		}
	}
	return nil
}

func txConflict(t *testing.T, st isms.Tables) {
	ts := transactor(t, st)
	ctx, org := context.Background(), newOrg()
	seeded, v := seedConflict(t, st, org)
	err := ts.InTx(ctx, func(tx isms.Tables) error {
		if err := txWrites(ctx, tx, org, seeded, v); err != nil {
			return err
		}
		// The conflict, half-way through the unit of work.
		_, err := isms.Repo(tx, isms.KindAsset).Put(ctx, org, AssetFixture().Make(seeded.ID, 102), 0)
		if err == nil {
			return errors.New("a create of an existing ID succeeded inside the transaction")
		}
		return err
	})
	wantIs(t, err, isms.ErrConflict, "InTx whose function returned a conflict")
	requireNothingLeft(t, st, org, seeded, v, "a conflict after 17 writes")
}

func txPanic(t *testing.T, st isms.Tables) {
	ts := transactor(t, st)
	ctx, org := context.Background(), newOrg()
	seeded, v := seedConflict(t, st, org)
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("InTx swallowed the panic of its function; the contract requires it to roll back and panic again")
			}
		}()
		_ = ts.InTx(ctx, func(tx isms.Tables) error {
			if err := txWrites(ctx, tx, org, seeded, v); err != nil {
				return err
			}
			panic("storetest: a panic in the middle of a unit of work")
		})
	}()
	requireNothingLeft(t, st, org, seeded, v, "a panic after 17 writes")
}
