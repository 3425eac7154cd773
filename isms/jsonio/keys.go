package jsonio

import (
	"strconv"
	"unicode/utf8"

	"github.com/ismskit/ismskit/isms"
)

// This file holds JSON object keys: decoding a key and writing it into a
// problem's path.

// unquote decodes a JSON string literal.
func unquote(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	plain := true
	for _, c := range raw[1 : len(raw)-1] {
		if c == '\\' || c == '"' || c < ' ' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return string(raw[1 : len(raw)-1]), true
	}
	s, _ := decodeString(raw)
	return s, true
}

// joinKey returns the path of key inside the object at path, in the style
// of isms.JoinPath: joinKey("risks[2]", "owner") is "risks[2].owner". A key
// that is empty or holds characters that would make the path ambiguous
// (dots, brackets, quotes, spaces, control characters) is quoted in
// brackets: joinKey("owners", "a.b") is `owners["a.b"]`.
func joinKey(path, key string) string {
	if plainKey(key) {
		return isms.JoinPath(path, key)
	}
	return path + "[" + isms.Quote(key) + "]"
}

func plainKey(key string) bool {
	if key == "" || len(key) > isms.MaxQuoteRunes {
		return false
	}
	for _, r := range key {
		switch {
		case r == '.' || r == '[' || r == ']' || r == '"' || r == '\\' || r == ' ':
			return false
		case !strconv.IsPrint(r) || r == utf8.RuneError:
			return false
		}
	}
	return true
}
