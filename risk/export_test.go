package risk_test

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/risk"
)

func TestExports_MatchGoldenFiles(t *testing.T) {
	reg, org := register(), orgContext()
	at := workday.AddDate(0, 0, 45)
	var csvOut, md, svg bytes.Buffer
	require.NoError(t, risk.WriteCSV(&csvOut, reg, org))
	require.NoError(t, risk.WriteMarkdown(&md, reg, org, at, 10))
	hm, err := reg.HeatMap(risk.Residual)
	require.NoError(t, err)
	require.NoError(t, hm.WriteSVG(&svg, "Residual risk"))
	golden.Assert(t, filepath.Join("testdata", "register.csv"), csvOut.Bytes())
	golden.Assert(t, filepath.Join("testdata", "register.md"), md.Bytes())
	golden.Assert(t, filepath.Join("testdata", "heatmap.svg"), svg.Bytes())

	rows, err := csv.NewReader(bytes.NewReader(csvOut.Bytes())).ReadAll()
	require.NoError(t, err, "the CSV parses")
	assert.Len(t, rows, 5)
	assert.Len(t, rows[0], 28)
}

func TestWriteCSV_DefusesFormulas(t *testing.T) {
	reg := register()
	reg.Risks[0].Title = "=HYPERLINK(\"http://x\")"
	var out bytes.Buffer
	require.NoError(t, risk.WriteCSV(&out, reg, orgContext()))
	assert.Contains(t, out.String(), `'=HYPERLINK`)
}

func TestHeatMapSVG_EscapesLabels(t *testing.T) {
	reg := register()
	reg.Method.Impact.Levels[0].Label = "<script>"
	hm, err := reg.HeatMap(risk.Inherent)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, hm.WriteSVG(&out, "A & B"))
	assert.NotContains(t, out.String(), "<script>")
	assert.Contains(t, out.String(), "A &amp; B")
	assert.True(t, strings.HasPrefix(out.String(), "<svg "))
}
