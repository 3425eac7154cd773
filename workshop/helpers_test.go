package workshop_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/workshop"
)

func decimalOf(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

// sampleFirst is the sample company's first controls, ranked over its
// register and implementation records.
func sampleFirst(t *testing.T) []workshop.Priority {
	t.Helper()
	reg, err := sample.Register(sample.Company())
	require.NoError(t, err)
	ranked, err := workshop.Prioritise(workshop.PriorityInput{Register: reg, Implementations: sample.Implementations()})
	require.NoError(t, err)
	first, err := workshop.FirstControls(ranked, 0)
	require.NoError(t, err)
	return first
}
