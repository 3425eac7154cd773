package threats

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/cells"
)

// CSVOptions tune WriteCSV. There are none yet; the zero value is the default.
type CSVOptions struct{}

// MarkdownOptions tune WriteMarkdown. There are none yet; the zero value is
// the default.
type MarkdownOptions struct{}

var csvHeader = []string{"id", "name", "category", "asset_types", "properties", "vulnerabilities",
	"prevent", "detect", "correct", "likelihood", "requires", "frequency_per_year", "loss_per_event", "estimate_basis", "estimate_source", "sources", "keywords"}

func row(t Threat) []string {
	var freq, loss, basis, src string
	if e := t.Estimate; e != nil {
		freq = e.Frequency.Low.String() + "–" + e.Frequency.High.String()
		loss = e.Loss.Low.String() + "–" + e.Loss.High.String() + " " + e.Loss.Currency
		basis, src = e.Basis(), e.Label()
	}
	return []string{string(t.ID), t.Name, t.Category, join(t.AssetTypes, "|"), join(t.Properties, "|"),
		strings.Join(t.Vulnerabilities, "|"), join(t.Prevent, "|"), join(t.Detect, "|"), join(t.Correct, "|"),
		fmt.Sprint(t.Likelihood), join(t.Requires, "|"), freq, loss, basis, src, strings.Join(t.Sources, "|"), strings.Join(t.Keywords, "|")}
}

func need(c *Catalogue) error {
	if c == nil {
		return fmt.Errorf("threats: no catalogue to write")
	}
	return nil
}

// WriteCSV writes one row per threat under the header
// id,name,category,asset_types,properties,vulnerabilities,prevent,detect,correct,likelihood,requires,frequency_per_year,loss_per_event,estimate_basis,estimate_source,sources,keywords.
// estimate_basis is "report" when a public report backs the estimate and
// "unsourced default" when it is an ismskit planning assumption
// (Estimate.Sourced); estimate_source is Estimate.Label. Lists are joined
// with "|"; every cell is made safe for a spreadsheet (a leading = + - @
// cannot run a formula).
func WriteCSV(w io.Writer, c *Catalogue, _ CSVOptions) error {
	if err := need(c); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, t := range c.threats {
		rec := row(t)
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

// WriteMarkdown writes the catalogue as a Markdown table for the workshop
// handout: threat, assets, properties, vulnerabilities, the controls by
// role, typical likelihood and the estimate with its source (Estimate.Label:
// an unsourced default says so next to its figures). The sources named at
// the end leave unsourced defaults out, and a note says they are planning
// assumptions. Every cell is escaped, so a custom threat's text cannot break
// the table.
func WriteMarkdown(w io.Writer, c *Catalogue, _ MarkdownOptions) error {
	if err := need(c); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", cells.Markdown(c.name))
	b.WriteString("| ID | Threat | Assets | CIA | Typical vulnerabilities | Prevent | Detect | Correct | Likelihood | Estimate (source) |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, t := range c.threats {
		r := row(t)
		est := ""
		if t.Estimate != nil {
			est = r[11] + " a year; " + r[12] + " an event (" + r[14] + ")"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %d | %s |\n",
			cells.Markdown(r[0]), cells.Markdown(t.Name), cells.Markdown(join(t.AssetTypes, ", ")), cells.Markdown(cia(t.Properties)),
			cells.Markdown(strings.Join(t.Vulnerabilities, "; ")), ids(t.Prevent), ids(t.Detect), ids(t.Correct), t.Likelihood, cells.Markdown(est))
	}
	if srcs := sources(c); len(srcs) > 0 {
		b.WriteString("\nSources named (facts checked against, not copied): ")
		b.WriteString(cells.Markdown(strings.Join(srcs, "; ")))
		b.WriteString(".\n")
	}
	if unsourcedDefaults(c) {
		b.WriteString("\nEstimates marked \"unsourced default\" are ismskit's planning assumptions, not figures from a report: replace them with the organisation's own before presenting a result.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func sources(c *Catalogue) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, t := range c.threats {
		for _, s := range t.Sources {
			add(s)
		}
		if t.Estimate != nil && t.Estimate.LossSourced() {
			// "Verizon DBIR 2024: median …" names the report before ": ".
			report, _, _ := strings.Cut(t.Estimate.Source, ": ")
			add(report)
		}
	}
	sortStrings(out)
	return out
}

func unsourcedDefaults(c *Catalogue) bool {
	for _, t := range c.threats {
		if t.Estimate != nil && !t.Estimate.Sourced() {
			return true
		}
	}
	return false
}

func cia(ps []Property) string {
	var s string
	for _, p := range []Property{Confidentiality, Integrity, Availability} {
		for _, q := range ps {
			if q == p {
				s += strings.ToUpper(string(p[:1]))
				break
			}
		}
	}
	return s
}

func ids(l []controls.ID) string { return cells.Markdown(join(l, ", ")) }

func join[T ~string](vals []T, sep string) string {
	s := make([]string, len(vals))
	for i, v := range vals {
		s[i] = string(v)
	}
	return strings.Join(s, sep)
}
