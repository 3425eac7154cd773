package jsonio

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// This file holds the checks encoding/json does not make: keys given twice,
// text that is not valid UTF-8 (or escapes a lone UTF-16 surrogate), and
// date-times that are not RFC 3339. clean is the quick check on input the
// strict decoder accepted; the walker reports the problems it hints at.

// smallObject is how many keys an object may have before clean looks its
// keys up in a map rather than comparing them one by one.
const smallObject = 16

// keyScan is the state of one clean pass: the folded keys of every open
// object, in one buffer.
type keyScan struct {
	buf    []byte   // folded keys of the open objects, back to back
	spans  [][2]int // [start, end) of each key in buf
	frames []frame  // the open objects and arrays, innermost last
}

type frame struct {
	object    bool
	spanStart int                 // first span of this object
	bufStart  int                 // its first byte in buf
	set       map[string]struct{} // the folded keys, once the object is large
}

// clean reports whether data, one JSON value the strict decoder accepted,
// is free of what encoding/json lets through: two keys of one object that
// match the same field name (the same key, or keys equal but for case),
// text that is not UTF-8 or escapes a lone surrogate, and a string shaped
// like a date-time ("2027-03-01T…") that is not RFC 3339 within the years
// 1 to 9999. It errs on the side of false: the walker then decides, knowing
// the Go types, whether there is a problem.
func clean(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	var s keyScan
	expectKey := false
	for i := 0; i < len(data); i++ {
		if !structural[data[i]] {
			continue
		}
		switch data[i] {
		case '{':
			s.frames = append(s.frames, frame{object: true, spanStart: len(s.spans), bufStart: len(s.buf)})
			expectKey = true
		case '[':
			s.frames = append(s.frames, frame{})
			expectKey = false
		case '}', ']':
			if n := len(s.frames); n > 0 {
				f := s.frames[n-1]
				if f.object {
					s.spans, s.buf = s.spans[:f.spanStart], s.buf[:f.bufStart]
				}
				s.frames = s.frames[:n-1]
			}
			expectKey = false
		case ',':
			expectKey = len(s.frames) > 0 && s.frames[len(s.frames)-1].object
		case '"':
			end, escaped, ok := scanString(data, i)
			if !ok {
				return false
			}
			raw := data[i:end]
			if expectKey {
				if !s.addKey(raw, escaped) {
					return false
				}
				expectKey = false
			} else if looksLikeTime(raw) && !escaped {
				if ok, _ := strictTime(raw[1 : len(raw)-1]); !ok {
					return false
				}
			}
			i = end - 1
		}
	}
	return true
}

// structural marks the bytes clean acts on.
var structural = [256]bool{'{': true, '}': true, '[': true, ']': true, ',': true, '"': true}

// scanString finds the end of the string starting at data[i] (just past
// its closing quote), whether it holds escapes, and whether those escapes
// are free of lone surrogates.
func scanString(data []byte, i int) (end int, escaped, ok bool) {
	j := i + 1
	for {
		q := bytes.IndexByte(data[j:], '"')
		if q < 0 {
			return len(data), escaped, false
		}
		b := bytes.IndexByte(data[j:j+q], '\\')
		if b < 0 {
			return j + q + 1, escaped, true
		}
		escaped = true
		j += b
		// data[j] is a backslash.
		if j+1 >= len(data) {
			return len(data), true, false
		}
		if data[j+1] != 'u' {
			j += 2
			continue
		}
		r, n := escapedRune(data[j:])
		if n == 0 {
			return len(data), true, false
		}
		j += n
		if r == utf8.RuneError && !isEscapedReplacement(data[j-n:j]) {
			return j, true, false
		}
	}
}

// escapedRune decodes the \uXXXX escape (or surrogate pair of escapes) at
// the start of b. A lone surrogate gives utf8.RuneError; n is 0 when b does
// not start with a complete escape.
func escapedRune(b []byte) (r rune, n int) {
	r1, ok := hex4(b)
	if !ok {
		return 0, 0
	}
	if !utf16.IsSurrogate(r1) {
		return r1, 6
	}
	if r1 < 0xdc00 {
		if r2, ok := hex4(b[6:]); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
			return utf16.DecodeRune(r1, r2), 12
		}
	}
	return utf8.RuneError, 6
}

// isEscapedReplacement reports whether an escape spells U+FFFD itself.
func isEscapedReplacement(b []byte) bool {
	r, ok := hex4(b)
	return ok && r == utf8.RuneError
}

// hex4 reads `\uXXXX` at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range b[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// addKey records the key raw (a JSON string literal) in the innermost
// object and reports false when an equal key, up to case, is already there.
func (s *keyScan) addKey(raw []byte, escaped bool) bool {
	n := len(s.frames)
	if n == 0 {
		return true
	}
	f := &s.frames[n-1]
	start := len(s.buf)
	body := raw[1 : len(raw)-1]
	ascii := !escaped
	if ascii {
		for _, c := range body {
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
		}
	}
	if ascii && oddNumber(body) {
		return false // "01" and "1" are one key of a map with integer keys
	}
	if ascii {
		for _, c := range body {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			s.buf = append(s.buf, c)
		}
	} else {
		key, _ := decodeString(raw)
		s.buf = append(s.buf, foldName(key)...)
	}
	key := s.buf[start:]
	count := len(s.spans) - f.spanStart
	switch {
	case f.set != nil:
		if _, dup := f.set[string(key)]; dup {
			return false
		}
		f.set[string(key)] = struct{}{}
	case count < smallObject:
		for _, sp := range s.spans[f.spanStart:] {
			if bytes.Equal(s.buf[sp[0]:sp[1]], key) {
				return false
			}
		}
	default:
		f.set = make(map[string]struct{}, 2*smallObject)
		for _, sp := range s.spans[f.spanStart:] {
			f.set[string(s.buf[sp[0]:sp[1]])] = struct{}{}
		}
		if _, dup := f.set[string(key)]; dup {
			return false
		}
		f.set[string(key)] = struct{}{}
	}
	s.spans = append(s.spans, [2]int{start, len(s.buf)})
	return true
}

