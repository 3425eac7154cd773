package storetest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/storetest"
	"github.com/ismskit/ismskit/isms/storetest/kinds"
	"github.com/ismskit/ismskit/policy"
)

// brokenEnv selects the broken store TestBrokenStore runs the suite on. It
// is set only in the child processes of TestSuiteFailsBrokenStores.
const brokenEnv = "STORETEST_BROKEN"

// ignoresVersions overwrites whatever version the caller names: the classic
// lost-update store.
type ignoresVersions struct {
	*memstore.Repository[isms.Asset]
}

func (s ignoresVersions) Put(ctx context.Context, org isms.OrgID, a isms.Asset, _ isms.Version) (isms.Version, error) {
	cur, err := s.Repository.Get(ctx, org, a.ID)
	if err != nil {
		return s.Repository.Put(ctx, org, a, 0)
	}
	return s.Repository.Put(ctx, org, a, cur.Version)
}

// leaksTenants forgets the organisation: every tenant sees every record.
type leaksTenants struct {
	*memstore.Repository[isms.Asset]
}

var shared = isms.NewID[isms.Organization]()

func (s leaksTenants) Get(ctx context.Context, org isms.OrgID, id isms.AssetID) (isms.Stored[isms.Asset], error) {
	if org.IsZero() {
		return s.Repository.Get(ctx, org, id)
	}
	return s.Repository.Get(ctx, shared, id)
}

func (s leaksTenants) Put(ctx context.Context, org isms.OrgID, a isms.Asset, v isms.Version) (isms.Version, error) {
	if org.IsZero() {
		return s.Repository.Put(ctx, org, a, v)
	}
	return s.Repository.Put(ctx, shared, a, v)
}

func (s leaksTenants) Delete(ctx context.Context, org isms.OrgID, id isms.AssetID, v isms.Version) error {
	if org.IsZero() {
		return s.Repository.Delete(ctx, org, id, v)
	}
	return s.Repository.Delete(ctx, shared, id, v)
}

func (s leaksTenants) List(ctx context.Context, org isms.OrgID, p isms.PageRequest) (isms.Page[isms.Asset], error) {
	if org.IsZero() {
		return s.Repository.List(ctx, org, p)
	}
	return s.Repository.List(ctx, shared, p)
}

// pagesByOffset uses "skip the first N" cursors, which repeat or skip
// records when others are inserted during a walk.
type pagesByOffset struct {
	*memstore.Repository[isms.Asset]
}

func (s pagesByOffset) List(ctx context.Context, org isms.OrgID, p isms.PageRequest) (isms.Page[isms.Asset], error) {
	offset := 0
	if p.Cursor != "" {
		if _, err := fmt.Sscanf(p.Cursor, "offset:%d", &offset); err != nil {
			return isms.Page[isms.Asset]{}, fmt.Errorf("%w: cursor", isms.ErrInvalid)
		}
	}
	all, err := isms.Collect[isms.Asset](ctx, s.Repository, org)
	if err != nil {
		return isms.Page[isms.Asset]{}, err
	}
	limit := p.EffectiveLimit()
	end := min(offset+limit, len(all))
	var page isms.Page[isms.Asset]
	for _, a := range all[min(offset, end):end] {
		st, err := s.Repository.Get(ctx, org, a.ID)
		if err != nil {
			return isms.Page[isms.Asset]{}, err
		}
		page.Items = append(page.Items, st)
	}
	if end < len(all) {
		page.Next = fmt.Sprintf("offset:%d", end)
	}
	return page, nil
}

// racyCheckAndSet checks the version and writes in two separate steps, so
// two writers can both pass the check.
type racyCheckAndSet struct {
	*memstore.Repository[isms.Asset]
	mu *sync.Mutex
}

func (s racyCheckAndSet) Put(ctx context.Context, org isms.OrgID, a isms.Asset, v isms.Version) (isms.Version, error) {
	if v == 0 {
		return s.Repository.Put(ctx, org, a, 0)
	}
	cur, err := s.Repository.Get(ctx, org, a.ID)
	if err != nil {
		return 0, err
	}
	if cur.Version != v {
		return 0, fmt.Errorf("%w: stale", isms.ErrConflict)
	}
	time.Sleep(50 * time.Microsecond) // the window between check and write
	s.mu.Lock()
	defer s.mu.Unlock()
	latest, err := s.Repository.Get(ctx, org, a.ID)
	if err != nil {
		return 0, err
	}
	return s.Repository.Put(ctx, org, a, latest.Version)
}

