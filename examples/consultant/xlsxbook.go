package main

// The workbook as a spreadsheet. The layout of the XLSX workbook is derived
// from the v2 Go types (reflection over the struct fields and their json
// tags, in field order) and from the workbook's JSON Schema, which is
// generated from the same types (the columns' notes are the schema's
// descriptions, the drop-down lists its enums): a field added to a v2 type
// appears in the spreadsheet without a change here.
//
// A section of the workbook (context, method, plan, …) is a sheet with one
// row; a list of records is a sheet with a row per record; an object inside
// a record is flattened into dotted columns ("inherent.likelihood"); a list
// of values is one cell, a value per line; a list of records inside a record
// is a sheet of its own whose first column names the record it belongs to
// (by its first column, or "#N", its row in the parent sheet).
//
// Reading goes through the JSON form: the cells are turned into the JSON
// tree the v2 workbook is, which is decoded, resolved and built exactly
// like a JSON workbook; every problem's JSON path is then told as the cell
// it came from ("Assets!C7 (owner)").

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/xlsx"
)

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

// XLSX sheet names that are not a part of the workbook's data.
const (
	// SheetWorkbook is the sheet of the workbook's own fields (format,
	// as_of).
	SheetWorkbook = "Workbook"
	// SheetLists holds the values of the drop-down lists; it is hidden and
	// the reader ignores it.
	SheetLists = "Lists"
)

type cellKind int

const (
	kText cellKind = iota
	kEnum
	kInt
	kDecimal
	kBool
	kDate
)

// xcolumn is one column of a sheet: a scalar, or a list of scalars one per
// line, at path within the sheet's record.
type xcolumn struct {
	name  string
	path  []string
	kind  cellKind
	list  bool
	desc  string
	enum  []string
	hint  string // the json name the drop-down of keys is chosen by
	isID  bool   // a control ID
	first bool
}

type tableMode int

const (
	mSingle tableMode = iota // one record: a section
	mList                    // a list of records
	mMap                     // a map: the first column is the key
	mLists                   // a list of lists of values: one column
)

// xtable is one sheet: a section, a list of records, a map or a list of
// lists, at rel inside a record of its parent.
type xtable struct {
	sheet  string
	jpath  string // "risks[].treatment.actions", for the notes
	rel    []string
	mode   tableMode
	parent *xtable
	cols   []xcolumn
	desc   string
	keyCol int // the column that names a record for its children; -1: none
	mapKey *xcolumn
}

// keyHeader is the header of the column that names a child row's parent.
func (t *xtable) keyHeader() string {
	if t.parent == nil || t.parent.mode == mSingle {
		return ""
	}
	if t.parent.keyCol < 0 {
		return t.parent.sheet + ".row"
	}
	return t.parent.sheet + "." + t.parent.cols[t.parent.keyCol].name
}

// headers are the sheet's column headers in order.
func (t *xtable) headers() []string {
	var h []string
	if k := t.keyHeader(); k != "" {
		h = append(h, k)
	}
	if t.mapKey != nil {
		h = append(h, t.mapKey.name)
	}
	for _, c := range t.cols {
		h = append(h, c.name)
	}
	return h
}

var (
	layoutOnce   sync.Once
	layoutTables []*xtable
	layoutErr    error
)

// xlsxLayout returns the sheets of the workbook, parents before children.
func xlsxLayout() ([]*xtable, error) {
	layoutOnce.Do(func() {
		var s map[string]any
		if layoutErr = json.Unmarshal(schemaJSON, &s); layoutErr != nil {
			return
		}
		defs, _ := s["$defs"].(map[string]any)
		b := &layoutBuilder{defs: defs, names: map[string]bool{SheetLists: true}}
		root := b.table(nil, nil, mSingle, s)
		root.sheet = SheetWorkbook
		b.names[SheetWorkbook] = true
		b.flatten(root, nil, reflect.TypeFor[WorkbookV2](), s, true)
		layoutTables, layoutErr = b.tables, b.err
	})
	return layoutTables, layoutErr
}

