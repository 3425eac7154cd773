package xlsx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/xlsx"
)

var asOf = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// sampleBook is the sample company's whole ISMS, as the quickstart builds it.
func sampleBook(t testing.TB) xlsx.Book {
	t.Helper()
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	st, err := sample.SoA(c, reg)
	require.NoError(t, err)
	pol, err := sample.Policy(c, reg)
	require.NoError(t, err)
	plan, err := sample.Plan(c, reg, pol)
	require.NoError(t, err)
	rep := readiness.Assess(readiness.Input{
		Context: c, Records: sample.Records(), Register: reg, Implementations: sample.Implementations(),
		SoA: &st, Policy: &pol, Plan: &plan,
	}, asOf)
	return xlsx.Book{Context: c, Register: &reg, SoA: &st, Readiness: &rep}
}

func write(t testing.TB, b xlsx.Book) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, xlsx.Write(&buf, b, xlsx.Options{Date: asOf}))
	return buf.Bytes()
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func rows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rs, err := f.GetRows(sheet)
	require.NoError(t, err)
	return rs
}

// column finds a header's column number (from 1) in a header row.
func column(t testing.TB, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i + 1
		}
	}
	t.Fatalf("no column %q in %q", name, header)
	return 0
}

func cellName(t testing.TB, col, row int) string {
	t.Helper()
	c, err := excelize.CoordinatesToCellName(col, row)
	require.NoError(t, err)
	return c
}

func TestWrite_SampleBookHasEverySheetRowAndHeader(t *testing.T) {
	b := sampleBook(t)
	f := open(t, write(t, b))
	assert.Equal(t, []string{xlsx.SheetRisks, xlsx.SheetHeatMaps, xlsx.SheetMethod, xlsx.SheetSoA, xlsx.SheetSoAByTheme, xlsx.SheetReadiness}, f.GetSheetList())

	risks := rows(t, f, xlsx.SheetRisks)
	require.NotEmpty(t, risks)
	assert.Equal(t, []string{"Ref", "Title", "Kind", "Owner"}, risks[0][:4])
	assert.Len(t, risks, 1+len(b.Register.Risks), "a header and every risk")
	for i, r := range b.Register.Risks {
		assert.Equal(t, r.Ref, risks[i+1][0])
		assert.Equal(t, b.Context.OwnerName(r.Owner), risks[i+1][3], "the owner's name, not an ID")
	}

	soaRows := rows(t, f, xlsx.SheetSoA)
	header := soaRows[xlsx.SoATableHeaderRow-1]
	assert.Equal(t, []string{"ID", "Theme", "Title", "Source", "Applicable"}, header[:5])
	for _, k := range []string{"Control type", "Information security properties", "Cybersecurity concepts", "Operational capabilities", "Security domains"} {
		column(t, header, k)
	}
	n := len(soaRows) - xlsx.SoATableHeaderRow
	assert.Equal(t, 93+len(b.SoA.Additional), n, "93 Annex A controls and the additional ones")
	assert.Equal(t, "5.1", soaRows[xlsx.SoATableHeaderRow][0])
	assert.Equal(t, b.SoA.Revision.Hash, soaRows[1][column(t, soaRows[0], "Content hash")-1])
	assert.True(t, strings.HasPrefix(b.SoA.Revision.Hash, "sha256:"))

	// 5.1's attributes, from the catalogue, to filter by.
	c51, ok := controls.AnnexA().ByID("5.1")
	require.True(t, ok)
	ct := soaRows[xlsx.SoATableHeaderRow][column(t, header, "Control type")-1]
	for _, tag := range c51.Tags(controls.KindControlType) {
		assert.Contains(t, ct, string(tag))
	}

	themes := rows(t, f, xlsx.SheetSoAByTheme)
	assert.Equal(t, []string{"Theme", "Controls", "Applicable", "Excluded", "Undecided"}, themes[0][:5])
	last := themes[len(themes)-1]
	assert.Equal(t, "Total", last[0])
	assert.Equal(t, strconv.Itoa(93+len(b.SoA.Additional)), last[1])

	ready := rows(t, f, xlsx.SheetReadiness)
	assert.Equal(t, string(b.Readiness.Verdict), ready[1][2])
	assert.Equal(t, "ID", ready[xlsx.ReadinessTableHeaderRow-1][0])
	for i, it := range b.Readiness.Items {
		assert.Equal(t, it.ID, ready[xlsx.ReadinessTableHeaderRow+i][0])
		assert.Equal(t, string(it.Status), ready[xlsx.ReadinessTableHeaderRow+i][3])
	}

	heat := rows(t, f, xlsx.SheetHeatMaps)
	assert.Contains(t, heat[0][0], "Inherent risk")
	method := rows(t, f, xlsx.SheetMethod)
	assert.Equal(t, "Risk assessment method", method[0][0])

	// Frozen header and autofilter on the tables.
	for sheet, hdr := range map[string]int{xlsx.SheetRisks: 1, xlsx.SheetSoA: xlsx.SoATableHeaderRow, xlsx.SheetSoAByTheme: 1, xlsx.SheetReadiness: xlsx.ReadinessTableHeaderRow} {
		p, err := f.GetPanes(sheet)
		require.NoError(t, err)
		assert.True(t, p.Freeze, sheet)
		assert.Equal(t, hdr, p.YSplit, sheet)
	}
}

