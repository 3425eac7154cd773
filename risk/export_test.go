package risk_test

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
)

func TestExports_MatchGoldenFiles(t *testing.T) {
	reg, org := register(), orgContext()
	at := workday.AddDate(0, 0, 45)
	var csvOut, md, svg bytes.Buffer
	require.NoError(t, risk.WriteCSV(&csvOut, reg, risk.CSVOptions{Context: org, Suppliers: suppliers.Register{Suppliers: []suppliers.Supplier{cloudHost()}}}))
	require.NoError(t, risk.WriteMarkdown(&md, reg, risk.MarkdownOptions{Context: org, Now: at, Suppliers: suppliers.Register{Suppliers: []suppliers.Supplier{cloudHost()}}}))
	hm, err := reg.HeatMap(risk.Residual)
	require.NoError(t, err)
	require.NoError(t, risk.WriteHeatMapSVG(&svg, hm, risk.SVGOptions{Title: "Residual risk"}))
	golden.Assert(t, filepath.Join("testdata", "register.csv"), csvOut.Bytes())
	golden.Assert(t, filepath.Join("testdata", "register.md"), md.Bytes())
	golden.Assert(t, filepath.Join("testdata", "heatmap.svg"), svg.Bytes())

	rows, err := csv.NewReader(bytes.NewReader(csvOut.Bytes())).ReadAll()
	require.NoError(t, err, "the CSV parses")
	assert.Len(t, rows, 5)
	assert.Len(t, rows[0], 32)
}

// hostileText is text a person might type, or an attacker plant, in any free
// text field: a line break, a pipe, a spreadsheet formula, HTML and a
// right-to-left override.
const hostileText = "=cmd|' /C calc'!A1\n<script>alert(1)</script> | \u202eevil"

// hostileRegister puts hostile text in every free-text field the writers
// show: references, titles, owners' and assets' names, action titles,
// scale and band labels, the method's name and the currency.
func hostileRegister() (risk.Register, isms.OrgContext) {
	reg, org := register(), orgContext()
	reg.Method.Name = hostileText
	reg.Method.Likelihood.Name = hostileText
	reg.Method.Impact.Levels[0].Label = hostileText
	reg.Method.Bands[2].Label = hostileText
	for i := range reg.Risks {
		reg.Risks[i].Title = hostileText
		reg.Risks[i].Scenario = hostileText
		for j := range reg.Risks[i].Treatment.Actions {
			reg.Risks[i].Treatment.Actions[j].Title = hostileText
		}
	}
	reg.Risks[0].Ref = "-R-1|\n<b>"
	org.Roles[1].Name = hostileText
	org.Assets[0].Name = hostileText
	return reg, org
}

func TestExports_HostileText(t *testing.T) {
	reg, org := hostileRegister()
	at := workday.AddDate(0, 7, 0) // overdue actions and an expired acceptance: every section
	var csvOut, md, svg bytes.Buffer
	require.NoError(t, risk.WriteCSV(&csvOut, reg, risk.CSVOptions{Context: org}))
	require.NoError(t, risk.WriteMarkdown(&md, reg, risk.MarkdownOptions{Context: org, Now: at, Top: 3}))
	hm, err := reg.HeatMap(risk.Residual)
	require.NoError(t, err)
	require.NoError(t, risk.WriteHeatMapSVG(&svg, hm, risk.SVGOptions{Title: hostileText}))
	golden.Assert(t, filepath.Join("testdata", "hostile.csv"), csvOut.Bytes())
	golden.Assert(t, filepath.Join("testdata", "hostile.md"), md.Bytes())
	golden.Assert(t, filepath.Join("testdata", "hostile.svg"), svg.Bytes())

	rows, err := csv.NewReader(bytes.NewReader(csvOut.Bytes())).ReadAll()
	require.NoError(t, err, "the CSV parses")
	require.Len(t, rows, 5)
	for _, row := range rows {
		for _, c := range row {
			if c != "" {
				assert.NotContains(t, "=+-@", c[:1], "cell %q would run as a formula", c)
			}
			assert.NotContains(t, c, "\u202e")
		}
	}

	assert.NotContains(t, md.String(), "<script>")
	assert.NotContains(t, md.String(), "\u202e")
	for _, line := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(line, "|") {
			assert.True(t, strings.HasSuffix(line, "|"), "a table row is cut: %q", line)
		}
	}

	assert.NotContains(t, svg.String(), "<script>")
	assert.NotContains(t, svg.String(), "\u202e")
	dec := xml.NewDecoder(&svg)
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG is well-formed XML")
	}
}

func TestWriteMarkdown_NeedsNow(t *testing.T) {
	var out bytes.Buffer
	err := risk.WriteMarkdown(&out, register(), risk.MarkdownOptions{})
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "Now")
}

