package processes_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
)

// A process last reviewed in 9999 gives a review duty a calendar accepts.
func TestDuties_ReviewIn9999StaysInRange(t *testing.T) {
	reg := good()
	reg.Processes[0].LastReview = time.Date(9999, 6, 1, 0, 0, 0, 0, time.UTC)
	require.NoError(t, reg.Validate())
	ds := reg.Duties()
	for _, d := range ds {
		assert.LessOrEqual(t, d.Due.Year(), 9999, d.Title)
	}
	_, err := calendar.FromDuties(ds, calendar.DutyOptions{DefaultOwner: "IT manager"})
	require.NoError(t, err)
}
