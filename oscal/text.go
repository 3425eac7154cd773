package oscal

import (
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/cells"
)

// Limits of the OSCAL format that the builders check. A timestamp OSCAL
// cannot express is an error naming the limit, never a document that
// fails the schema.
const (
	// MinYear is the earliest year of a timestamp OSCAL 1.1.3 accepts.
	MinYear = 1900
	// MaxYear is the latest year of a timestamp OSCAL 1.1.3 accepts.
	MaxYear = 2999
)

// The text ismskit writes into OSCAL is made safe for the kind of field:
//
//   - markup (titles, descriptions, remarks, prose) is Markdown in OSCAL's
//     JSON form: line reports one line (cells.Markdown: pipes and
//     backslashes escaped, "<" before a tag as "&lt;", bidi controls
//     removed, line breaks as spaces), lines keeps the line breaks and
//     escapes each line the same way;
//   - plain strings (property values, names) must not begin or end with
//     white space nor hold a line break: plain drops bidi and control
//     characters and collapses every run of white space to one space.

// line makes s one line of OSCAL markup.
func line(s string) string { return strings.TrimSpace(cells.Markdown(s)) }

// lines makes s OSCAL multi-line markup, keeping its line breaks.
func lines(s string) string {
	parts := strings.Split(strings.ReplaceAll(cells.Text(s), "\r\n", "\n"), "\n")
	for i, p := range parts {
		parts[i] = strings.TrimRight(cells.Markdown(p), " ")
	}
	return strings.TrimSpace(strings.Join(parts, "\n"))
}

// plain makes s an OSCAL string: no leading, trailing or repeated white
// space, no line breaks, no control or bidi characters.
func plain(s string) string { return strings.Join(strings.Fields(cells.Text(s)), " ") }

// timestamp writes t in UTC as OSCAL wants it, or reports that OSCAL
// cannot express it.
func timestamp(t time.Time) (string, bool) {
	u := t.UTC()
	if u.Year() < MinYear || u.Year() > MaxYear {
		return "", false
	}
	return u.Format(time.RFC3339Nano), true
}
