package jsonio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/ismskit/ismskit/isms"
)

// Decode reads r to the end and decodes the one JSON value it holds into v,
// which must be a non-nil pointer. what names the document in messages
// ("SoA", "workbook").
//
// Every problem with the input is reported at once, as one error built with
// isms.Problems: errors.Is(err, isms.ErrInvalid) holds and
// isms.ValidationErrors(err) lists one *isms.ValidationError per problem, in
// document order, with the JSON path of the value ("risks[2].owner.role";
// "" for the document as a whole) and a problem that starts with what. The
// problems are: an unknown key, a key given twice in one object, text that
// is not valid UTF-8, a value of the wrong JSON type, a value its type's
// UnmarshalJSON or UnmarshalText refuses (a bad date, ID or decimal), a
// time.Time that is not RFC 3339 (see the package doc), a syntax error
// (with its line, column and byte offset), empty input, a top-level null,
// and data after the value. At most isms.MaxProblems are listed. A list of
// more than MaxListItems entries is refused before anything is decoded.
//
// An error reading r is returned wrapped, not as a validation error, and so
// is an invalid v (a programming error).
func Decode(r io.Reader, v any, what string) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("reading the %s: %w", what, err)
	}
	if at := longList(data); at >= 0 {
		var p isms.Problems
		p.Addf("", "%sthe list at %s has more than %d entries (jsonio.MaxListItems)", (&walker{what: what}).prefix(), position(data, at), MaxListItems)
		return p.Err()
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err = dec.Decode(v)
	if end := dec.InputOffset(); err == nil && !isNull(data) && isSpace(data[end:]) && clean(data[:end]) {
		return nil
	}
	var invalid *json.InvalidUnmarshalError
	if errors.As(err, &invalid) {
		return fmt.Errorf("jsonio: decoding the %s: %w", what, err)
	}
	return diagnose(data, reflect.TypeOf(v).Elem(), what, err)
}

// diagnose finds every problem in data, to be decoded into type t, after
// the strict decoder failed with first.
func diagnose(data []byte, t reflect.Type, what string, first error) (err error) {
	p := &isms.Problems{}
	w := &walker{what: what, p: p}
	pre := w.prefix()
	if isSpace(data) {
		p.Addf("", "%sthe input is empty; expected a JSON document", pre)
		return p.Err()
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		var syntax *json.SyntaxError
		switch {
		case errors.As(err, &syntax) && strings.HasSuffix(syntax.Error(), "exceeded max depth"):
			p.Addf("", "%sobjects and lists nest more than %d levels deep at %s", pre, MaxDepth, position(data, int(syntax.Offset)-1))
		case errors.As(err, &syntax):
			p.Addf("", "%s%s at %s", pre, syntax.Error(), position(data, int(syntax.Offset)-1))
		case errors.Is(err, io.ErrUnexpectedEOF):
			p.Addf("", "%sthe JSON ends early at %s; a closing quote, bracket or brace is missing", pre, position(data, len(data)))
		default:
			p.Addf("", "%s%s", pre, strings.TrimPrefix(err.Error(), "json: "))
		}
		return p.Err()
	}
	if string(raw) == "null" {
		p.Addf("", "%sthe document is null; expected %s", pre, describeType(t))
	}
	end := int(dec.InputOffset())
	if string(raw) != "null" {
		w.data, w.pos = data[:end], end-len(raw)
		w.value("", t, 0)
	}
	if rest := data[end:]; !isSpace(rest) {
		at := end + len(rest) - len(bytes.TrimLeft(rest, " \t\r\n"))
		p.Addf("", "%sdata after the JSON value at %s", pre, position(data, at))
	}
	if p.Len() == 0 && first != nil {
		p.Addf("", "%s%s", pre, strings.TrimPrefix(first.Error(), "json: "))
	}
	if p.Len() == 0 && !utf8.Valid(data) {
		p.Addf("", "%sthe input is not valid UTF-8 at %s", pre, position(data, firstInvalid(data)))
	}
	return p.Err()
}

// isSpace reports whether b holds only JSON whitespace.
func isSpace(b []byte) bool {
	return len(bytes.TrimLeft(b, " \t\r\n")) == 0
}

// isNull reports whether the JSON value in data is null.
func isNull(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("null"))
}

// position locates byte offset off of data for a message: "line 3,
// column 5 (byte 27)", counting lines and columns from 1 and columns in
// characters.
func position(data []byte, off int) string {
	off = max(0, min(off, len(data)))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	col := 1 + utf8.RuneCount(data[start:off])
	return fmt.Sprintf("line %d, column %d (byte %d)", line, col, off)
}

// Encode writes v as indented JSON without HTML escaping, ending in a newline.
func Encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
