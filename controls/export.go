package controls

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
)

// Row is one control flattened for export: its facts, its tags per ISO/IEC
// 27002:2022 attribute kind, the ISO/IEC 27001:2013 controls it replaces,
// and the guidance.
type Row struct {
	ID           ID     `json:"id"`
	Theme        Theme  `json:"theme"`
	Title        string `json:"title"`
	ControlType  []Tag  `json:"control_type"`
	Properties   []Tag  `json:"properties"`
	Concepts     []Tag  `json:"concepts"`
	Capabilities []Tag  `json:"capabilities"`
	Domains      []Tag  `json:"domains"`
	Replaces2013 []ID   `json:"replaces_2013"`
	New          bool   `json:"new"`
	Guidance     string `json:"guidance,omitempty"`
	Example      string `json:"example,omitempty"`
}

// csvHeader is the header line WriteCSV writes.
var csvHeader = []string{"id", "theme", "title", "control_type", "properties", "concepts", "capabilities", "domains", "replaces_2013"}

// Rows flattens the catalogue for export, in natural ID order. The
// replaces_2013 column comes from the Mapping2013 mapping when the catalogue
// has it. A nil catalogue has no rows.
func Rows(cat *Catalogue) []Row {
	if cat == nil {
		return nil
	}
	m, _ := cat.Mapping(Mapping2013)
	rows := make([]Row, 0, cat.Len())
	for _, c := range cat.controls {
		r := Row{
			ID: c.id, Theme: c.theme, Title: c.title, New: c.isNew, Guidance: c.guidance, Example: c.example,
			ControlType: tags(c, KindControlType), Properties: tags(c, KindProperties), Concepts: tags(c, KindConcepts),
			Capabilities: tags(c, KindCapabilities), Domains: tags(c, KindDomains), Replaces2013: []ID{},
		}
		if m != nil {
			r.Replaces2013 = m.Predecessors(c.id)
		}
		rows = append(rows, r)
	}
	return rows
}

// tags returns c's tags of kind k, an empty list (not null in JSON) when
// it has none.
func tags(c Control, k Kind) []Tag {
	if t := c.Tags(k); t != nil {
		return t
	}
	return []Tag{}
}

// needCatalogue is the error every writer returns for a nil catalogue.
func needCatalogue(cat *Catalogue) error {
	if cat != nil {
		return nil
	}
	var p isms.Problems
	p.Addf("catalogue", "no catalogue to write; pass one, e.g. controls.AnnexA()")
	return p.Err()
}

// CSVOptions tune WriteCSV. There are none yet; the zero value is the
// default.
type CSVOptions struct{}

// WriteCSV writes the catalogue as CSV with the header
// id,theme,title,control_type,properties,concepts,capabilities,domains,replaces_2013.
// Multi-valued cells are joined with "|"; tags are written without "#".
// Cells are quoted only where CSV needs it, and every cell is made safe for
// a spreadsheet (a leading = + - @ gets an apostrophe, bidi controls are
// dropped), so a custom control's title cannot run a formula.
func WriteCSV(w io.Writer, cat *Catalogue, _ CSVOptions) error {
	if err := needCatalogue(cat); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, r := range Rows(cat) {
		rec := []string{string(r.ID), string(r.Theme), r.Title, join(r.ControlType, "|"), join(r.Properties, "|"),
			join(r.Concepts, "|"), join(r.Capabilities, "|"), join(r.Domains, "|"), join(r.Replaces2013, "|")}
		for i := range rec {
			rec[i] = cells.CSV(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// JSONOptions tune WriteJSON. There are none yet; the zero value is the
// default.
type JSONOptions struct{}

// WriteJSON writes the catalogue's rows (see Row) as an indented JSON
// array, without HTML escaping; JSON needs no other defusing.
func WriteJSON(w io.Writer, cat *Catalogue, _ JSONOptions) error {
	if err := needCatalogue(cat); err != nil {
		return err
	}
	return jsonio.Encode(w, Rows(cat))
}

// MarkdownOptions tune WriteMarkdown. There are none yet; the zero value is
// the default.
type MarkdownOptions struct{}

// WriteMarkdown writes the catalogue as a Markdown table a consultant can
// paste into a document: ID, theme, title, the five attribute kinds and the
// 2013 controls replaced ("new in 2022" for controls new in 2022). Every
// cell is escaped (pipes, HTML, line breaks, bidi controls), so text from a
// custom catalogue cannot break the table.
func WriteMarkdown(w io.Writer, cat *Catalogue, _ MarkdownOptions) error {
	if err := needCatalogue(cat); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("| ID | Theme | Title | Control type | Properties | Concepts | Capabilities | Domains | Replaces (2013) |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range Rows(cat) {
		replaces := join(r.Replaces2013, ", ")
		if r.New {
			replaces = "new in 2022"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			cells.Markdown(string(r.ID)), cells.Markdown(string(r.Theme)), cells.Markdown(r.Title),
			tagCell(r.ControlType), tagCell(r.Properties), tagCell(r.Concepts),
			tagCell(r.Capabilities), tagCell(r.Domains), cells.Markdown(replaces))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func join[T ~string](vals []T, sep string) string {
	s := make([]string, len(vals))
	for i, v := range vals {
		s[i] = string(v)
	}
	return strings.Join(s, sep)
}

// tagCell writes tags the way ISO/IEC 27002:2022 prints them, with "#".
func tagCell(tags []Tag) string {
	s := make([]string, len(tags))
	for i, t := range tags {
		s[i] = "#" + string(t)
	}
	return cells.Markdown(strings.Join(s, " "))
}
