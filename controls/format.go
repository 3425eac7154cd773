package controls

import (
	"bytes"
	"io"

	"github.com/ismskit/ismskit/internal/jsonio"
)

// FormatVersion names the catalogue file format this package reads and
// writes. A document's "format" field must equal it.
const FormatVersion = "ismskit-catalogue/1"

// Document is the catalogue file format: one JSON object that declares a
// catalogue's themes and attribute vocabulary, its controls, and optional
// mappings from an older catalogue. The embedded Annex A catalogue
// (data/annex-a-2022.json) is one; a host's own controls or a NIST CSF
// profile are others. data/README.md documents the format field by field.
//
// A document that adds controls to another catalogue (see Catalogue.With)
// may use that catalogue's themes and tags without declaring them again.
type Document struct {
	Format     string          `json:"format"`
	ID         string          `json:"id"`
	Name       string          `json:"name"`
	Themes     []Theme         `json:"themes,omitempty"`
	Attributes []AttributeKind `json:"attributes,omitempty"`
	Controls   []Spec          `json:"controls"`
	Mappings   []MappingSpec   `json:"mappings,omitempty"`
}

// Spec is one control as a document writes it. Tags lists the control's
// attribute tags of every kind, each written once, in vocabulary order.
type Spec struct {
	ID       ID     `json:"id"`
	Theme    Theme  `json:"theme"`
	Title    string `json:"title"`
	Tags     []Tag  `json:"tags,omitempty"`
	Guidance string `json:"guidance,omitempty"`
	Example  string `json:"example,omitempty"`
	// New marks a control that no entry of the document's mappings
	// replaces: for Annex A 2022, the 11 controls new since 2013.
	New bool `json:"new,omitempty"`
}

// MappingSpec maps the controls of an older catalogue (say ISO/IEC
// 27001:2013 Annex A) to the controls of this document that replace them.
type MappingSpec struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Entries []Entry `json:"entries"`
}

// Entry is one old control and the controls that replace it.
type Entry struct {
	ID    ID     `json:"id"`
	Title string `json:"title"`
	To    []ID   `json:"to"`
}

// Decode reads a catalogue document from JSON. Unknown fields are errors,
// so a misspelt field name is reported rather than silently dropped. Decode
// checks only the JSON; New and Catalogue.With check the content.
func Decode(r io.Reader) (Document, error) {
	var d Document
	if err := jsonio.Decode(r, &d, "catalogue document"); err != nil {
		return Document{}, err
	}
	return d, nil
}

// Parse decodes a document and builds a catalogue from it, reporting every
// problem at once.
func Parse(data []byte) (*Catalogue, error) {
	d, err := Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return New(d)
}

// Encode writes a document in the canonical form: indented JSON with the
// fields in the order of the Go types and no HTML escaping. Encoding a
// decoded canonical file gives back the same bytes.
func Encode(w io.Writer, d Document) error {
	return jsonio.Encode(w, d)
}
