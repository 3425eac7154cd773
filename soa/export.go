package soa

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/isms/jsonio"
)

// JSONOptions configures WriteJSON. There are no options yet; the zero
// value means the defaults.
type JSONOptions struct{}

// WriteJSON writes the SoA in its JSON schema (the field names of SoA,
// Entry, Reason, Ref and Additional, and isms.Revision under "revision";
// see the package documentation), indented, without HTML escaping. The
// same SoA always gives the same bytes, so an approved edition exported
// years later is byte-identical.
func WriteJSON(w io.Writer, s SoA, _ JSONOptions) error {
	return jsonio.Encode(w, s)
}

// Decode reads what WriteJSON wrote, strictly (unknown fields and trailing
// data are errors), and validates it with Validate, so an approved edition
// that was changed after approval is refused. Check it against the
// catalogue with CheckRefs.
func Decode(r io.Reader) (SoA, error) {
	var s SoA
	if err := jsonio.Decode(r, &s, "SoA"); err != nil {
		return SoA{}, err
	}
	if err := s.Validate(); err != nil {
		return SoA{}, err
	}
	return s, nil
}

// CSVOptions configures WriteCSV. There are no options yet; the zero value
// means the defaults.
type CSVOptions struct{}

var csvHeader = []string{"id", "theme", "title", "applicable", "reasons", "risks", "requirements", "justification", "status", "owner", "evidence"}

// WriteCSV writes one row per control with the header
// id,theme,title,applicable,reasons,risks,requirements,justification,status,owner,evidence.
// Multi-valued cells are joined with "|"; applicable is "yes" or "no".
// Every cell goes through cells.CSV: text a spreadsheet would run as a
// formula is prefixed with an apostrophe, and bidi controls are dropped.
func WriteCSV(w io.Writer, s SoA, _ CSVOptions) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, e := range s.Entries {
		var codes, reqs, ev []string
		for _, r := range e.Reasons {
			codes = append(codes, string(r.Code))
			if r.Code != RiskTreatment {
				for _, ref := range r.Refs {
					reqs = append(reqs, ref.Label)
				}
			}
		}
		for _, x := range e.Evidence {
			ev = append(ev, x.Title+" ("+x.Location+")")
		}
		var risks []string
		for _, r := range e.Risks {
			risks = append(risks, r.Label)
		}
		row := []string{string(e.Control), string(e.Theme), e.Title, yesNo(e.Applicable), strings.Join(codes, "|"),
			strings.Join(risks, "|"), strings.Join(reqs, "|"), e.Justification, string(e.Status),
			e.Owner, strings.Join(ev, "|")}
		if err := writeRow(cw, row); err != nil {
			return err
		}
	}
	for _, a := range s.Additional {
		var risks []string
		for _, r := range a.Risks {
			risks = append(risks, r.Label)
		}
		row := []string{string(a.Control), "Additional", "", "yes", string(RiskTreatment), strings.Join(risks, "|"), "", "", "", "", ""}
		if err := writeRow(cw, row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// writeRow writes one CSV row with every cell made safe by cells.CSV.
func writeRow(cw *csv.Writer, row []string) error {
	for i := range row {
		row[i] = cells.CSV(row[i])
	}
	return cw.Write(row)
}

// MarkdownOptions configures WriteMarkdown. There are no options yet; the
// zero value means the defaults.
type MarkdownOptions struct{}

// WriteMarkdown writes the SoA as a document: the revision block (edition,
// status, author, approver by name, approval date, generation date and
// content hash), a summary of applicable and excluded controls and of
// implementation status per theme, then one table row per control and the
// additional controls. Every text goes through cells.Markdown, so no
// title or justification can break the tables.
func WriteMarkdown(w io.Writer, s SoA, _ MarkdownOptions) error {
	var b strings.Builder
	r := s.Revision
	fmt.Fprintf(&b, "# Statement of Applicability: %s\n\n", cells.Markdown(s.Organization))
	fmt.Fprintf(&b, "| Edition | Status | Author | Approved by | Approved on | Generated | Content hash |\n|---|---|---|---|---|---|---|\n")
	hash := ""
	if r.Hash != "" {
		hash = "`" + cells.Markdown(r.Hash) + "`"
	}
	fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s |\n\n", r.Edition, cells.Markdown(string(r.Status)), cells.Markdown(s.Author), cells.Markdown(r.Approval.Name),
		date(r.Approval.At), date(s.Generated), hash)
	fmt.Fprintf(&b, "Catalogue: %s.\n", cells.Markdown(s.Catalogue))
	if r.Changes != "" {
		if r.Edition > 1 {
			fmt.Fprintf(&b, "\nChanges since edition %d:\n\n", r.Edition-1)
		} else {
			b.WriteString("\nChanges:\n\n")
		}
		for _, l := range strings.Split(r.Changes, "\n") {
			fmt.Fprintf(&b, "- %s\n", cells.Markdown(l))
		}
	}

	b.WriteString("\n## Summary\n\n| Theme | Controls | Applicable | Excluded | Implemented | In progress | Planned | Not started |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	type tally struct{ n, app, exc, impl, prog, plan, none int }
	var themes []controls.Theme
	per := map[controls.Theme]*tally{}
	total := &tally{}
	for _, e := range s.Entries {
		t := per[e.Theme]
		if t == nil {
			t = &tally{}
			per[e.Theme] = t
			themes = append(themes, e.Theme)
		}
		for _, x := range []*tally{t, total} {
			x.n++
			if !e.Applicable {
				x.exc++
				continue
			}
			x.app++
			switch e.Status {
			case controls.Implemented:
				x.impl++
			case controls.InProgress:
				x.prog++
			case controls.Planned:
				x.plan++
			default:
				x.none++
			}
		}
	}
	row := func(name string, t *tally) {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d | %d |\n", name, t.n, t.app, t.exc, t.impl, t.prog, t.plan, t.none)
	}
	for _, th := range themes {
		row(cells.Markdown(string(th)), per[th])
	}
	row("**All**", total)

	b.WriteString("\n## Controls\n\n| ID | Control | Applicable | Reasons | Justification | Status | Owner |\n|---|---|---|---|---|---|---|\n")
	for _, e := range s.Entries {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", cells.Markdown(string(e.Control)), cells.Markdown(e.Title), yesNo(e.Applicable),
			cells.Markdown(reasonList(e.Reasons)), cells.Markdown(e.Justification), cells.Markdown(words(string(e.Status))), cells.Markdown(e.Owner))
	}
	if len(s.Additional) > 0 {
		b.WriteString("\n## Additional controls\n\nControls that risk treatment relies on and that are not in the catalogue:\n\n")
		for _, a := range s.Additional {
			fmt.Fprintf(&b, "- %s (risks %s)\n", cells.Markdown(string(a.Control)), cells.Markdown(labels(a.Risks)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
