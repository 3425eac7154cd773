package controls_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/golden"
)

const dataFile = "data/annex-a-2022.json"

// TestAnnexA_DataFileIsCanonical: the embedded file is exactly what Encode
// writes for the document it holds, so the format round-trips byte for byte.
func TestAnnexA_DataFileIsCanonical(t *testing.T) {
	raw, err := os.ReadFile(dataFile)
	require.NoError(t, err)
	d, err := controls.Decode(bytes.NewReader(raw))
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, controls.Encode(&out, d))
	if golden.Updating() {
		require.NoError(t, os.WriteFile(dataFile, out.Bytes(), 0o644))
		raw = out.Bytes()
	}
	assert.Equal(t, string(raw), out.String(), "run go test ./controls -update to rewrite the data file canonically")

	docs := controls.AnnexA().Documents()
	require.Len(t, docs, 1)
	out.Reset()
	require.NoError(t, controls.Encode(&out, docs[0]))
	assert.Equal(t, string(raw), out.String(), "the parsed catalogue gives back its document")
}

func TestAnnexA_ThemeCounts(t *testing.T) {
	cat := controls.AnnexA()
	assert.Equal(t, 93, cat.Len())
	want := map[controls.Theme]int{controls.Organizational: 37, controls.People: 8, controls.Physical: 14, controls.Technological: 34}
	assert.Equal(t, []controls.Theme{controls.Organizational, controls.People, controls.Physical, controls.Technological}, cat.Themes())
	for theme, n := range want {
		assert.Len(t, cat.ByTheme(theme), n, "theme %s", theme)
	}
}

func TestAnnexA_IDsAreUniqueAndGapFreePerTheme(t *testing.T) {
	first := map[controls.Theme]int{controls.Organizational: 5, controls.People: 6, controls.Physical: 7, controls.Technological: 8}
	for theme, clause := range first {
		for i, c := range controls.AnnexA().ByTheme(theme) {
			assert.Equal(t, controls.ID(fmt.Sprintf("%d.%d", clause, i+1)), c.ID(), "theme %s position %d", theme, i)
		}
	}
	seen := map[controls.ID]bool{}
	for _, c := range controls.AnnexA().Controls() {
		assert.False(t, seen[c.ID()], "duplicate %s", c.ID())
		seen[c.ID()] = true
	}
}

func TestAnnexA_EveryControlHasEveryKindOfTagAndGuidance(t *testing.T) {
	cat := controls.AnnexA()
	kinds := cat.Kinds()
	require.Len(t, kinds, 5)
	sizes := map[controls.Kind]int{controls.KindControlType: 3, controls.KindProperties: 3, controls.KindConcepts: 5, controls.KindCapabilities: 15, controls.KindDomains: 4}
	for _, k := range kinds {
		assert.Len(t, k.Values, sizes[k.Kind], "kind %s", k.Kind)
	}
	for _, c := range cat.Controls() {
		for _, k := range kinds {
			assert.NotEmpty(t, c.Tags(k.Kind), "control %s has no %s tag", c.ID(), k.Kind)
		}
		assert.NotEmpty(t, c.Title())
		sentences := strings.Count(c.Guidance(), ". ") + 1
		assert.True(t, sentences >= 2 && sentences <= 3, "control %s: guidance has %d sentences", c.ID(), sentences)
		assert.NotEmpty(t, c.Example(), "control %s has no example", c.ID())
	}
}

func TestAnnexA_MappingCoversAll2013ControlsAndMarksElevenNew(t *testing.T) {
	cat := controls.AnnexA()
	m, ok := cat.Mapping(controls.Mapping2013)
	require.True(t, ok)
	assert.Equal(t, 114, m.Len())
	assert.Equal(t, "A.5.1.1", string(m.Entries()[0].ID))
	assert.Equal(t, "A.18.2.3", string(m.Entries()[113].ID))

	var isNew []controls.ID
	for _, c := range cat.Controls() {
		if c.IsNew() {
			isNew = append(isNew, c.ID())
			assert.Empty(t, m.Predecessors(c.ID()), "new control %s replaces nothing", c.ID())
		} else {
			assert.NotEmpty(t, m.Predecessors(c.ID()), "control %s is not new, so it replaces something", c.ID())
		}
	}
	assert.Equal(t, []controls.ID{"5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"}, isNew)

	to, ok := m.Successors("A.12.6.1")
	require.True(t, ok)
	assert.Equal(t, []controls.ID{"8.8"}, to, "what became of A.12.6.1")
	assert.Equal(t, []controls.ID{"A.12.6.1", "A.18.2.3"}, m.Predecessors("8.8"))
	to, _ = m.Successors("A.18.2.3")
	assert.Equal(t, []controls.ID{"5.36", "8.8"}, to)
	to, _ = m.Successors("A.13.2.1")
	assert.Equal(t, []controls.ID{"5.14"}, to, "A.13.2.x map to 5.14, not 8.14")
	_, ok = m.Successors("A.99.1.1")
	assert.False(t, ok)
}

func TestAnnexA_ExampleLookups(t *testing.T) {
	cat := controls.AnnexA()
	c, ok := cat.ByID("8.8")
	require.True(t, ok)
	assert.Equal(t, "Management of technical vulnerabilities", c.Title())
	assert.Equal(t, controls.Technological, c.Theme())
	assert.Equal(t, []controls.Tag{controls.Preventive}, c.Tags(controls.KindControlType))
	assert.True(t, c.Has(controls.ThreatAndVulnerabilityManagement))
	assert.False(t, c.Has(controls.PhysicalSecurity))
	assert.False(t, c.Has("no such tag"))
	assert.Equal(t, "iso27001-2022", c.Source())
	assert.Equal(t, "8.8 Management of technical vulnerabilities", c.String())
	_, ok = cat.ByID("8.35")
	assert.False(t, ok)
	kind, ok := cat.KindOf(controls.Availability)
	assert.True(t, ok)
	assert.Equal(t, controls.KindProperties, kind)
	assert.Equal(t, "ISO/IEC 27001:2022 Annex A (93 controls)", cat.String())
}
