package isms_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
)

// TestOrgContext_JSONSchemaIsStable pins the JSON encoding of a complete
// context: the field names are the import/export schema hosts and workbooks
// depend on, so a rename must show up here as a reviewed golden change.
func TestOrgContext_JSONSchemaIsStable(t *testing.T) {
	got, err := json.MarshalIndent(validContext(), "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	golden.Assert(t, filepath.Join("testdata", "orgcontext.json"), got)

	var back isms.OrgContext
	require.NoError(t, json.Unmarshal(got, &back), "the encoding decodes")
	require.NoError(t, back.Validate(), "the golden file is a valid context")
}
