package main

import (
	"bytes"

	"github.com/ismskit/ismskit/examples/internal/deliver"
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
	return deliver.WriteDir(opts.out, files)
}
