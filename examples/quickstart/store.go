package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/sqlstore"
	"github.com/ismskit/ismskit/risk"
)

// store is what a host application has: one set of tables (isms.Tables)
// that can run a unit of work (isms.Transactor). Without -db it is the
// in-memory reference store; with -db it is an SQLite file (or a
// PostgreSQL database for a postgres:// URL) through isms/sqlstore. A
// host's own store is proved with isms/storetest.
type store interface {
	isms.Tables
	isms.Transactor
}

// openStore opens the store -db names: "" is memstore, a postgres:// or
// postgresql:// URL is PostgreSQL, anything else an SQLite file (created
// when missing). The returned close function releases it; calling it again
// returns the first call's result.
func openStore(ctx context.Context, db string) (store, string, func() error, error) {
	st, where, closeFn, err := open(ctx, db)
	if err != nil {
		return nil, "", nil, err
	}
	var once sync.Once
	var closeErr error
	return st, where, func() error { once.Do(func() { closeErr = closeFn() }); return closeErr }, nil
}

func open(ctx context.Context, db string) (store, string, func() error, error) {
	switch {
	case db == "":
		return memstore.NewStore(), "memstore", func() error { return nil }, nil
	case strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://"):
		s, err := sqlstore.OpenPostgres(ctx, db)
		if err != nil {
			return nil, "", nil, fmt.Errorf("-db: %w", err)
		}
		return s, "PostgreSQL", s.Close, nil
	default:
		s, err := sqlstore.OpenSQLite(ctx, db)
		if err != nil {
			return nil, "", nil, fmt.Errorf("-db %s: %w", db, err)
		}
		return s, db, s.Close, nil
	}
}

// saveAll stores the organisation's context and its risks in one unit of
// work: every record is validated on the way in, a record stored by an
// earlier run is updated, one the organisation no longer holds is deleted,
// and any failure keeps nothing. It returns how many records were stored.
func saveAll(ctx context.Context, st store, c isms.OrgContext, reg risk.Register) (int, error) {
	err := st.InTx(ctx, func(tx isms.Tables) error {
		if err := isms.SaveContext(ctx, tx, c); err != nil {
			return err
		}
		return isms.ReplaceAll(ctx, isms.Repo(tx, risk.KindRisk), c.Organization.ID, reg.Risks)
	})
	if err != nil {
		return 0, fmt.Errorf("store the organisation: %w", err)
	}
	n := 2 + len(c.Issues) + len(c.Parties) + len(c.Requirements) + len(c.Assets) + len(c.People) +
		len(c.Roles) + len(c.Responsibilities) + len(c.Objectives) + len(reg.Risks)
	return n, nil
}

// loadAll reads the organisation's context and risks back from the store
// and validates them again: the deliverables are made from what was read.
func loadAll(ctx context.Context, st store, org isms.OrgID, method risk.Method) (isms.OrgContext, risk.Register, error) {
	c, err := isms.LoadContext(ctx, st, org)
	if err != nil {
		return c, risk.Register{}, fmt.Errorf("read the organisation back: %w", err)
	}
	if err := c.Validate(); err != nil {
		return c, risk.Register{}, fmt.Errorf("the context read back from the store is invalid: %w", err)
	}
	risks, err := isms.Collect(ctx, isms.Repo(st, risk.KindRisk), org)
	if err != nil {
		return c, risk.Register{}, fmt.Errorf("read the risks back: %w", err)
	}
	slices.SortFunc(risks, func(a, b risk.Risk) int { return controls.CompareIDs(controls.ID(a.Ref), controls.ID(b.Ref)) })
	reg := risk.Register{Method: method, Risks: risks}
	if err := reg.Validate(); err != nil {
		return c, reg, fmt.Errorf("the risks read back from the store are invalid: %w", err)
	}
	if err := reg.CheckRefs(c, controls.AnnexA()); err != nil {
		return c, reg, fmt.Errorf("the risks read back from the store are invalid: %w", err)
	}
	return c, reg, nil
}

// sampleISMS builds the sample company and its key risks (scored on the
// default method, residual derived from the controls in place) and checks
// both before anything is stored.
func sampleISMS() (isms.OrgContext, risk.Register, error) {
	c := sample.Company()
	if err := c.Validate(); err != nil {
		return c, risk.Register{}, fmt.Errorf("the sample company is invalid: %w", err)
	}
	reg, err := sample.Register(c)
	if err != nil {
		return c, reg, err
	}
	if err := reg.Validate(); err != nil {
		return c, reg, fmt.Errorf("the sample risk register is invalid: %w", err)
	}
	if err := reg.CheckRefs(c, controls.AnnexA()); err != nil {
		return c, reg, fmt.Errorf("the sample risk register is invalid: %w", err)
	}
	return c, reg, nil
}
