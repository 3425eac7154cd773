package risk_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/hostile"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// methodJSON is the test method in JSON with one field replaced by raw.
func methodJSON(t *testing.T, field, raw string) string {
	t.Helper()
	b, err := json.Marshal(method())
	require.NoError(t, err)
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &m))
	m[field] = json.RawMessage(raw)
	b, err = json.Marshal(m)
	require.NoError(t, err)
	return string(b)
}

func TestDecodeMethod_ControlStrengthOutsideItsRangeIsRefused(t *testing.T) {
	for _, s := range []string{`"-1"`, `"3"`, `"1e400"`, `"1.0001"`, `"0.123456789"`} {
		t.Run(s, func(t *testing.T) {
			_, err := risk.DecodeMethod(strings.NewReader(methodJSON(t, "control_strength", s)))
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Equal(t, []string{"control_strength"}, paths(err), "%v", err)
		})
	}
	for _, s := range []string{`"0.25"`, `"1"`, `"0.0001"`} {
		_, err := risk.DecodeMethod(strings.NewReader(methodJSON(t, "control_strength", s)))
		assert.NoError(t, err, s)
	}
}

func TestDeriveResidual_NeverPanicsOnAnyMethod(t *testing.T) {
	strength := func(s string) risk.Method {
		m := method()
		m.ControlStrength = decimal.RequireFromString(s)
		return m
	}
	empty := risk.Method{}
	noLevels := method()
	noLevels.Likelihood.Levels = nil
	applied := []risk.AppliedControl{{Control: "8.5", Effectiveness: controls.Effective, Reduces: risk.ReducesBoth}}
	for name, m := range map[string]risk.Method{
		"strength -1": strength("-1"), "strength 3": strength("3"), "strength 1e400": strength("1e400"),
		"empty method": empty, "a scale without levels": noLevels,
	} {
		t.Run(name, func(t *testing.T) {
			err := hostile.Within(t, func() error {
				_, err := risk.DeriveResidual(m, risk.Rating{Likelihood: 5, Impact: 5}, applied, nil)
				return err
			})
			require.ErrorIs(t, err, isms.ErrInvalid)
			for _, p := range paths(err) {
				assert.True(t, strings.HasPrefix(p, "method"), "path %q", p)
			}
		})
	}
}

func TestDeriveResidual_AppliedControlsAreBounded(t *testing.T) {
	applied := make([]risk.AppliedControl, risk.MaxAppliedControls+1)
	for i := range applied {
		applied[i] = risk.AppliedControl{Control: "8.5", Effectiveness: controls.Effective, Reduces: risk.ReducesBoth}
	}
	err := hostile.Within(t, func() error {
		_, err := risk.DeriveResidual(method(), risk.Rating{Likelihood: 5, Impact: 5}, applied, nil)
		return err
	})
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"applied"}, paths(err))
	assert.Contains(t, err.Error(), "MaxAppliedControls")

	r := risk.Risk{Applied: applied}
	assert.Contains(t, paths(r.Validate()), "applied")

	// At the limit it is exact and fast.
	got, err := risk.DeriveResidual(method(), risk.Rating{Likelihood: 5, Impact: 5}, applied[:risk.MaxAppliedControls], nil)
	require.NoError(t, err)
	assert.Equal(t, risk.Rating{Likelihood: 2, Impact: 2}, got)
}

func TestDecodeMethod_BandsAuthoritiesAndMonthsAreBounded(t *testing.T) {
	var bands, auths strings.Builder
	for i := range 20_000 {
		if i > 0 {
			bands.WriteString(",")
			auths.WriteString(",")
		}
		fmt.Fprintf(&bands, `{"id":"b%d","label":"B%d"}`, i, i)
		fmt.Fprintf(&auths, `{"role":%q,"up_to":"b%d","max_months":1}`, ceo.String(), i)
	}
	for _, tt := range []struct {
		name, js, path, says string
	}{
		{"20,000 bands and authorities", `{"likelihood":{"name":"L","levels":[{"value":1,"label":"a"}]},"impact":{"name":"I","levels":[{"value":1,"label":"a"}]},"bands":[` +
			bands.String() + `],"thresholds":[0],"criteria":{"appetite":"b0","authorities":[` + auths.String() + `]}}`, "bands", "MaxBands"},
		{"max months beyond int", methodJSON(t, "criteria", `{"appetite":"medium","authorities":[{"role":"`+ceo.String()+`","up_to":"high","max_months":9223372036854775807}]}`),
			"criteria.authorities[0].max_months", "MaxAcceptanceMonths"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := hostile.Within(t, func() error {
				_, err := risk.DecodeMethod(bytes.NewReader([]byte(tt.js)))
				return err
			})
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Contains(t, paths(err), tt.path)
			assert.Contains(t, err.Error(), tt.says)
		})
	}
}

// A heat map built by hand whose cells do not match its scales, or with
// more levels than any method has: an error, not a panic or a huge image.
func TestWriteHeatMapSVG_CellsNotMatchingTheScalesAreAnErrorNotAPanic(t *testing.T) {
	reg := register()
	hm, err := reg.HeatMap(risk.Inherent)
	require.NoError(t, err)
	short := hm
	short.Cells = short.Cells[:2]
	ragged := hm
	ragged.Cells = append([][]risk.HeatCell{hm.Cells[0][:1]}, hm.Cells[1:]...)
	huge := hm
	huge.Likelihood.Levels = make([]isms.Level, risk.MaxLevels+1)
	for name, h := range map[string]risk.HeatMap{"no cells": {Likelihood: hm.Likelihood, Impact: hm.Impact}, "too few rows": short, "a short row": ragged, "too many levels": huge} {
		t.Run(name, func(t *testing.T) {
			err := hostile.Within(t, func() error { return risk.WriteHeatMapSVG(&bytes.Buffer{}, h, risk.SVGOptions{}) })
			require.ErrorIs(t, err, isms.ErrInvalid)
		})
	}
}
