package soa

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
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

var csvHeader = []string{"id", "theme", "title", "description", "applicable", "reasons", "risks", "requirements", "justification", "status", "owner", "evidence"}

// WriteCSV writes one row per control, the catalogue's then the
// additional controls, with the header
// id,theme,title,description,applicable,reasons,risks,requirements,justification,status,owner,evidence.
// Multi-valued cells are joined with "|"; applicable is "yes", "no" or
// "undecided"; requirements are the labels of every reason's refs but the
// risks'.
// Every cell goes through cells.CSV: text a spreadsheet would run as a
// formula is prefixed with an apostrophe, and bidi controls are dropped.
func WriteCSV(w io.Writer, s SoA, _ CSVOptions) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, e := range slices.Concat(s.Entries, s.Additional) {
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
		row := []string{string(e.Control), string(e.Theme), e.Title, e.Description, applicableWord(e), strings.Join(codes, "|"),
			strings.Join(risks, "|"), strings.Join(reqs, "|"), e.Justification, string(e.Status),
			e.Owner, strings.Join(ev, "|")}
		if err := writeRow(cw, row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func applicableWord(e Entry) string {
	switch {
	case e.Applicable:
		return "yes"
	case e.Undecided:
		return "undecided"
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
// content hash), for a draft what blocks its approval, a summary of
// applicable, excluded and undecided controls and of implementation
// status per theme, one table row per control, the additional controls
// (beyond the catalogue) in the same form, and the lint findings: those
// recorded at approval (SoA.Warnings) for an approved edition, Lint's for
// a draft. Every text goes through cells.Markdown, so no title or
// justification can break the tables.
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
	findings := s.Warnings
	if r.Status != isms.Approved {
		findings = Lint(s)
		if blocking := errorsOf(findings); len(blocking) > 0 {
			fmt.Fprintf(&b, "\n**Draft: not ready for approval.** %d problems block approval (every finding is listed under Findings):\n\n", len(blocking))
			for _, f := range blocking {
				fmt.Fprintf(&b, "- %s\n", cells.Markdown(f.Message))
			}
		}
	}

	b.WriteString("\n## Summary\n\n| Theme | Controls | Applicable | Excluded | Undecided | Implemented | In progress | Planned | Not started |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	type tally struct{ n, app, exc, und, impl, prog, plan, none int }
	var themes []controls.Theme
	per := map[controls.Theme]*tally{}
	total := &tally{}
	for _, e := range slices.Concat(s.Entries, s.Additional) {
		t := per[e.Theme]
		if t == nil {
			t = &tally{}
			per[e.Theme] = t
			themes = append(themes, e.Theme)
		}
		for _, x := range []*tally{t, total} {
			x.n++
			switch {
			case e.Undecided:
				x.und++
				continue
			case !e.Applicable:
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
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d | %d | %d |\n", name, t.n, t.app, t.exc, t.und, t.impl, t.prog, t.plan, t.none)
	}
	for _, th := range themes {
		row(cells.Markdown(string(th)), per[th])
	}
	row("**All**", total)

	table := func(entries []Entry, describe bool) {
		if describe {
			b.WriteString("| ID | Control | Description | Applicable | Reasons | Justification | Status | Owner |\n|---|---|---|---|---|---|---|---|\n")
		} else {
			b.WriteString("| ID | Control | Applicable | Reasons | Justification | Status | Owner |\n|---|---|---|---|---|---|---|\n")
		}
		for _, e := range entries {
			desc := ""
			if describe {
				desc = " " + cells.Markdown(e.Description) + " |"
			}
			reasons := ""
			if len(e.Reasons) > 0 {
				reasons = reasonList(e.Reasons)
			}
			fmt.Fprintf(&b, "| %s | %s |%s %s | %s | %s | %s | %s |\n", cells.Markdown(string(e.Control)), cells.Markdown(e.Title), desc, applicableWord(e),
				cells.Markdown(reasons), cells.Markdown(e.Justification), cells.Markdown(words(string(e.Status))), cells.Markdown(e.Owner))
		}
	}
	b.WriteString("\n## Controls\n\n")
	table(s.Entries, false)
	if len(s.Additional) > 0 {
		b.WriteString("\n## Additional controls\n\nControls beyond the catalogue (clause 6.1.3 c):\n\n")
		table(s.Additional, true)
	}
	if len(findings) > 0 {
		if r.Status == isms.Approved {
			b.WriteString("\n## Findings recorded at approval\n\n")
		} else {
			b.WriteString("\n## Findings\n\n")
		}
		for _, f := range findings {
			fmt.Fprintf(&b, "- %s %s: %s\n", cells.Markdown(string(f.Severity)), cells.Markdown(f.Code), cells.Markdown(f.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func errorsOf(fs []isms.Advice) []isms.Advice {
	var out []isms.Advice
	for _, f := range fs {
		if f.Severity == isms.SeverityError {
			out = append(out, f)
		}
	}
	return out
}

// LintOptions configures WriteLint. There are no options yet; the zero
// value means the defaults.
type LintOptions struct{}

// WriteLint writes every lint finding of the SoA as plain text, one per
// line ("severity code path: message"), after a heading line that says
// whether the SoA can be approved: for an approved edition the findings
// recorded at approval (SoA.Warnings), for a draft Lint's.
func WriteLint(w io.Writer, s SoA, _ LintOptions) error {
	var b strings.Builder
	fs := s.Warnings
	if s.Revision.Status != isms.Approved {
		fs = Lint(s)
	}
	blocking := len(errorsOf(fs))
	state := "approved"
	switch {
	case s.Revision.Status == isms.Approved:
	case blocking > 0:
		state = fmt.Sprintf("draft, %d problems block approval", blocking)
	default:
		state = "draft, ready for approval"
	}
	fmt.Fprintf(&b, "SoA lint, %s edition %d (%s): %s\n", s.Organization, s.Revision.Edition, state, plural.N(len(fs), "finding"))
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\n", f)
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
