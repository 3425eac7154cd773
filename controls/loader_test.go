package controls_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

func paths(err error) []string {
	var out []string
	for _, v := range isms.ValidationErrors(err) {
		out = append(out, v.Path)
	}
	return out
}

// smallDoc is a valid two-theme catalogue with a mapping.
func smallDoc() controls.Document {
	return controls.Document{
		Format: controls.FormatVersion, ID: "small", Name: "Small",
		Themes: []controls.Theme{"Org", "Tech"},
		Attributes: []controls.AttributeKind{
			{Kind: "type", Name: "Type", Values: []controls.Tag{"Prevent", "Detect"}},
			{Kind: "prop", Name: "Property", Values: []controls.Tag{"C", "A"}},
		},
		Controls: []controls.Spec{
			{ID: "1.2", Theme: "Org", Title: "Two", Tags: []controls.Tag{"Prevent", "C"}},
			{ID: "1.10", Theme: "Org", Title: "Ten", Tags: []controls.Tag{"Detect", "A"}, New: true},
			{ID: "2.1", Theme: "Tech", Title: "Backups", Tags: []controls.Tag{"Prevent", "A"}, Guidance: "Copy data nightly."},
		},
		Mappings: []controls.MappingSpec{{ID: "old", Name: "Old", Entries: []controls.Entry{
			{ID: "X.1", Title: "Old one", To: []controls.ID{"1.2"}},
			{ID: "X.2", Title: "Old two", To: []controls.ID{"2.1", "1.2"}},
		}}},
	}
}

func TestNew_ValidDocument(t *testing.T) {
	cat, err := controls.New(smallDoc())
	require.NoError(t, err)
	var ids []controls.ID
	for _, c := range cat.Controls() {
		ids = append(ids, c.ID())
	}
	assert.Equal(t, []controls.ID{"1.2", "1.10", "2.1"}, ids, "natural order")
	m, _ := cat.Mapping("old")
	to, _ := m.Successors("X.2")
	assert.Equal(t, []controls.ID{"1.2", "2.1"}, to)
	assert.Equal(t, []controls.ID{"X.1", "X.2"}, m.Predecessors("1.2"))
}

func TestNew_ReportsEveryProblemWithItsPath(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(d *controls.Document)
		want   []string
	}{
		{"wrong format and no ID", func(d *controls.Document) { d.Format, d.ID = "v0", "" }, []string{"format", "id"}},
		{"duplicate control ID", func(d *controls.Document) { d.Controls[2].ID = "1.2"; d.Mappings = nil }, []string{"controls[2].id"}},
		{"unknown theme", func(d *controls.Document) { d.Controls[0].Theme = "Legal" }, []string{"controls[0].theme"}},
		{"unknown and repeated tags", func(d *controls.Document) {
			d.Controls[1].Tags = []controls.Tag{"Detect", "Nope", "Detect"}
		}, []string{"controls[1].tags[1]", "controls[1].tags[2]"}},
		{"no title, bad ID", func(d *controls.Document) {
			d.Controls[1].Title, d.Controls[1].ID = " ", "1 10"
		}, []string{"controls[1].id", "controls[1].title"}},
		{"tag in two kinds", func(d *controls.Document) {
			d.Attributes[1].Values = append(d.Attributes[1].Values, "Detect")
		}, []string{"attributes[1].values[2]"}},
		{"theme declared twice", func(d *controls.Document) { d.Themes = append(d.Themes, "Org") }, []string{"themes[2]"}},
		{"mapping target missing", func(d *controls.Document) {
			d.Mappings[0].Entries[1].To = []controls.ID{"9.9"}
		}, []string{"mappings[0].entries[1].to[0]", "controls[2].new"}},
		{"old control mapped twice, and to nothing", func(d *controls.Document) {
			d.Mappings[0].Entries = append(d.Mappings[0].Entries, controls.Entry{ID: "X.1"}, controls.Entry{ID: "X.3"})
		}, []string{"mappings[0].entries[2].id", "mappings[0].entries[2].to", "mappings[0].entries[3].to"}},
		{"new mark contradicts mapping", func(d *controls.Document) {
			d.Controls[0].New, d.Controls[1].New = true, false
		}, []string{"controls[0].new", "controls[1].new"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := smallDoc()
			tt.break_(&d)
			_, err := controls.New(d)
			require.Error(t, err)
			assert.True(t, errors.Is(err, isms.ErrInvalid))
			assert.Equal(t, tt.want, paths(err))
		})
	}
}

