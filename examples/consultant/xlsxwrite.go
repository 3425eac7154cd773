package main

// Writing the v2 workbook as an XLSX workbook: a sheet per table of the
// layout, a row per record, a cell per value.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit/isms"
)

// writeWorkbookXLSX writes the v2 workbook as an XLSX workbook: a sheet per
// section and list, header frozen, a note per column, drop-down lists of
// the closed vocabularies and of the workbook's own keys, dates as date
// cells. The same workbook gives the same bytes. A value a spreadsheet
// cannot hold so that it reads back the same (a list value with a line
// break, text past MaxCellChars) is an error.
func writeWorkbookXLSX(w io.Writer, wb WorkbookV2) error {
	tables, err := xlsxLayout()
	if err != nil {
		return err
	}
	data, err := encodeWorkbookV2(wb)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return err
	}
	xw := &xwriter{f: excelize.NewFile(), items: map[*xtable][]xitem{}, lists: map[string][]string{}}
	defer xw.f.Close()
	xw.keyLists(wb)
	if err := xw.styles(); err != nil {
		return err
	}
	first := true
	for _, t := range tables {
		var items []xitem
		if t.parent == nil {
			items = []xitem{{val: tree, row: 2}}
		} else {
			items = xw.collect(t)
		}
		xw.items[t] = items
		if len(t.headers()) == 0 {
			continue
		}
		if first {
			xw.fail(xw.f.SetSheetName("Sheet1", t.sheet))
			first = false
		} else if _, err := xw.f.NewSheet(t.sheet); err != nil {
			return err
		}
		xw.sheet(t, items)
	}
	xw.listSheet()
	xw.fail(xw.f.SetDocProps(&excelize.DocProperties{
		Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z", Creator: "ismskit", LastModifiedBy: "ismskit",
		Title: "ismskit consultant workbook (" + WorkbookFormatV2 + ")",
	}))
	xw.f.SetActiveSheet(0)
	if len(xw.problems) > 0 {
		var p isms.Problems
		for _, m := range xw.problems {
			p.Addf(m[0], "%s", m[1])
		}
		return p.Err()
	}
	if xw.err != nil {
		return xw.err
	}
	_, err = xw.f.WriteTo(w)
	return err
}

// xitem is one record of a sheet: its value in the JSON tree, its row and
// the key its children name it by.
type xitem struct {
	val    any
	row    int
	key    string
	parent string // the parent's key, for the first column
	mapKey string
}

type xwriter struct {
	f        *excelize.File
	items    map[*xtable][]xitem
	lists    map[string][]string
	listCols []string
	err      error
	problems [][2]string
	header   int
	date     int
	text     int
	wrap     int
}

func (xw *xwriter) fail(err error) {
	if err != nil && xw.err == nil {
		xw.err = err
	}
}

func (xw *xwriter) styles() error {
	var err error
	bold := &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "top"}}
	if xw.header, err = xw.f.NewStyle(bold); err != nil {
		return err
	}
	f := "yyyy-mm-dd"
	if xw.date, err = xw.f.NewStyle(&excelize.Style{CustomNumFmt: &f, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}); err != nil {
		return err
	}
	if xw.text, err = xw.f.NewStyle(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return err
	}
	xw.wrap, err = xw.f.NewStyle(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	return err
}

// collect lists the records of t under its parent's records.
func (xw *xwriter) collect(t *xtable) []xitem {
	var out []xitem
	row := 2
	for _, p := range xw.items[t.parent] {
		v := getIn(p.val, t.rel)
		switch t.mode {
		case mSingle:
			out = append(out, xitem{val: v, row: row})
			row++
		case mList, mLists:
			l, _ := v.([]any)
			for _, e := range l {
				out = append(out, xitem{val: e, row: row, parent: p.key})
				row++
			}
		case mMap:
			m, _ := v.(map[string]any)
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				out = append(out, xitem{val: m[k], row: row, parent: p.key, mapKey: k})
				row++
			}
		}
	}
	if t.keyCol >= 0 {
		count := map[string]int{}
		for i := range out {
			out[i].key = scalarString(getIn(out[i].val, t.cols[t.keyCol].path))
			count[out[i].key]++
		}
		for i := range out {
			if k := out[i].key; k == "" || strings.HasPrefix(k, "#") || count[k] > 1 {
				out[i].key = "#" + strconv.Itoa(out[i].row)
			}
		}
	} else {
		for i := range out {
			out[i].key = "#" + strconv.Itoa(out[i].row)
		}
	}
	return out
}

