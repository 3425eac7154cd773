package storetest_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/storetest"
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

var brokenStores = map[string]struct {
	make func() isms.Repository[isms.Asset]
	// mustFail are the cases that must catch this store.
	mustFail []string
}{
	"ignores-versions": {
		make:     func() isms.Repository[isms.Asset] { return ignoresVersions{memstore.New[isms.Asset]()} },
		mustFail: []string{"StaleVersionIsConflictAndChangesNothing", "CreateExistingIsConflict", "StateMachine"},
	},
	"leaks-tenants": {
		make:     func() isms.Repository[isms.Asset] { return leaksTenants{memstore.New[isms.Asset]()} },
		mustFail: []string{"TenantIsolation"},
	},
	"pages-by-offset": {
		make:     func() isms.Repository[isms.Asset] { return pagesByOffset{memstore.New[isms.Asset]()} },
		mustFail: []string{"PagingNeitherSkipsNorRepeatsUnderInserts"},
	},
	"racy-check-and-set": {
		make: func() isms.Repository[isms.Asset] {
			return racyCheckAndSet{memstore.New[isms.Asset](), &sync.Mutex{}}
		},
		mustFail: []string{"ConcurrentWritersLoseNoUpdate"},
	},
}

// TestBrokenStore runs the suite on the broken store named by brokenEnv. It
// is skipped in a normal run and is expected to fail in the child process.
func TestBrokenStore(t *testing.T) {
	name := os.Getenv(brokenEnv)
	if name == "" {
		t.Skip("runs only as a child of TestSuiteFailsBrokenStores")
	}
	broken, ok := brokenStores[name]
	require.True(t, ok, "unknown broken store %q", name)
	storetest.Run(t, func(testing.TB) isms.Repository[isms.Asset] { return broken.make() })
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
			require.Error(t, err, "the suite passed a store that %s:\n%s", name, out)
			for _, c := range broken.mustFail {
				require.Contains(t, string(out), "--- FAIL: TestBrokenStore/"+c+" ",
					"case %s did not catch the store that %s", c, name)
			}
		})
	}
}