type layoutBuilder struct {
	defs   map[string]any
	tables []*xtable
	names  map[string]bool
	err    error
}

func (b *layoutBuilder) resolve(node map[string]any) map[string]any {
	if ref, ok := node["$ref"].(string); ok {
		d, _ := b.defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		return d
	}
	return node
}

func (b *layoutBuilder) table(parent *xtable, rel []string, mode tableMode, node map[string]any) *xtable {
	t := &xtable{rel: rel, mode: mode, parent: parent, keyCol: -1}
	t.desc, _ = node["description"].(string)
	if parent != nil {
		t.jpath = joinPath(parent.jpath, strings.Join(rel, "."))
		if parent.mode == mList || parent.mode == mLists {
			t.jpath = joinPath(parent.jpath+"[]", strings.Join(rel, "."))
		}
		t.sheet = b.sheetName(t.jpath)
	}
	b.tables = append(b.tables, t)
	return t
}

// sheetName makes a sheet name of a path: "context.assets" is "Assets",
// "risks[].treatment.actions" "Risks.treatment.actions"; leading parts are
// left out of a name past 31 characters.
func (b *layoutBuilder) sheetName(jpath string) string {
	parts := strings.Split(strings.ReplaceAll(jpath, "[]", ""), ".")
	if len(parts) > 1 && (parts[0] == "context" || parts[0] == "records") {
		parts = parts[1:]
	}
	name := func(parts []string) string {
		s := strings.Join(parts, ".")
		s = strings.ReplaceAll(parts[0], "_", " ") + s[len(parts[0]):]
		if parts[0] == "soa" {
			return "SoA" + s[3:]
		}
		return strings.ToUpper(s[:1]) + s[1:]
	}
	for len(parts) > 1 && len(name(parts)) > 31 {
		parts = parts[1:]
	}
	n := name(parts)
	if len(n) > 31 {
		n = n[:31]
	}
	for i := 2; b.names[n]; i++ {
		n = fmt.Sprintf("%s%d", n[:min(len(n), 29)], i)
	}
	b.names[n] = true
	return n
}

func joinPath(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "." + b
}

var (
	dateType    = reflect.TypeFor[Date]()
	calDateType = reflect.TypeFor[calendar.Date]()
	idType      = reflect.TypeFor[controls.ID]()
)

// flatten adds the fields of type typ (schema node) to t at prefix; at
// the root (top), an object is a section of its own.
func (b *layoutBuilder) flatten(t *xtable, prefix []string, typ reflect.Type, node map[string]any, top bool) {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	node = b.resolve(node)
	props, _ := node["properties"].(map[string]any)
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			b.flatten(t, prefix, f.Type, node, top)
			continue
		}
		if name == "" {
			name = f.Name
		}
		fnode, ok := props[name].(map[string]any)
		if !ok {
			b.err = fmt.Errorf("the schema has no field %q of %s; regenerate it (go test -run TestSchema -update)", name, typ)
			return
		}
		desc, _ := fnode["description"].(string)
		path := append(slices.Clip(prefix), name)
		b.field(t, path, f.Type, fnode, desc, top)
	}
}

