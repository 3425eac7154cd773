package storetest

import (
	"slices"
	"sync"
	"testing"

	"github.com/ismskit/ismskit/isms"
)

// walk lists every record of org with the given page size and returns the
// IDs in the order received, failing on a page larger than asked or an
// empty page reached through a Next cursor.
func (s *suite[T]) walk(t testing.TB, org isms.OrgID, limit int, between func(page int)) []isms.ID[T] {
	t.Helper()
	var ids []isms.ID[T]
	req := isms.PageRequest{Limit: limit}
	for page := 0; ; page++ {
		if page > 100000 {
			t.Fatalf("paging with page size %d did not end after %d pages; the contract requires Next to be \"\" on the last page", limit, page)
		}
		p, err := s.repo.List(s.ctx, org, req)
		noError(t, err, "List")
		if len(p.Items) > req.EffectiveLimit() {
			t.Fatalf("List with page size %d returned %d records; the contract allows at most the page size", limit, len(p.Items))
		}
		if page > 0 && len(p.Items) == 0 {
			t.Fatalf("with page size %d, the Next cursor of page %d led to an empty page; the contract requires Next to be \"\" when a page is the last", limit, page-1)
		}
		for _, it := range p.Items {
			ids = append(ids, it.Value.Key())
		}
		if p.Next == "" {
			return ids
		}
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

// sameIDs fails unless got lists exactly want, in order.
func sameIDs[T any](t testing.TB, got, want []isms.ID[T], what string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	seen := map[isms.ID[T]]int{}
	for i, id := range got {
		seen[id]++
		if seen[id] > 1 {
			t.Fatalf("%s: record %s is listed twice (again at position %d); the contract requires every record exactly once", what, id, i)
		}
	}
	for _, id := range want {
		if seen[id] == 0 {
			t.Fatalf("%s: record %s is missing from the listing; the contract requires every record exactly once", what, id)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%s: the listing has %d records, %d were stored; the contract requires exactly the stored ones", what, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s: position %d holds %s, not %s; the contract requires ascending ID order (ID.Compare, bytewise), whatever order the records were written in", what, i, got[i], want[i])
		}
	}
}

func (s *suite[T]) listOrder(t *testing.T) {
	org := newOrg()
	empty, err := s.repo.List(s.ctx, org, isms.PageRequest{})
	noError(t, err, "List of an empty organisation")
	if len(empty.Items) != 0 || empty.Next != "" {
		t.Fatalf("List of an organisation with no records gave %d records and Next %q; the contract requires an empty last page", len(empty.Items), empty.Next)
	}
	var ids []isms.ID[T]
	for i := range 25 {
		id := newID[T]()
		ids = append(ids, id)
		s.create(t, org, id, i)
	}
	for _, limit := range []int{1, 7, 25, 26, 100} {
		sameIDs(t, s.walk(t, org, limit, nil), sortedIDs(ids), "page size "+uitoa(isms.Version(limit)))
	}
	first, err := s.repo.List(s.ctx, org, isms.PageRequest{Limit: 7})
	noError(t, err, "List")
	if len(first.Items) != 7 {
		t.Fatalf("the first page of 7 from 25 records holds %d; the contract requires a full page when more records follow", len(first.Items))
	}
	for _, it := range first.Items {
		if it.Version == 0 {
			t.Fatalf("List returned %s with version 0; the contract requires listed records to carry their version", it.Value.Key())
		}
	}
}

// listBoundaries walks 250 records at page sizes around every boundary a
// store may treat specially (small, 50, 99-101, the default, 250).
func (s *suite[T]) listBoundaries(t *testing.T) {
	org := newOrg()
	var ids []isms.ID[T]
	for i := range 250 {
		id := newID[T]()
		ids = append(ids, id)
		s.create(t, org, id, i)
	}
	want := sortedIDs(ids)
	for _, limit := range []int{2, 3, 49, 50, 51, 64, 99, 100, 101, 125, 249, 250, 251} {
		sameIDs(t, s.walk(t, org, limit, nil), want, "page size "+uitoa(isms.Version(limit)))
	}
}

// noEmptyPage stores an exact multiple of the page size: the last full
// page must have no Next.
func (s *suite[T]) noEmptyPage(t *testing.T) {
	org := newOrg()
	for i := range 12 {
		s.create(t, org, newID[T](), i)
	}
	for _, limit := range []int{1, 3, 4, 6, 12} {
		if got := s.walk(t, org, limit, nil); len(got) != 12 {
			t.Fatalf("page size %d listed %d of 12 records; the contract requires every record once", limit, len(got))
		}
	}
}

func (s *suite[T]) listLimits(t *testing.T) {
	org := newOrg()
	for i := range isms.MaxPageLimit + 1 {
		s.create(t, org, newID[T](), i)
	}
	p, err := s.repo.List(s.ctx, org, isms.PageRequest{})
	noError(t, err, "List with Limit 0")
	if len(p.Items) != isms.DefaultPageLimit || p.Next == "" {
		t.Fatalf("List with Limit 0 over %d records gave %d records (Next %q); the contract requires DefaultPageLimit (%d) and a Next cursor", isms.MaxPageLimit+1, len(p.Items), p.Next, isms.DefaultPageLimit)
	}
	p, err = s.repo.List(s.ctx, org, isms.PageRequest{Limit: isms.MaxPageLimit * 10})
	noError(t, err, "List with a Limit above MaxPageLimit")
	if len(p.Items) != isms.MaxPageLimit || p.Next == "" {
		t.Fatalf("List with Limit %d gave %d records (Next %q); the contract caps a page at MaxPageLimit (%d) and requires a Next cursor", isms.MaxPageLimit*10, len(p.Items), p.Next, isms.MaxPageLimit)
	}
}

func (s *suite[T]) listBadCursor(t *testing.T) {
	org := newOrg()
	s.create(t, org, newID[T](), 1)
	for _, c := range []string{"not-a-cursor", "\x00", "v9:zzz", "v1:" + newID[T]().String()} {
		_, err := s.repo.List(s.ctx, org, isms.PageRequest{Cursor: c})
		wantIs(t, err, isms.ErrInvalid, "List with the cursor "+quote(c)+" the store never issued")
	}
}

func quote(s string) string {
	b := []byte{'"'}
	for _, r := range s {
		if r < 0x20 {
			b = append(b, '\\', 'x', "0123456789abcdef"[r>>4], "0123456789abcdef"[r&15])
			continue
		}
		b = append(b, string(r)...)
	}
	return string(append(b, '"'))
}

// listForgedCursor: a cursor issued to organisation A must not page
// through organisation B, and a cursor changed by hand must not be
// accepted as if the store had issued it.
func (s *suite[T]) listForgedCursor(t *testing.T) {
	a, b := newOrg(), newOrg()
	for i := range 3 {
		s.create(t, a, newID[T](), i)
		s.create(t, b, newID[T](), i)
	}
	p, err := s.repo.List(s.ctx, a, isms.PageRequest{Limit: 1})
	noError(t, err, "List")
	if p.Next == "" {
		t.Fatal("List with Limit 1 over 3 records gave no Next cursor; the contract requires one when more records follow")
	}
	_, err = s.repo.List(s.ctx, b, isms.PageRequest{Limit: 1, Cursor: p.Next})
	wantIs(t, err, isms.ErrInvalid, "List of organisation B with a cursor issued for organisation A")
	for _, i := range []int{len(p.Next) / 2, len(p.Next) - 1} {
		forged := []byte(p.Next)
		if forged[i] == '1' {
			forged[i] = '2'
		} else {
			forged[i] = '1'
		}
		_, err = s.repo.List(s.ctx, a, isms.PageRequest{Limit: 1, Cursor: string(forged)})
		wantIs(t, err, isms.ErrInvalid, "List with an issued cursor changed at byte "+uitoa(isms.Version(i))+" ("+quote(string(forged))+")")
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
		for i := range 200 {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := s.repo.Put(s.ctx, org, s.fx.Make(newID[T](), i), 0); err != nil {
				t.Errorf("a concurrent create failed: %v; the contract requires creates of new IDs to succeed", err)
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
		if seen[id] > 1 {
			t.Fatalf("record %s was listed twice while others were inserted; keyset paging requires each record once", id)
		}
		if i > 0 && got[i-1].Compare(id) >= 0 {
			t.Fatalf("listing under inserts is not in ascending ID order at position %d; the contract requires ascending order", i)
		}
	}
	for id := range before {
		if seen[id] != 1 {
			t.Fatalf("record %s existed throughout the walk but was skipped; keyset paging requires every such record once", id)
		}
	}
}

func (s *suite[T]) tenantIsolation(t *testing.T) {
	a, b := newOrg(), newOrg()
	id := newID[T]()
	va := s.create(t, a, id, 1)

	_, err := s.repo.Get(s.ctx, b, id)
	wantIs(t, err, isms.ErrNotFound, "Get by organisation B of A's record")
	pb, err := s.repo.List(s.ctx, b, isms.PageRequest{})
	noError(t, err, "List")
	if len(pb.Items) != 0 {
		t.Fatalf("organisation B lists %d records of A; the contract requires no record of one organisation visible to another", len(pb.Items))
	}
	wantIs(t, s.repo.Delete(s.ctx, b, id, va), isms.ErrNotFound, "Delete by organisation B of A's record")
	_, err = s.repo.Put(s.ctx, b, s.fx.Make(id, 2), va)
	wantIs(t, err, isms.ErrNotFound, "Put by organisation B at the version of A's record")
	s.requireStored(t, a, id, 1, va)

	// B may hold its own record under the same ID; the two stay apart.
	vb := s.create(t, b, id, 3)
	vb2, err := s.repo.Put(s.ctx, b, s.fx.Make(id, 4), vb)
	noError(t, err, "Put by organisation B of its own record")
	s.requireStored(t, a, id, 1, va)
	s.requireStored(t, b, id, 4, vb2)
	noError(t, s.repo.Delete(s.ctx, b, id, vb2), "Delete by organisation B of its own record")
	s.requireStored(t, a, id, 1, va)
	pa, err := s.repo.List(s.ctx, a, isms.PageRequest{})
	noError(t, err, "List")
	if len(pa.Items) != 1 {
		t.Fatalf("organisation A lists %d records after B's writes, not its 1; the contract requires tenants kept apart", len(pa.Items))
	}
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
						t.Errorf("an increment never succeeded in 10000 attempts; the contract requires a Put at the current version to succeed")
						return
					}
					cur, err := s.repo.Get(s.ctx, org, id)
					if err != nil {
						t.Errorf("Get failed under concurrent writers: %v", err)
						return
					}
					_, err = s.repo.Put(s.ctx, org, s.fx.Make(id, s.fx.Count(cur.Value)+1), cur.Version)
					if err == nil {
						break
					}
					if !isConflict(err) {
						t.Errorf("a concurrent Put gave %v; the contract requires success or ErrConflict", err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	got, err := s.repo.Get(s.ctx, org, id)
	noError(t, err, "Get")
	if c := s.fx.Count(got.Value); c != writers*increments {
		t.Fatalf("%d writers × %d increments left the counter at %d; updates were lost: the contract requires a Put at a version another writer replaced to conflict", writers, increments, c)
	}

	contested := newID[T]()
	wins := make(chan int, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.repo.Put(s.ctx, org, s.fx.Make(contested, w), 0); err == nil {
				wins <- w
			} else if !isConflict(err) {
				t.Errorf("a concurrent create gave %v; the contract requires success or ErrConflict", err)
			}
		}()
	}
	wg.Wait()
	close(wins)
	if len(wins) != 1 {
		t.Fatalf("%d of %d concurrent creates of one ID succeeded; the contract requires exactly one", len(wins), writers)
	}
}
