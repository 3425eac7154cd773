package main

import (
	"context"
	"fmt"
	"reflect"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/isms/dataset"
	"github.com/ismskit/ismskit/isms/sqlstore"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// clientDataset is the client's whole ISMS as ismskit stores it: what the
// workbook holds (resolved to IDs) and the documents built from it.
func clientDataset(wb Workbook, b deliver.Bundle) dataset.Dataset {
	return dataset.Dataset{
		Context: b.Context, Implementations: wb.Implementations,
		Methods: []risk.Method{b.Register.Method}, Risks: b.Register.Risks,
		Selection: soa.NewSelection(soa.Input{Document: b.SoA.Revision.Document, Links: wb.Links, Decisions: wb.Decisions, Custom: wb.AdditionalControls}),
		SoAs:      []soa.SoA{b.SoA}, Policies: []policy.Policy{b.Policy}, Activities: b.Plan.Activities,
		Records: wb.Records, Suppliers: wb.Suppliers.Suppliers, Processes: wb.Processes.Processes,
	}
}

// keep stores the client's ISMS in the database db names (an SQLite file,
// created when missing, or a postgres:// URL) in one unit of work, replacing
// what an earlier run stored for the organisation, reads it back, and
// returns the bundle made from what was read: the deliverables show what
// the database holds. It returns how many records were stored.
func keep(ctx context.Context, db string, wb Workbook, b deliver.Bundle) (deliver.Bundle, int, error) {
	st, err := sqlstore.Open(ctx, db)
	if err != nil {
		return b, 0, fmt.Errorf("-db %s: %w", sqlstore.Describe(db), err)
	}
	defer st.Close()
	d := clientDataset(wb, b)
	if err := dataset.Save(ctx, st, d); err != nil {
		return b, 0, fmt.Errorf("-db %s: store the ISMS: %w", sqlstore.Describe(db), err)
	}
	got, err := dataset.Load(ctx, st, d.Context.Organization.ID)
	if err != nil {
		return b, 0, fmt.Errorf("-db %s: read the ISMS back: %w", sqlstore.Describe(db), err)
	}
	cat := controls.AnnexA()
	if wb.CustomControls != nil {
		if cat, err = cat.With(*wb.CustomControls); err != nil {
			return b, 0, err
		}
	}
	if err := got.CheckRefs(cat); err != nil {
		return b, 0, fmt.Errorf("-db %s: the ISMS read back is inconsistent: %w", sqlstore.Describe(db), err)
	}
	if !reflect.DeepEqual(d.Sorted(), got) {
		return b, 0, fmt.Errorf("-db %s: the ISMS read back differs from the one stored", sqlstore.Describe(db))
	}
	b.Context = got.Context
	b.Register.Risks = b.Register.Risks[:0:0]
	// The register keeps the workbook's order (by reference); the store
	// returns the same risks in ID order.
	byID := map[risk.ID]risk.Risk{}
	for _, r := range got.Risks {
		byID[r.ID] = r
	}
	for _, r := range d.Risks {
		b.Register.Risks = append(b.Register.Risks, byID[r.ID])
	}
	b.SoA, b.Policy = got.SoAs[0], got.Policies[0]
	b.Suppliers, b.Processes = got.SupplierRegister(), got.ProcessRegister()
	return b, got.Count(), nil
}
