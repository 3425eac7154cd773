package controls

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/ismskit/ismskit/internal/jsonio"
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
// has it.
func Rows(cat *Catalogue) []Row {
	m, _ := cat.Mapping(Mapping2013)
	rows := make([]Row, 0, cat.Len())
	for _, c := range cat.controls {
		r := Row{
			ID: c.id, Theme: c.theme, Title: c.title, New: c.isNew, Guidance: c.guidance, Example: c.example,
			ControlType: c.Tags(KindControlType), Properties: c.Tags(KindProperties), Concepts: c.Tags(KindConcepts),
			Capabilities: c.Tags(KindCapabilities), Domains: c.Tags(KindDomains), Replaces2013: []ID{},
		}
		if m != nil {
			r.Replaces2013 = m.Predecessors(c.id)
		}
		rows = append(rows, r)
	}
	return rows
}

// WriteCSV writes the catalogue as CSV with the header
// id,theme,title,control_type,properties,concepts,capabilities,domains,replaces_2013.
// Multi-valued cells are joined with "|"; tags are written without "#".
// Cells are quoted only where CSV needs it, so the file opens cleanly in a
// spreadsheet.
func WriteCSV(w io.Writer, cat *Catalogue) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, r := range Rows(cat) {
		rec := []string{string(r.ID), string(r.Theme), r.Title, join(r.ControlType, "|"), join(r.Properties, "|"),
			join(r.Concepts, "|"), join(r.Capabilities, "|"), join(r.Domains, "|"), join(r.Replaces2013, "|")}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the catalogue's rows as an indented JSON array.
func WriteJSON(w io.Writer, cat *Catalogue) error {
	return jsonio.Encode(w, Rows(cat))
}

// WriteMarkdown writes the catalogue as a Markdown table a consultant can
// paste into a document: ID, theme, title, the five attribute kinds and the
// 2013 controls replaced ("new" for controls new in 2022).
func WriteMarkdown(w io.Writer, cat *Catalogue) error {
	var b strings.Builder
	b.WriteString("| ID | Theme | Title | Control type | Properties | Concepts | Capabilities | Domains | Replaces (2013) |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range Rows(cat) {
		replaces := join(r.Replaces2013, ", ")
		if r.New {
			replaces = "new in 2022"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			r.ID, r.Theme, mdCell(r.Title), tagCell(r.ControlType), tagCell(r.Properties), tagCell(r.Concepts),
			tagCell(r.Capabilities), tagCell(r.Domains), replaces)
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
	return mdCell(strings.Join(s, " "))
}

func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
