package main

// Reading an XLSX workbook goes through the JSON form: the cells are
// turned into the JSON tree the v2 workbook is, which is decoded, resolved
// and built exactly like a JSON workbook; every problem's JSON path is then
// told as the cell it came from ("Assets!C7 (owner)").

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/xlsx"
)

// xlsxSource says where each value of a workbook read from XLSX came from.
type xlsxSource struct {
	at map[string]string // JSON path → "Sheet!C7 (owner)", "Sheet!A7" or "Sheet"
}

// locate rewrites the path of every problem of err as the cell, row or
// sheet it came from; a path inside a list cell is told as the cell.
func (src *xlsxSource) locate(err error) error {
	if src == nil || err == nil {
		return err
	}
	problems := isms.ValidationErrors(err)
	if problems == nil {
		return err
	}
	var p isms.Problems
	for _, v := range problems {
		if isms.Omitted(v) > 0 {
			p.Merge("", v)
			continue
		}
		p.Addf(src.where(v.Path), "%s", strings.TrimPrefix(v.Problem, "workbook: "))
	}
	return p.Err()
}

// where is the place of path: the registered place of it or of the
// longest path it lies in.
func (src *xlsxSource) where(path string) string {
	for q := path; q != ""; {
		if at, ok := src.at[q]; ok {
			return at
		}
		i := strings.LastIndexAny(q, ".[")
		if i < 0 {
			break
		}
		q = q[:i]
	}
	return path
}

// readWorkbookXLSX reads a workbook from the XLSX file data. Problems of
// the cells (a formula, a merged range, an unknown sheet or column, a
// value of the wrong type) come with the workbook decoded as far as it
// could be, as a *partialError, like the decoding problems of a JSON
// workbook; the returned source tells every path as its cell.
func readWorkbookXLSX(data []byte) (WorkbookV2, *xlsxSource, error) {
	src := &xlsxSource{at: map[string]string{}}
	if len(data) > MaxWorkbookSize {
		return WorkbookV2{}, src, tooLarge()
	}
	if err := checkZip(data); err != nil {
		return WorkbookV2{}, src, err
	}
	tables, err := xlsxLayout()
	if err != nil {
		return WorkbookV2{}, src, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxXLSXUnzipped, UnzipXMLSizeLimit: MaxXLSXUnzipped})
	if err != nil {
		var p isms.Problems
		p.Addf("", "the file is not an XLSX workbook: %v", err)
		return WorkbookV2{}, src, p.Err()
	}
	defer f.Close()
	xr := &xreader{f: f, src: src, items: map[*xtable][]*ritem{}, refused: map[string]bool{}, badHeader: map[string]bool{}}
	tree := xr.read(tables)
	if xr.fatal {
		return WorkbookV2{}, src, xr.p.Err()
	}
	b, err := json.Marshal(tree)
	if err != nil {
		return WorkbookV2{}, src, err
	}
	wb, err := decodeWorkbook(bytes.NewReader(b))
	var pruned []string
	if part, ok := err.(*partialError); ok {
		err, pruned = part.err, part.pruned
	} else if err != nil {
		xr.p.Merge("", err)
		return WorkbookV2{}, src, xr.p.Err()
	}
	if err != nil {
		xr.p.Merge("", err)
	}
	if xr.p.Len() == 0 {
		return wb, src, nil
	}
	return wb, src, &partialError{err: xr.p.Err(), pruned: append(xr.pruned, pruned...)}
}

// checkZip refuses a zip whose directory promises more than
// MaxXLSXUnzipped bytes or MaxXLSXEntries files, before inflating any of
// it (archive/zip stops an entry that inflates past its promised size).
func checkZip(data []byte) error {
	var p isms.Problems
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		p.Addf("", "the file is not an XLSX workbook (not a zip file): %v", err)
		return p.Err()
	}
	if len(z.File) > MaxXLSXEntries {
		p.Addf("", "the XLSX file holds %d files; at most %d are read (MaxXLSXEntries)", len(z.File), MaxXLSXEntries)
		return p.Err()
	}
	var total uint64
	for _, zf := range z.File {
		total += zf.UncompressedSize64
		if total > MaxXLSXUnzipped || zf.UncompressedSize64 > MaxXLSXUnzipped {
			p.Addf("", "the XLSX file unpacks to more than %d MiB (MaxXLSXUnzipped); a client workbook unpacks to a few MiB", MaxXLSXUnzipped>>20)
			return p.Err()
		}
	}
	return nil
}

