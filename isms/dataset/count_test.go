package dataset_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms/dataset"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/storetest/kinds"
)

// TestCount_IsWhatSaveWrites: the records Save writes for the sample
// company, counted kind by kind in the store, are Count; a kind added to
// Dataset but not to Count fails here.
func TestCount_IsWhatSaveWrites(t *testing.T) {
	d, err := sample.Dataset()
	require.NoError(t, err)
	st := memstore.NewStore()
	require.NoError(t, dataset.Save(context.Background(), st, d))
	stored := 0
	for _, k := range kinds.All() {
		stored += st.Len(k.Name(), d.Context.Organization.ID)
	}
	assert.Equal(t, stored, d.Count())
	assert.Greater(t, d.Count(), 100, "the sample company is a whole ISMS")
}
