package dataset_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms/dataset"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/processes"
)

// The supplier register and the process descriptions are saved and loaded
// with the rest; their problems are reported at paths into the dataset.
func TestSaveLoad_SuppliersAndProcessesRoundTrip(t *testing.T) {
	ctx := context.Background()
	st := memstore.NewStore()
	d := sampleDataset(t)
	require.Len(t, d.Suppliers, 3)
	require.Len(t, d.Processes, 4)
	require.NoError(t, dataset.Save(ctx, st, d))
	got, err := dataset.Load(ctx, st, d.Context.Organization.ID)
	require.NoError(t, err)
	assert.ElementsMatch(t, d.Suppliers, got.Suppliers)
	assert.ElementsMatch(t, d.Processes, got.Processes)

	bad := d
	bad.Processes = append([]processes.Process(nil), d.Processes...)
	bad.Processes[1].Controls = []controls.ID{"9.99"}
	bad.Processes[2].Evidence = []string{"spreadsheet"}
	assert.Contains(t, pathsOf(bad.Validate()), "processes[2].evidence[0]")
	assert.Contains(t, pathsOf(bad.CheckRefs(controls.AnnexA())), "processes[1].controls[0]")

	// A policy whose principles link a process the dataset does not hold.
	bad = d
	bad.Processes = nil
	assert.Contains(t, pathsOf(bad.CheckRefs(controls.AnnexA())), "policies[0].principles[0].processes[0].process")
}