// deletesBlindly treats expected version 0 as "whatever is stored".
type deletesBlindly struct {
	*memstore.Repository[isms.Asset]
}

func (s deletesBlindly) Delete(ctx context.Context, org isms.OrgID, id isms.AssetID, v isms.Version) error {
	if v == 0 {
		if cur, err := s.Repository.Get(ctx, org, id); err == nil {
			v = cur.Version
		}
	}
	return s.Repository.Delete(ctx, org, id, v)
}

// failsOnHugeVersions passes versions to a driver that refuses uint64
// values with the high bit set, as database/sql does.
type failsOnHugeVersions struct {
	*memstore.Repository[isms.Asset]
}

var errDriver = fmt.Errorf("sql: converting argument $3 type: uint64 values with high bit set are not supported")

func (s failsOnHugeVersions) Put(ctx context.Context, org isms.OrgID, a isms.Asset, v isms.Version) (isms.Version, error) {
	if v > math.MaxInt64 {
		return 0, errDriver
	}
	return s.Repository.Put(ctx, org, a, v)
}

func (s failsOnHugeVersions) Delete(ctx context.Context, org isms.OrgID, id isms.AssetID, v isms.Version) error {
	if v > math.MaxInt64 {
		return errDriver
	}
	return s.Repository.Delete(ctx, org, id, v)
}

// writesThenNoticesCancel checks the context before and after writing, and
// reports the cancellation it notices after the write as a failure.
type writesThenNoticesCancel struct {
	*memstore.Repository[isms.Asset]
}