func (b *layoutBuilder) field(t *xtable, path []string, typ reflect.Type, fnode map[string]any, desc string, top bool) {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	r := b.resolve(fnode)
	name := path[len(path)-1]
	switch {
	case r["properties"] != nil:
		if top {
			s := b.table(t, path, mSingle, r)
			s.desc = desc
			b.flatten(s, nil, typ, r, false)
			return
		}
		b.flatten(t, path, typ, r, false)
	case r["type"] == "array":
		items, _ := r["items"].(map[string]any)
		ir := b.resolve(items)
		switch {
		case ir["properties"] != nil:
			s := b.table(t, path, mList, ir)
			s.desc = desc
			b.flatten(s, nil, typ.Elem(), ir, false)
			s.setKey()
		case ir["type"] == "array":
			s := b.table(t, path, mLists, ir)
			s.desc = desc
			c := b.column([]string{"values"}, typ.Elem().Elem(), b.resolve(ir["items"].(map[string]any)), desc, name)
			c.list, c.path = true, nil
			s.cols = append(s.cols, c)
		default:
			c := b.column(path, typ.Elem(), ir, desc, name)
			c.list = true
			t.cols = append(t.cols, c)
		}
	case r["type"] == "object":
		s := b.table(t, path, mMap, r)
		s.desc = desc
		key := b.column([]string{"key"}, typ.Key(), map[string]any{"type": "string"}, "The key of "+strings.ToLower(desc[:1])+desc[1:], "key")
		if pn, ok := r["propertyNames"].(map[string]any); ok {
			key = b.column([]string{"key"}, typ.Key(), pn, "The key of "+strings.ToLower(desc[:1])+desc[1:], "key")
		}
		key.path = nil
		s.mapKey = &key
		vr := b.resolve(r["additionalProperties"].(map[string]any))
		if vr["properties"] != nil {
			b.flatten(s, nil, typ.Elem(), vr, false)
		} else {
			c := b.column([]string{"value"}, typ.Elem(), vr, desc, name)
			c.path = nil
			s.cols = append(s.cols, c)
		}
	default:
		hint := name
		if t.jpath == "risks" && name == "supplier" { // a risk's source is a supplier; an asset's supplier is a party
			hint = "risks.supplier"
		}
		t.cols = append(t.cols, b.column(path, typ, r, desc, hint))
	}
}

func (b *layoutBuilder) column(path []string, typ reflect.Type, r map[string]any, desc, hint string) xcolumn {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	c := xcolumn{name: strings.Join(path, "."), path: path, desc: desc, hint: hint, isID: typ == idType}
	ts, _ := r["type"].(string)
	switch {
	case typ == dateType || typ == calDateType:
		c.kind = kDate
	case r["enum"] != nil:
		c.kind = kEnum
		for _, v := range r["enum"].([]any) {
			c.enum = append(c.enum, fmt.Sprint(v))
		}
	case ts == "integer":
		c.kind = kInt
	case ts == "boolean":
		c.kind = kBool
	case ts == "" && r["type"] != nil: // ["string", "number"]: a decimal
		c.kind = kDecimal
	default:
		c.kind = kText
	}
	return c
}

// setKey chooses the column that names a record for its children: the
// first column holding one value.
func (t *xtable) setKey() {
	for i, c := range t.cols {
		if !c.list {
			t.keyCol = i
			return
		}
	}
}

// ---- writing ----

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

func getIn(v any, path []string) any {
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func scalarString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	}
	b, _ := json.Marshal(v)
	return string(b)
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

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
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

// excelEpoch is day 0 of the spreadsheet date serials (1900 date system,
// for serials from 61, 1900-03-01, on).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelSerial is the date serial of a "YYYY-MM-DD" date from 1900-03-01 on.
func excelSerial(s string) (int, bool) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		return 0, false
	}
	return int((t.Unix() - excelEpoch.Unix()) / 86400), true // not t.Sub: a Duration ends at 292 years
}