func TestWrite_TypedCells(t *testing.T) {
	b := sampleBook(t)
	f := open(t, write(t, b))
	header := rows(t, f, xlsx.SheetRisks)[0]

	// A date is a date serial with a date format.
	var withReview int
	for i, r := range b.Register.Risks {
		if !r.NextReview.IsZero() {
			withReview = i
			break
		}
	}
	ref := cellName(t, column(t, header, "Next review"), withReview+2)
	typ, err := f.GetCellType(xlsx.SheetRisks, ref)
	require.NoError(t, err)
	assert.NotEqual(t, excelize.CellTypeSharedString, typ, "a date is a number, not text")
	raw, err := f.GetCellValue(xlsx.SheetRisks, ref, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	serial, err := strconv.Atoi(raw)
	require.NoError(t, err)
	want := b.Register.Risks[withReview].NextReview
	assert.Equal(t, want.Format(time.DateOnly), time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, serial).Format(time.DateOnly))
	shown, err := f.GetCellValue(xlsx.SheetRisks, ref)
	require.NoError(t, err)
	assert.Equal(t, want.Format(time.DateOnly), shown, "shown with the yyyy-mm-dd format")

	// A score is a number.
	ref = cellName(t, column(t, header, "Inherent score"), 2)
	raw, err = f.GetCellValue(xlsx.SheetRisks, ref, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	reg := b.Register
	comp, err := reg.Compile()
	require.NoError(t, err)
	g, _ := comp.Grade(0, risk.Inherent)
	assert.Equal(t, strconv.Itoa(g.Score), raw)

	// The band cell is filled with the band's colour.
	ref = cellName(t, column(t, header, "Inherent band"), 2)
	assert.Equal(t, strings.ToUpper(g.Band.Colour), fill(t, f, xlsx.SheetRisks, ref))
	v, err := f.GetCellValue(xlsx.SheetRisks, ref)
	require.NoError(t, err)
	assert.Equal(t, g.Band.Label, v)

	// Money is the exact decimal, as a number with the currency format.
	for i, r := range reg.Risks {
		if r.Loss == nil {
			continue
		}
		ref = cellName(t, column(t, header, "ALE"), i+2)
		raw, err = f.GetCellValue(xlsx.SheetRisks, ref, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		assert.Equal(t, r.Loss.ALE().Amount.String(), raw)
		style, err := f.GetCellStyle(xlsx.SheetRisks, ref)
		require.NoError(t, err)
		st, err := f.GetStyle(style)
		require.NoError(t, err)
		require.NotNil(t, st.CustomNumFmt)
		assert.Equal(t, `#,##0.00 "`+r.Loss.ALE().Currency+`"`, *st.CustomNumFmt)
		break
	}
}

func fill(t testing.TB, f *excelize.File, sheet, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	require.NotEmpty(t, st.Fill.Color, "%s!%s has no fill", sheet, ref)
	return "#" + strings.TrimPrefix(strings.ToUpper(st.Fill.Color[0]), "#")
}

func TestWrite_SameInputGivesIdenticalBytes(t *testing.T) {
	b := sampleBook(t)
	first, second := write(t, b), write(t, sampleBook(t))
	assert.True(t, bytes.Equal(first, second), "two writes of the same input differ")

	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	require.NoError(t, err)
	for _, e := range zr.File {
		assert.True(t, e.Modified.IsZero() || e.Modified.Year() <= 1980, "%s carries a time: %v", e.Name, e.Modified)
	}
	f := open(t, first)
	props, err := f.GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, "2026-12-01T00:00:00Z", props.Created)
	assert.Equal(t, "2026-12-01T00:00:00Z", props.Modified)

	var other bytes.Buffer
	require.NoError(t, xlsx.Write(&other, b, xlsx.Options{Date: asOf.AddDate(0, 0, 1)}))
	assert.False(t, bytes.Equal(first, other.Bytes()), "the date is in the document")
}

func TestWrite_HostileTextStaysText(t *testing.T) {
	b := sampleBook(t)
	reg := *b.Register
	reg.Risks = append([]risk.Risk(nil), reg.Risks...)
	hostile := []string{"=cmd|' /C calc'!A1", "+1+1", "-2+3", "@SUM(A1:A2)", "two\nlines", "a | b", "<script>alert(1)</script>", "evil\u202egnp.exe"}
	require.GreaterOrEqual(t, len(reg.Risks), 5)
	reg.Risks[0].Title = hostile[0]
	reg.Risks[1].Threat = hostile[1]
	reg.Risks[2].Title = hostile[4]
	reg.Risks[3].Title = hostile[6]
	reg.Risks[4].Title = hostile[7]
	reg.Risks[0].Treatment.Rationale = hostile[3]
	b.Register = &reg
	f := open(t, write(t, b))
	header := rows(t, f, xlsx.SheetRisks)[0]
	check := func(col string, row int, want string) {
		t.Helper()
		ref := cellName(t, column(t, header, col), row)
		formula, err := f.GetCellFormula(xlsx.SheetRisks, ref)
		require.NoError(t, err)
		assert.Empty(t, formula, "%s is a formula", ref)
		typ, err := f.GetCellType(xlsx.SheetRisks, ref)
		require.NoError(t, err)
		assert.Contains(t, []excelize.CellType{excelize.CellTypeSharedString, excelize.CellTypeInlineString}, typ, ref)
		v, err := f.GetCellValue(xlsx.SheetRisks, ref)
		require.NoError(t, err)
		assert.Equal(t, want, v)
	}
	check("Title", 2, "=cmd|' /C calc'!A1")
	check("Threat", 3, "+1+1")
	check("Title", 4, "two\nlines")
	check("Title", 5, "<script>alert(1)</script>")
	check("Title", 6, "evilgnp.exe")
	check("Treatment rationale", 2, "@SUM(A1:A2)")
}

func TestWrite_InvalidInputWritesNothing(t *testing.T) {
	b := sampleBook(t)
	var buf bytes.Buffer
	err := xlsx.Write(&buf, b, xlsx.Options{})
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "options.date")
	assert.Zero(t, buf.Len())

	reg := *b.Register
	reg.Risks = append([]risk.Risk(nil), reg.Risks...)
	reg.Risks[0].Inherent.Likelihood = 99
	b.Register = &reg
	st := *b.SoA
	st.Revision.Hash = "sha256:00"
	b.SoA = &st
	err = xlsx.Write(&buf, b, xlsx.Options{Date: asOf})
	require.ErrorIs(t, err, isms.ErrInvalid)
	var verr *isms.ValidationError
	require.True(t, errors.As(err, &verr))
	assert.Contains(t, err.Error(), "register.")
	assert.Contains(t, err.Error(), "soa")
	assert.Zero(t, buf.Len())
}

