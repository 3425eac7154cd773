package controls

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
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

// Validate checks what the document says on its own: the format version,
// an ID, a name for every theme and attribute kind, every control with a
// well-formed ID used once and a title, and every mapping with an ID and
// entries that name an old control. What the document refers to (themes,
// tags and mapping targets, which may come from a catalogue it extends) is
// checked by New and Catalogue.With. The error lists every problem with its
// path in the document.
func (d Document) Validate() error {
	var p isms.Problems
	if !d.checkCounts(&p, 0) {
		return p.Err()
	}
	d.checkTexts(&p)
	if d.Format != FormatVersion {
		p.Addf("format", "format %q is not %q", d.Format, FormatVersion)
	}
	if strings.TrimSpace(d.ID) == "" {
		p.Addf("id", "the document has no ID")
	}
	for i, t := range d.Themes {
		if strings.TrimSpace(string(t)) == "" {
			p.Addf(isms.Index("themes", i), "a theme has no name")
		}
	}
	for i, ak := range d.Attributes {
		if strings.TrimSpace(string(ak.Kind)) == "" {
			p.Addf(isms.JoinPath(isms.Index("attributes", i), "kind"), "an attribute kind has no name")
		}
	}
	ids := map[ID]bool{}
	for i, s := range d.Controls {
		path := isms.Index("controls", i)
		if msg := idProblem(string(s.ID)); msg != "" {
			p.Addf(isms.JoinPath(path, "id"), "%s", msg)
		} else if ids[s.ID] {
			p.Addf(isms.JoinPath(path, "id"), "control ID %q is used twice", s.ID)
		}
		ids[s.ID] = true
		if strings.TrimSpace(s.Title) == "" {
			p.Addf(isms.JoinPath(path, "title"), "control %q has no title", s.ID)
		}
	}
	for i, m := range d.Mappings {
		path := isms.Index("mappings", i)
		if strings.TrimSpace(m.ID) == "" {
			p.Addf(isms.JoinPath(path, "id"), "the mapping has no ID")
		}
		for j, e := range m.Entries {
			if strings.TrimSpace(string(e.ID)) == "" {
				p.Addf(isms.JoinPath(path, isms.JoinPath(isms.Index("entries", j), "id")), "a mapping entry names no old control")
			}
		}
	}
	return p.Err()
}

// Decode reads a catalogue document from strict JSON and validates it
// (Document.Validate). Unknown fields, wrong types and trailing data are
// errors, so a misspelt field name is reported rather than silently
// dropped. Build a catalogue from the document with New, or add it to
// another with Catalogue.With; Parse does both steps at once.
func Decode(r io.Reader) (Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentBytes+1))
	if err != nil {
		return Document{}, fmt.Errorf("reading the catalogue document: %w", err)
	}
	if err := checkSize(data); err != nil {
		return Document{}, err
	}
	var d Document
	if err := jsonio.Decode(bytes.NewReader(data), &d, "catalogue document"); err != nil {
		return Document{}, err
	}
	if err := d.Validate(); err != nil {
		return Document{}, err
	}
	return d, nil
}

// Parse decodes a standalone document and builds a catalogue from it,
// reporting every problem at once.
func Parse(data []byte) (*Catalogue, error) {
	if err := checkSize(data); err != nil {
		return nil, err
	}
	var d Document
	if err := jsonio.Decode(bytes.NewReader(data), &d, "catalogue document"); err != nil {
		return nil, err
	}
	return New(d)
}

// checkSize refuses a document larger than MaxDocumentBytes or not in
// UTF-8 (which encoding/json would otherwise quietly replace).
func checkSize(data []byte) error {
	var p isms.Problems
	switch {
	case len(data) > MaxDocumentBytes:
		p.Addf("", "catalogue document: the input is larger than MaxDocumentBytes (%d bytes)", MaxDocumentBytes)
	case !utf8.Valid(data):
		p.Addf("", "catalogue document: the input is not valid UTF-8 (at byte %d)", firstInvalid(data))
	}
	return p.Err()
}

// firstInvalid returns the offset of the first byte of data that is not
// part of valid UTF-8.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// Encode writes a document in the canonical form: indented JSON with the
// fields in the order of the Go types and no HTML escaping. Encoding a
// decoded canonical file gives back the same bytes.
func Encode(w io.Writer, d Document) error {
	return jsonio.Encode(w, d)
}
