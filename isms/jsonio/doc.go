// Package jsonio is the one way ismskit reads and writes its JSON files:
// strict decoding that reports every problem with its JSON path, and
// canonical encoding (two-space indentation, no HTML escaping), so every
// decoder rejects the same mistakes in the same words and every export is
// byte-stable. It is public so that hosts and consultants read their own
// files (a workbook, an import) with the same rules and the same errors.
//
//	func DecodeRegister(r io.Reader) (Register, error) {
//		var reg Register
//		if err := jsonio.Decode(r, &reg, "register"); err != nil {
//			return Register{}, err // every problem, each with its JSON path
//		}
//		return reg, reg.Validate()
//	}
//
//	err := jsonio.Encode(w, reg) // indented, "<" stays "<", ends in "\n"
//
// # Decode errors
//
// A document that does not decode gives one error listing every problem at
// once, like a Validate method does: errors.Is(err, isms.ErrInvalid) holds
// and isms.ValidationErrors(err) returns one *isms.ValidationError per
// problem, in document order. Path is the JSON path of the value in
// ismskit's path style ("risks[2].owner.role", "entries[0].generated",
// "owners.risk-review" for a map key; a key that is empty or holds dots,
// brackets, quotes, backslashes, spaces or unprintable characters is quoted:
// `owners["a.b"]`); "" is the document as a whole. Problem starts with the
// document's name, e.g. `register: unknown field "colour"`.
//
// The problems are: an unknown key (at any depth, with a suggestion when a
// field has a close name); a key given twice in one object, at any depth
// (`{"a":1,"a":2}` gives path "a": the key "a" appears twice), including
// two spellings that set one field ("title" and "TITLE") and two map keys
// that are one Go key ("1" and "01"); text that is not valid UTF-8 or
// escapes a lone UTF-16 surrogate ("\ud800"), with the path of the string
// and its position; a value of the wrong JSON type ("expected a whole
// number, found the string \"high\""); a value its type's UnmarshalJSON or
// UnmarshalText refuses, such as a bad date, ID or decimal (validation
// errors such a method returns keep their own paths below the value's); and,
// at path "", a syntax error with its line, column and byte offset, empty
// input, a top-level null, and data after the value.
//
// # Forms
//
// A time.Time is written in RFC 3339 and read in RFC 3339 only, as
// "2027-03-01T09:00:00Z" or "2027-03-01T09:00:00.5+02:00": a four-digit
// year, two-digit month, day, hour, minute and second, an upper-case T, an
// optional fraction of 1 to 9 digits after a dot, and Z or an offset
// ±hh:mm up to ±23:59; the instant must fall within the years 1 to 9999
// where it was written and in UTC. encoding/json also takes a one-digit
// hour, a comma before the fraction and offsets such as +24:00; jsonio
// refuses them. Dates without a time have their own type and form
// (calendar.Date, "2026-12-24"). IDs are read in their canonical form only,
// 8-4-4-4-12 lowercase hex (see isms.ParseID).
//
// # Limits
//
// Objects and arrays nest at most MaxDepth levels, and a list holds at
// most MaxListItems entries (checked before decoding). An error lists at most
// isms.MaxProblems problems and then says how many more there are; each
// message is at most isms.MaxProblemLength characters, and the values and
// keys it repeats are shortened to isms.MaxQuoteRunes characters with their
// length noted (isms.Quote), so a 200 MB string or a million bad items give
// a short error.
//
// Decoding is fast when the input is good: the strict encoding/json decoder
// runs first, then one quick pass over the bytes for the checks above that
// encoding/json does not make, and only when either fails is the input
// walked once more, guided
// by the target type and mirroring encoding/json's rules (json tags, "-",
// promoted fields of embedded structs, case-insensitive keys, pointers,
// slices, arrays, maps with string, integer or TextUnmarshaler keys,
// interfaces taking anything), to find every problem. Objects and arrays may
// nest MaxDepth levels deep, as in encoding/json; bad input never panics.
package jsonio
