package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
	"github.com/ismskit/ismskit/isms/records"
)

func sampleV2(t testing.TB) WorkbookV2 {
	var wb WorkbookV2
	b, err := os.ReadFile("sample-workbook.json")
	require.NoError(t, err)
	require.NoError(t, jsonio.Decode(bytes.NewReader(b), &wb, "workbook"))
	return wb
}

func toXLSX(t require.TestingT, wb WorkbookV2) []byte {
	var b bytes.Buffer
	require.NoError(t, writeWorkbookXLSX(&b, wb))
	return b.Bytes()
}

// normalJSON is the workbook's JSON with empty lists, maps and objects
// left out (a spreadsheet does not tell an empty list from none).
func normalJSON(t require.TestingT, wb WorkbookV2) string {
	b, err := encodeWorkbookV2(wb)
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	var strip func(v any) any
	strip = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				e = strip(e)
				if e == nil || e == "" || e == false || e == 0.0 { // as good as absent
					delete(v, k)
				} else {
					v[k] = e
				}
			}
			if len(v) == 0 {
				return nil
			}
		case []any:
			// A blank row is no record: a record with no values (which
			// the consultant would refuse) does not survive a spreadsheet.
			out := v[:0]
			for _, e := range v {
				if e = strip(e); e != nil {
					out = append(out, e)
				}
			}
			if len(out) == 0 {
				return nil
			}
			return out
		}
		return v
	}
	out, err := json.MarshalIndent(strip(v), "", " ")
	require.NoError(t, err)
	return string(out)
}

func TestXLSX_TheSampleRoundTrips(t *testing.T) {
	wb := sampleV2(t)
	data := toXLSX(t, wb)
	back, _, err := readWorkbookXLSX(data)
	require.NoError(t, err)
	assert.Equal(t, normalJSON(t, wb), normalJSON(t, back))
	assert.Equal(t, data, toXLSX(t, wb), "the same workbook gives the same bytes")
}

// TestXLSX_Year9999IsWrittenAsItsDate: the date serial of 9999-12-31 was
// computed through a time.Duration, which overflows past 292 years, and
// came back as 2192-04-08.
func TestXLSX_Year9999IsWrittenAsItsDate(t *testing.T) {
	n, ok := excelSerial("9999-12-31")
	require.True(t, ok)
	assert.Equal(t, 2958465, n)
	d, problem := dateOfSerial(float64(n), "")
	assert.Empty(t, problem)
	assert.Equal(t, "9999-12-31", d)
	wb := sampleV2(t)
	wb.Context.Objectives[0].Deadline = dateOf(time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))
	back, _, err := readWorkbookXLSX(toXLSX(t, wb))
	require.NoError(t, err)
	assert.Equal(t, "9999-12-31", back.Context.Objectives[0].Deadline.Format(time.DateOnly))
}

func TestXLSX_TheTemplateHasNotesDropDownsAndDates(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(toXLSX(t, sampleV2(t))))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("Assets")
	require.NoError(t, err)
	assert.Equal(t, []string{"name", "type", "description", "owner"}, rows[0][:4])
	assert.Len(t, rows, 7)
	panes, err := f.GetPanes("Assets")
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 1, panes.YSplit)
	comments, err := f.GetComments("Assets")
	require.NoError(t, err)
	require.NotEmpty(t, comments)
	assert.Contains(t, comments[0].Text, "name")
	dvs, err := f.GetDataValidations("Assets")
	require.NoError(t, err)
	var sq []string
	for _, dv := range dvs {
		sq = append(sq, dv.Sqref)
	}
	assert.Contains(t, sq, "B2:B10001", "type: the closed vocabulary")
	assert.Contains(t, sq, "D2:D10001", "owner: roles and people")
	typ, err := f.GetCellType("Objectives", "F2")
	require.NoError(t, err)
	assert.Equal(t, excelize.CellTypeUnset, typ, "a date is a number cell")
	v, err := f.GetCellValue("Objectives", "F2")
	require.NoError(t, err)
	assert.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, v)
	visible, err := f.GetSheetVisible(SheetLists)
	require.NoError(t, err)
	assert.False(t, visible)
}

