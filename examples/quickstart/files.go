package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/internal/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// writeFiles renders the deliverables and writes them into opts.out. It
// renders everything first, so a rendering error leaves no half-written
// folder. It returns the file names written, in order.
func writeFiles(opts options, c isms.OrgContext, stored int, reg risk.Register, statement soa.SoA, pol policy.Policy, plan calendar.Plan, report readiness.Report) ([]string, error) {
	type file struct {
		name   string
		render func(*bytes.Buffer) error
	}
	heatmap := func(s risk.Stage, title string) func(*bytes.Buffer) error {
		return func(b *bytes.Buffer) error {
			hm, err := reg.HeatMap(s)
			if err != nil {
				return err
			}
			return hm.WriteSVG(b, title)
		}
	}
	files := []file{
		{"context-summary.txt", func(b *bytes.Buffer) error { return writeSummary(b, c, stored) }},
		{"risk-register.csv", func(b *bytes.Buffer) error { return risk.WriteCSV(b, reg, c) }},
		{"risk-summary.md", func(b *bytes.Buffer) error { return risk.WriteMarkdown(b, reg, c, opts.asOf, 5) }},
		{"heatmap-inherent.svg", heatmap(risk.Inherent, c.Organization.Name+": inherent risk")},
		{"heatmap-residual.svg", heatmap(risk.Residual, c.Organization.Name+": residual risk")},
		{"soa.csv", func(b *bytes.Buffer) error { return soa.WriteCSV(b, statement) }},
		{"soa.md", func(b *bytes.Buffer) error { return soa.WriteMarkdown(b, statement) }},
		{"policy.md", func(b *bytes.Buffer) error { return policy.WriteMarkdown(b, pol) }},
		{"policy.html", func(b *bytes.Buffer) error { return policy.WriteHTML(b, pol) }},
		{"policy-lint.txt", func(b *bytes.Buffer) error { _, err := b.WriteString(sample.LintReport(pol, opts.asOf)); return err }},
		{"calendar.ics", func(b *bytes.Buffer) error {
			return calendar.WriteICS(b, plan, calendar.ICSOptions{Clock: isms.NewFixedClock(opts.asOf)})
		}},
		{"readiness.md", func(b *bytes.Buffer) error { return readiness.WriteMarkdown(b, report) }},
	}
	rendered := make([][]byte, len(files))
	for i, f := range files {
		var b bytes.Buffer
		if err := f.render(&b); err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		rendered[i] = b.Bytes()
	}
	if err := os.MkdirAll(opts.out, 0o755); err != nil {
		return nil, err
	}
	var names []string
	for i, f := range files {
		if err := os.WriteFile(filepath.Join(opts.out, f.name), rendered[i], 0o644); err != nil {
			return nil, err
		}
		names = append(names, f.name)
	}
	return names, nil
}