type xreader struct {
	// wanted are the rows child sheets name as "#N", per table.
	wanted map[*xtable]map[int]bool
	f      *excelize.File
	src    *xlsxSource
	items  map[*xtable][]*ritem
	p      isms.Problems
	pruned []string
	fatal  bool
	// refused are the cells already refused ("Sheet!C7": a formula, a
	// merged range, too long): their value is left out without a second
	// problem.
	refused map[string]bool
	// badHeader are the sheets with an unknown column: a missing column
	// is that problem's, not one per row.
	badHeader map[string]bool
}

func (xr *xreader) read(tables []*xtable) any {
	byName := map[string]*xtable{}
	var names []string
	for _, t := range tables {
		if len(t.headers()) > 0 {
			byName[t.sheet] = t
			names = append(names, t.sheet)
		}
	}
	sheets := xr.f.GetSheetList()
	if len(sheets) > MaxXLSXSheets {
		xr.p.Addf("", "the workbook has %d sheets; at most %d are read (MaxXLSXSheets)", len(sheets), MaxXLSXSheets)
		xr.fatal = true
		return nil
	}
	if isDeliverableBook(sheets, byName) {
		xr.p.Addf("", "this is the deliverable book ismskit writes (sheets %s), not a workbook to read; give the workbook itself (-init -format xlsx writes one)",
			strings.Join(sheets[:min(len(sheets), 6)], ", "))
		xr.fatal = true
		return nil
	}
	rows := map[*xtable][][2][]string{}
	for _, s := range sheets {
		if s == SheetLists {
			continue
		}
		t, ok := byName[s]
		if !ok {
			msg := fmt.Sprintf("the workbook has no sheet %q", clip(s))
			if visible, _ := xr.f.GetSheetVisible(s); !visible {
				msg += " (a hidden sheet)"
			}
			if m := suggest(s, names); m != "" {
				msg += fmt.Sprintf("; did you mean %q?", m)
			} else {
				msg += "; its sheets are those of the template (-init -format xlsx)"
			}
			xr.p.Addf(s, "%s", msg)
			continue
		}
		r, ok := xr.sheetRows(s)
		if ok {
			rows[t] = r
		}
	}
	if xr.fatal {
		return nil
	}
	xr.wanted = referencedRows(tables, rows)
	for t, want := range xr.wanted {
		// A wanted row past the sheet's last row with content was never
		// read (a spreadsheet stops at its last used row): read it as empty.
		for n := range want {
			for len(rows[t]) >= 1 && len(rows[t]) < n && n <= MaxXLSXRows {
				rows[t] = append(rows[t], [2][]string{nil, nil})
			}
		}
	}
	var tree any
	for _, t := range tables {
		if t.parent == nil {
			it := &ritem{val: map[string]any{}, row: 2}
			xr.items[t] = []*ritem{it}
			xr.records(t, rows[t], func(int, string) *ritem { return it })
			tree = it.val
			continue
		}
		xr.children(t, rows[t])
	}
	return pruneEmpty(tree)
}

// referencedRows finds, per table, the rows a child sheet names as "#N":
// such a row is a record even when it holds no value of its own (a record
// whose only content is in child sheets), so its children find it.
func referencedRows(tables []*xtable, rows map[*xtable][][2][]string) map[*xtable]map[int]bool {
	wanted := map[*xtable]map[int]bool{}
	for _, t := range tables {
		head := t.keyHeader()
		if head == "" || len(rows[t]) == 0 {
			continue
		}
		col := slices.IndexFunc(rows[t][0][1], func(h string) bool { return strings.TrimSpace(h) == head })
		if col < 0 {
			continue
		}
		for _, r := range rows[t][1:] {
			key := strings.TrimSpace(nth(r[1], col))
			if n, err := strconv.Atoi(strings.TrimPrefix(key, "#")); err == nil && strings.HasPrefix(key, "#") {
				if wanted[t.parent] == nil {
					wanted[t.parent] = map[int]bool{}
				}
				wanted[t.parent][n] = true
			}
		}
	}
	return wanted
}

