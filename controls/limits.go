package controls

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ismskit/ismskit/isms"
)

// Limits on a catalogue document, so that Decode, Parse, New and With do
// bounded work on any input. A document past one is a validation error
// that names the limit; a count past its limit is reported once, without
// checking every item.
const (
	// MaxDocumentBytes is the largest document Decode and Parse read
	// (4 MiB; the Annex A file is under 100 KiB).
	MaxDocumentBytes = 4 << 20
	// MaxControls is the most controls one catalogue may hold, counting
	// those a document adds with Catalogue.With.
	MaxControls = 2000
	// MaxThemes is the most themes one catalogue may declare.
	MaxThemes = 100
	// MaxKinds is the most attribute kinds one catalogue may declare.
	MaxKinds = 32
	// MaxTags is the most tags one catalogue may declare, and so the most
	// one control may carry.
	MaxTags = maxTags
	// MaxMappings is the most mappings one document may hold.
	MaxMappings = 16
	// MaxMappingEntries is the most entries one mapping may hold, and the
	// most controls one entry may map to.
	MaxMappingEntries = 2000
	// MaxIDLen is the longest control ID, in bytes.
	MaxIDLen = 32
	// MaxName is the longest short text, in bytes: a document's ID and
	// name, a theme, an attribute kind, its name and its tags, a mapping's
	// ID and name, a control's or an entry's title.
	MaxName = 200
	// MaxText is the longest guidance or example of a control, in bytes.
	MaxText = 4000
)

// checkText records a problem when s is longer than max bytes (naming the
// limit) or is not valid UTF-8.
func checkText(p *isms.Problems, path, s string, max int, limit string) {
	switch {
	case len(s) > max:
		p.Addf(path, "the text is %d bytes, more than %s (%d)", len(s), limit, max)
	case !utf8.ValidString(s):
		p.Addf(path, "the text is not valid UTF-8")
	}
}

// checkCounts records a problem for every count of d past its limit, with
// c the number of controls already in the catalogue d is added to. It
// reports whether all counts are within their limits, so that the items
// are worth checking one by one.
func (d Document) checkCounts(p *isms.Problems, have int) bool {
	before := p.Len()
	if n := have + len(d.Controls); n > MaxControls {
		p.Addf("controls", "%d controls are more than MaxControls (%d)", n, MaxControls)
	}
	if len(d.Themes) > MaxThemes {
		p.Addf("themes", "%d themes are more than MaxThemes (%d)", len(d.Themes), MaxThemes)
	}
	if len(d.Attributes) > MaxKinds {
		p.Addf("attributes", "%d attribute kinds are more than MaxKinds (%d)", len(d.Attributes), MaxKinds)
	}
	if len(d.Mappings) > MaxMappings {
		p.Addf("mappings", "%d mappings are more than MaxMappings (%d)", len(d.Mappings), MaxMappings)
	}
	if p.Len() > before {
		return false
	}
	for i, ak := range d.Attributes {
		if len(ak.Values) > MaxTags {
			p.Addf(isms.JoinPath(isms.Index("attributes", i), "values"), "%d values are more than MaxTags (%d)", len(ak.Values), MaxTags)
		}
	}
	for i, s := range d.Controls {
		if len(s.Tags) > MaxTags {
			p.Addf(isms.JoinPath(isms.Index("controls", i), "tags"), "%d tags are more than MaxTags (%d)", len(s.Tags), MaxTags)
		}
	}
	for i, m := range d.Mappings {
		path := isms.Index("mappings", i)
		if len(m.Entries) > MaxMappingEntries {
			p.Addf(isms.JoinPath(path, "entries"), "%d entries are more than MaxMappingEntries (%d)", len(m.Entries), MaxMappingEntries)
			continue
		}
		for j, e := range m.Entries {
			if len(e.To) > MaxMappingEntries {
				p.Addf(isms.JoinPath(path, isms.JoinPath(isms.Index("entries", j), "to")), "%d targets are more than MaxMappingEntries (%d)", len(e.To), MaxMappingEntries)
			}
		}
	}
	return p.Len() == before
}

