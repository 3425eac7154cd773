package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/isms/jsonio"
	"github.com/ismskit/ismskit/xlsx"
)

// XLSXWorkbookFile is the name -init gives the workbook as a spreadsheet.
const XLSXWorkbookFile = "workbook.xlsx"

// isXLSX reports whether path names an XLSX workbook (by its extension).
func isXLSX(path string) bool { return strings.EqualFold(filepath.Ext(path), ".xlsx") }

// readInput reads the workbook at path, JSON or XLSX (by its name), and
// returns with it the function that tells each problem's path as the
// place in the file it came from: the cell for XLSX, the path itself for
// JSON.
func readInput(path string) (WorkbookV2, func(error) error, error) {
	if !isXLSX(path) {
		wb, err := readWorkbook(path)
		return wb, func(err error) error { return err }, err
	}
	f, err := os.Open(path)
	if err != nil {
		return WorkbookV2{}, func(err error) error { return err }, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxWorkbookSize {
		return WorkbookV2{}, func(err error) error { return err }, tooLarge()
	}
	data, err := readAll(f)
	if err != nil {
		return WorkbookV2{}, func(err error) error { return err }, err
	}
	wb, src, err := readWorkbookXLSX(data)
	return wb, src.locate, err
}

// writeStarterAs writes the starter workbook into dir in format: "json"
// (workbook.json and its schema), "xlsx" (workbook.xlsx) or "both".
func writeStarterAs(dir, format string) ([]string, error) {
	var paths []string
	switch format {
	case "json", "both":
		p, err := writeStarter(dir)
		paths = append(paths, p...)
		if err != nil || format == "json" {
			return paths, err
		}
	case "xlsx":
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("-format is json, xlsx or both, not %q", format)
	}
	var wb WorkbookV2
	if err := jsonio.Decode(bytes.NewReader(starter()), &wb, "workbook"); err != nil {
		return paths, err
	}
	var b bytes.Buffer
	if err := writeWorkbookXLSX(&b, wb); err != nil {
		return paths, err
	}
	path := filepath.Join(dir, XLSXWorkbookFile)
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return paths, fmt.Errorf("-init writes a new workbook and does not replace one: %w", err)
	}
	_, err = out.Write(b.Bytes())
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return paths, err
	}
	return append(paths, path), nil
}

// deliverables are the files of the deliverables, with the workshop
// kit's files when the workbook has a workshop section and ismskit.xlsx,
// the book of the risk register, SoA and readiness report (module
// github.com/ismskit/ismskit/xlsx).
func deliverables(b built) ([]deliver.File, error) {
	files, err := deliver.Files(b.Bundle)
	if err != nil {
		return nil, err
	}
	if b.Quant != nil {
		if note := unsimulatedPlans(b.Register, *b.Quant); note != "" {
			for i, f := range files {
				if f.Name == "quant-summary.md" {
					files[i].Data = append(slices.Clip(f.Data), note...)
				}
			}
		}
	}
	var book bytes.Buffer
	if err := xlsx.Write(&book, xlsx.Book{Context: b.Context, Register: &b.Register, SoA: &b.SoA, Readiness: &b.Report},
		xlsx.Options{Date: b.AsOf}); err != nil {
		return nil, err
	}
	files = append(files, b.Workshop...)
	return append(files, deliver.File{Name: "ismskit.xlsx", Data: book.Bytes()}), nil
}