// keyLists gathers the workbook's own keys for the drop-down lists.
func (xw *xwriter) keyLists(wb WorkbookV2) {
	c := wb.Context
	add := func(list string, keys ...string) {
		for _, k := range keys {
			if k != "" && !slices.Contains(xw.lists[list], k) && utf8.RuneCountInString(k) <= 255 {
				xw.lists[list] = append(xw.lists[list], k)
			}
		}
	}
	for _, r := range c.Roles {
		add("roles", r.Name)
		add("owners", r.Name)
	}
	for _, p := range c.People {
		add("people", p.Name)
		add("owners", p.Name)
	}
	for _, a := range c.Assets {
		add("assets", a.Name)
	}
	for _, p := range c.Parties {
		add("parties", p.Name)
	}
	for _, r := range c.Requirements {
		add("requirements", r.Title)
	}
	for _, o := range c.Objectives {
		add("objectives", o.Title)
	}
	for _, r := range wb.Risks {
		add("risks", r.Ref)
	}
	for _, n := range wb.Records.Nonconformities {
		add("nonconformities", n.Ref)
	}
	for _, x := range wb.Suppliers {
		add("suppliers", x.Name)
	}
	for _, b := range wb.Method.Bands {
		add("bands", b.ID)
	}
	for _, ctl := range controls.AnnexA().Controls() {
		add("controls", string(ctl.ID()))
	}
	if wb.CustomControls != nil {
		for _, ctl := range wb.CustomControls.Controls {
			add("controls", string(ctl.ID))
		}
	}
	for _, ctl := range wb.AdditionalControls {
		add("controls", string(ctl.ID))
	}
}

// keysByField names the list of keys a column's drop-down offers, by the
// column's json name.
var keysByField = map[string]string{
	"owner": "owners", "approver": "owners", "default_owner": "owners", "approved_by": "owners", "owners": "owners", "by": "owners",
	"person": "people", "assessor": "people", "auditor": "people",
	"role": "roles", "accountable": "roles",
	"party": "parties", "supplier": "parties", "risks.supplier": "suppliers",
	"requirement": "requirements", "objective": "objectives", "risk": "risks", "nonconformity": "nonconformities",
	"appetite": "bands", "up_to": "bands",
}

// validation adds the drop-down list of column c to sqref: its enum (a
// value outside it is refused) or the workbook's keys (a new name is
// allowed after a warning; the consultant checks every reference).
func (xw *xwriter) validation(s, sqref string, c xcolumn) {
	if c.list || c.first {
		return
	}
	var name string
	var vals []string
	stop := false
	switch {
	case c.kind == kEnum:
		name, vals, stop = "enum:"+strings.Join(c.enum, ","), c.enum, true
	case c.isID:
		name = "controls"
	case c.kind == kText:
		name = keysByField[c.hint]
	}
	if name == "" {
		return
	}
	if vals == nil {
		vals = xw.lists[name]
	} else if _, ok := xw.lists[name]; !ok {
		xw.lists[name] = vals
	}
	if len(vals) == 0 {
		return
	}
	i := slices.Index(xw.listCols, name)
	if i < 0 {
		xw.listCols = append(xw.listCols, name)
		i = len(xw.listCols) - 1
	}
	col, _ := excelize.ColumnNumberToName(i + 1)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.SetSqrefDropList(fmt.Sprintf("%s!$%s$2:$%s$%d", SheetLists, col, col, len(vals)+1))
	if stop {
		dv.SetError(excelize.DataValidationErrorStyleStop, c.name, "Choose one of the list's values.")
	} else {
		dv.SetError(excelize.DataValidationErrorStyleWarning, c.name, "Not a name the workbook defines yet; add it where such names are defined.")
	}
	xw.fail(xw.f.AddDataValidation(s, dv))
}

// listSheet writes the hidden sheet of the drop-down lists' values.
func (xw *xwriter) listSheet() {
	if len(xw.listCols) == 0 {
		return
	}
	if _, err := xw.f.NewSheet(SheetLists); err != nil {
		xw.fail(err)
		return
	}
	for i, name := range xw.listCols {
		title := name
		if strings.HasPrefix(name, "enum:") {
			title = "values"
		}
		xw.fail(xw.f.SetCellStr(SheetLists, cellName(i+1, 1), title))
		for j, v := range xw.lists[name] {
			xw.fail(xw.f.SetCellStr(SheetLists, cellName(i+1, j+2), v))
		}
	}
	xw.fail(xw.f.SetSheetVisible(SheetLists, false))
}

// ---- reading ----

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