// checkTexts records every text of d that is too long or not UTF-8.
func (d Document) checkTexts(p *isms.Problems) {
	checkText(p, "id", d.ID, MaxName, "MaxName")
	checkText(p, "name", d.Name, MaxName, "MaxName")
	for i, t := range d.Themes {
		checkText(p, isms.Index("themes", i), string(t), MaxName, "MaxName")
	}
	for i, ak := range d.Attributes {
		path := isms.Index("attributes", i)
		checkText(p, isms.JoinPath(path, "kind"), string(ak.Kind), MaxName, "MaxName")
		checkText(p, isms.JoinPath(path, "name"), ak.Name, MaxName, "MaxName")
		for j, t := range ak.Values {
			checkText(p, isms.JoinPath(path, isms.Index("values", j)), string(t), MaxName, "MaxName")
		}
	}
	for i, s := range d.Controls {
		path := isms.Index("controls", i)
		checkText(p, isms.JoinPath(path, "title"), s.Title, MaxName, "MaxName")
		checkText(p, isms.JoinPath(path, "guidance"), s.Guidance, MaxText, "MaxText")
		checkText(p, isms.JoinPath(path, "example"), s.Example, MaxText, "MaxText")
		for j, t := range s.Tags {
			checkText(p, isms.JoinPath(path, isms.Index("tags", j)), string(t), MaxName, "MaxName")
		}
	}
	for i, m := range d.Mappings {
		path := isms.Index("mappings", i)
		checkText(p, isms.JoinPath(path, "id"), m.ID, MaxName, "MaxName")
		checkText(p, isms.JoinPath(path, "name"), m.Name, MaxName, "MaxName")
		for j, e := range m.Entries {
			epath := isms.JoinPath(path, isms.Index("entries", j))
			checkText(p, isms.JoinPath(epath, "id"), string(e.ID), MaxIDLen, "MaxIDLen")
			checkText(p, isms.JoinPath(epath, "title"), e.Title, MaxName, "MaxName")
		}
	}
}

// Validate checks that id is in one of the two forms a catalogue's
// controls use, refusing the rest with a hint:
//
//   - the Annex A form N.M, two whole numbers without leading zeros
//     ("5.1", "8.34"; not "5.01", which would be a second name for 5.1,
//     nor "5.0");
//   - a custom code PREFIX-CODE: an upper-case ASCII letter, then
//     upper-case letters and digits, a hyphen, and one or more parts of
//     upper-case letters and digits joined by "-" or "." ("ACME-3",
//     "C-3", "NIST-PR.AC-1"); its numbers have no leading zeros either.
//
// At most MaxIDLen bytes. The ISO/IEC 27001:2013 style with an "A." prefix
// ("A.5.1", "A.12.6.1") is refused with the 2022 control that replaces it,
// from the Mapping2013 mapping. The IDs of old controls in a mapping's
// entries are the old catalogue's own and are not held to these forms.
func (id ID) Validate() error {
	var p isms.Problems
	if msg := idProblem(string(id)); msg != "" {
		p.Addf("", "%s", msg)
	}
	return p.Err()
}

// idForms says the accepted forms in a message.
const idForms = `N.M as in Annex A ("5.1", "8.34") or a custom code PREFIX-CODE ("ACME-3")`

