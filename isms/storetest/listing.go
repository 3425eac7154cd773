package storetest

import (
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
)

// walk lists every record of org with the given page size and returns the
// IDs in the order received, failing on a page larger than asked.
func (s *suite[T]) walk(t *testing.T, org isms.OrgID, limit int, between func(page int)) []isms.ID[T] {
	t.Helper()
	var ids []isms.ID[T]
	req := isms.PageRequest{Limit: limit}
	for page := 0; ; page++ {
		require.Less(t, page, 100000, "paging does not end")
		p, err := s.repo.List(s.ctx, org, req)
		require.NoError(t, err)
		require.LessOrEqual(t, len(p.Items), req.EffectiveLimit(), "a page holds more records than asked for")
		for _, it := range p.Items {
			ids = append(ids, it.Value.Key())
		}
		if p.Next == "" {
			return ids
		}
		require.NotEmpty(t, p.Items, "a page with a next cursor must not be empty")
		if between != nil {
			between(page)
		}
		req.Cursor = p.Next
	}
}

func sortedIDs[T any](ids []isms.ID[T]) []isms.ID[T] {
	out := slices.Clone(ids)
	slices.SortFunc(out, isms.ID[T].Compare)
	return out
}

func (s *suite[T]) listOrder(t *testing.T) {
	org := newOrg()
	empty, err := s.repo.List(s.ctx, org, isms.PageRequest{})
	require.NoError(t, err)
	require.Empty(t, empty.Items)
	require.Empty(t, empty.Next, "an empty listing has no next page")

	var ids []isms.ID[T]
	for i := range 25 {
		id := newID[T]()
		ids = append(ids, id)
		s.create(t, org, id, i)
	}
	for _, limit := range []int{1, 7, 25, 26, 100} {
		got := s.walk(t, org, limit, nil)
		require.Equal(t, sortedIDs(ids), got, "page size %d: every record once, in ascending ID order", limit)
	}
	first, err := s.repo.List(s.ctx, org, isms.PageRequest{Limit: 7})
	require.NoError(t, err)
	require.Len(t, first.Items, 7, "a page is full when more records follow")
	for _, it := range first.Items {
		require.NotZero(t, it.Version, "listed records carry their version")
	}
}

func (s *suite[T]) listLimits(t *testing.T) {
	org := newOrg()
	for i := range isms.MaxPageLimit + 1 {
		s.create(t, org, newID[T](), i)
	}
	p, err := s.repo.List(s.ctx, org, isms.PageRequest{})
	require.NoError(t, err)
	require.Len(t, p.Items, isms.DefaultPageLimit, "Limit 0 means DefaultPageLimit")
	require.NotEmpty(t, p.Next)
	p, err = s.repo.List(s.ctx, org, isms.PageRequest{Limit: isms.MaxPageLimit * 10})
	require.NoError(t, err)
	require.Len(t, p.Items, isms.MaxPageLimit, "Limit is capped at MaxPageLimit")
	require.NotEmpty(t, p.Next)
}

func (s *suite[T]) listBadCursor(t *testing.T) {
	org := newOrg()
	s.create(t, org, newID[T](), 1)
	for _, c := range []string{"not-a-cursor", "\x00", "v9:zzz"} {
		_, err := s.repo.List(s.ctx, org, isms.PageRequest{Cursor: c})
		requireIs(t, err, isms.ErrInvalid, "cursor %q", c)
	}
}

