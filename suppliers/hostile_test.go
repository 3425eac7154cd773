package suppliers_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/internal/hostile"
	"github.com/ismskit/ismskit/isms"
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

// Hostile JSON given to DecodeRegister: each gives an error at the
// field's path, never a panic or a hang.
func TestDecodeRegister_HostileInput(t *testing.T) {
	base, err := json.Marshal(suppliers.Register{Suppliers: []suppliers.Supplier{good()}})
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		mutate hostile.Mutation
		want   string
	}{
		{"notification-hours-huge", hostile.Set("suppliers.0.contract.notification_hours", json.Number("1e30")), "suppliers[0].contract.notification_hours"},
		{"notification-hours-negative", hostile.Set("suppliers.0.contract.notification_hours", json.Number("-96")), "suppliers[0].contract.notification_hours"},
		{"expiry-year-10000", hostile.Set("suppliers.0.certificates.0.expires", "9999-12-31T23:59:59-23:59"), "suppliers[0].certificates[0].expires"},
		{"unknown-field", hostile.Set("suppliers.0.colour", "red"), "suppliers[0].colour"},
		{"access-kind-unknown", hostile.Set("suppliers.0.access.0.kind", "root"), "suppliers[0].access[0].kind"},
		{"name-a-megabyte", hostile.Set("suppliers.0.name", strings.Repeat("A", 1<<20)), ""},
		{"null", hostile.Raw(func([]byte) []byte { return []byte("null") }), ""},
		{"deep-nesting", hostile.Raw(func([]byte) []byte {
			return []byte(`{"suppliers":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`)
		}), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.mutate(t, slices.Clone(base))
			err := hostile.Within(t, func() error {
				reg, err := suppliers.DecodeRegister(bytes.NewReader(data))
				_ = suppliers.Lint(reg, context(), now, suppliers.LintOptions{})
				_ = reg.Duties(context())
				return err
			})
			if tc.name == "name-a-megabyte" {
				return // valid, and linted without trouble
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, isms.ErrInvalid)
			assert.Less(t, len(err.Error()), 4096, "the error quotes values shortened")
			if tc.want != "" {
				var paths []string
				for _, v := range isms.ValidationErrors(err) {
					paths = append(paths, v.Path)
				}
				assert.Contains(t, paths, tc.want)
			}
		})
	}
}
