package controls_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/storetest"
)

// genDocument draws a valid catalogue document: a few themes and kinds,
// controls with distinct IDs and declared tags, and optionally a mapping
// with consistent "new" marks.
func genDocument() *rapid.Generator[controls.Document] {
	return rapid.Custom(func(t *rapid.T) controls.Document {
		d := controls.Document{Format: controls.FormatVersion, ID: "gen", Name: rapid.StringMatching(`[A-Za-z ]{0,12}`).Draw(t, "name")}
		for i := range rapid.IntRange(1, 3).Draw(t, "themes") {
			d.Themes = append(d.Themes, controls.Theme(fmt.Sprintf("Theme %d", i)))
		}
		var tags []controls.Tag
		for k := range rapid.IntRange(0, 3).Draw(t, "kinds") {
			ak := controls.AttributeKind{Kind: controls.Kind(fmt.Sprintf("kind%d", k)), Name: "Kind"}
			for v := range rapid.IntRange(1, 4).Draw(t, "values") {
				tag := controls.Tag(fmt.Sprintf("k%dv%d", k, v))
				ak.Values = append(ak.Values, tag)
				tags = append(tags, tag)
			}
			d.Attributes = append(d.Attributes, ak)
		}
		n := rapid.IntRange(1, 12).Draw(t, "controls")
		for i := range n {
			s := controls.Spec{
				ID:       controls.ID(fmt.Sprintf("%d.%d", 1+i%3, i+1)),
				Theme:    rapid.SampledFrom(d.Themes).Draw(t, "theme"),
				Title:    rapid.StringMatching(`[A-Za-z][A-Za-z ,|"<>&]{0,20}`).Draw(t, "title"),
				Guidance: rapid.StringMatching(`[a-z .]{0,30}`).Draw(t, "guidance"),
			}
			if len(tags) > 0 {
				s.Tags = rapid.SliceOfNDistinct(rapid.SampledFrom(tags), 0, 4, rapid.ID).Draw(t, "tags")
			}
			d.Controls = append(d.Controls, s)
		}
		if rapid.Bool().Draw(t, "mapped") {
			m := controls.MappingSpec{ID: "old", Name: "Old"}
			targeted := map[controls.ID]bool{}
			for j := range rapid.IntRange(1, 5).Draw(t, "entries") {
				to := rapid.SampledFrom(d.Controls).Draw(t, "to").ID
				targeted[to] = true
				m.Entries = append(m.Entries, controls.Entry{ID: controls.ID(fmt.Sprintf("A.%d", j)), Title: "old", To: []controls.ID{to}})
			}
			for i := range d.Controls {
				d.Controls[i].New = !targeted[d.Controls[i].ID]
			}
			d.Mappings = []controls.MappingSpec{m}
		}
		return d
	})
}

func TestFormat_RoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDocument().Draw(t, "doc")
		cat, err := controls.New(d)
		require.NoError(t, err)
		var first bytes.Buffer
		require.NoError(t, controls.Encode(&first, d))
		back, err := controls.Decode(bytes.NewReader(first.Bytes()))
		require.NoError(t, err)
		var second bytes.Buffer
		require.NoError(t, controls.Encode(&second, back))
		assert.Equal(t, first.String(), second.String(), "encode → decode → encode is stable")
		again, err := controls.New(back)
		require.NoError(t, err)
		assert.Equal(t, cat.Controls(), again.Controls(), "the decoded document builds the same catalogue")
		assert.Equal(t, d, cat.Documents()[0], "the catalogue gives back its document")
	})
}

func TestImplementation_IsStorable(t *testing.T) {
	owner := itManager
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	storetest.RunFor(t, func(testing.TB) isms.Repository[controls.Implementation] {
		return memstore.New[controls.Implementation]()
	}, storetest.Fixture[controls.Implementation]{
		Make: func(id controls.ImplementationID, n int) controls.Implementation {
			im := controls.Implementation{ID: id, Control: "8.13", Status: controls.Planned, Owner: owner}
			return im.Reviewed(start, controls.Effective, start.AddDate(0, 0, n+1))
		},
		Count: func(im controls.Implementation) int { return int(im.NextReview.Sub(start).Hours()/24) - 1 },
	})
}
