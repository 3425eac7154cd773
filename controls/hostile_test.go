package controls_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// oneControl is a document with one control of the given ID.
func oneControl(id string) string {
	q, _ := json.Marshal(id)
	if !utf8.ValidString(id) {
		q = []byte(`"` + id + `"`) // raw bytes, as an attacker would send them
	}
	return `{"format":"ismskit-catalogue/1","id":"x","name":"X","themes":["T"],"controls":[{"id":` + string(q) + `,"theme":"T","title":"One"}]}`
}

func TestParse_CustomIDsA51And501And1AreRefused(t *testing.T) {
	tests := []struct {
		id   string
		says []string
	}{
		{"A.5.1", []string{`"A."`, "2022"}},
		{"A.12.6.1", []string{`"A."`, "8.8"}},
		{"5.01", []string{"leading zero", `"5.1"`}},
		{"1", []string{"N.M", "PREFIX-CODE"}},
		{"5.0", []string{"number 0"}},
		{"05.1", []string{"leading zero"}},
		{"5.1.2", []string{"N.M"}},
		{"acme-3", []string{"PREFIX-CODE"}},
		{"ACME-03", []string{"leading zero"}},
		{"ACME", []string{"PREFIX-CODE"}},
		{"=1+1", []string{"PREFIX-CODE"}},
		{"ACME-3\u202e", []string{"PREFIX-CODE"}},
		{"ACME-\xff", nil}, // Parse and Decode: "not valid UTF-8"; ID.Validate: not a documented form
		{"ACME-" + strings.Repeat("9", controls.MaxIDLen), []string{"MaxIDLen"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			for name, check := range map[string]func() error{
				"Parse":       func() error { _, err := controls.Parse([]byte(oneControl(tt.id))); return err },
				"Decode":      func() error { _, err := controls.Decode(strings.NewReader(oneControl(tt.id))); return err },
				"ID.Validate": func() error { return controls.ID(tt.id).Validate() },
			} {
				err := check()
				require.ErrorIs(t, err, isms.ErrInvalid, name)
				for _, s := range tt.says {
					assert.Contains(t, err.Error(), s, name)
				}
				if name != "ID.Validate" && utf8.ValidString(tt.id) {
					assert.Equal(t, []string{"controls[0].id"}, paths(err), name)
				}
			}
		})
	}
	for _, ok := range []string{"5.1", "8.34", "10.100", "ACME-3", "C-3", "ACME-3.1", "NIST-PR.AC-1", "ISO27K-10"} {
		assert.NoError(t, controls.ID(ok).Validate(), ok)
		_, err := controls.Parse([]byte(oneControl(ok)))
		assert.NoError(t, err, ok)
	}
}

func TestWith_501BesideAnnexA51IsRefused(t *testing.T) {
	_, err := controls.AnnexA().With(controls.Document{Format: controls.FormatVersion, ID: "acme", Name: "ACME",
		Controls: []controls.Spec{{ID: "5.01", Theme: controls.Organizational, Title: "Shadow of 5.1"}}})
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"controls[0].id"}, paths(err))
}

