package storetest

import (
	"testing"

	"github.com/ismskit/ismskit/isms"
)

// BenchRecords is the number of records per organisation the benchmarks
// work on.
const BenchRecords = 10_000

// Benchmark measures a repository on the same workload for every adapter:
// Put (update of one of BenchRecords records), Get (one of BenchRecords) and
// List (a page of 100 from BenchRecords, walking the whole listing in
// turn), all in one organisation. Run it from a host's benchmark:
//
//	func BenchmarkAssetStore(b *testing.B) { storetest.Benchmark(b, newRepo) }
func Benchmark(b *testing.B, newRepo func(tb testing.TB) isms.Repository[isms.Asset]) {
	BenchmarkFor(b, newRepo, AssetFixture())
}

// BenchmarkFor is Benchmark for records of kind T made by fx.
func BenchmarkFor[T isms.Entity[T]](b *testing.B, newRepo func(tb testing.TB) isms.Repository[T], fx Fixture[T]) {
	setup := func(b *testing.B) (*suite[T], isms.OrgID, []isms.ID[T], []isms.Version) {
		b.Helper()
		s := &suite[T]{repo: newRepo(b), fx: fx, ctx: b.Context()}
		org := newOrg()
		ids := make([]isms.ID[T], BenchRecords)
		versions := make([]isms.Version, BenchRecords)
		for i := range ids {
			ids[i] = newID[T]()
			v, err := s.repo.Put(s.ctx, org, fx.Make(ids[i], i), 0)
			if err != nil {
				b.Fatalf("setup: %v", err)
			}
			versions[i] = v
		}
		return s, org, ids, versions
	}
	b.Run("Put", func(b *testing.B) {
		s, org, ids, versions := setup(b)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			k := i % len(ids)
			v, err := s.repo.Put(s.ctx, org, fx.Make(ids[k], i), versions[k])
			if err != nil {
				b.Fatal(err)
			}
			versions[k] = v
			i++
		}
	})
	b.Run("Get", func(b *testing.B) {
		s, org, ids, _ := setup(b)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := s.repo.Get(s.ctx, org, ids[i%len(ids)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("List100", func(b *testing.B) {
		s, org, _, _ := setup(b)
		b.ReportAllocs()
		req := isms.PageRequest{Limit: 100}
		for b.Loop() {
			p, err := s.repo.List(s.ctx, org, req)
			if err != nil {
				b.Fatal(err)
			}
			req.Cursor = p.Next
		}
	})
}