// pagingUnderInserts walks a listing while records are inserted both by a
// concurrent writer and, deterministically, between pages before and after
// the cursor. Every record that existed before the walk must be seen exactly
// once, nothing may be seen twice, and the order must ascend.
func (s *suite[T]) pagingUnderInserts(t *testing.T) {
	org := newOrg()
	before := map[isms.ID[T]]bool{}
	for i := range 60 {
		id := newID[T]()
		before[id] = true
		s.create(t, org, id, i)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if i >= 200 {
				return
			}
			if _, err := s.repo.Put(s.ctx, org, s.fx.Make(newID[T](), i), 0); err != nil {
				t.Errorf("concurrent insert: %v", err)
				return
			}
		}
	}()
	got := s.walk(t, org, 7, func(page int) {
		// One record sorts before everything already listed, one after.
		s.create(t, org, edgeID[T](false, page), page)
		s.create(t, org, edgeID[T](true, page), page)
	})
	close(stop)
	wg.Wait()

	seen := map[isms.ID[T]]int{}
	for i, id := range got {
		seen[id]++
		require.Equal(t, 1, seen[id], "record %s listed twice", id)
		if i > 0 {
			require.Equal(t, -1, got[i-1].Compare(id), "listing is not in ascending ID order at position %d", i)
		}
	}
	for id := range before {
		require.Equal(t, 1, seen[id], "record %s existed throughout the walk but was skipped", id)
	}
}

func (s *suite[T]) tenantIsolation(t *testing.T) {
	a, b := newOrg(), newOrg()
	id := newID[T]()
	va := s.create(t, a, id, 1)

	_, err := s.repo.Get(s.ctx, b, id)
	requireIs(t, err, isms.ErrNotFound, "organisation B must not read A's record")
	pb, err := s.repo.List(s.ctx, b, isms.PageRequest{})
	require.NoError(t, err)
	require.Empty(t, pb.Items, "organisation B must not list A's records")
	requireIs(t, s.repo.Delete(s.ctx, b, id, va), isms.ErrNotFound, "organisation B must not delete A's record")
	_, err = s.repo.Put(s.ctx, b, s.fx.Make(id, 2), va)
	requireIs(t, err, isms.ErrNotFound, "organisation B must not update A's record")
	s.requireStored(t, a, id, 1, va)

	// B may hold its own record under the same ID; the two stay apart.
	vb := s.create(t, b, id, 3)
	vb2, err := s.repo.Put(s.ctx, b, s.fx.Make(id, 4), vb)
	require.NoError(t, err)
	s.requireStored(t, a, id, 1, va)
	s.requireStored(t, b, id, 4, vb2)
	require.NoError(t, s.repo.Delete(s.ctx, b, id, vb2))
	s.requireStored(t, a, id, 1, va)
	pa, err := s.repo.List(s.ctx, a, isms.PageRequest{})
	require.NoError(t, err)
	require.Len(t, pa.Items, 1, "organisation A lists exactly its own record")
}

// concurrentWriters runs read-modify-write increments from several
// goroutines, retrying on conflict; with optimistic concurrency no increment
// may be lost. It also races creators of one ID: exactly one may win.
func (s *suite[T]) concurrentWriters(t *testing.T) {
	const writers, increments = 8, 25
	org, id := newOrg(), newID[T]()
	s.create(t, org, id, 0)
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range increments {
				for attempt := 0; ; attempt++ {
					if attempt > 10000 {
						t.Errorf("increment never succeeded")
						return
					}
					cur, err := s.repo.Get(s.ctx, org, id)
					if err != nil {
						t.Errorf("get: %v", err)
						return
					}
					_, err = s.repo.Put(s.ctx, org, s.fx.Make(id, s.fx.Count(cur.Value)+1), cur.Version)
					if err == nil {
						break
					}
					if !isConflict(err) {
						t.Errorf("put: %v", err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	got, err := s.repo.Get(s.ctx, org, id)
	require.NoError(t, err)
	require.Equal(t, writers*increments, s.fx.Count(got.Value), "updates were lost")

	contested := newID[T]()
	wins := make(chan int, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.repo.Put(s.ctx, org, s.fx.Make(contested, w), 0); err == nil {
				wins <- w
			} else if !isConflict(err) {
				t.Errorf("create: %v", err)
			}
		}()
	}
	wg.Wait()
	close(wins)
	require.Len(t, wins, 1, "exactly one of several concurrent creates of one ID may succeed")
}