func TestWriters_ZeroOptionsAreDefaults(t *testing.T) {
	reg := register()
	var csvOut, md, svg bytes.Buffer
	require.NoError(t, risk.WriteCSV(&csvOut, reg, risk.CSVOptions{}))
	assert.Contains(t, csvOut.String(), itm.String(), "an owner without a context is written as its ID")
	require.NoError(t, risk.WriteMarkdown(&md, reg, risk.MarkdownOptions{Now: now}))
	assert.Contains(t, md.String(), "## Top 4 risks (residual)", "DefaultTop is more than the register has")
	hm, err := reg.HeatMap(risk.Inherent)
	require.NoError(t, err)
	require.NoError(t, risk.WriteHeatMapSVG(&svg, hm, risk.SVGOptions{}))
	assert.Contains(t, svg.String(), "<title>Risk heat map (inherent)</title>")
}

func TestWriteCSV_DefusesFormulas(t *testing.T) {
	reg := register()
	reg.Risks[0].Title = "=HYPERLINK(\"http://x\")"
	var out bytes.Buffer
	require.NoError(t, risk.WriteCSV(&out, reg, risk.CSVOptions{Context: orgContext()}))
	assert.Contains(t, out.String(), `'=HYPERLINK`)
}

func TestHeatMapSVG_EscapesLabels(t *testing.T) {
	reg := register()
	reg.Method.Impact.Levels[0].Label = "<script>"
	hm, err := reg.HeatMap(risk.Inherent)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, risk.WriteHeatMapSVG(&out, hm, risk.SVGOptions{Title: "A & B"}))
	assert.NotContains(t, out.String(), "<script>")
	assert.Contains(t, out.String(), "A &amp; B")
	assert.True(t, strings.HasPrefix(out.String(), "<svg "))
}

// Trial item 14: "Above the appetite: 6. Without a valid acceptance: 0"
// while five of the six had no acceptance at all: the summary says which
// are being treated on schedule (no acceptance needed yet), which are
// accepted and which lack a valid acceptance, and the three add up.
func TestMarkdown_AboveAppetiteSaysWhichAreTreatedAcceptedOrUnaccepted(t *testing.T) {
	reg, org := register(), orgContext()
	at := workday.AddDate(0, 0, 45)
	var md bytes.Buffer
	require.NoError(t, risk.WriteMarkdown(&md, reg, risk.MarkdownOptions{Context: org, Now: at, Suppliers: suppliers.Register{Suppliers: []suppliers.Supplier{cloudHost()}}}))
	assert.Contains(t, md.String(), "Above the appetite (low) after controls: 3: 2 being treated on schedule, 1 accepted, 0 without a valid acceptance.")
	sum, err := reg.Summarize(at)
	require.NoError(t, err)
	assert.Equal(t, 2, sum.InTreatment)
	assert.Equal(t, 1, sum.Accepted)
	assert.Equal(t, sum.AboveAppetite, sum.InTreatment+sum.Accepted+sum.Unaccepted)
}

// Trial item 14: risk-register.csv showed the residual as a target the
// client never set.
func TestCSV_TargetColumnsEmptyWhenNoTargetWasSet(t *testing.T) {
	reg, org := register(), orgContext()
	var out bytes.Buffer
	require.NoError(t, risk.WriteCSV(&out, reg, risk.CSVOptions{Context: org}))
	rows, err := csv.NewReader(&out).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for k, h := range rows[0] {
		col[h] = k
	}
	for _, row := range rows[1:] {
		target := []string{row[col["target_likelihood"]], row[col["target_impact"]], row[col["target_score"]], row[col["target_band"]]}
		if row[col["ref"]] == "R-1" {
			assert.Equal(t, []string{"1", "4", "4", "Low"}, target, "R-1 has a target")
		} else {
			assert.Equal(t, []string{"", "", "", ""}, target, "%s has no target", row[col["ref"]])
		}
	}
	var md bytes.Buffer
	require.NoError(t, risk.WriteMarkdown(&md, reg, risk.MarkdownOptions{Context: org, Now: workday}))
	assert.Contains(t, md.String(), "No target set: 3 risks (R-2, R-3, R-4)")
	sum, err := reg.Summarize(workday)
	require.NoError(t, err)
	assert.Equal(t, 3, sum.TargetNotSet)
	n := 0
	for _, b := range sum.Target {
		n += b.Count
	}
	assert.Equal(t, 1, n, "the target column counts only the targets set")
}

// Trial item 15: "1 risks" in the risk text.
func TestMarkdown_OneRiskIsSingular(t *testing.T) {
	reg := register()
	reg.Risks = reg.Risks[:1]
	var md, svg bytes.Buffer
	require.NoError(t, risk.WriteMarkdown(&md, reg, risk.MarkdownOptions{Now: workday}))
	assert.Contains(t, md.String(), "1 risk, assessed with")
	assert.NotContains(t, md.String(), "1 risks")
	assert.Contains(t, md.String(), "## Top risk (residual)")
	hm, err := reg.HeatMap(risk.Residual)
	require.NoError(t, err)
	require.NoError(t, risk.WriteHeatMapSVG(&svg, hm, risk.SVGOptions{}))
	assert.NotContains(t, svg.String(), "1 risks")
	assert.Contains(t, svg.String(), "1 risk<")
}
