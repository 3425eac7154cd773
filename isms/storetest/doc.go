// Package storetest is the conformance suite for isms.Repository
// implementations. A host that keeps ismskit records in its own database
// proves its adapter with one call from a test, in the manner of
// testing/fstest.TestFS:
//
//	func TestAssetStore(t *testing.T) {
//		storetest.Run(t, func(tb testing.TB) isms.Repository[isms.Asset] {
//			return mydb.NewAssetRepository(tb)
//		})
//	}
//
// Each case runs in its own subtest on a fresh repository from the factory:
// create, read, update and delete; not-found; a stale version gives
// isms.ErrConflict and changes nothing; paging in ID order that neither
// skips nor repeats while other records are inserted concurrently; tenant
// isolation (nothing of organisation A is ever visible to or changed by B);
// concurrent writers with no lost update (run it under -race); and a rapid
// state-machine test that compares the repository with a simple model after
// every step. RunFor runs the same suite for any record kind, given a
// Fixture that makes records of that kind.
//
// The suite's own tests run it against deliberately broken stores (one that
// ignores versions, one that leaks across tenants, one that pages by
// offset, one with a racy check-and-set) and require each to fail, so the
// suite is known to catch what it claims to.
//
// BenchmarkPut, BenchmarkGet and BenchmarkList give hosts comparable figures
// for their adapters on the same workload.
package storetest
