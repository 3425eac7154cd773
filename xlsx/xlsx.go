package xlsx

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

const (
	// MaxTableRows is the most rows one table of the book may have: risks
	// in the register, controls in the SoA (catalogue and additional),
	// items in the readiness report. A sheet holds at most 1,048,576 rows;
	// the rest is left for the blocks above and below a table.
	MaxTableRows = 1_000_000
	// MaxCellChars is the most characters a cell holds (a spreadsheet's
	// own limit); longer text is cut there, ending in "…".
	MaxCellChars = 32_767
	// MaxColumnWidth is the widest a column is made, in characters; longer
	// text wraps.
	MaxColumnWidth = 60
)

// Sheet names, in the order Write writes them.
const (
	SheetRisks      = "Risks"
	SheetHeatMaps   = "Heat maps"
	SheetMethod     = "Method"
	SheetSoA        = "SoA"
	SheetSoAByTheme = "SoA by theme"
	SheetReadiness  = "Readiness"
)

// Book is what one workbook holds. Every part is optional; a nil part has
// no sheet.
type Book struct {
	// Context names the owners, assets, roles and people the other parts
	// refer to; references it cannot name are written as their IDs.
	Context isms.OrgContext
	// Register gives the Risks, Heat maps and Method sheets.
	Register *risk.Register
	// SoA gives the SoA and SoA by theme sheets.
	SoA *soa.SoA
	// Catalogue gives the SoA controls' attributes; nil means
	// controls.AnnexA().
	Catalogue *controls.Catalogue
	// Readiness gives the Readiness sheet.
	Readiness *readiness.Report
}

// Options tune Write. Date is required.
type Options struct {
	// Date is the book's date: its created and modified document
	// properties, and the day open actions are judged overdue at. The
	// clock is never read, so the same Date gives the same bytes.
	Date time.Time
	// Author is the creator the document properties name; "" means
	// "ismskit".
	Author string
}

// Write writes b as one XLSX workbook to w. It checks every part first
// (the register compiles, the SoA and the readiness report validate, no
// table exceeds MaxTableRows, Options.Date is set) and returns one error
// listing every problem, with errors.Is(err, isms.ErrInvalid), before
// anything is written.
func Write(w io.Writer, b Book, opts Options) error {
	var p isms.Problems
	isms.CheckDate(&p, "options.date", "the book's date (it is never read from the clock)", opts.Date, true)
	var comp *risk.Compiled
	if b.Register != nil {
		c, err := b.Register.Compile()
		p.Merge("register", err)
		comp = c
		if n := len(b.Register.Risks); n > MaxTableRows {
			p.Addf("register.risks", "has %d risks, more than MaxTableRows (%d)", n, MaxTableRows)
		}
	}
	if b.SoA != nil {
		p.Merge("soa", b.SoA.Validate())
		if n := len(b.SoA.Entries) + len(b.SoA.Additional); n > MaxTableRows {
			p.Addf("soa", "has %d controls, more than MaxTableRows (%d)", n, MaxTableRows)
		}
	}
	if b.Readiness != nil {
		p.Merge("readiness", b.Readiness.Validate())
		if n := len(b.Readiness.Items); n > MaxTableRows {
			p.Addf("readiness.items", "has %d items, more than MaxTableRows (%d)", n, MaxTableRows)
		}
	}
	if err := p.Err(); err != nil {
		return err
	}
	if b.Catalogue == nil {
		b.Catalogue = controls.AnnexA()
	}

	f := excelize.NewFile()
	defer f.Close()
	bk := &book{f: f, b: b, opts: opts, styles: map[string]int{}}
	if comp != nil {
		bk.risks(comp)
		bk.heatMaps(comp)
		bk.method(comp)
	}
	if b.SoA != nil {
		bk.soa(*b.SoA)
		bk.soaByTheme(*b.SoA)
	}
	if b.Readiness != nil {
		bk.readiness(*b.Readiness)
	}
	if bk.sheets == 0 {
		bk.newSheet("Empty")
	}
	bk.finish()
	if bk.err != nil {
		return fmt.Errorf("xlsx: %w", bk.err)
	}
	_, err := f.WriteTo(w)
	return err
}

// book is a workbook being written. The first error stops the rest.
type book struct {
	f      *excelize.File
	b      Book
	opts   Options
	styles map[string]int
	sheets int
	err    error
}

func (bk *book) fail(err error) {
	if bk.err == nil && err != nil {
		bk.err = err
	}
}

// finish sets the document properties and the active sheet.
func (bk *book) finish() {
	d := bk.opts.Date.UTC().Format(time.RFC3339)
	author := bk.opts.Author
	if author == "" {
		author = "ismskit"
	}
	title := "ISMS deliverables"
	if n := bk.b.Context.Organization.Name; n != "" {
		title = n + ": " + title
	}
	bk.fail(bk.f.SetDocProps(&excelize.DocProperties{
		Created: d, Modified: d, Creator: clean(author), LastModifiedBy: clean(author), Title: clean(title),
	}))
	bk.f.SetActiveSheet(0)
}