// idProblem returns what is wrong with a control ID, or "".
func idProblem(s string) string {
	q := quoteID(s)
	switch {
	case s == "":
		return "the control has no ID"
	case len(s) > MaxIDLen:
		return fmt.Sprintf("control ID %s is %d bytes, more than MaxIDLen (%d)", q, len(s), MaxIDLen)
	case strings.HasPrefix(s, "A.") || strings.HasPrefix(s, "a."):
		hint := ""
		if to := successors2013(s); len(to) > 0 {
			hint = fmt.Sprintf("; %s became %s in 2022", s, strings.Join(to, ", "))
		}
		return fmt.Sprintf(`control ID %s uses the ISO/IEC 27001:2013 "A." prefix; ISO/IEC 27001:2022 numbers controls without it ("5.1"), and the mapping %q (Mapping2013) gives each 2013 control's 2022 successor%s`, q, Mapping2013, hint)
	}
	if s[0] >= '0' && s[0] <= '9' {
		dot := strings.IndexByte(s, '.')
		if dot < 0 || strings.Count(s, ".") != 1 || !allDigits(s[:dot]) || !allDigits(s[dot+1:]) {
			return fmt.Sprintf("control ID %s is not in a documented form: %s", q, idForms)
		}
		return zeroProblem(s, q)
	}
	if !customForm(s) {
		return fmt.Sprintf("control ID %s is not in a documented form: %s", q, idForms)
	}
	return zeroProblem(s, q)
}

// zeroProblem refuses a number with a leading zero ("5.01", a second name
// for 5.1) and a zero Annex A number ("5.0").
func zeroProblem(s, q string) string {
	if !leadingZero(s) {
		return ""
	}
	if c := canonicalNumbers(s); c != s {
		return fmt.Sprintf("control ID %s has a number with a leading zero; write %s, so that one control has one ID", q, quoteID(c))
	}
	return fmt.Sprintf("control ID %s has the number 0; numbers in control IDs start at 1", q)
}

// quoteID quotes an ID for a message, shortened.
func quoteID(s string) string {
	if len(s) > MaxIDLen+8 {
		cut := MaxIDLen
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return fmt.Sprintf("%q…", s[:cut])
	}
	return fmt.Sprintf("%q", s)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isUpperOrDigit(c byte) bool { return isDigit(c) || 'A' <= c && c <= 'Z' }

// customForm matches [A-Z][A-Z0-9]*-[A-Z0-9]+([-.][A-Z0-9]+)*.
func customForm(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	i := 1
	for i < len(s) && isUpperOrDigit(s[i]) {
		i++
	}
	if i == len(s) || s[i] != '-' {
		return false
	}
	for i < len(s) {
		if s[i] != '-' && s[i] != '.' {
			return false
		}
		i++
		start := i
		for i < len(s) && isUpperOrDigit(s[i]) {
			i++
		}
		if i == start {
			return false
		}
	}
	return true
}

// leadingZero reports whether a run of digits in s starts with 0: "5.01",
// "5.0", "ACME-03".
func leadingZero(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) && (i == 0 || !isDigit(s[i-1])) && s[i] == '0' {
			return true
		}
	}
	return false
}

// canonicalNumbers drops leading zeros from every run of digits.
func canonicalNumbers(s string) string {
	var b strings.Builder
	for s != "" {
		if isDigit(s[0]) {
			var run string
			run, s = splitRun(s, true)
			if t := strings.TrimLeft(run, "0"); t != "" {
				run = t
			} else {
				run = "0"
			}
			b.WriteString(run)
			continue
		}
		var run string
		run, s = splitRun(s, false)
		b.WriteString(run)
	}
	return b.String()
}

// mapping2013 indexes the embedded Annex A file's 2013 mapping, read
// separately from AnnexA so that a hint never waits on the catalogue it is
// part of.
var mapping2013 = sync.OnceValue(func() map[string][]string {
	var d struct {
		Mappings []struct {
			ID      string `json:"id"`
			Entries []struct {
				ID string   `json:"id"`
				To []string `json:"to"`
			} `json:"entries"`
		} `json:"mappings"`
	}
	out := map[string][]string{}
	if json.Unmarshal(annexAData, &d) != nil {
		return out
	}
	for _, m := range d.Mappings {
		if m.ID != Mapping2013 {
			continue
		}
		for _, e := range m.Entries {
			out[e.ID] = e.To
		}
	}
	return out
})

// successors2013 returns the 2022 controls that replace a 2013 control.
func successors2013(s string) []string { return mapping2013()[s] }
