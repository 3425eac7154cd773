package main

// The drop-down lists of the XLSX workbook: the closed vocabularies and
// the workbook's own keys, on the hidden Lists sheet.

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit/controls"
)

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
