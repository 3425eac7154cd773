package controls

import (
	"encoding/json"
	"slices"
)

// Control is one control of a catalogue. It is an immutable value: the
// accessors return copies, so a Control can be passed around and compared
// freely. The zero Control is not part of any catalogue.
type Control struct {
	id       ID
	theme    Theme
	title    string
	guidance string
	example  string
	isNew    bool
	source   string
	tags     tagSet
	vocab    *vocabulary
	text     string // lower-cased title, guidance and example for Search
}

// ID returns the control's ID, e.g. "8.8".
func (c Control) ID() ID { return c.id }

// Theme returns the control's theme, e.g. Technological.
func (c Control) Theme() Theme { return c.theme }

// Title returns the control's short title.
func (c Control) Title() string { return c.title }

// Guidance returns ismskit's plain-language advice on what a small company
// typically does about the control (never the standard's text).
func (c Control) Guidance() string { return c.guidance }

// Example returns one concrete example of the control in a small company.
func (c Control) Example() string { return c.example }

// IsNew reports whether the control replaces nothing in its catalogue's
// mappings: for Annex A 2022, whether it is one of the 11 controls new
// since 2013.
func (c Control) IsNew() bool { return c.isNew }

// Source returns the ID of the document the control came from:
// "iso27001-2022" for Annex A, a host's own ID for custom controls.
func (c Control) Source() string { return c.source }

// Has reports whether the control carries tag t.
func (c Control) Has(t Tag) bool {
	if c.vocab == nil {
		return false
	}
	i, ok := c.vocab.index[t]
	return ok && c.tags.has(i)
}

// Tags returns the control's tags of kind k in vocabulary order, or all of
// its tags when k is "".
func (c Control) Tags(k Kind) []Tag {
	if c.vocab == nil {
		return nil
	}
	var out []Tag
	for i, t := range c.vocab.tags {
		if c.tags.has(i) && (k == "" || c.vocab.kindOf[i] == k) {
			out = append(out, t)
		}
	}
	return out
}

// Spec returns the control in its document form.
func (c Control) Spec() Spec {
	return Spec{ID: c.id, Theme: c.theme, Title: c.title, Tags: c.Tags(""), Guidance: c.guidance, Example: c.example, New: c.isNew}
}

// MarshalJSON encodes the control as its Spec.
func (c Control) MarshalJSON() ([]byte, error) { return json.Marshal(c.Spec()) }

// String returns "ID Title", e.g. "8.8 Management of technical vulnerabilities".
func (c Control) String() string { return string(c.id) + " " + c.title }

// Controls returns every control in natural ID order.
func (c *Catalogue) Controls() []Control { return slices.Clone(c.controls) }

// ByID returns the control with the given ID. It does not allocate.
func (c *Catalogue) ByID(id ID) (Control, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Control{}, false
	}
	return c.controls[i], true
}

// Has reports whether the catalogue has a control with the given ID.
func (c *Catalogue) Has(id ID) bool {
	_, ok := c.byID[id]
	return ok
}

// ByTheme returns the controls of one theme in natural ID order.
func (c *Catalogue) ByTheme(t Theme) []Control {
	var out []Control
	for _, ctl := range c.controls {
		if ctl.theme == t {
			out = append(out, ctl)
		}
	}
	return out
}
