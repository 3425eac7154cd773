package suppliers_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/suppliers"
)

// A valid register whose dates sit at the edges of the years a file can
// carry (1–9999) gives duties a calendar accepts: no due date falls
// outside those years.
func TestDuties_DatesAtTheEdgeOfTheYearsStayInRange(t *testing.T) {
	s := good()
	s.Certificates[0].Issued = time.Time{}
	s.Certificates[0].Expires = time.Date(1, 1, 15, 0, 0, 0, 0, time.UTC)
	s.Assessments[0].Date = time.Date(9999, 6, 1, 0, 0, 0, 0, time.UTC)
	reg := suppliers.Register{Suppliers: []suppliers.Supplier{s}}
	require.NoError(t, reg.Validate())
	ds := reg.Duties(context())
	for _, d := range ds {
		assert.True(t, d.Due.Year() >= 1 && d.Due.Year() <= 9999, "%s due %s", d.Title, d.Due)
	}
	_, err := calendar.FromDuties(ds, calendar.DutyOptions{DefaultOwner: "IT manager"})
	require.NoError(t, err)
}
