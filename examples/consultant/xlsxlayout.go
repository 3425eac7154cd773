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

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
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
