// Package jsonio is the one way ismskit reads and writes its JSON files:
// strict decoding (unknown fields and trailing data are errors wrapping
// isms.ErrInvalid) and canonical encoding (two-space indentation, no HTML
// escaping), so every decoder rejects the same mistakes and every export
// is byte-stable.
package jsonio

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/ismskit/ismskit/isms"
)

// Decode reads one JSON value into v, rejecting unknown fields and data
// after it. what names the document in the error ("SoA", "workbook").
func Decode(r io.Reader, v any, what string) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %s: %v", isms.ErrInvalid, what, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: %s: data after the JSON object", isms.ErrInvalid, what)
	}
	return nil
}

// Encode writes v as indented JSON without HTML escaping, ending in a newline.
func Encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
