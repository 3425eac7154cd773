package isms_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestOrgContext_JSONSchemaIsStable pins the JSON encoding of a complete
// context: the field names are the import/export schema hosts and workbooks
// depend on, so a rename must show up here as a reviewed golden change.
func TestOrgContext_JSONSchemaIsStable(t *testing.T) {
	got, err := json.MarshalIndent(validContext(), "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	golden := filepath.Join("testdata", "orgcontext.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))

	var back isms.OrgContext
	require.NoError(t, json.Unmarshal(want, &back), "the golden file decodes")
	require.NoError(t, back.Validate(), "the golden file is a valid context")
}
