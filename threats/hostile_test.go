package threats_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/hostile"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/threats"
)

func TestDecode_HostileInputIsAnErrorNeverAPanicOrHang(t *testing.T) {
	valid, err := os.ReadFile("data/sme-threats.json")
	require.NoError(t, err)
	tests := []struct {
		name string
		m    hostile.Mutation
		says string
	}{
		{"loss of 1e308", hostile.Set("threats.0.estimate.loss.high", "1e308"), "MaxLoss"},
		{"exponent 1e999999999", hostile.Set("threats.0.estimate.frequency.high", "1e999999999"), "exponent"},
		{"NaN frequency", hostile.Set("threats.0.estimate.frequency.low", "NaN"), "frequency"},
		{"likelihood 2^63", hostile.Replace(`"likelihood":5`, `"likelihood":9223372036854775808`), "likelihood"},
		{"unknown field", hostile.Replace(`"likelihood":5`, `"likelihood":5,"likelyhood":1`), "unknown field"},
		{"invalid UTF-8", hostile.Raw(func(b []byte) []byte { return bytes.Replace(b, []byte("Phishing"), []byte("Phish\xffing"), 1) }), "UTF-8"},
		{"trailing data", hostile.Raw(func(b []byte) []byte { return append(b, []byte("{}")...) }), ""},
		{"deep nesting", hostile.Raw(func([]byte) []byte { return []byte(strings.Repeat("[", 100000)) }), ""},
		{"a million asset types", hostile.Raw(func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"asset_types": ["information", "software", "people"]`),
				[]byte(`"asset_types": [`+strings.Repeat(`"information",`, 1_000_000)+`"software"]`), 1)
		}), ""},
		{"control is not a string", hostile.Set("threats.0.prevent.0", 5.17), "prevent"},
		{"no threats", hostile.Set("threats", []any{}), "no threats"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.m(t, bytes.Clone(valid))
			err := hostile.Within(t, func() error {
				d, err := threats.Decode(bytes.NewReader(doc))
				if err != nil {
					return err
				}
				_, err = threats.New(d, nil)
				return err
			})
			require.Error(t, err)
			assert.True(t, errors.Is(err, isms.ErrInvalid) || strings.Contains(err.Error(), "threat document"), err.Error())
			assert.Contains(t, err.Error(), tc.says)
			assert.Less(t, len(err.Error()), 20_000, "the error quotes shortened values")
		})
	}
}