// TestXLSX_GeneratedWorkbooksRoundTrip: any workbook the schema allows,
// through XLSX and back, is the same workbook.
func TestXLSX_GeneratedWorkbooksRoundTrip(t *testing.T) {
	var schema map[string]any
	require.NoError(t, json.Unmarshal(schemaJSON, &schema))
	defs := schema["$defs"].(map[string]any)
	rapid.Check(t, func(rt *rapid.T) {
		tree := genValue(rt, defs, schema, "root", 0)
		b, err := json.Marshal(tree)
		require.NoError(rt, err)
		wb, err := decodeWorkbook(bytes.NewReader(b))
		if part, ok := err.(*partialError); ok {
			err = nil
			_ = part
		}
		require.NoError(rt, err)
		back, _, err := readWorkbookXLSX(toXLSX(rt, wb))
		require.NoError(rt, err)
		assert.Equal(rt, normalJSON(rt, wb), normalJSON(rt, back))
	})
}

// genValue generates a value of the schema node.
func genValue(t *rapid.T, defs, node map[string]any, label string, depth int) any {
	if ref, ok := node["$ref"].(string); ok {
		node = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
	}
	if e, ok := node["enum"].([]any); ok {
		return rapid.SampledFrom(e).Draw(t, label)
	}
	if c, ok := node["const"]; ok {
		return c
	}
	switch typ := node["type"].(type) {
	case []any:
		return rapid.SampledFrom([]string{"0", "1.5", "-3", "1000000.25", "0.001"}).Draw(t, label)
	case string:
		switch typ {
		case "object":
			out := map[string]any{}
			if props, ok := node["properties"].(map[string]any); ok {
				names := make([]string, 0, len(props))
				for name := range props {
					names = append(names, name)
				}
				sort.Strings(names)
				for _, name := range names {
					p := props[name]
					if name == "$schema" || depth > 4 || !rapid.Bool().Draw(t, label+"."+name+"?") {
						continue
					}
					out[name] = genValue(t, defs, p.(map[string]any), label+"."+name, depth+1)
				}
				hasScalar := false
				for name := range out {
					ty, _ := props[name].(map[string]any)["type"].(string)
					hasScalar = hasScalar || ty == "string" || ty == "integer" || ty == "boolean"
				}
				if !hasScalar { // a record has a value of its own (a blank row is no record)
					var scalars []string
					for _, name := range names {
						p := props[name]
						if ty, _ := p.(map[string]any)["type"].(string); name != "$schema" && (ty == "string" || ty == "integer" || ty == "boolean") {
							scalars = append(scalars, name)
						}
					}
					if len(scalars) > 0 {
						name := rapid.SampledFrom(scalars).Draw(t, label+".scalar")
						out[name] = genValue(t, defs, props[name].(map[string]any), label+"."+name, depth+1)
					}
				}
				return out
			}
			if depth > 4 {
				return out
			}
			keys := []any{"k1", "k2"}
			if pn, ok := node["propertyNames"].(map[string]any); ok {
				keys = pn["enum"].([]any)
			}
			for range rapid.IntRange(0, 2).Draw(t, label+"#") {
				k := rapid.SampledFrom(keys).Draw(t, label+".key").(string)
				out[k] = genValue(t, defs, node["additionalProperties"].(map[string]any), label+"."+k, depth+1)
			}
			return out
		case "array":
			n := rapid.IntRange(0, 2).Draw(t, label+"#")
			if depth > 4 {
				n = 0
			}
			out := []any{}
			for i := range n {
				out = append(out, genValue(t, defs, node["items"].(map[string]any), fmt.Sprintf("%s[%d]", label, i), depth+1))
			}
			return out
		case "integer":
			return rapid.IntRange(0, 100000).Draw(t, label)
		case "boolean":
			return rapid.Bool().Draw(t, label)
		case "string":
			if p, _ := node["pattern"].(string); p != "" {
				if strings.Contains(p, `\d{4}-`) && !strings.Contains(p, "T") {
					return rapid.SampledFrom([]string{"2027-03-31", "1899-12-31", "9999-12-31", "1900-03-01"}).Draw(t, label)
				}
				if strings.Contains(p, `\d{4}-`) {
					return rapid.SampledFrom([]string{"2027-03-31", "1899-12-31", "2026-11-02T09:00:00+02:00", "9999-12-31", "1900-03-01"}).Draw(t, label)
				}
				return rapid.SampledFrom([]string{"5.15", "8.13", "X-1"}).Draw(t, label)
			}
			return rapid.StringMatching(`[A-Za-zäö0-9#=]([A-Za-zäö0-9 ,.;:#()'"=-]{0,20}[A-Za-z0-9.)])?`).Draw(t, label)
		}
	}
	return nil
}

