package jsonio

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/ismskit/ismskit/isms"
)

// This file holds how the walker records problems: the document's name as
// a prefix, the cap on listed problems, errors of custom unmarshalers,
// unknown keys with a suggested field, and strings that are not valid
// Unicode.

func (w *walker) addf(path, format string, args ...any) {
	if w.full() {
		w.p.Addf(path, "") // only counted
		return
	}
	w.p.Addf(path, "%s%s", w.prefix(), fmt.Sprintf(format, args...))
}

// full reports whether the problems found so far are as many as an error
// lists, so that further ones are only counted.
func (w *walker) full() bool { return w.p.Len() >= isms.MaxProblems }

func (w *walker) prefix() string {
	if w.what == "" {
		return ""
	}
	return w.what + ": "
}

// custom records the error of an UnmarshalJSON or UnmarshalText method.
// Validation errors it holds keep their own paths below path.
func (w *walker) custom(path string, err error) {
	if found := isms.ValidationErrors(err); len(found) > 0 {
		for _, v := range found {
			if isms.Omitted(v) > 0 {
				w.p.Merge(path, v) // counted, not listed
				continue
			}
			w.p.Addf(isms.JoinPath(path, v.Path), "%s%s", w.prefix(), v.Problem)
		}
		return
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, isms.ErrInvalid) {
		msg = strings.TrimPrefix(msg, isms.ErrInvalid.Error()+": ")
	}
	w.addf(path, "%s", msg)
}

// unknown records an unknown key, suggesting a field with a close name.
func (w *walker) unknown(path, key string, fields *structFields) {
	best, bestDist, tie := "", 3, false
	if n := utf8.RuneCountInString(key); n >= 4 && n <= 64 {
		for _, f := range fields.list {
			d := distance(strings.ToLower(key), strings.ToLower(f.name), 3)
			switch {
			case d >= 3:
			case d < bestDist:
				best, bestDist, tie = f.name, d, false
			case d == bestDist && best != "":
				tie = true
			}
		}
	}
	if best != "" && !tie {
		w.addf(path, "unknown field %s; did you mean %q?", isms.Quote(key), best)
		return
	}
	w.addf(path, "unknown field %s", isms.Quote(key))
}

// distance is the Levenshtein distance of a and b, or limit when it is at
// least limit.
func distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], limit)
}

// checkString reports a string literal raw (a key or a string value, what)
// at byte offset at that is not valid UTF-8 or escapes a lone surrogate.
// s is its decoded text when known.
func (w *walker) checkString(path, what string, raw []byte, at int, s string) {
	if isPlainString(raw) {
		return
	}
	text, bad := decodeString(raw)
	if bad == "" {
		return
	}
	if w.full() {
		w.p.Addf(path, "") // only counted
		return
	}
	if s == "" {
		s = text
	}
	if what == "key" {
		path = joinKey(path, s)
	}
	if i := firstInvalid(raw); i >= 0 {
		at += i
	}
	w.addf(path, "the %s %s %s at %s; JSON text must be valid Unicode", what, isms.Quote(s), bad, position(w.data, at))
}

// isPlainString reports whether a string literal holds only printable
// ASCII without escapes, the common case that needs no check.
func isPlainString(raw []byte) bool {
	for _, c := range raw {
		if c == '\\' || c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// firstInvalid returns the offset of the first byte of b that is not part
// of valid UTF-8, or -1.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
