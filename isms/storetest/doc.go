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
// It also checks: Delete at version 0 conflicts; versions above the signed
// 64-bit maximum conflict (database/sql refuses such uint64 arguments);
// page boundaries at every page size up to 251 over 250 records; a Next
// never leads to an empty page; cursors of another organisation or changed
// by hand give ErrInvalid; a call cancelled part-way reports what it did.
//
// RunStore proves a store of every kind (isms.Tables) at once: RunFor on
// each kind (KernelKinds, or isms/storetest/kinds.All for all 28), then
// kinds kept apart, nanosecond zoned timestamps, 256 KB payloads with NUL
// and non-BMP characters, SaveContext/LoadContext, and, for an
// isms.Transactor, that a unit of work commits at once and that a conflict
// or panic after 17 writes leaves nothing behind.
//
// For kinds whose records are isms.Revisioned (policy, SoA; the record
// type also needs WithRevision(isms.Revision) T), RunStore checks the
// latest-edition lookup: isms.Latest and isms.Editions after several
// editions written out of order, after deleting the latest, with other
// organisations' editions of the same document, for a missing document
// (ErrNotFound), and that a second record of one edition is ErrConflict.
// These run through the store's isms.EditionTable capability when it has
// one (and compare it with a scan of the same records), and always with
// the capability hidden, through the scanning fallback.
//
// Every failure message says what the store did and what the contract
// requires. The suite imports only the standard library, isms, uuid and
// pgregory.net/rapid: rapid drives the state-machine case (random command
// sequences, shrunk to a minimal failing one), which a hand-written loop
// would not shrink. Hosts that run the suite get no testify.
//
// The suite's own tests run it against deliberately broken stores (ignores
// versions, leaks across tenants, pages by offset, racy check-and-set,
// deletes blindly at version 0, fails on huge versions, writes then
// notices a cancel, repeats at page size 50, lists without ORDER BY,
// issues an empty last page, unsigned cursors, kinds sharing a table,
// truncated payloads, dropped fractional seconds, dropped NUL, a
// non-atomic unit of work, an edition index that returns the lowest
// edition, keeps deleted editions, ignores the organisation, answers a
// missing document with nothing, or allows one edition twice) and require each to fail in the case aimed at
// it, so the suite is known to catch what it claims to.
//
// Benchmark, BenchmarkStore and BenchmarkSaveContext give hosts comparable
// figures for their adapters on the same workload.
package storetest
