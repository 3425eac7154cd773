// Package deliver renders the files a consultant hands to a client — risk
// register, heat maps, SoA, policy, yearly plan, readiness report — from a
// built ISMS, and writes them into a folder. The quickstart and the
// consultant example share it.
package deliver

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
)

// Bundle is a built ISMS ready to render.
type Bundle struct {
	Context  isms.OrgContext
	Register risk.Register
	SoA      soa.SoA
	Policy   policy.Policy
	Plan     calendar.Plan
	Report   readiness.Report
	// Quant is the quantitative analysis, when there is one.
	Quant *quant.Result
	AsOf  time.Time
}

// File is one rendered deliverable.
type File struct {
	Name string
	Data []byte
}

// renderer makes one file.
type renderer struct {
	name   string
	render func(*bytes.Buffer) error
}

// Files renders every deliverable in a fixed order. It renders everything
// before anything is written, so an error leaves no half-written folder.
func Files(b Bundle) ([]File, error) {
	heatmap := func(s risk.Stage, title string) func(*bytes.Buffer) error {
		return func(w *bytes.Buffer) error {
			hm, err := b.Register.HeatMap(s)
			if err != nil {
				return err
			}
			return risk.WriteHeatMapSVG(w, hm, risk.SVGOptions{Title: title})
		}
	}
	name := b.Context.Organization.Name
	renders := []renderer{
		{"risk-register.csv", func(w *bytes.Buffer) error { return risk.WriteCSV(w, b.Register, risk.CSVOptions{Context: b.Context}) }},
		{"risk-summary.md", func(w *bytes.Buffer) error {
			return risk.WriteMarkdown(w, b.Register, risk.MarkdownOptions{Context: b.Context, Now: b.AsOf, Top: 5})
		}},
		{"heatmap-inherent.svg", heatmap(risk.Inherent, name+": inherent risk")},
		{"heatmap-residual.svg", heatmap(risk.Residual, name+": residual risk")},
		{"soa.csv", func(w *bytes.Buffer) error { return soa.WriteCSV(w, b.SoA, soa.CSVOptions{}) }},
		{"soa.md", func(w *bytes.Buffer) error { return soa.WriteMarkdown(w, b.SoA, soa.MarkdownOptions{}) }},
		{"policy.md", func(w *bytes.Buffer) error { return policy.WriteMarkdown(w, b.Policy, policy.MarkdownOptions{}) }},
		{"policy.html", func(w *bytes.Buffer) error { return policy.WriteHTML(w, b.Policy, policy.HTMLOptions{}) }},
		{"policy-lint.txt", func(w *bytes.Buffer) error { _, err := w.WriteString(LintReport(b.Policy, b.AsOf)); return err }},
		{"calendar.ics", func(w *bytes.Buffer) error {
			return calendar.WriteICS(w, b.Plan, calendar.ICSOptions{Now: b.AsOf})
		}},
		{"readiness.md", func(w *bytes.Buffer) error { return readiness.WriteMarkdown(w, b.Report, readiness.MarkdownOptions{}) }},
	}
	if q := b.Quant; q != nil {
		renders = append(renders,
			renderer{"loss-exceedance.svg", func(w *bytes.Buffer) error {
				return quant.WriteSVG(w, *q, quant.SVGOptions{Title: name + ": annual loss exceedance"})
			}},
			renderer{"quant-summary.md", func(w *bytes.Buffer) error { return quant.WriteMarkdown(w, *q, quant.MarkdownOptions{}) }},
		)
	}
	out := make([]File, 0, len(renders))
	for _, r := range renders {
		var w bytes.Buffer
		if err := r.render(&w); err != nil {
			return nil, fmt.Errorf("%s: %w", r.name, err)
		}
		out = append(out, File{Name: r.name, Data: w.Bytes()})
	}
	return out, nil
}

// WriteDir writes files into dir, creating it, and returns their paths.
func WriteDir(dir string, files []File) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// LintReport renders a policy's lint result at asOf as plain text.
func LintReport(p policy.Policy, asOf time.Time) string {
	fs := policy.Lint(p, asOf)
	var b strings.Builder
	fmt.Fprintf(&b, "Policy lint, %s, as of %s: %d findings\n", p.Title, asOf.Format(time.DateOnly), len(fs))
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\n", f)
	}
	return b.String()
}