// spoilt returns the sample as XLSX with change applied.
func spoilt(t *testing.T, change func(f *excelize.File)) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(toXLSX(t, sampleV2(t))))
	require.NoError(t, err)
	defer f.Close()
	change(f)
	var b bytes.Buffer
	_, err = f.WriteTo(&b)
	require.NoError(t, err)
	return b.Bytes()
}

// problemsOf reads and builds data like -in does and returns the problems
// as the consultant prints them.
func problemsOf(t *testing.T, data []byte) string {
	dir := t.TempDir()
	in := filepath.Join(dir, "client.xlsx")
	require.NoError(t, os.WriteFile(in, data, 0o644))
	var stdout, stderr bytes.Buffer
	err := run([]string{"-in", in, "-out", filepath.Join(dir, "out")}, &stdout, &stderr)
	require.Error(t, err)
	assert.NoDirExists(t, filepath.Join(dir, "out"), "nothing is written on error")
	return stderr.String()
}

func TestXLSX_AMisspeltOwnerIsToldAtItsCell(t *testing.T) {
	out := problemsOf(t, spoilt(t, func(f *excelize.File) { require.NoError(t, f.SetCellStr("Assets", "D3", "IT manger")) }))
	assert.Contains(t, out, `Assets!D3 (owner): no role is named "IT manger" and no person; did you mean "IT manager"?`)
}

// The Workbook sheet's own fields are told at their cells too (a trial's
// as_of problem came with no cell reference).
func TestXLSX_AnAsOfProblemIsToldAtItsCell(t *testing.T) {
	out := problemsOf(t, spoilt(t, func(f *excelize.File) { require.NoError(t, f.SetCellStr(SheetWorkbook, "C2", "2027/13/45")) }))
	assert.Contains(t, out, `Workbook!C2 (as_of): "2027/13/45" is not a date`)
}

func TestXLSX_HostileCellsAreProblemsAtTheirCells(t *testing.T) {
	out := problemsOf(t, spoilt(t, func(f *excelize.File) {
		require.NoError(t, f.SetCellFormula("Assets", "A2", `"Cust"&"omer project data"`))
		require.NoError(t, f.SetCellStr("Objectives", "F2", "31/03/2027"))
		require.NoError(t, f.SetCellInt("Assets", "D4", 42))
		require.NoError(t, f.SetCellStr("Assets", "G2", "high"))
		require.NoError(t, f.MergeCell("People", "B2", "B3"))
		require.NoError(t, f.SetCellStr("Risks", "B1", "titel"))
		_, err := f.NewSheet("Asets")
		require.NoError(t, err)
		require.NoError(t, f.SetSheetVisible("Asets", false))
	}))
	for _, want := range []string{
		`Assets!A2: a formula (="Cust"&"omer project data"); the consultant does not evaluate formulas`,
		`Objectives!F2 (deadline): "31/03/2027" is not a date like "2027-03-31"`,
		`Assets!D4 (owner): no role is named "42"`,
		`Assets!G2 (ratings.confidentiality): "high" is not a whole number`,
		`People!B2:B3: merged cells`,
		`Risks!B1: the sheet Risks has no column "titel"; did you mean "title"?`,
		`Asets: the workbook has no sheet "Asets" (a hidden sheet); did you mean "Assets"?`,
	} {
		assert.Contains(t, out, want)
	}
}

// TestXLSX_LibreOfficeBooleansAreRead: LibreOffice saves a boolean as the
// formula =TRUE(); every formula was refused, so a workbook saved by
// LibreOffice could not be read.
func TestXLSX_LibreOfficeBooleansAreRead(t *testing.T) {
	data := spoilt(t, func(f *excelize.File) {
		require.NoError(t, f.SetCellFormula("People", "D2", "TRUE()"))
		require.NoError(t, f.SetCellFormula("People", "D3", "FALSE()"))
	})
	wb, _, err := readWorkbookXLSX(data)
	require.NoError(t, err)
	assert.True(t, wb.Context.People[0].External)
	assert.False(t, wb.Context.People[1].External)
}

func TestXLSX_AHiddenSheetOfTheWorkbookIsRead(t *testing.T) {
	data := spoilt(t, func(f *excelize.File) { require.NoError(t, f.SetSheetVisible("People", false)) })
	wb, _, err := readWorkbookXLSX(data)
	require.NoError(t, err)
	assert.Len(t, wb.Context.People, len(sampleV2(t).Context.People))
}