func (s writesThenNoticesCancel) Put(ctx context.Context, org isms.OrgID, a isms.Asset, v isms.Version) (isms.Version, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	nv, err := s.Repository.Put(context.Background(), org, a, v)
	if err != nil {
		return 0, err
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return nv, nil
}

// pager lists by its own rules over a correct store, to model listing
// bugs. Its cursors are "p:" and the last ID, valid for any organisation.
type pager struct {
	*memstore.Repository[isms.Asset]
	mode string
}

func (s pager) List(ctx context.Context, org isms.OrgID, p isms.PageRequest) (isms.Page[isms.Asset], error) {
	var all []isms.Stored[isms.Asset]
	for st, err := range isms.All[isms.Asset](ctx, s.Repository, org) {
		if err != nil {
			return isms.Page[isms.Asset]{}, err
		}
		all = append(all, st)
	}
	var after isms.AssetID
	if p.Cursor != "" {
		rest, ok := strings.CutPrefix(p.Cursor, "p:")
		id, err := isms.ParseID[isms.Asset](rest)
		if !ok || err != nil {
			return isms.Page[isms.Asset]{}, fmt.Errorf("%w: cursor", isms.ErrInvalid)
		}
		after = id
	}
	if s.mode == "no-order-by" {
		// Storage order (here: the order written), filtered by the key.
		slices.SortFunc(all, func(a, b isms.Stored[isms.Asset]) int { return int(a.Version) - int(b.Version) })
	}
	var rest []isms.Stored[isms.Asset]
	for _, st := range all {
		if after.IsZero() || st.Value.ID.Compare(after) > 0 {
			rest = append(rest, st)
		}
	}
	limit := p.EffectiveLimit()
	page := isms.Page[isms.Asset]{Items: rest[:min(limit, len(rest))]}
	more := len(rest) > limit
	if s.mode == "empty-last-page" {
		more = len(page.Items) == limit
	}
	if more {
		last := page.Items[len(page.Items)-1].Value.ID
		if s.mode == "repeats-at-50" && limit >= 50 {
			last = page.Items[len(page.Items)-2].Value.ID
		}
		page.Next = "p:" + last.String()
	}
	return page, nil
}

// tablesWrap changes a correct store's tables.
type tablesWrap struct {
	*memstore.Store
	mode string
}

func (s tablesWrap) Table(kind string) isms.Table {
	if s.mode == "kinds-share-a-table" {
		kind = "everything"
	}
	return tableWrap{Table: s.Store.Table(kind), mode: s.mode}
}

// InTx of a non-atomic store runs fn on the store itself.
func (s tablesWrap) InTx(ctx context.Context, fn func(isms.Tables) error) error {
	if s.mode == "tx-not-atomic" {
		return fn(s)
	}
	return s.Store.InTx(ctx, func(tx isms.Tables) error { return fn(txWrap{tx, s.mode}) })
}

type txWrap struct {
	isms.Tables
	mode string
}

func (s txWrap) Table(kind string) isms.Table {
	return tableWrap{Table: s.Tables.Table(kind), mode: s.mode}
}

type tableWrap struct {
	isms.Table
	mode string
}

var fraction = regexp.MustCompile(`(T\d\d:\d\d:\d\d)\.\d+`)

func (t tableWrap) Put(ctx context.Context, org isms.OrgID, id uuid.UUID, data []byte, v isms.Version) (isms.Version, error) {
	switch t.mode {
	case "truncates-large-payloads":
		data = data[:min(len(data), 16<<10)]
	case "drops-fractional-seconds":
		data = fraction.ReplaceAll(data, []byte("$1"))
	case "drops-nul":
		data = bytes.ReplaceAll(data, []byte(`\u0000`), nil)
	}
	return t.Table.Put(ctx, org, id, data, v)
}

// editionsWrap breaks a correct store's EditionTable capability.
type editionsWrap struct {
	*memstore.Store
	mode  string
	mu    *sync.Mutex
	cache map[string]isms.Encoded // the "latest" a caching index remembers
	at    map[string]int          // and its edition
}

func wrapEditions(mode string) func() isms.Tables {
	return func() isms.Tables {
		return editionsWrap{memstore.NewStore(), mode, &sync.Mutex{}, map[string]isms.Encoded{}, map[string]int{}}
	}
}

func (s editionsWrap) Table(kind string) isms.Table {
	return editionTableWrap{s.Store.Table(kind).(isms.EditionTable), s, kind}
}

type editionTableWrap struct {
	isms.EditionTable
	s    editionsWrap
	kind string
}

// cacheKey is what a caching index files the latest edition under: the
// "latest-ignores-organisation" store forgets the organisation.
func (t editionTableWrap) cacheKey(org isms.OrgID, doc uuid.UUID) string {
	if t.s.mode == "latest-ignores-organisation" {
		return t.kind + "/" + doc.String()
	}
	return t.kind + "/" + org.String() + "/" + doc.String()
}

func (t editionTableWrap) PutEdition(ctx context.Context, org isms.OrgID, id uuid.UUID, data []byte, key isms.EditionKey, v isms.Version) (isms.Version, error) {
	if t.s.mode == "allows-same-edition-twice" && !key.IsZero() {
		eds, err := t.EditionTable.Editions(ctx, org, key.Document, key.Edition-1, 1)
		var held struct {
			Revision isms.Revision `json:"revision"`
		}
		if err == nil && len(eds) == 1 && eds[0].ID != id && json.Unmarshal(eds[0].Data, &held) == nil && held.Revision.Edition == key.Edition {
			key = isms.EditionKey{} // stored, but outside the index
		}
	}
	nv, err := t.EditionTable.PutEdition(ctx, org, id, data, key, v)
	if err == nil && !key.IsZero() {
		t.s.mu.Lock()
		k := t.cacheKey(org, key.Document)
		if key.Edition >= t.s.at[k] {
			t.s.cache[k], t.s.at[k] = isms.Encoded{ID: id, Data: data, Version: nv}, key.Edition
		}
		t.s.mu.Unlock()
	}
	return nv, err
}

func (t editionTableWrap) Latest(ctx context.Context, org isms.OrgID, doc uuid.UUID) (isms.Encoded, error) {
	switch t.s.mode {
	case "latest-is-lowest":
		eds, err := t.EditionTable.Editions(ctx, org, doc, 0, 1)
		if err != nil || len(eds) == 0 {
			return isms.Encoded{}, fmt.Errorf("%w: none", isms.ErrNotFound)
		}
		return eds[0], nil
	case "index-keeps-deleted", "latest-ignores-organisation":
		t.s.mu.Lock()
		e, ok := t.s.cache[t.cacheKey(org, doc)]
		t.s.mu.Unlock()
		if ok {
			return e, nil
		}
	case "missing-is-empty":
		e, err := t.EditionTable.Latest(ctx, org, doc)
		if err != nil {
			return isms.Encoded{}, nil
		}
		return e, nil
	}
	return t.EditionTable.Latest(ctx, org, doc)
}

type brokenStore struct {
	repo   func() isms.Repository[isms.Asset]
	tables func() isms.Tables
	// kinds are the kinds a tables store is run with (the asset kind when none).
	kinds []storetest.KindCase
	// mustFail are the cases that must catch this store.
	mustFail []string
}

func wrapRepo(mode string) func() isms.Repository[isms.Asset] {
	return func() isms.Repository[isms.Asset] { return pager{memstore.New[isms.Asset](), mode} }
}

func wrapTables(mode string) func() isms.Tables {
	return func() isms.Tables { return tablesWrap{memstore.NewStore(), mode} }
}

var brokenStores = map[string]brokenStore{
	"ignores-versions": {
		repo:     func() isms.Repository[isms.Asset] { return ignoresVersions{memstore.New[isms.Asset]()} },
		mustFail: []string{"StaleVersionIsConflictAndChangesNothing", "CreateExistingIsConflict", "StateMachine"},
	},
	"leaks-tenants": {
		repo:     func() isms.Repository[isms.Asset] { return leaksTenants{memstore.New[isms.Asset]()} },
		mustFail: []string{"TenantIsolation"},
	},
	"pages-by-offset": {
		repo:     func() isms.Repository[isms.Asset] { return pagesByOffset{memstore.New[isms.Asset]()} },
		mustFail: []string{"PagingNeitherSkipsNorRepeatsUnderInserts"},
	},
	"racy-check-and-set": {
		repo: func() isms.Repository[isms.Asset] {
			return racyCheckAndSet{memstore.New[isms.Asset](), &sync.Mutex{}}
		},
		mustFail: []string{"ConcurrentWritersLoseNoUpdate"},
	},
	"deletes-blindly-at-version-0": {
		repo:     func() isms.Repository[isms.Asset] { return deletesBlindly{memstore.New[isms.Asset]()} },
		mustFail: []string{"DeleteWithVersionZeroIsConflict"},
	},
	"fails-on-versions-above-int64": {
		repo:     func() isms.Repository[isms.Asset] { return failsOnHugeVersions{memstore.New[isms.Asset]()} },
		mustFail: []string{"VersionsAboveInt64AreConflicts"},
	},
	"writes-then-notices-cancel": {
		repo:     func() isms.Repository[isms.Asset] { return writesThenNoticesCancel{memstore.New[isms.Asset]()} },
		mustFail: []string{"CancelledDuringACallReportsWhatItDid"},
	},
	"repeats-at-50": {
		repo:     wrapRepo("repeats-at-50"),
		mustFail: []string{"ListPageBoundariesAtEverySize"},
	},
	"no-order-by": {
		repo:     wrapRepo("no-order-by"),
		mustFail: []string{"ListPagesInIDOrder"},
	},
	"empty-last-page": {
		repo:     wrapRepo("empty-last-page"),
		mustFail: []string{"NextNeverLeadsToAnEmptyPage"},
	},
	"unsigned-cursors": {
		repo:     wrapRepo("plain"),
		mustFail: []string{"CursorOfAnotherOrganisationOrForgedIsInvalid"},
	},
	"kinds-share-a-table": {
		tables:   wrapTables("kinds-share-a-table"),
		mustFail: []string{"KindsDoNotShareRecords"},
	},
	"truncates-large-payloads": {
		tables:   wrapTables("truncates-large-payloads"),
		mustFail: []string{"LargePayloadsRoundTrip"},
	},
	"drops-fractional-seconds": {
		tables:   wrapTables("drops-fractional-seconds"),
		mustFail: []string{"NanosecondZonedTimestampsRoundTrip"},
	},
	"drops-nul": {
		tables:   wrapTables("drops-nul"),
		mustFail: []string{"LargePayloadsRoundTrip"},
	},
	"latest-is-lowest": {
		tables:   wrapEditions("latest-is-lowest"),
		kinds:    policyKind,
		mustFail: []string{"Kind=policy/Editions/Capability/LatestAfterSeveralEditions"},
	},
	"index-keeps-deleted": {
		tables:   wrapEditions("index-keeps-deleted"),
		kinds:    policyKind,
		mustFail: []string{"Kind=policy/Editions/Capability/LatestAfterDeletingTheLatest"},
	},
	"latest-ignores-organisation": {
		tables:   wrapEditions("latest-ignores-organisation"),
		kinds:    policyKind,
		mustFail: []string{"Kind=policy/Editions/Capability/OtherOrganisationsEditionsAreInvisible"},
	},
	"missing-is-empty": {
		tables:   wrapEditions("missing-is-empty"),
		kinds:    policyKind,
		mustFail: []string{"Kind=policy/Editions/Capability/MissingDocumentIsNotFound"},
	},
	"allows-same-edition-twice": {
		tables:   wrapEditions("allows-same-edition-twice"),
		kinds:    policyKind,
		mustFail: []string{"Kind=policy/Editions/Capability/SameEditionTwiceIsConflict"},
	},
	"tx-not-atomic": {
		tables:   wrapTables("tx-not-atomic"),
		mustFail: []string{"TxConflictInTheMiddleLeavesNothing", "TxPanicLeavesNothing"},
	},
}

// policyKind is the documents kind the edition cases of the broken stores run on.
var policyKind = []storetest.KindCase{storetest.ForKind(policy.KindPolicy, kinds.PolicyFixture())}

// TestBrokenStore runs the suite on the broken store named by brokenEnv. It
// is skipped in a normal run and is expected to fail in the child process.
func TestBrokenStore(t *testing.T) {
	name := os.Getenv(brokenEnv)
	if name == "" {
		t.Skip("runs only as a child of TestSuiteFailsBrokenStores")
	}
	broken, ok := brokenStores[name]
	if !ok {
		t.Fatalf("unknown broken store %q", name)
	}
	if broken.tables != nil {
		ks := broken.kinds
		if ks == nil {
			ks = []storetest.KindCase{storetest.ForKind(isms.KindAsset, storetest.AssetFixture())}
		}
		storetest.RunStore(t, func(testing.TB) isms.Tables { return broken.tables() }, ks...)
		return
	}
	storetest.Run(t, func(testing.TB) isms.Repository[isms.Asset] { return broken.repo() })
}

// TestSuiteFailsBrokenStores proves the suite can fail: each deliberately
// broken store is run through it in a child test process, which must fail,
// and in the cases that target that defect.
func TestSuiteFailsBrokenStores(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child test processes")
	}
	for name, broken := range brokenStores {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(os.Args[0], "-test.run=^TestBrokenStore$", "-test.v", "-rapid.nofailfile", "-rapid.checks=50")
			cmd.Env = append(os.Environ(), brokenEnv+"="+name)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the suite passed a store that %s:\n%s", name, out)
			}
			for _, c := range broken.mustFail {
				if !strings.Contains(string(out), "--- FAIL: TestBrokenStore/"+c+" ") {
					t.Errorf("case %s did not catch the store that %s:\n%s", c, name, tail(string(out), 3000))
				}
			}
		})
	}
}

