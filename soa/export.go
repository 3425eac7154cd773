package soa

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/jsonio"
)

// WriteJSON writes the SoA in its JSON schema (the field names of SoA,
// Entry, Reason, Ref and Additional; see the package documentation),
// indented, without HTML escaping. The same SoA always gives the same bytes,
// so an approved version exported years later is byte-identical.
func WriteJSON(w io.Writer, s SoA) error {
	return jsonio.Encode(w, s)
}

// ReadJSON reads what WriteJSON wrote, rejecting unknown fields. It checks
// the JSON only; call Validate (and Verify for an approved version) next.
func ReadJSON(r io.Reader) (SoA, error) {
	var s SoA
	if err := jsonio.Decode(r, &s, "SoA"); err != nil {
		return SoA{}, err
	}
	return s, nil
}

var csvHeader = []string{"id", "theme", "title", "applicable", "reasons", "risks", "requirements", "justification", "status", "owner", "evidence"}

// WriteCSV writes one row per control with the header
// id,theme,title,applicable,reasons,risks,requirements,justification,status,owner,evidence.
// Multi-valued cells are joined with "|"; applicable is "yes" or "no".
// Text a spreadsheet would run as a formula is prefixed with an apostrophe.
func WriteCSV(w io.Writer, s SoA) error {
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
		row := []string{string(e.Control), string(e.Theme), safe(e.Title), yesNo(e.Applicable), strings.Join(codes, "|"),
			safe(strings.Join(risks, "|")), safe(strings.Join(reqs, "|")), safe(e.Justification), string(e.Status),
			safe(e.Owner), safe(strings.Join(ev, "|"))}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	for _, a := range s.Additional {
		var risks []string
		for _, r := range a.Risks {
			risks = append(risks, r.Label)
		}
		row := []string{string(a.Control), "Additional", "", "yes", string(RiskTreatment), safe(strings.Join(risks, "|")), "", "", "", "", ""}
		if err := cw.Write(row); err != nil {
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

// safe defuses cells a spreadsheet would evaluate as formulas.
func safe(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteMarkdown writes the SoA as a document: the version block, a summary
// of applicable and excluded controls and of implementation status per
// theme, then one table row per control and the additional controls.
func WriteMarkdown(w io.Writer, s SoA) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Statement of Applicability: %s\n\n", md(s.Organization))
	fmt.Fprintf(&b, "| Version | Status | Author | Approved by | Approved on | Generated | Content hash |\n|---|---|---|---|---|---|---|\n")
	fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | `%s` |\n\n", s.Version, s.Status, md(s.Author), md(s.Approver),
		date(s.ApprovedAt), date(s.Generated), s.ContentHash())
	fmt.Fprintf(&b, "Catalogue: %s.\n", md(s.Catalogue))
	if s.Changes != "" {
		fmt.Fprintf(&b, "\nChanges since version %d:\n\n", s.Version-1)
		for _, l := range strings.Split(s.Changes, "\n") {
			fmt.Fprintf(&b, "- %s\n", md(l))
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
		row(string(th), per[th])
	}
	row("**All**", total)

	b.WriteString("\n## Controls\n\n| ID | Control | Applicable | Reasons | Justification | Status | Owner |\n|---|---|---|---|---|---|---|\n")
	for _, e := range s.Entries {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", e.Control, md(e.Title), yesNo(e.Applicable),
			md(reasonList(e.Reasons)), md(e.Justification), words(string(e.Status)), md(e.Owner))
	}
	if len(s.Additional) > 0 {
		b.WriteString("\n## Additional controls\n\nControls that risk treatment relies on and that are not in the catalogue:\n\n")
		for _, a := range s.Additional {
			fmt.Fprintf(&b, "- %s (risks %s)\n", md(string(a.Control)), md(labels(a.Risks)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func md(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
