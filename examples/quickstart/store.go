package main

import (
	"context"
	"fmt"
	"sync"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/dataset"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/sqlstore"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// openStore opens the store -db names: "" is memstore, a postgres:// or
// postgresql:// URL is PostgreSQL, anything else an SQLite file (created
// when missing). Each is what a host application has: one set of tables
// (isms.Tables) that runs units of work (isms.Transactor); a host's own
// store is proved with isms/storetest. It also returns where the records
// are kept, for the summary, and a close function; calling it again
// returns the first call's result.
func openStore(ctx context.Context, db string) (isms.Tables, string, func() error, error) {
	st, where, closeFn, err := open(ctx, db)
	if err != nil {
		return nil, "", nil, err
	}
	var once sync.Once
	var closeErr error
	return st, where, func() error { once.Do(func() { closeErr = closeFn() }); return closeErr }, nil
}

func open(ctx context.Context, db string) (isms.Tables, string, func() error, error) {
	if db == "" {
		return memstore.NewStore(), "memstore", func() error { return nil }, nil
	}
	s, err := sqlstore.Open(ctx, db)
	if err != nil {
		return nil, "", nil, fmt.Errorf("-db %s: %w", sqlstore.Describe(db), err)
	}
	return s, sqlstore.Describe(db), s.Close, nil
}

// sampleInputs is what the consultant and the client write down for the
// sample company: the context, the risk method and the key risks (scored,
// residual derived from the controls in place), the implementation
// records, the SoA's own inputs (links and decisions), the supplier
// register, the process descriptions and the records of the ISMS at work. The documents are made from them later.
func sampleInputs() (dataset.Dataset, error) {
	c := sample.Company()
	reg, err := sample.Register(c)
	if err != nil {
		return dataset.Dataset{}, err
	}
	return dataset.Dataset{
		Context: c, Implementations: sample.Implementations(),
		Methods: []risk.Method{reg.Method}, Risks: reg.Risks,
		Selection: soa.NewSelection(sample.SoAInput(c, reg)),
		Records:   sample.Records(),
		Suppliers: sample.Suppliers().Suppliers, Processes: sample.Processes().Processes,
	}, nil
}

// keep stores d in one unit of work (dataset.Save: every record validated,
// a record stored by an earlier run updated, one d no longer holds
// deleted, and a failure keeps nothing), reads it back (dataset.Load),
// checks what was read against itself and the catalogue, and returns it:
// the deliverables are made from what the store returned.
func keep(ctx context.Context, st isms.Tables, d dataset.Dataset) (dataset.Dataset, error) {
	if err := dataset.Save(ctx, st, d); err != nil {
		return dataset.Dataset{}, fmt.Errorf("store the ISMS: %w", err)
	}
	loaded, err := dataset.Load(ctx, st, d.Context.Organization.ID)
	if err != nil {
		return dataset.Dataset{}, fmt.Errorf("read the ISMS back: %w", err)
	}
	if err := loaded.Validate(); err != nil {
		return loaded, fmt.Errorf("the ISMS read back from the store is invalid: %w", err)
	}
	if err := loaded.CheckRefs(controls.AnnexA()); err != nil {
		return loaded, fmt.Errorf("the ISMS read back from the store is invalid: %w", err)
	}
	return loaded, nil
}