func (xw *xwriter) sheet(t *xtable, items []xitem) {
	f, s := xw.f, t.sheet
	headers := t.headers()
	cols := make([]xcolumn, 0, len(headers))
	if k := t.keyHeader(); k != "" {
		cols = append(cols, xcolumn{name: k, kind: kText, first: true,
			desc: fmt.Sprintf("Which row of %s this row belongs to: its %s, or #N for its row number there.", t.parent.sheet, strings.TrimPrefix(k, t.parent.sheet+"."))})
	}
	if t.mapKey != nil {
		cols = append(cols, *t.mapKey)
	}
	cols = append(cols, t.cols...)
	lastRow := MaxXLSXRows
	if t.mode == mSingle {
		lastRow = 2
	}
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		style := xw.text
		switch {
		case c.list:
			style = xw.wrap
		case c.kind == kDate:
			style = xw.date
		case c.kind != kText && c.kind != kEnum:
			style = 0
		}
		if style != 0 {
			xw.fail(f.SetColStyle(s, col, style))
		}
		width := float64(max(12, min(50, utf8.RuneCountInString(c.name)+4)))
		if c.kind == kText && !c.first {
			width = max(width, 24)
		}
		xw.fail(f.SetColWidth(s, col, col, width))
		xw.fail(f.SetCellStr(s, col+"1", c.name))
		xw.fail(f.SetCellStyle(s, col+"1", col+"1", xw.header))
		xw.fail(f.AddComment(s, excelize.Comment{Cell: col + "1", Author: "ismskit", Text: xw.note(c), Width: 300, Height: 120}))
		xw.validation(s, fmt.Sprintf("%s2:%s%d", col, col, lastRow), c)
	}
	for _, it := range items {
		i := 0
		if t.keyHeader() != "" {
			xw.fail(f.SetCellStr(s, cellName(1, it.row), it.parent))
			i++
		}
		if t.mapKey != nil {
			i++
			xw.set(s, cellName(i, it.row), *t.mapKey, it.mapKey)
		}
		for _, c := range t.cols {
			i++
			xw.set(s, cellName(i, it.row), c, getIn(it.val, c.path))
		}
	}
	xw.fail(f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}))
}

// note is a column's note: its description and how to fill it in.
func (xw *xwriter) note(c xcolumn) string {
	n := c.desc
	switch {
	case c.list:
		n += " One value per line."
	case c.kind == kDate:
		n += " A date (2027-03-31) or a date and time (2027-03-31T09:00:00+02:00)."
	case c.kind == kBool:
		n += " TRUE or FALSE."
	case c.kind == kInt:
		n += " A whole number."
	case c.kind == kDecimal:
		n += " A number."
	}
	if c.kind == kEnum {
		n += " One of: " + strings.Join(c.enum, ", ") + "."
	}
	return n
}

// set writes one value.
func (xw *xwriter) set(s, cell string, c xcolumn, v any) {
	if v == nil {
		return
	}
	at := s + "!" + cell + " (" + c.name + ")"
	if c.list {
		l, ok := v.([]any)
		if !ok {
			xw.problems = append(xw.problems, [2]string{at, "expected a list"})
			return
		}
		lines := make([]string, 0, len(l))
		for _, e := range l {
			str := scalarString(e)
			if str == "" || str != strings.TrimSpace(str) || strings.ContainsAny(str, "\n\r") {
				xw.problems = append(xw.problems, [2]string{at, fmt.Sprintf("the value %q of a list cannot be a line of a cell (empty, a line break or spaces around it)", clip(str))})
				return
			}
			lines = append(lines, str)
		}
		xw.text1(s, cell, at, strings.Join(lines, "\n"))
		return
	}
	switch c.kind {
	case kBool:
		b, _ := v.(bool)
		xw.fail(xw.f.SetCellBool(s, cell, b))
	case kInt, kDecimal:
		d, err := decimal.NewFromString(scalarString(v))
		if err != nil {
			xw.problems = append(xw.problems, [2]string{at, fmt.Sprintf("%q is not a number", clip(scalarString(v)))})
			return
		}
		xw.fail(xw.f.SetCellDefault(s, cell, d.String()))
	case kDate:
		str := scalarString(v)
		if n, ok := excelSerial(str); ok {
			xw.fail(xw.f.SetCellDefault(s, cell, strconv.Itoa(n)))
			return
		}
		xw.text1(s, cell, at, str)
	default:
		xw.text1(s, cell, at, scalarString(v))
	}
}

func (xw *xwriter) text1(s, cell, at, str string) {
	if str == "" {
		return
	}
	if utf8.RuneCountInString(str) > MaxCellChars {
		xw.problems = append(xw.problems, [2]string{at, fmt.Sprintf("%d characters; a cell holds at most %d (MaxCellChars)", utf8.RuneCountInString(str), MaxCellChars)})
		return
	}
	for _, r := range str {
		if r < 0x20 && r != '\n' && r != '\t' || r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
			xw.problems = append(xw.problems, [2]string{at, fmt.Sprintf("the control character %U cannot be written to a cell", r)})
			return
		}
	}
	xw.fail(xw.f.SetCellStr(s, cell, str))
}