func tail(s string, n int) string { return s[max(0, len(s)-n):] }

// TestMemstorePassesRunStore: the reference store passes the store-wide
// suite for every kernel kind, units of work included.
func TestMemstorePassesRunStore(t *testing.T) {
	store := memstore.NewStore()
	storetest.RunStore(t, func(testing.TB) isms.Tables { return store })
}

// TestKernelFixturesAreValid: every kernel fixture makes records that pass
// their own Validate, so a store that validates accepts them.
func TestKernelFixturesAreValid(t *testing.T) {
	for _, k := range storetest.KernelKinds() {
		if err := k.Validate(); err != nil {
			t.Errorf("%v", err)
		}
	}
}

// withoutCapabilities is a correct store whose tables are plain isms.Table:
// no EditionTable, no Transactor.
type withoutCapabilities struct{ st *memstore.Store }

func (s withoutCapabilities) Table(kind string) isms.Table {
	return struct{ isms.Table }{s.st.Table(kind)}
}

// TestStoreWithoutEditionIndexPassesThroughTheFallback: a store without
// the EditionTable capability passes the edition cases, which then check
// isms.Latest and isms.Editions scanning every record.
func TestStoreWithoutEditionIndexPassesThroughTheFallback(t *testing.T) {
	st := withoutCapabilities{memstore.NewStore()}
	storetest.RunStore(t, func(testing.TB) isms.Tables { return st }, policyKind...)
}