// decodeString decodes a JSON string literal that is syntactically valid,
// keeping bytes that are not UTF-8 as they are (so that a message shows
// them) and turning a lone surrogate into U+FFFD. bad describes the first
// such flaw, "" when there is none.
func decodeString(raw []byte) (s string, bad string) {
	if len(raw) < 2 {
		return "", ""
	}
	body := raw[1 : len(raw)-1]
	if bytes.IndexByte(body, '\\') < 0 {
		if !utf8.Valid(body) {
			bad = "is not valid UTF-8"
		}
		return string(body), bad
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 >= len(body) {
			break
		}
		switch body[i+1] {
		case 'u':
			r, n := escapedRune(body[i:])
			if n == 0 {
				b.WriteString(string(body[i:]))
				i = len(body)
				continue
			}
			if r == utf8.RuneError && !isEscapedReplacement(body[i:i+n]) && bad == "" {
				bad = "holds a lone UTF-16 surrogate " + string(body[i:i+6])
			}
			b.WriteRune(r)
			i += n
			continue
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		default: // '"', '\\', '/'
			b.WriteByte(body[i+1])
		}
		i += 2
	}
	s = b.String()
	if bad == "" && !utf8.ValidString(s) {
		bad = "is not valid UTF-8"
	}
	return s, bad
}

// looksLikeTime reports whether the string literal raw starts like a
// date-time, "dddd-dd-ddT" (or with a lower-case t).
func looksLikeTime(raw []byte) bool {
	if len(raw) < 13 {
		return false
	}
	b := raw[1:]
	return isDigits(b[0:4]) && b[4] == '-' && b[7] == '-' && (b[10] == 'T' || b[10] == 't')
}

func isDigits[S string | []byte](b S) bool {
	for i := 0; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' {
			return false
		}
	}
	return len(b) > 0
}

// strictTime reports whether s is an RFC 3339 date-time as ismskit
// writes it: "2027-03-01T09:00:00Z", with an optional fraction of 1 to 9
// digits after a dot and a zone of Z or ±hh:mm (hh up to 23, mm up to 59),
// naming an instant in the years 1 to 9999 both where it was written and in
// UTC. When it is not, detail may say why ("month out of range"). It does
// not allocate: the quick check runs it on every date-time of a document.
func strictTime[S string | []byte](s S) (ok bool, detail string) {
	ok = len(s) >= 20 && isDigits(s[0:4]) && s[4] == '-' && isDigits(s[5:7]) && s[7] == '-' &&
		isDigits(s[8:10]) && s[10] == 'T' && isDigits(s[11:13]) && s[13] == ':' && isDigits(s[14:16]) &&
		s[16] == ':' && isDigits(s[17:19])
	if !ok {
		return false, ""
	}
	i := 19
	if s[i] == '.' {
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i+1 || j-i-1 > 9 {
			return false, "the fraction of a second has 1 to 9 digits"
		}
		i = j
	}
	offset := 0 // minutes east of UTC
	switch {
	case i >= len(s):
		return false, ""
	case s[i] == 'Z':
		if i+1 != len(s) {
			return false, ""
		}
	case s[i] == '+' || s[i] == '-':
		z := s[i+1:]
		if len(z) != 5 || !isDigits(z[0:2]) || z[2] != ':' || !isDigits(z[3:5]) {
			return false, ""
		}
		h, m := num(z[0:2]), num(z[3:5])
		if h > 23 || m > 59 {
			return false, "the time zone offset is out of range"
		}
		offset = h*60 + m
		if s[i] == '-' {
			offset = -offset
		}
	default:
		return false, ""
	}
	year, month, day := num(s[0:4]), num(s[5:7]), num(s[8:10])
	hour, minute, second := num(s[11:13]), num(s[14:16]), num(s[17:19])
	switch {
	case month < 1 || month > 12:
		return false, "month out of range"
	case day < 1 || day > daysIn(month, year):
		return false, "day out of range"
	case hour > 23:
		return false, "hour out of range"
	case minute > 59:
		return false, "minute out of range"
	case second > 59:
		return false, "second out of range"
	case year < 1:
		return false, "outside the years 1 to 9999"
	}
	// Only the first and the last day of the range can cross it in UTC.
	minutes := hour*60 + minute - offset
	if year == 1 && month == 1 && day == 1 && minutes < 0 || year == 9999 && month == 12 && day == 31 && minutes >= 24*60 {
		return false, "outside the years 1 to 9999 in UTC"
	}
	return true, ""
}

// num reads the decimal digits of s.
func num[S string | []byte](s S) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// daysIn returns the number of days of a month of the proleptic Gregorian
// calendar.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// oddNumber reports whether b is a whole number written in a form other
// than the shortest ("+1", "01", "-0"), which a map with integer keys reads
// as the same key as the shortest form.
func oddNumber(b []byte) bool {
	if len(b) == 0 || (b[0] != '+' && b[0] != '-' && (b[0] < '0' || b[0] > '9')) {
		return false
	}
	digits := b
	if b[0] == '+' || b[0] == '-' {
		digits = b[1:]
	}
	if !isDigits(digits) {
		return false
	}
	return b[0] == '+' || digits[0] == '0' && (len(digits) > 1 || b[0] == '-')
}
