package controls_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/golden"
)

func TestExports_MatchGoldenFiles(t *testing.T) {
	for _, tt := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"annex-a.csv", func(b *bytes.Buffer) error { return controls.WriteCSV(b, controls.AnnexA()) }},
		{"annex-a.json", func(b *bytes.Buffer) error { return controls.WriteJSON(b, controls.AnnexA()) }},
		{"annex-a.md", func(b *bytes.Buffer) error { return controls.WriteMarkdown(b, controls.AnnexA()) }},
	} {
		t.Run(tt.file, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, tt.write(&out))
			golden.Assert(t, filepath.Join("testdata", "golden", tt.file), out.Bytes())
		})
	}
}

func TestWriteCSV_HeaderAndCells(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, controls.WriteCSV(&out, controls.AnnexA()))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 94)
	assert.Equal(t, "id,theme,title,control_type,properties,concepts,capabilities,domains,replaces_2013", lines[0])
	assert.Equal(t, "8.8,Technological,Management of technical vulnerabilities,Preventive,Confidentiality|Integrity|Availability,Identify|Protect,Threat_and_vulnerability_management,Governance_and_Ecosystem|Protection|Defence,A.12.6.1|A.18.2.3", lines[8+37+8+14])
	assert.True(t, strings.HasPrefix(lines[7], "5.7,Organizational,Threat intelligence,"))
	assert.True(t, strings.HasSuffix(lines[7], ","), "a new control replaces nothing")
}

func TestWriteMarkdown_MarksNewControls(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, controls.WriteMarkdown(&out, controls.AnnexA()))
	assert.Equal(t, 11, strings.Count(out.String(), "new in 2022"))
	assert.Contains(t, out.String(), "| 5.1 | Organizational | Policies for information security | #Preventive |")
}