// newSheet adds a sheet (the first one renames the default Sheet1).
func (bk *book) newSheet(name string) *sheet {
	if bk.sheets == 0 {
		bk.fail(bk.f.SetSheetName("Sheet1", name))
	} else if _, err := bk.f.NewSheet(name); err != nil {
		bk.fail(err)
	}
	bk.sheets++
	return &sheet{bk: bk, name: name, widths: map[int]int{}, lines: map[int]int{}}
}

// style returns the style named key, making it with mk the first time.
// Styles are made in the order the book first needs them, so the style
// sheet is the same for the same input.
func (bk *book) style(key string, mk func() *excelize.Style) int {
	if id, ok := bk.styles[key]; ok {
		return id
	}
	id, err := bk.f.NewStyle(mk())
	bk.fail(err)
	bk.styles[key] = id
	return id
}

var top = &excelize.Alignment{Vertical: "top", WrapText: true}

func (bk *book) headerStyle() int {
	return bk.style("header", func() *excelize.Style {
		return &excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#D9D9D9"}},
			Border:    []excelize.Border{{Type: "bottom", Color: "#808080", Style: 1}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		}
	})
}

func (bk *book) titleStyle() int {
	return bk.style("title", func() *excelize.Style {
		return &excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}
	})
}

func (bk *book) textStyle() int {
	return bk.style("text", func() *excelize.Style { return &excelize.Style{Alignment: top} })
}

func (bk *book) numberStyle() int {
	return bk.style("number", func() *excelize.Style { return &excelize.Style{Alignment: top} })
}

func (bk *book) dateStyle() int {
	return bk.style("date", func() *excelize.Style {
		f := "yyyy-mm-dd"
		return &excelize.Style{CustomNumFmt: &f, Alignment: top}
	})
}

var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// moneyStyle is a number format with two decimals and the currency code; a
// code that is not three capital letters is left out of the format (it is
// in the currency column either way).
func (bk *book) moneyStyle(currency string) int {
	if !currencyCode.MatchString(currency) {
		currency = ""
	}
	return bk.style("money:"+currency, func() *excelize.Style {
		f := `#,##0.00`
		if currency != "" {
			f += ` "` + currency + `"`
		}
		return &excelize.Style{CustomNumFmt: &f, Alignment: top}
	})
}

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// fillStyle fills a cell with colour (a band's "#rrggbb"), with black or
// white text, whichever reads better; a colour that is not #rrggbb gives
// the plain style.
func (bk *book) fillStyle(colour string, bold bool) int {
	if !hexColour.MatchString(colour) {
		return bk.textStyle()
	}
	colour = strings.ToUpper(colour)
	return bk.style(fmt.Sprintf("fill:%s:%t", colour, bold), func() *excelize.Style {
		return &excelize.Style{
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}},
			Font:      &excelize.Font{Color: contrast(colour), Bold: bold},
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center", WrapText: true},
			Border: []excelize.Border{{Type: "left", Color: "#FFFFFF", Style: 1}, {Type: "right", Color: "#FFFFFF", Style: 1},
				{Type: "top", Color: "#FFFFFF", Style: 1}, {Type: "bottom", Color: "#FFFFFF", Style: 1}},
		}
	})
}

// contrast returns black or white, whichever reads better on colour.
func contrast(colour string) string {
	v, _ := strconv.ParseUint(colour[1:], 16, 32)
	r, g, b := float64(v>>16&0xff), float64(v>>8&0xff), float64(v&0xff)
	if 0.299*r+0.587*g+0.114*b > 150 {
		return "#000000"
	}
	return "#FFFFFF"
}

// sheet is one worksheet being written: it tracks each column's widest
// text and each row's line count, to size them at the end.
type sheet struct {
	bk     *book
	name   string
	widths map[int]int // column → widest line, in characters
	lines  map[int]int // row → most lines a cell of it takes
}

func (s *sheet) cell(col, row int) string {
	c, err := excelize.CoordinatesToCellName(col, row)
	s.bk.fail(err)
	return c
}

// measure records the width and lines text takes in a column.
func (s *sheet) measure(col, row int, text string) {
	lines := 0
	for l := range strings.SplitSeq(text, "\n") {
		n := utf8.RuneCountInString(l)
		s.widths[col] = max(s.widths[col], min(n, MaxColumnWidth))
		lines += max(1, (n+MaxColumnWidth-1)/MaxColumnWidth)
	}
	s.lines[row] = max(s.lines[row], lines)
}