func TestWrite_PartsAreOptional(t *testing.T) {
	b := sampleBook(t)
	f := open(t, write(t, xlsx.Book{Context: b.Context, SoA: b.SoA}))
	assert.Equal(t, []string{xlsx.SheetSoA, xlsx.SheetSoAByTheme}, f.GetSheetList())
	f = open(t, write(t, xlsx.Book{}))
	assert.Len(t, f.GetSheetList(), 1, "an empty book still opens")
}

// TestWrite_XMLNoncharactersAreDropped: U+FFFE and U+FFFF are no XML
// characters, so excelize wrote them as U+FFFD (found by
// FuzzWrite_TypedTextStaysText); they are dropped like bidi controls.
func TestWrite_XMLNoncharactersAreDropped(t *testing.T) {
	b := sampleBook(t)
	reg := *b.Register
	reg.Risks = append([]risk.Risk(nil), reg.Risks...)
	reg.Risks[0].Title = "a\uffffb\ufffec"
	b.Register = &reg
	f := open(t, write(t, b))
	v, err := f.GetCellValue(xlsx.SheetRisks, "B2")
	require.NoError(t, err)
	assert.Equal(t, "abc", v)
}

func TestWrite_DateBefore1900IsText(t *testing.T) {
	b := sampleBook(t)
	reg := *b.Register
	reg.Risks = append([]risk.Risk(nil), reg.Risks...)
	reg.Risks[0].NextReview = time.Date(1850, 1, 2, 0, 0, 0, 0, time.UTC)
	b.Register = &reg
	f := open(t, write(t, b))
	ref := cellName(t, column(t, rows(t, f, xlsx.SheetRisks)[0], "Next review"), 2)
	typ, err := f.GetCellType(xlsx.SheetRisks, ref)
	require.NoError(t, err)
	assert.Equal(t, excelize.CellTypeSharedString, typ, "a spreadsheet cannot hold the date as a serial")
	v, err := f.GetCellValue(xlsx.SheetRisks, ref)
	require.NoError(t, err)
	assert.Equal(t, "1850-01-02", v)
}

