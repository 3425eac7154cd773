package controls_test

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
)

// writers are the three catalogue writers with their zero options.
var writers = []struct {
	ext   string
	write func(*bytes.Buffer, *controls.Catalogue) error
}{
	{"csv", func(b *bytes.Buffer, cat *controls.Catalogue) error {
		return controls.WriteCSV(b, cat, controls.CSVOptions{})
	}},
	{"json", func(b *bytes.Buffer, cat *controls.Catalogue) error {
		return controls.WriteJSON(b, cat, controls.JSONOptions{})
	}},
	{"md", func(b *bytes.Buffer, cat *controls.Catalogue) error {
		return controls.WriteMarkdown(b, cat, controls.MarkdownOptions{})
	}},
}

func TestExports_MatchGoldenFiles(t *testing.T) {
	for _, w := range writers {
		t.Run(w.ext, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, w.write(&out, controls.AnnexA()))
			golden.Assert(t, filepath.Join("testdata", "golden", "annex-a."+w.ext), out.Bytes())
		})
	}
}

// hostileCatalogue is a host's own catalogue whose text a person typed:
// line breaks, pipes, a spreadsheet formula, HTML and a right-to-left
// override, in themes, tags, titles and guidance (IDs have a documented
// form that holds none of these).
func hostileCatalogue(t *testing.T) *controls.Catalogue {
	t.Helper()
	cat, err := controls.New(controls.Document{
		Format: controls.FormatVersion, ID: "hostile", Name: "Hostile <b>controls</b>",
		Themes:     []controls.Theme{"Ops | night\nshift", "\u202eTheme"},
		Attributes: []controls.AttributeKind{{Kind: controls.KindControlType, Name: "Control | type", Values: []controls.Tag{"+Preventive", "<i>Detective</i>"}}},
		Controls: []controls.Spec{
			{ID: "H-1", Theme: "Ops | night\nshift", Title: `=cmd|' /C calc'!A1`, Tags: []controls.Tag{"+Preventive"},
				Guidance: "<script>alert(1)</script>\nsecond line | pipe", Example: "evil\u202egnp.exe"},
			{ID: "H-2", Theme: "\u202eTheme", Title: "Two\nlines | and a pipe \\ backslash", Tags: []controls.Tag{"<i>Detective</i>"}},
			{ID: "C-3", Theme: "\u202eTheme", Title: "<script>alert('x')</script> evil\u202egnp.exe"},
		},
	})
	require.NoError(t, err)
	return cat
}

func TestExports_HostileText(t *testing.T) {
	cat := hostileCatalogue(t)
	for _, w := range writers {
		t.Run(w.ext, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, w.write(&out, cat))
			golden.Assert(t, filepath.Join("testdata", "golden", "hostile."+w.ext), out.Bytes())
			if w.ext != "json" {
				assert.NotContains(t, out.String(), "\u202e", "no right-to-left override")
			}
		})
	}

	var b bytes.Buffer
	require.NoError(t, controls.WriteCSV(&b, cat, controls.CSVOptions{}))
	recs, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 4, "header and one record per control")
	for _, rec := range recs[1:] {
		for _, cell := range rec {
			if cell != "" {
				assert.NotContains(t, "=+-@", cell[:1], "cell %q would run as a formula", cell)
			}
		}
	}

	b.Reset()
	require.NoError(t, controls.WriteMarkdown(&b, cat, controls.MarkdownOptions{}))
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	require.Len(t, lines, 5, "header, rule and one line per control")
	for _, l := range lines {
		assert.Equal(t, 10, strings.Count(l, "|")-strings.Count(l, `\|`), "every row has nine cells: %s", l)
		assert.NotContains(t, l, "<script>")
	}
}

func TestExports_NilCatalogue(t *testing.T) {
	for _, w := range writers {
		var out bytes.Buffer
		err := w.write(&out, nil)
		require.ErrorIs(t, err, isms.ErrInvalid, w.ext)
		assert.Equal(t, []string{"catalogue"}, paths(err))
		assert.Zero(t, out.Len())
	}
	assert.Empty(t, controls.Rows(nil))
	assert.Equal(t, controls.Coverage{}, controls.Cover(nil, nil))
}

func TestWriteCSV_HeaderAndCells(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, controls.WriteCSV(&out, controls.AnnexA(), controls.CSVOptions{}))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 94)
	assert.Equal(t, "id,theme,title,control_type,properties,concepts,capabilities,domains,replaces_2013", lines[0])
	assert.Equal(t, "8.8,Technological,Management of technical vulnerabilities,Preventive,Confidentiality|Integrity|Availability,Identify|Protect,Threat_and_vulnerability_management,Governance_and_Ecosystem|Protection|Defence,A.12.6.1|A.18.2.3", lines[8+37+8+14])
	assert.True(t, strings.HasPrefix(lines[7], "5.7,Organizational,Threat intelligence,"))
	assert.True(t, strings.HasSuffix(lines[7], ","), "a new control replaces nothing")
}

func TestWriteMarkdown_MarksNewControls(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, controls.WriteMarkdown(&out, controls.AnnexA(), controls.MarkdownOptions{}))
	assert.Equal(t, 11, strings.Count(out.String(), "new in 2022"))
	assert.Contains(t, out.String(), "| 5.1 | Organizational | Policies for information security | #Preventive |")
}
