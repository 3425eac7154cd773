package main

import (
	"github.com/ismskit/ismskit/isms"
)

// MaxListItems is the most entries any one list of a workbook may hold
// (assets, risks, implementation records, training records, holidays,
// suppliers, processes, …).
// Real clients have tens or hundreds; the limit keeps a mistaken or hostile
// workbook of a million empty records from costing seconds and gigabytes
// of checks before it is refused.
const MaxListItems = 10_000

// checkSizes reports every list of the workbook longer than MaxListItems.
// build runs it first and stops when it finds any, so that no item of an
// oversized list is checked one by one.
func checkSizes(wb Workbook) error {
	var p isms.Problems
	c := wb.Context
	for _, l := range []struct {
		path string
		n    int
	}{
		{"context.scope.items", len(c.Scope.Items)}, {"context.scope.interfaces", len(c.Scope.Interfaces)},
		{"context.issues", len(c.Issues)}, {"context.parties", len(c.Parties)},
		{"context.requirements", len(c.Requirements)}, {"context.assets", len(c.Assets)},
		{"context.people", len(c.People)}, {"context.roles", len(c.Roles)},
		{"context.responsibilities", len(c.Responsibilities)}, {"context.objectives", len(c.Objectives)},
		{"risks", len(wb.Risks)}, {"implementations", len(wb.Implementations)},
		{"links", len(wb.Links)}, {"decisions", len(wb.Decisions)},
		{"plan.holidays", len(wb.Plan.Holidays)}, {"plan.completions", len(wb.Plan.Completions) + len(wb.Plan.keyed)},
		{"plan.activities", len(wb.Plan.specs)},
		{"records.training", len(wb.Records.Training)}, {"records.audits", len(wb.Records.Audits)},
		{"records.reviews", len(wb.Records.Reviews)}, {"records.nonconformities", len(wb.Records.Nonconformities)},
		{"records.incidents", len(wb.Records.Incidents)}, {"records.measurements", len(wb.Records.Measurements)},
		{"suppliers", len(wb.Suppliers.Suppliers)}, {"processes", len(wb.Processes.Processes)},
	} {
		if l.n > MaxListItems {
			p.Addf(l.path, "%d entries; a workbook list holds at most %d (MaxListItems)", l.n, MaxListItems)
		}
	}
	return p.Err()
}

// Limits of an XLSX workbook the consultant reads. A larger file is refused
// before it is read (MaxWorkbookSize), and so is a zip whose entries unpack
// to more than MaxXLSXUnzipped: a zip bomb is caught from its directory,
// before anything is inflated.
const (
	// MaxXLSXUnzipped is the most bytes the entries of an XLSX workbook
	// may unpack to (64 MiB). A filled client workbook unpacks to a few
	// MiB.
	MaxXLSXUnzipped = 64 << 20
	// MaxXLSXEntries is the most files an XLSX zip may hold.
	MaxXLSXEntries = 1_000
	// MaxXLSXSheets is the most sheets an XLSX workbook may have; the
	// template has one per section and list of the workbook.
	MaxXLSXSheets = 200
	// MaxXLSXRows is the most rows a sheet may have: a header and
	// MaxListItems records.
	MaxXLSXRows = MaxListItems + 1
	// MaxXLSXColumns is the most columns a sheet may have.
	MaxXLSXColumns = 200
	// MaxCellChars is the most characters one cell may hold, the
	// spreadsheet programs' own limit.
	MaxCellChars = 32_767
)
