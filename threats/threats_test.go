package threats_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/threats"
)

func TestSME_ValidatesAgainstAnnexA(t *testing.T) {
	c := threats.SME()
	require.GreaterOrEqual(t, c.Len(), 30)
	require.LessOrEqual(t, c.Len(), 50)
	annex := controls.AnnexA()
	withEstimate := 0
	for _, th := range c.Threats() {
		ids := th.Controls()
		assert.NotEmpty(t, ids, th.ID)
		for _, id := range ids {
			assert.True(t, annex.Has(id), "%s names %s", th.ID, id)
		}
		assert.NotEmpty(t, th.Sources, th.ID)
		if th.Estimate != nil {
			withEstimate++
			assert.NotEmpty(t, th.Estimate.Source)
		}
	}
	assert.Positive(t, withEstimate)
}

func custom(ts ...threats.Threat) threats.Document {
	return threats.Document{Format: threats.FormatVersion, ID: "acme", Name: "ACME threats", Threats: ts}
}

func forklift() threats.Threat {
	return threats.Threat{ID: "acme-forklift", Name: "Forklift hits the server rack", Category: "physical",
		AssetTypes: []isms.AssetType{isms.AssetHardware}, Properties: []threats.Property{threats.Availability},
		Prevent: []controls.ID{"7.8"}, Likelihood: 2, Sources: []string{"ACME incident log"}}
}

func TestWith_CustomThreatsLoadLikeCustomControls(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, threats.Encode(&buf, custom(forklift())))
	d, err := threats.Decode(&buf)
	require.NoError(t, err)
	c, err := threats.SME().With(d)
	require.NoError(t, err)
	assert.Equal(t, threats.SME().Len()+1, c.Len())
	got, ok := c.ByID("acme-forklift")
	require.True(t, ok)
	assert.Equal(t, "Forklift hits the server rack", got.Name)
	assert.Contains(t, c.Addressing("7.8"), threats.ID("acme-forklift"))
	assert.Equal(t, threats.SME().Len(), threats.SME().Len(), "SME unchanged")
}

func TestWith_UnknownControlAndNoControlAreErrorsWithPaths(t *testing.T) {
	bad := forklift()
	bad.Prevent = []controls.ID{"9.99"}
	none := forklift()
	none.ID, none.Prevent = "acme-none", nil
	dup := forklift()
	dup.ID = "phishing"
	_, err := threats.SME().With(custom(bad, none, dup))
	require.Error(t, err)
	assert.True(t, errors.Is(err, isms.ErrInvalid))
	msg := err.Error()
	assert.Contains(t, msg, "threats[1].prevent")
	assert.Contains(t, msg, "names no control")
	_, err = threats.SME().With(custom(bad, dup))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "threats[0].prevent[0]")
	assert.Contains(t, err.Error(), `"9.99"`)
	assert.Contains(t, err.Error(), "threats[1].id")
}