func TestDecode_RejectsUnknownFieldsAndTrailingData(t *testing.T) {
	_, err := controls.Decode(strings.NewReader(`{"format":"ismskit-catalogue/1","controlz":[]}`))
	assert.ErrorIs(t, err, isms.ErrInvalid)
	_, err = controls.Decode(strings.NewReader(`{"format":"ismskit-catalogue/1"} {}`))
	assert.ErrorIs(t, err, isms.ErrInvalid)
	_, err = controls.Parse([]byte(`not json`))
	assert.ErrorIs(t, err, isms.ErrInvalid)
}

// Decode validates what the document says on its own; references to
// themes and tags wait for New or Catalogue.With, which may resolve them
// against a base catalogue.
func TestDecode_Validates(t *testing.T) {
	_, err := controls.Decode(strings.NewReader(`{"format":"v0","id":" ","themes":[""],"attributes":[{"kind":""}],
		"controls":[{"id":"1.1","title":"One","theme":"Elsewhere"},{"id":"1.1","title":" "},{"id":"a b","title":"x"}],
		"mappings":[{"id":"","entries":[{"id":"","to":["1.1"]}]}]}`))
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"format", "id", "themes[0]", "attributes[0].kind", "controls[1].id", "controls[1].title", "controls[2].id", "mappings[0].id", "mappings[0].entries[0].id"}, paths(err))

	d, err := controls.Decode(strings.NewReader(`{"format":"ismskit-catalogue/1","id":"acme","name":"ACME","controls":[{"id":"ACME-1","theme":"Technological","title":"Restore drill","tags":["Corrective"]}]}`))
	require.NoError(t, err, "an extension document decodes")
	cat, err := controls.AnnexA().With(d)
	require.NoError(t, err)
	assert.Equal(t, 94, cat.Len())
	_, err = controls.New(d)
	assert.Equal(t, []string{"controls[0].theme", "controls[0].tags[0]"}, paths(err), "on its own it lacks the theme and tag")
}

func TestWith_AddsCustomControlsBesideAnnexA(t *testing.T) {
	base := controls.AnnexA()
	custom := controls.Document{
		Format: controls.FormatVersion, ID: "acme", Name: "ACME controls",
		Themes: []controls.Theme{"Customer commitments"},
		Controls: []controls.Spec{
			{ID: "ACME-1", Theme: controls.Technological, Title: "Quarterly restore drill", Tags: []controls.Tag{controls.Corrective, controls.Availability}},
			{ID: "ACME-2", Theme: "Customer commitments", Title: "Security contact in every contract", Tags: []controls.Tag{controls.Preventive}},
		},
	}
	cat, err := base.With(custom)
	require.NoError(t, err)
	assert.Equal(t, 95, cat.Len())
	assert.Equal(t, 93, base.Len(), "the base catalogue is not changed")
	c, ok := cat.ByID("ACME-1")
	require.True(t, ok)
	assert.Equal(t, "acme", c.Source())
	assert.Equal(t, []controls.Tag{controls.Corrective}, c.Tags(controls.KindControlType))
	found, err := cat.Find(controls.Query{All: []controls.Tag{controls.Corrective, controls.Availability}})
	require.NoError(t, err)
	assert.Equal(t, controls.ID("ACME-1"), found[len(found)-1].ID(), "custom IDs sort after numeric ones")
	assert.Len(t, cat.Documents(), 2)
	assert.Equal(t, "ISO/IEC 27001:2022 Annex A + ACME controls (95 controls)", cat.String())

	clash := custom
	clash.ID = "acme2"
	clash.Controls = []controls.Spec{{ID: "8.8", Theme: controls.Technological, Title: "Mine"}}
	_, err = cat.With(clash)
	assert.Equal(t, []string{"controls[0].id"}, paths(err))
	_, err = cat.With(custom)
	assert.Contains(t, paths(err), "id", "the same document cannot be added twice")
}
