package controls_test

import (
	"encoding/csv"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
)

// The files under testdata/reference-* are copies of the project's
// cross-checked reference facts. These tests hold the embedded catalogue to
// them, so an accidental edit of the data file cannot go unnoticed.

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func sortedSet[T ~string](vals []T) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	slices.Sort(out)
	return out
}

func TestAnnexA_AgreesWithReferenceControls(t *testing.T) {
	cat := controls.AnnexA()
	rows := readCSV(t, "testdata/reference-annex-a-2022.csv")
	require.Len(t, rows, 93)
	for _, r := range rows {
		c, ok := cat.ByID(controls.ID(r["id"]))
		if !assert.True(t, ok, "control %s is missing", r["id"]) {
			continue
		}
		assert.Equal(t, r["theme"], string(c.Theme()), "%s theme", r["id"])
		assert.Equal(t, r["title"], c.Title(), "%s title", r["id"])
		for _, k := range []controls.Kind{controls.KindControlType, controls.KindProperties, controls.KindConcepts, controls.KindCapabilities, controls.KindDomains} {
			want := strings.Split(r[string(k)], "|")
			slices.Sort(want)
			assert.Equal(t, want, sortedSet(c.Tags(k)), "%s %s", r["id"], k)
		}
	}
}

func TestAnnexA_AgreesWithReferenceMapping(t *testing.T) {
	m, ok := controls.AnnexA().Mapping(controls.Mapping2013)
	require.True(t, ok)
	rows := readCSV(t, "testdata/reference-mapping-2013-2022.csv")
	require.Len(t, rows, 114)
	for _, r := range rows {
		e, ok := m.Entry(controls.ID(r["id_2013"]))
		if !assert.True(t, ok, "2013 control %s is missing", r["id_2013"]) {
			continue
		}
		assert.Equal(t, r["title_2013"], e.Title)
		want := strings.Split(r["id_2022"], "|")
		slices.Sort(want)
		assert.Equal(t, want, sortedSet(e.To), "%s", r["id_2013"])
	}
}
