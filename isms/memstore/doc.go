// Package memstore is the reference in-memory implementation of
// isms.Repository: small, obviously right, safe for concurrent use, and the
// store ismskit's own examples and tests run on. It is to ismskit what
// testing/fstest.MapFS is to io/fs.
//
//	assets := memstore.New[isms.Asset]()
//	v1, err := isms.Create(ctx, assets, org, laptop)        // validates, then stores
//	laptop.Location = "Home office"
//	v2, err := isms.Update(ctx, assets, org, laptop, v1)    // ErrConflict if v1 is stale
//	got, err := assets.Get(ctx, org, laptop.ID)             // got.Value, got.Version == v2
//	all, err := isms.Collect(ctx, assets, org)              // every asset of org, in ID order
//
// # How it stores
//
// Records are kept as JSON, so a value read back never shares memory with
// the value written, and every record kind must encode to JSON. Versions
// come from one counter per store, so they are never reused, even after a
// delete. Paging is keyset-based on the record ID; cursors are signed
// (isms.Cursors), so a cursor of another organisation or a forged one gives
// isms.ErrInvalid.
//
// NewStore returns a store of every kind (isms.Tables) with units of work
// (isms.Transactor): InTx locks the store for the whole function and undoes
// its writes if it fails. Its tables are isms.EditionTable: each document's
// editions are kept in edition order beside the records, so isms.Latest
// reads one record. New returns a repository of one kind, a store of
// its own.
//
// # When to use it
//
// A memstore holds everything in memory and forgets it when the process
// ends; hosts that need persistence implement isms.Repository on their own
// database and prove it with isms/storetest.
package memstore
