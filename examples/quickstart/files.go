package main

import (
	"bytes"

	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/xlsx"
)

// writeFiles renders the deliverables, with the context summary first, and
// writes them into opts.out, returning their paths.
func writeFiles(opts options, b deliver.Bundle, n int) ([]string, error) {
	var summary bytes.Buffer
	if err := writeSummary(&summary, b.Context, stored{n: n}); err != nil {
		return nil, err
	}
	files, err := deliver.Files(b)
	if err != nil {
		return nil, err
	}
	files = append([]deliver.File{{Name: "context-summary.txt", Data: summary.Bytes()}}, files...)
	// The workbook: one sheet per deliverable, from its own module (deliver
	// is in the core module, which does not import excelize).
	var book bytes.Buffer
	if err := xlsx.Write(&book, xlsx.Book{Context: b.Context, Register: &b.Register, SoA: &b.SoA, Readiness: &b.Report},
		xlsx.Options{Date: b.AsOf}); err != nil {
		return nil, err
	}
	files = append(files, deliver.File{Name: "ismskit.xlsx", Data: book.Bytes()})
	return deliver.WriteDir(opts.out, files)
}