func TestXLSX_AZipBombIsRefusedFromItsDirectory(t *testing.T) {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, err := z.Create("xl/worksheets/sheet1.xml")
	require.NoError(t, err)
	zeros := make([]byte, 1<<20)
	for range 100 {
		_, err = w.Write(zeros)
		require.NoError(t, err)
	}
	require.NoError(t, z.Close())
	require.Less(t, b.Len(), MaxWorkbookSize)
	_, _, err = readWorkbookXLSX(b.Bytes())
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "MaxXLSXUnzipped")
}

func TestXLSX_NotAnXLSXIsAProblem(t *testing.T) {
	_, _, err := readWorkbookXLSX([]byte("{}"))
	require.ErrorIs(t, err, isms.ErrInvalid)
}

func TestRun_ReadsAnXLSXWorkbookAndWritesIsmskitXLSX(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-init", dir, "-format", "xlsx"}, &stdout, &stderr), stderr.String())
	out := filepath.Join(dir, "out")
	require.NoError(t, run([]string{"-in", filepath.Join(dir, XLSXWorkbookFile), "-out", out}, &stdout, &stderr), stderr.String())
	assert.FileExists(t, filepath.Join(out, "ismskit.xlsx"))
	f, err := excelize.OpenFile(filepath.Join(out, "ismskit.xlsx"))
	require.NoError(t, err)
	defer f.Close()
	assert.Contains(t, f.GetSheetList(), "SoA")
}

func FuzzReadWorkbookXLSX(f *testing.F) {
	f.Add(toXLSX(f, sampleV2(f)))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, src, err := readWorkbookXLSX(data)
		if err != nil {
			_ = src.locate(err)
			return
		}
		_, _ = buildV2(wb)
	})
}

// TestXLSX_ARecordWhoseOnlyContentIsInAChildSheetRoundTrips: rapid found
// an implementation with nothing but evidence; its row was written blank,
// read as no record, and its evidence rows said `no row of Implementations
// has "#2"`. A row a child sheet names as #N is a record now.
func TestXLSX_ARecordWhoseOnlyContentIsInAChildSheetRoundTrips(t *testing.T) {
	wb := sampleV2(t)
	require.GreaterOrEqual(t, len(wb.Implementations), 2)
	wb.Implementations[1] = ImplementationV2{Evidence: []EvidenceV2{{Title: "Restore test report"}, {Title: "Backup log"}}}
	back, _, err := readWorkbookXLSX(toXLSX(t, wb))
	if err != nil {
		require.NotContains(t, err.Error(), "no row of Implementations", "the evidence found its record")
	}
	require.Greater(t, len(back.Implementations), 1)
	assert.Equal(t, wb.Implementations[1].Evidence, back.Implementations[1].Evidence)
	assert.Equal(t, normalJSON(t, wb), normalJSON(t, back))
}

// TestXLSX_AReviewWhoseOnlyContentIsItsInputsRoundTrips: rapid again, the
// same defect at the end of a sheet: the review's row is the sheet's last
// and blank, so the sheet has no row 2 at all.
func TestXLSX_AReviewWhoseOnlyContentIsItsInputsRoundTrips(t *testing.T) {
	wb := sampleV2(t)
	wb.Records.Reviews = []ReviewV2{{Inputs: []records.ReviewInput{{Summary: "r0a'DG"}}}}
	back, _, err := readWorkbookXLSX(toXLSX(t, wb))
	if err != nil {
		require.NotContains(t, err.Error(), "no row of Reviews", "the inputs found their review")
	}
	require.Len(t, back.Records.Reviews, 1)
	assert.Equal(t, normalJSON(t, wb), normalJSON(t, back))
}

// TestRun_TheDeliverableBookGivenAsTheWorkbookIsOneProblem: a trial fed
// ismskit.xlsx back in by mistake and got 101 problems.
func TestRun_TheDeliverableBookGivenAsTheWorkbookIsOneProblem(t *testing.T) {
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-in", "sample-workbook.json", "-out", out}, &stdout, &stderr), stderr.String())
	stderr.Reset()
	require.Error(t, run([]string{"-check", "-in", filepath.Join(out, "ismskit.xlsx")}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "1 problem")
	assert.Contains(t, stderr.String(), "this is the deliverable book ismskit writes")
}
