package threats_test

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/threats"
)

func TestEstimate_SourcedFollowsTheUnsourcedPrefix(t *testing.T) {
	for _, tc := range []struct {
		source string
		want   bool
		label  string
	}{
		{"Verizon DBIR 2024: median BEC loss ~50,000 USD", true, "Verizon DBIR 2024: median BEC loss ~50,000 USD"},
		{"unsourced default: ismskit planning assumption", false, "unsourced default: ismskit planning assumption"},
		{"Unsourced Default: an assumption", false, "unsourced default: an assumption"},
		{"  unsourced default:an assumption", false, "unsourced default: an assumption"},
		{"\n\tunsourced default: after a line break", false, "unsourced default: after a line break"},
		{"an unsourced default: somewhere later", true, "an unsourced default: somewhere later"},
		{"unsourced default", true, "unsourced default"}, // no colon: not the prefix, so it reads as a source (the catalogue tests reject such a source)
	} {
		e := threats.Estimate{Source: tc.source}
		assert.Equal(t, tc.want, e.Sourced(), tc.source)
		assert.Equal(t, tc.label, e.Label(), tc.source)
	}
}

// ISO/IEC 27005 Annex A lists threat examples; it gives no frequency and
// no loss, so it can never be the origin of an estimate's figure.
func TestSME_NoEstimateRestsOnISO27005(t *testing.T) {
	for _, th := range threats.SME().Threats() {
		if e := th.Estimate; e != nil && e.Sourced() {
			assert.NotContains(t, e.Source, "27005", "%s: ISO/IEC 27005 gives no figures", th.ID)
		}
	}
}

var reportAndYear = regexp.MustCompile(`^(Verizon DBIR|ENISA Threat Landscape|FBI IC3 Internet Crime Report) (19|20)\d\d: .*\d`)

func TestSME_EveryEstimateIsUnsourcedOrNamesAReportYearAndFigure(t *testing.T) {
	n := 0
	for _, th := range threats.SME().Threats() {
		e := th.Estimate
		if e == nil {
			continue
		}
		n++
		if !e.Sourced() {
			assert.Greater(t, len(strings.TrimSpace(e.Source)), len(threats.UnsourcedPrefix)+10, "%s: say what the default is", th.ID)
			continue
		}
		assert.Regexp(t, reportAndYear, e.Source, "%s: a sourced estimate names the report, its year and the figure used", th.ID)
		assert.Contains(t, e.Source, "frequency", "%s: say where the frequency comes from", th.ID)
	}
	assert.Positive(t, n)
}

func TestValidate_UnsourcedEstimateMustSayWhatItIs(t *testing.T) {
	th := forklift()
	th.Estimate = &threats.Estimate{Source: "Unsourced default:  ", Loss: threats.LossRange{Currency: "EUR"}}
	th.Estimate.Frequency.High, th.Estimate.Loss.High = decimalOf(1), decimalOf(1000)
	_, err := threats.New(custom(th), nil)
	require.ErrorContains(t, err, "threats[0].estimate.source")
	th.Estimate.Source = "unsourced default: ACME's guess from two forklift years"
	_, err = threats.New(custom(th), nil)
	require.NoError(t, err)
}

func TestExports_UnsourcedEstimateIsLabelledNextToItsFigures(t *testing.T) {
	var md, csvOut bytes.Buffer
	require.NoError(t, threats.WriteMarkdown(&md, threats.SME(), threats.MarkdownOptions{}))
	require.NoError(t, threats.WriteCSV(&csvOut, threats.SME(), threats.CSVOptions{}))
	rows, err := csv.NewReader(&csvOut).ReadAll()
	require.NoError(t, err)
	basis := slices.Index(rows[0], "estimate_basis")
	require.Equal(t, "estimate_source", rows[0][basis+1])
	for _, th := range threats.SME().Threats() {
		e := th.Estimate
		if e == nil {
			continue
		}
		for _, line := range strings.Split(md.String(), "\n") {
			if strings.HasPrefix(line, "| "+string(th.ID)+" |") {
				assert.Equal(t, !e.Sourced(), strings.Contains(line, "unsourced default: "), line)
				if !e.LossSourced() || e.FrequencySource != "" {
					assert.Contains(t, line, e.Label(), "the label says which figure a default is")
				}
			}
		}
		for _, rec := range rows[1:] {
			if rec[0] == string(th.ID) {
				assert.Equal(t, e.Basis(), rec[basis], th.ID)
				assert.Equal(t, e.Label(), rec[basis+1], th.ID)
			}
		}
	}
	sources, _, _ := strings.Cut(md.String()[strings.Index(md.String(), "Sources named"):], "\n")
	assert.Contains(t, sources, "Verizon DBIR 2024")
	assert.NotContains(t, sources, "unsourced default", "a planning assumption is not a source")
	assert.Contains(t, md.String(), "planning assumptions")
}

func TestEstimate_BasisIsPerFigure(t *testing.T) {
	for _, tc := range []struct {
		source, freq, basis string
		sourced, loss       bool
	}{
		{"Verizon DBIR 2024: median BEC loss ~50,000 USD", "", "report", true, true},
		{"unsourced default: ismskit assumption", "", "unsourced default", false, false},
		{"Verizon DBIR 2024: median BEC loss ~50,000 USD", "unsourced default: no rate", "loss: report; frequency: unsourced default", false, true},
		{"unsourced default: a guess", "Some Survey 2025: 1 in 10 a year", "loss: unsourced default; frequency: report", false, false},
		{"Verizon DBIR 2024: x", "Verizon DBIR 2024: y", "report", true, true},
	} {
		e := threats.Estimate{Source: tc.source, FrequencySource: tc.freq}
		assert.Equal(t, tc.basis, e.Basis(), tc.source)
		assert.Equal(t, tc.sourced, e.Sourced(), tc.source)
		assert.Equal(t, tc.loss, e.LossSourced(), tc.source)
	}
	for _, th := range threats.SME().Threats() {
		if th.ID == "ransomware" || th.ID == "ceo-fraud" {
			require.NotNil(t, th.Estimate)
			assert.Equal(t, "loss: report; frequency: unsourced default", th.Estimate.Basis(), th.ID)
		}
	}
}