// ritem is a record read from a row.
type ritem struct {
	val  any // map[string]any for a record, the value for a map or list of lists
	path string
	row  int
	key  string
	put  func(any) // puts val in its place, for a record of a list or map
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

// children reads the records of a child table and attaches each to its
// parent record.
func (xr *xreader) children(t *xtable, rows [][2][]string) {
	parents := xr.items[t.parent]
	var lookup func(row int, key string) *ritem
	if t.keyHeader() == "" {
		lookup = func(int, string) *ritem {
			if len(parents) == 0 {
				return nil
			}
			return parents[0]
		}
	} else {
		byKey := map[string][]*ritem{}
		byRow := map[int]*ritem{}
		var keys []string
		for _, p := range parents {
			if p.key != "" {
				byKey[p.key] = append(byKey[p.key], p)
				keys = append(keys, p.key)
			}
			byRow[p.row] = p
		}
		lookup = func(row int, key string) *ritem {
			at := fmt.Sprintf("%s!A%d", t.sheet, row)
			head := t.keyHeader()
			switch l := byKey[key]; {
			case key == "":
				xr.p.Addf(at+" ("+head+")", "name the row of %s this row belongs to", t.parent.sheet)
				return nil
			case len(l) == 1:
				return l[0]
			case len(l) > 1:
				xr.p.Addf(at+" ("+head+")", "%d rows of %s have %q; name the row as #N, its row number", len(l), t.parent.sheet, clip(key))
				return nil
			}
			if n, err := strconv.Atoi(strings.TrimPrefix(key, "#")); err == nil && strings.HasPrefix(key, "#") && byRow[n] != nil {
				return byRow[n]
			}
			msg := fmt.Sprintf("no row of %s has %q", t.parent.sheet, clip(key))
			if s := suggest(key, keys); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			xr.p.Addf(at+" ("+head+")", "%s", msg)
			return nil
		}
	}
	if t.mode == mSingle {
		p := lookup(0, "")
		if p == nil {
			return
		}
		obj, _ := p.val.(map[string]any)
		it := &ritem{val: map[string]any{}, path: joinPath(p.path, strings.Join(t.rel, ".")), row: 2}
		setIn(obj, t.rel, it.val)
		xr.items[t] = []*ritem{it}
		xr.records(t, rows, func(int, string) *ritem { return it })
		return
	}
	xr.records(t, rows, func(row int, key string) *ritem {
		p := lookup(row, key)
		if p == nil {
			return nil
		}
		obj, _ := p.val.(map[string]any)
		base := joinPath(p.path, strings.Join(t.rel, "."))
		it := &ritem{row: row}
		switch t.mode {
		case mMap:
			m, _ := getIn(obj, t.rel).(map[string]any)
			if m == nil {
				m = map[string]any{}
				setIn(obj, t.rel, m)
			}
			it.path = base // records adds the key and sets put
			it.val = m
		default:
			l, _ := getIn(obj, t.rel).([]any)
			idx := len(l)
			it.path = fmt.Sprintf("%s[%d]", base, idx)
			if t.mode == mList {
				it.val = map[string]any{}
			}
			setIn(obj, t.rel, append(l, nil))
			it.put = func(v any) { getIn(obj, t.rel).([]any)[idx] = v }
		}
		xr.items[t] = append(xr.items[t], it)
		return it
	})
}

// records reads the rows of t: the header, then each record, found by
// item (nil: the row is left out, its problem said).
func (xr *xreader) records(t *xtable, rows [][2][]string, item func(row int, key string) *ritem) {
	if len(rows) == 0 {
		return
	}
	headers := t.headers()
	byHeader := map[string]int{}
	for i, h := range headers {
		byHeader[h] = i
	}
	// The columns of the sheet, by their position.
	pos := map[int]int{} // sheet column → index into headers
	seen := map[int]string{}
	for c, h := range rows[0][1] {
		at := fmt.Sprintf("%s!%s", t.sheet, cellName(c+1, 1))
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		i, ok := byHeader[h]
		if !ok {
			msg := fmt.Sprintf("the sheet %s has no column %q", t.sheet, clip(h))
			if s := suggest(h, headers); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			xr.p.Addf(at, "%s", msg)
			xr.badHeader[t.sheet] = true
			continue
		}
		if prev, dup := seen[i]; dup {
			xr.p.Addf(at, "the column %q is also %s", h, prev)
			continue
		}
		seen[i] = at
		pos[c] = i
	}
	keyed := t.keyHeader() != ""
	for r := 1; r < len(rows); r++ {
		raw, vals := rows[r][0], rows[r][1]
		row := r + 1
		empty := true
		for c, v := range raw {
			if strings.TrimSpace(v) == "" {
				continue
			}
			if _, ok := pos[c]; !ok {
				if h := strings.TrimSpace(nth(rows[0][1], c)); h == "" {
					xr.p.Addf(fmt.Sprintf("%s!%s", t.sheet, cellName(c+1, row)), "a value in a column with no header")
				}
				continue
			}
			empty = false
		}
		if empty && !xr.wanted[t][row] {
			continue
		}
		if t.mode == mSingle && row != 2 {
			xr.p.Addf(fmt.Sprintf("%s!A%d", t.sheet, row), "the sheet %s holds one row (row 2); this row is left out", t.sheet)
			continue
		}
		key := ""
		if keyed {
			if c, ok := colOf(pos, 0); ok {
				key = strings.TrimSpace(nth(vals, c))
			}
		}
		it := item(row, key)
		if it == nil {
			continue
		}
		first := 0
		if keyed {
			first = 1
		}
		if t.mapKey != nil {
			c, ok := colOf(pos, first)
			k := ""
			if ok {
				k = strings.TrimSpace(nth(vals, c))
			}
			cell := fmt.Sprintf("%s!%s (%s)", t.sheet, cellName(c+1, row), t.mapKey.name)
			m := it.val.(map[string]any)
			if k == "" || m[k] != nil {
				if k == "" {
					xr.p.Addf(cell, "name the key")
				} else {
					xr.p.Addf(cell, "the key %q is given twice", clip(k))
				}
				xr.items[t] = xr.items[t][:len(xr.items[t])-1]
				continue
			}
			it.path = it.path + "." + k
			xr.src.at[it.path] = cell
			first++
			var v any = map[string]any{}
			if len(t.cols) == 1 && t.cols[0].path == nil {
				v = nil
			}
			m[k] = v
			it.val = v
			it.put = func(v any) { m[k] = v }
		}
		xr.src.at[it.path] = fmt.Sprintf("%s!A%d", t.sheet, row)
		for j, col := range t.cols {
			c, ok := colOf(pos, first+j)
			vpath := it.path
			if len(col.path) > 0 {
				vpath = it.path + "." + strings.Join(col.path, ".")
			}
			cellAt := fmt.Sprintf("%s!%s (%s)", t.sheet, cellName(c+1, row), col.name)
			if !ok {
				cellAt = fmt.Sprintf("%s!A%d (%s, a column the sheet does not have)", t.sheet, row, col.name)
			}
			for i := range col.path {
				if q := it.path + "." + strings.Join(col.path[:i+1], "."); xr.src.at[q] == "" {
					xr.src.at[q] = cellAt
				}
			}
			xr.src.at[vpath] = cellAt
			if !ok && xr.badHeader[t.sheet] || ok && xr.refused[t.sheet+"!"+cellName(c+1, row)] {
				xr.pruned = append(xr.pruned, vpath)
			}
			if !ok {
				continue
			}
			v, problem := convert(col, nth(raw, c), nth(vals, c))
			if problem != "" {
				xr.p.Addf(vpath, "%s", problem)
				xr.pruned = append(xr.pruned, vpath)
				continue
			}
			if v == nil {
				continue
			}
			if col.path == nil {
				it.val = v
			} else {
				setIn(it.val.(map[string]any), col.path, v)
			}
		}
		if it.put != nil {
			it.put(it.val)
		}
		if t.keyCol >= 0 {
			it.key = scalarString(getIn(it.val, t.cols[t.keyCol].path))
		}
	}
}

func colOf(pos map[int]int, header int) (int, bool) {
	for c, h := range pos {
		if h == header {
			return c, true
		}
	}
	return 0, false
}

func nth(l []string, i int) string {
	if i < len(l) {
		return l[i]
	}
	return ""
}

func setIn(obj map[string]any, path []string, v any) {
	for _, k := range path[:len(path)-1] {
		next, ok := obj[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			obj[k] = next
		}
		obj = next
	}
	obj[path[len(path)-1]] = v
}

var wholeNumber = regexp.MustCompile(`^-?\d+$`)

// convert turns a cell (raw and formatted values) into the JSON value of
// column c, or says what is wrong with it. An empty cell is nil.
func convert(c xcolumn, raw, shown string) (any, string) {
	if strings.TrimSpace(raw) == "" {
		return nil, ""
	}
	if c.list {
		var out []any
		for _, line := range strings.Split(shown, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			v, problem := convert1(c, line, line)
			if problem != "" {
				return nil, problem
			}
			out = append(out, v)
		}
		return out, ""
	}
	return convert1(c, raw, shown)
}

func convert1(c xcolumn, raw, shown string) (any, string) {
	raw = strings.TrimSpace(raw)
	switch c.kind {
	case kInt:
		d, err := decimal.NewFromString(raw)
		if err != nil || !d.IsInteger() || !wholeNumber.MatchString(d.String()) {
			return nil, fmt.Sprintf("%q is not a whole number", clip(shown))
		}
		return json.Number(d.String()), ""
	case kDecimal:
		d, err := decimal.NewFromString(raw)
		if err != nil || strings.ContainsAny(raw, "eE") && (d.Exponent() < -100 || d.Exponent() > 100) {
			return nil, fmt.Sprintf("%q is not a number like 1.5", clip(shown))
		}
		return d.String(), ""
	case kBool:
		switch strings.ToLower(raw) {
		case "1", "true", "yes":
			return true, ""
		case "0", "false", "no":
			return false, ""
		}
		return nil, fmt.Sprintf("%q is not TRUE or FALSE", clip(shown))
	case kDate:
		if f, err := strconv.ParseFloat(raw, 64); err == nil {
			return dateOfSerial(f, shown)
		}
		return strings.TrimSpace(shown), ""
	}
	return shown, ""
}

// dateOfSerial is the date (or date and time, UTC) of a spreadsheet date
// serial from 61 (1900-03-01) to 2958465 (9999-12-31).
func dateOfSerial(f float64, shown string) (any, string) {
	if f < 61 || f >= 2958466 {
		return nil, fmt.Sprintf("%q is not a date from 1900-03-01 to 9999-12-31; type the date as text, like 2027-03-31", clip(shown))
	}
	days := int(f)
	secs := int((f-float64(days))*86400 + 0.5)
	t := excelEpoch.AddDate(0, 0, days).Add(time.Duration(secs) * time.Second)
	if secs == 0 || secs == 86400 {
		return t.Format(time.DateOnly), ""
	}
	return t.Format(time.RFC3339), ""
}

// pruneEmpty leaves out empty objects and lists.
func pruneEmpty(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if e = pruneEmpty(e); e == nil {
				delete(v, k)
			} else {
				v[k] = e
			}
		}
		if len(v) == 0 {
			return nil
		}
	case []any:
		// A record that is empty stays, so that the records after it keep
		// their index (and the cells their problems are told at).
		for i, e := range v {
			if _, isObj := e.(map[string]any); isObj {
				if e = pruneEmpty(e); e == nil {
					e = map[string]any{}
				}
			}
			v[i] = e
		}
		if len(v) == 0 {
			return nil
		}
	}
	return v
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