// sheetRows reads a sheet's rows, each as raw and formatted values,
// refusing formulas and merged cells, and past the limits.
func (xr *xreader) sheetRows(s string) ([][2][]string, bool) {
	merged, err := xr.f.GetMergeCells(s, true)
	if err != nil {
		xr.p.Addf(s, "the sheet cannot be read: %v", err)
		return nil, false
	}
	for _, m := range merged {
		xr.p.Addf(fmt.Sprintf("%s!%s:%s", s, m.GetStartAxis(), m.GetEndAxis()), "merged cells; unmerge them and give each cell its value")
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 == nil && err2 == nil && (c2-c1+1)*(r2-r1+1) <= MaxXLSXColumns*MaxXLSXRows {
			for c := c1; c <= c2; c++ {
				for r := r1; r <= r2; r++ {
					xr.refused[s+"!"+cellName(c, r)] = true
				}
			}
		}
	}
	it, err := xr.f.Rows(s)
	if err != nil {
		xr.p.Addf(s, "the sheet cannot be read: %v", err)
		return nil, false
	}
	defer it.Close()
	var out [][2][]string
	for it.Next() {
		if len(out) >= MaxXLSXRows {
			xr.p.Addf(s, "more than %d rows; a sheet holds at most %d (MaxXLSXRows)", MaxXLSXRows, MaxXLSXRows)
			xr.fatal = true
			return nil, false
		}
		raw, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			xr.p.Addf(s, "the sheet cannot be read: %v", err)
			return nil, false
		}
		if len(raw) > MaxXLSXColumns {
			xr.p.Addf(fmt.Sprintf("%s!%s", s, cellName(MaxXLSXColumns+1, len(out)+1)), "more than %d columns; a sheet holds at most %d (MaxXLSXColumns)", MaxXLSXColumns, MaxXLSXColumns)
			xr.fatal = true
			return nil, false
		}
		out = append(out, [2][]string{raw, nil})
	}
	if err := it.Error(); err != nil {
		xr.p.Addf(s, "the sheet cannot be read: %v", err)
		return nil, false
	}
	// The formatted values and the formulas, cell by cell.
	for r := range out {
		vals := make([]string, len(out[r][0]))
		for c := range vals {
			cell := cellName(c+1, r+1)
			fm, _ := xr.f.GetCellFormula(s, cell)
			switch strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(fm, "="))) {
			case "TRUE()", "TRUE": // LibreOffice saves a boolean as =TRUE()
				fm, out[r][0][c] = "", "1"
			case "FALSE()", "FALSE":
				fm, out[r][0][c] = "", "0"
			}
			if fm != "" {
				xr.p.Addf(s+"!"+cell, "a formula (=%s); the consultant does not evaluate formulas: type the value", clip(fm))
				out[r][0][c] = ""
				xr.refused[s+"!"+cell] = true
				continue
			}
			if out[r][0][c] == "" {
				continue
			}
			if utf8.RuneCountInString(out[r][0][c]) > MaxCellChars {
				xr.p.Addf(s+"!"+cell, "%d characters; a cell holds at most %d (MaxCellChars)", utf8.RuneCountInString(out[r][0][c]), MaxCellChars)
				out[r][0][c] = ""
				xr.refused[s+"!"+cell] = true
				continue
			}
			vals[c], _ = xr.f.GetCellValue(s, cell)
		}
		out[r][1] = vals
	}
	return out, true
}

// isDeliverableBook reports whether sheets are those of the book package
// xlsx writes (ismskit.xlsx) rather than a workbook's: its Heat maps, SoA
// by theme and Readiness sheets, which no workbook has.
func isDeliverableBook(sheets []string, workbook map[string]*xtable) bool {
	for _, s := range []string{xlsx.SheetHeatMaps, xlsx.SheetSoAByTheme, xlsx.SheetReadiness} {
		if _, own := workbook[s]; own || !slices.Contains(sheets, s) {
			return false
		}
	}
	return true
}
