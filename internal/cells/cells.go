// Package cells makes free text safe for the places ismskit writes it: a
// Markdown table cell or line, a CSV cell a spreadsheet opens, XML text
// (SVG), and plain text for formats with escaping of their own (HTML
// templates, iCalendar). Every writer in ismskit uses these functions, so text a person typed (a
// risk title with a newline, a justification with a pipe, "=cmd|' /C calc'!A1",
// HTML, a right-to-left override) renders the same everywhere and cannot
// break a table, run a formula or reorder what the reader sees.
package cells

import (
	"encoding/xml"
	"strings"
)

// bidiControls are the Unicode bidirectional embedding, override and
// isolate characters, which can make text display in another order than
// it is stored ("Trojan source"). Plain right-to-left text needs none of
// them, so they are dropped.
const bidiControls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

// Text returns s with invalid UTF-8 and bidi controls dropped and other
// control characters (except newline, carriage return and tab) turned into
// spaces: what every format gets before its own escaping. html/template
// and the iCalendar writer escape the rest themselves.
func Text(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(bidiControls, r):
			return -1
		case r == '\n' || r == '\r' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f:
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// XML returns s escaped for XML character data and attribute values (an
// SVG label): Text's cleaning, then markup characters as entities.
func XML(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(Text(s))) // a strings.Builder does not fail
	return b.String()
}

var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "[", `\[`, "]", `\]`,
	"\r\n", " ", "\n", " ", "\r", " ", "\t", " ",
)

// Markdown returns s for one line of Markdown, in particular one table
// cell: backslashes, pipes and square brackets escaped (so typed text
// makes no link, "[click](javascript:…)" included), a "<" that could open a tag as an
// entity (so "<script>" shows as text and no tag reaches a renderer, while
// "<= 24 hours", ">= 95 %" and "R&D" stay readable), line breaks (a lone
// carriage return is one too, in CommonMark) and tabs as spaces, and bidi
// controls removed.
func Markdown(s string) string {
	return escapeTags(markdownEscaper.Replace(Text(s)))
}

// escapeTags writes "<" as "&lt;" where it could open an HTML tag, comment
// or declaration (before a letter, "/", "!" or "?"), and leaves it alone
// elsewhere, so "<= 24 hours" stays readable in the raw file.
func escapeTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '<' && i+1 < len(s) && opensTag(s[i+1]) {
			b.WriteString("&lt;")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func opensTag(c byte) bool {
	return c == '/' || c == '!' || c == '?' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// CSV returns s for a CSV cell that a spreadsheet opens: a cell that
// starts with a character a spreadsheet would read as a formula (= + - @,
// or a tab or carriage return before one) gets a leading apostrophe, as
// OWASP advises, and bidi controls are removed. Line breaks stay: the CSV
// encoder quotes them.
func CSV(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(bidiControls, r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