// text writes a string cell: always a string, never a formula, cleaned and
// cut to MaxCellChars.
func (s *sheet) text(col, row int, v string, style int) {
	v = clean(v)
	ref := s.cell(col, row)
	s.bk.fail(s.bk.f.SetCellStr(s.name, ref, v))
	s.bk.fail(s.bk.f.SetCellStyle(s.name, ref, ref, style))
	s.measure(col, row, v)
}

// texts writes a row of string cells from col.
func (s *sheet) texts(col, row int, style int, vs ...string) {
	for i, v := range vs {
		s.text(col+i, row, v, style)
	}
}

// int writes a whole number.
func (s *sheet) int(col, row int, v int, style int) {
	ref := s.cell(col, row)
	s.bk.fail(s.bk.f.SetCellInt(s.name, ref, int64(v)))
	s.bk.fail(s.bk.f.SetCellStyle(s.name, ref, ref, style))
	s.measure(col, row, strconv.Itoa(v))
}

// decimal writes an exact decimal as a number cell: the decimal's own
// digits, not a float's.
func (s *sheet) decimal(col, row int, v decimal.Decimal, style int, shown string) {
	ref := s.cell(col, row)
	s.bk.fail(s.bk.f.SetCellDefault(s.name, ref, v.String()))
	s.bk.fail(s.bk.f.SetCellStyle(s.name, ref, ref, style))
	s.measure(col, row, shown)
}

// excelEpoch is day 0 of the 1900 date system as spreadsheets count it
// from 1900-03-01 on (the system's day 60 is the 29 February 1900 that
// never was).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// firstSerialDate is the first date whose serial number every spreadsheet
// reads the same.
var firstSerialDate = time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)

// date writes a calendar date (the date of t in its own location) as a
// date serial with the yyyy-mm-dd format; a zero time leaves the cell
// empty, and a date before 1900-03-01 is written as text.
func (s *sheet) date(col, row int, t time.Time) {
	if t.IsZero() {
		return
	}
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if day.Before(firstSerialDate) {
		s.text(col, row, day.Format(time.DateOnly), s.bk.textStyle())
		return
	}
	ref := s.cell(col, row)
	serial := int64(day.Sub(excelEpoch).Hours() / 24)
	s.bk.fail(s.bk.f.SetCellInt(s.name, ref, serial))
	s.bk.fail(s.bk.f.SetCellStyle(s.name, ref, ref, s.bk.dateStyle()))
	s.measure(col, row, "2006-01-02")
}

// header writes a table's header row.
func (s *sheet) header(row int, names ...string) {
	s.texts(1, row, s.bk.headerStyle(), names...)
}

// table freezes the rows down to the header row and puts an autofilter on
// the table from its header to its last row.
func (s *sheet) table(headerRow, lastRow, cols int) {
	s.bk.fail(s.bk.f.SetPanes(s.name, &excelize.Panes{
		Freeze: true, YSplit: headerRow, TopLeftCell: s.cell(1, headerRow+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: s.cell(1, headerRow+1), ActiveCell: s.cell(1, headerRow+1), Pane: "bottomLeft"}},
	}))
	s.bk.fail(s.bk.f.AutoFilter(s.name, s.cell(1, headerRow)+":"+s.cell(cols, max(lastRow, headerRow)), nil))
}

// size sets every column's width to fit its widest line (at least 6, at
// most MaxColumnWidth characters) and the height of rows whose cells take
// more than one line, in column and row order.
func (s *sheet) size() {
	for col := 1; col <= maxKey(s.widths); col++ {
		w, ok := s.widths[col]
		if !ok {
			continue
		}
		name, err := excelize.ColumnNumberToName(col)
		s.bk.fail(err)
		s.bk.fail(s.bk.f.SetColWidth(s.name, name, name, float64(min(max(w+2, 6), MaxColumnWidth+2))))
	}
	for row := 1; row <= maxKey(s.lines); row++ {
		if n := s.lines[row]; n > 1 {
			s.bk.fail(s.bk.f.SetRowHeight(s.name, row, min(15*float64(n), 409)))
		}
	}
}

func maxKey(m map[int]int) int {
	k := 0
	for i := range m {
		k = max(k, i)
	}
	return k
}

// clean makes typed text safe for a cell: cells.Text's cleaning, without
// U+FFFE and U+FFFF (which XML cannot carry), cut to MaxCellChars.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == 0xfffe || r == 0xffff { // not XML characters: a parser would refuse or replace them
			return -1
		}
		return r
	}, cells.Text(s))
	if utf8.RuneCountInString(s) <= MaxCellChars {
		return s
	}
	r := []rune(s)
	return string(r[:MaxCellChars-1]) + "…"
}

// date formats a date for text cells.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// ownerName names an owner through the context, or gives its ID.
func (bk *book) ownerName(o isms.Owner) string {
	if n := bk.b.Context.OwnerName(o); n != "" {
		return n
	}
	switch {
	case !o.Role.IsZero():
		return o.Role.String()
	case !o.Person.IsZero():
		return o.Person.String()
	}
	return ""
}
