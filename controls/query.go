package controls

import (
	"strings"

	"github.com/ismskit/ismskit/isms"
)

// Query selects controls. Every field that is set must match, so adding a
// field narrows the result:
//
//   - Themes: the control's theme is one of them;
//   - All: the control carries every one of these tags
//     ("detective controls that protect availability" is
//     All: []Tag{Detective, Availability});
//   - Any: the control carries at least one of these tags;
//   - Text: every word of Text appears, ignoring case, in the title, the
//     guidance or the example.
//
// The zero Query selects every control.
type Query struct {
	Themes []Theme `json:"themes,omitempty"`
	All    []Tag   `json:"all,omitempty"`
	Any    []Tag   `json:"any,omitempty"`
	Text   string  `json:"text,omitempty"`
}

// compiled is a Query resolved against one catalogue's vocabulary.
type compiled struct {
	themes   []Theme
	all, any tagSet
	words    []string
}

func (c *Catalogue) compile(q Query) (compiled, error) {
	var p isms.Problems
	out := compiled{themes: q.Themes, words: strings.Fields(strings.ToLower(q.Text))}
	for i, t := range q.Themes {
		known := false
		for _, have := range c.vocab.themes {
			known = known || have == t
		}
		if !known {
			p.Addf(isms.Index("themes", i), "theme %q is not in the catalogue", t)
		}
	}
	resolve := func(field string, tags []Tag, into *tagSet) {
		for i, t := range tags {
			j, ok := c.vocab.index[t]
			if !ok {
				p.Addf(isms.Index(field, i), "tag %q is not in the catalogue", t)
				continue
			}
			into.add(j)
		}
	}
	resolve("all", q.All, &out.all)
	resolve("any", q.Any, &out.any)
	return out, p.Err()
}

func (q compiled) matches(c Control) bool {
	if len(q.themes) > 0 {
		ok := false
		for _, t := range q.themes {
			ok = ok || t == c.theme
		}
		if !ok {
			return false
		}
	}
	if !c.tags.containsAll(q.all) {
		return false
	}
	if !q.any.empty() && !c.tags.intersects(q.any) {
		return false
	}
	for _, w := range q.words {
		if !strings.Contains(c.text, w) {
			return false
		}
	}
	return true
}

// Find returns the controls that match q, in natural ID order. A theme or
// tag the catalogue does not know is an error (wrapping isms.ErrInvalid)
// rather than an empty result, so a misspelt tag is noticed.
func (c *Catalogue) Find(q Query) ([]Control, error) {
	cq, err := c.compile(q)
	if err != nil {
		return nil, err
	}
	// Count first so the result is allocated once, at its final size.
	n := 0
	for _, ctl := range c.controls {
		if cq.matches(ctl) {
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	out := make([]Control, 0, n)
	for _, ctl := range c.controls {
		if cq.matches(ctl) {
			out = append(out, ctl)
		}
	}
	return out, nil
}

// Count returns how many controls match q, without allocating a result.
func (c *Catalogue) Count(q Query) (int, error) {
	cq, err := c.compile(q)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, ctl := range c.controls {
		if cq.matches(ctl) {
			n++
		}
	}
	return n, nil
}

// Search returns the controls whose title, guidance or example contain
// every word of text, ignoring case, in natural ID order.
func (c *Catalogue) Search(text string) []Control {
	out, _ := c.Find(Query{Text: text}) // a text-only query cannot fail
	return out
}