func TestWrite_LongTextIsCutAtMaxCellChars(t *testing.T) {
	b := sampleBook(t)
	reg := *b.Register
	reg.Risks = append([]risk.Risk(nil), reg.Risks...)
	reg.Risks[0].Scenario = strings.Repeat("é", xlsx.MaxCellChars+10)
	b.Register = &reg
	f := open(t, write(t, b))
	header := rows(t, f, xlsx.SheetRisks)[0]
	v, err := f.GetCellValue(xlsx.SheetRisks, cellName(t, column(t, header, "Scenario"), 2))
	require.NoError(t, err)
	assert.Equal(t, xlsx.MaxCellChars, len([]rune(v)))
	assert.True(t, strings.HasSuffix(v, "…"))
}

func BenchmarkWrite_SampleBook(b *testing.B) {
	book := sampleBook(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := xlsx.Write(&buf, book, xlsx.Options{Date: asOf}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "file-bytes")
}

// FuzzWrite_TypedTextStaysText writes any text as a risk's title, threat
// and treatment rationale: Write either refuses the register (ErrInvalid)
// or writes a book whose cells read back as the cleaned text, as strings,
// never formulas.
func FuzzWrite_TypedTextStaysText(f *testing.F) {
	for _, s := range []string{"=cmd|' /C calc'!A1", "+1", "@A1", "two\nlines", "<script>", "evil\u202egnp", "\x00\x1f", "\uffff\ufffe", " lead and trail ", "a\r\nb"} {
		f.Add(s)
	}
	b := sampleBook(f)
	f.Fuzz(func(t *testing.T, s string) {
		reg := *b.Register
		reg.Risks = append([]risk.Risk(nil), reg.Risks...)
		reg.Risks[0].Title = s
		reg.Risks[0].Threat = s
		reg.Risks[0].Treatment.Rationale = s
		var buf bytes.Buffer
		err := xlsx.Write(&buf, xlsx.Book{Context: b.Context, Register: &reg}, xlsx.Options{Date: asOf})
		if err != nil {
			require.ErrorIs(t, err, isms.ErrInvalid)
			return
		}
		file := open(t, buf.Bytes())
		header := rows(t, file, xlsx.SheetRisks)[0]
		for _, col := range []string{"Title", "Threat", "Treatment rationale"} {
			ref := cellName(t, column(t, header, col), 2)
			formula, err := file.GetCellFormula(xlsx.SheetRisks, ref)
			require.NoError(t, err)
			require.Empty(t, formula)
			v, err := file.GetCellValue(xlsx.SheetRisks, ref)
			require.NoError(t, err)
			require.Equal(t, xlsx.Clean(s), v, "%s: %q", col, s)
		}
	})
}
