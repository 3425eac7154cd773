package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
)

// TestInit_WritesPlaceholdersNotTheSample: -init writes a generic small
// company's placeholders (issue 18), not the sample company's whole data:
// every section of the workbook is present, each list with one to three
// entries, and the starter checks.
func TestInit_WritesPlaceholdersNotTheSample(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "client")
	_, err := writeStarter(dir)
	require.NoError(t, err)
	b, err := os.ReadFile(filepath.Join(dir, "workbook.json"))
	require.NoError(t, err)
	text := string(b)
	assert.NotContains(t, text, "Kestrel", "the sample company is not the starter")
	for _, want := range []string{`"Example Ltd"`, `"Customer database"`, `"IT manager"`, `"$schema": "workbook.schema.json"`, `"cadence"`, `"activities"`} {
		assert.Contains(t, text, want)
	}
	var tree map[string]any
	require.NoError(t, json.Unmarshal(b, &tree))
	// Every field of the workbook, of its context and of its records is
	// present; every list holds one to three entries.
	for _, sec := range []struct {
		path string
		typ  reflect.Type
		node map[string]any
	}{
		{"", reflect.TypeFor[WorkbookV2](), tree},
		{"context.", reflect.TypeFor[ContextV2](), tree["context"].(map[string]any)},
		{"records.", reflect.TypeFor[RecordsV2](), tree["records"].(map[string]any)},
	} {
		for i := range sec.typ.NumField() {
			name, _, _ := strings.Cut(sec.typ.Field(i).Tag.Get("json"), ",")
			switch name {
			case "custom_controls", "additional_controls", "quant": // optional sections a small company rarely has
				continue
			}
			v, ok := sec.node[name]
			if !assert.True(t, ok, "the starter has %s%s", sec.path, name) {
				continue
			}
			if l, isList := v.([]any); isList {
				if sec.path+name == "context.responsibilities" {
					// The areas whose accountable role the roadmap, the policy
					// and the plan take their owners from, by their names.
					assert.Len(t, l, len(isms.StandardAreas()), "the starter names every standard area")
					continue
				}
				assert.True(t, len(l) >= 1 && len(l) <= 3, "%s%s has %d entries, want 1–3", sec.path, name, len(l))
			}
		}
	}
	var stdout, stderr strings.Builder
	require.NoError(t, run([]string{"-check", "-in", filepath.Join(dir, "workbook.json")}, &stdout, &stderr), stderr.String())
}