func TestParse_CatalogueLimits(t *testing.T) {
	doc := func(n int, edit func(*controls.Document)) controls.Document {
		d := controls.Document{Format: controls.FormatVersion, ID: "big", Name: "Big", Themes: []controls.Theme{"T"}}
		for i := range n {
			d.Controls = append(d.Controls, controls.Spec{ID: controls.ID(fmt.Sprintf("%d.%d", 1+i/100, 1+i%100)), Theme: "T", Title: "t"})
		}
		if edit != nil {
			edit(&d)
		}
		return d
	}
	tests := []struct {
		name  string
		d     controls.Document
		path  string
		limit string
	}{
		{"too many controls", doc(controls.MaxControls+1, nil), "controls", "MaxControls"},
		{"title too long", doc(1, func(d *controls.Document) { d.Controls[0].Title = strings.Repeat("x", controls.MaxName+1) }), "controls[0].title", "MaxName"},
		{"guidance too long", doc(1, func(d *controls.Document) { d.Controls[0].Guidance = strings.Repeat("x", controls.MaxText+1) }), "controls[0].guidance", "MaxText"},
		{"example too long", doc(1, func(d *controls.Document) { d.Controls[0].Example = strings.Repeat("x", controls.MaxText+1) }), "controls[0].example", "MaxText"},
		{"too many tags on a control", doc(1, func(d *controls.Document) {
			d.Controls[0].Tags = make([]controls.Tag, controls.MaxTags+1)
		}), "controls[0].tags", "MaxTags"},
		{"too many themes", doc(1, func(d *controls.Document) {
			for i := range controls.MaxThemes {
				d.Themes = append(d.Themes, controls.Theme(fmt.Sprint("theme ", i)))
			}
		}), "themes", "MaxThemes"},
		{"too many kinds", doc(1, func(d *controls.Document) {
			for i := range controls.MaxKinds + 1 {
				d.Attributes = append(d.Attributes, controls.AttributeKind{Kind: controls.Kind(fmt.Sprint("k", i))})
			}
		}), "attributes", "MaxKinds"},
		{"too many mappings", doc(1, func(d *controls.Document) {
			d.Mappings = make([]controls.MappingSpec, controls.MaxMappings+1)
		}), "mappings", "MaxMappings"},
		{"too many mapping entries", doc(1, func(d *controls.Document) {
			d.Mappings = []controls.MappingSpec{{ID: "m", Entries: make([]controls.Entry, controls.MaxMappingEntries+1)}}
		}), "mappings[0].entries", "MaxMappingEntries"},
		{"theme name too long", doc(1, func(d *controls.Document) { d.Themes[0] = controls.Theme(strings.Repeat("x", controls.MaxName+1)) }), "themes[0]", "MaxName"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, controls.Encode(&b, tt.d))
			for name, check := range map[string]func() error{
				"New":      func() error { _, err := controls.New(tt.d); return err },
				"Validate": tt.d.Validate,
				"Parse":    func() error { _, err := controls.Parse(b.Bytes()); return err },
				"Decode":   func() error { _, err := controls.Decode(bytes.NewReader(b.Bytes())); return err },
			} {
				err := check()
				require.ErrorIs(t, err, isms.ErrInvalid, name)
				assert.Contains(t, paths(err), tt.path, name)
				assert.Contains(t, err.Error(), tt.limit, name)
				assert.LessOrEqual(t, len(isms.ValidationErrors(err)), 3, "%s: a limit is one problem, not one per item", name)
			}
		})
	}
	_, err := controls.New(doc(controls.MaxControls, nil))
	require.NoError(t, err, "MaxControls itself is fine")
}

func TestParse_DocumentLargerThanMaxDocumentBytes(t *testing.T) {
	big := []byte(`{"format":"ismskit-catalogue/1","id":"x","name":"` + strings.Repeat("x", controls.MaxDocumentBytes) + `"}`)
	_, err := controls.Parse(big)
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "MaxDocumentBytes")
	_, err = controls.Decode(bytes.NewReader(big))
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "MaxDocumentBytes")
}

func TestParse_InvalidUTF8IsRefusedNotReplaced(t *testing.T) {
	in := []byte(`{"format":"ismskit-catalogue/1","id":"x","name":"X","themes":["T"],"controls":[{"id":"1.1","theme":"T","title":"bad` + "\xff" + `"}]}`)
	_, err := controls.Parse(in)
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "UTF-8")
	_, err = controls.Decode(bytes.NewReader(in))
	require.ErrorIs(t, err, isms.ErrInvalid)
	d := controls.Document{Format: controls.FormatVersion, ID: "x", Name: "X", Themes: []controls.Theme{"T"},
		Controls: []controls.Spec{{ID: "1.1", Theme: "T", Title: "bad\xff"}}}
	for _, err := range []error{d.Validate(), func() error { _, err := controls.New(d); return err }()} {
		require.ErrorIs(t, err, isms.ErrInvalid)
		assert.Equal(t, []string{"controls[0].title"}, paths(err))
	}
}