func TestDecode_EveryProblemListed(t *testing.T) {
	in := `{"format":"x","id":"","name":"n","threats":[{"id":"Bad ID","name":"","category":"c","asset_types":["car"],
	"properties":["secrecy"],"likelihood":9,"prevent":["5.1"],"requires":["boats"],
	"estimate":{"frequency":{"low":"5","high":"1"},"loss":{"low":"-1","high":"2","currency":"eur"},"source":""}}]}`
	_, err := threats.Decode(strings.NewReader(in))
	require.Error(t, err)
	for _, want := range []string{"format", "threats[0].id", "threats[0].name", "asset_types[0]", "properties[0]", "likelihood",
		"requires[0]", "estimate.frequency", "estimate.loss", "estimate.loss.currency", "estimate.source"} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestDecode_LimitsAreNamed(t *testing.T) {
	huge := strings.Repeat(" ", threats.MaxDocumentBytes+1)
	_, err := threats.Decode(strings.NewReader(huge))
	require.ErrorContains(t, err, "MaxDocumentBytes")
	th := forklift()
	th.Vulnerabilities = make([]string, threats.MaxListItems+1)
	_, err = threats.New(custom(th), nil)
	require.ErrorContains(t, err, "MaxListItems")
	th = forklift()
	th.Estimate = &threats.Estimate{Source: "s", Loss: threats.LossRange{Currency: "EUR"}}
	th.Estimate.Frequency.High = th.Estimate.Frequency.High.Add(decimalOf(threats.MaxFrequency + 1))
	_, err = threats.New(custom(th), nil)
	require.ErrorContains(t, err, "MaxFrequency")
}

func hostileCatalogue() *threats.Catalogue {
	th := forklift()
	th.Name = "=HYPERLINK(\"http://x\")| pipe\nnew line <script>"
	th.Vulnerabilities = []string{"@SUM(A1)", "a|b"}
	th.Category = "+cmd"
	th.Sources = []string{"-evil\r\nsource"}
	c, err := threats.SME().With(custom(th))
	if err != nil {
		panic(err)
	}
	return c
}

func TestExports_Golden(t *testing.T) {
	for _, tc := range []struct {
		name string
		cat  *threats.Catalogue
	}{{"sme", threats.SME()}, {"hostile", hostileCatalogue()}} {
		var csvOut, md bytes.Buffer
		require.NoError(t, threats.WriteCSV(&csvOut, tc.cat, threats.CSVOptions{}))
		require.NoError(t, threats.WriteMarkdown(&md, tc.cat, threats.MarkdownOptions{}))
		golden.Assert(t, "testdata/"+tc.name+".csv", csvOut.Bytes())
		golden.Assert(t, "testdata/"+tc.name+".md", md.Bytes())
	}
}

func TestExports_HostileTextCannotBreakOut(t *testing.T) {
	var md bytes.Buffer
	require.NoError(t, threats.WriteMarkdown(&md, hostileCatalogue(), threats.MarkdownOptions{}))
	for _, line := range strings.Split(md.String(), "\n") {
		if strings.Contains(line, "acme-forklift") {
			assert.Equal(t, 11, strings.Count(line, "|")-strings.Count(line, `\|`), line)
			assert.NotContains(t, line, "<script>")
		}
	}
	var c bytes.Buffer
	require.NoError(t, threats.WriteCSV(&c, hostileCatalogue(), threats.CSVOptions{}))
	assert.NotContains(t, c.String(), ",=HYPERLINK")
	assert.NotContains(t, c.String(), "\"=HYPERLINK")
}

func TestNilCatalogue_IsAnErrorNotAPanic(t *testing.T) {
	var c *threats.Catalogue
	_, err := c.With(custom(forklift()))
	require.Error(t, err)
	require.Error(t, threats.WriteCSV(&bytes.Buffer{}, nil, threats.CSVOptions{}))
	require.Error(t, threats.WriteMarkdown(&bytes.Buffer{}, nil, threats.MarkdownOptions{}))
}

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	_ = threats.Encode(&buf, custom(forklift()))
	f.Add(buf.String())
	f.Add(`{"format":"ismskit-threats/1","id":"a","name":"b","threats":[{"id":"x","estimate":{"frequency":{"low":"1e999999","high":"2"}}}]}`)
	f.Add(`{"format":"ismskit-threats/1","id":"a","name":"b","threats":[{"id":"x","name":"x","category":"c","asset_types":["hardware"],"properties":["availability"],"prevent":["7.8"],"likelihood":2,"estimate":{"frequency":{"low":"0","high":"1"},"loss":{"low":"1","high":"2","currency":"EUR"},"source":" Unsourced Default: a guess"}}]}`)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := threats.Decode(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, th := range d.Threats {
			if e := th.Estimate; e != nil && !e.Sourced() {
				// A default that validated says what it is, and prints as one.
				if !strings.HasPrefix(e.Label(), threats.UnsourcedPrefix+" ") || len(e.Label()) <= len(threats.UnsourcedPrefix)+1 {
					t.Fatalf("unsourced estimate %q prints as %q", e.Source, e.Label())
				}
			}
		}
		c, err := threats.SME().With(d)
		if err != nil {
			return
		}
		_ = threats.WriteCSV(&bytes.Buffer{}, c, threats.CSVOptions{})
		_ = threats.WriteMarkdown(&bytes.Buffer{}, c, threats.MarkdownOptions{})
	})
}

func TestThreat_NamesByIDNameOrKeyword(t *testing.T) {
	c := threats.SME()
	get := func(id threats.ID) threats.Threat {
		th, ok := c.ByID(id)
		require.True(t, ok, id)
		return th
	}
	assert.True(t, get("device-lost").Names("A laptop is lost or stolen"))
	assert.True(t, get("cloud-outage").Names("A cloud outage halts customers' work"))
	assert.True(t, get("phishing").Names("Phishing steals staff credentials"))
	assert.True(t, get("ransomware").Names("see RANSOMWARE"))
	assert.True(t, get("leaver-access").Names("x leaver-access y"), "by ID")
	assert.False(t, get("fire-flood").Names("The firewall rules drift"), "a keyword is a phrase, not a fragment of a word like fire")
	bad := forklift()
	bad.Keywords = []string{" "}
	_, err := threats.New(custom(bad), nil)
	require.ErrorContains(t, err, "threats[0].keywords[0]")
}
