package oscal

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzText checks that any text becomes what each kind of OSCAL field
// accepts: a plain string is one trimmed line, markup has no tag and no
// bidi control, a one-line markup has no line break.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "a", " \t\n", "Line one\nline | two =cmd|' /C calc'!A1 <script>x</script> \u202eevil", "\u2028\u00a0x\u3000", "\xff<\x00a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := plain(s)
		if p != strings.TrimSpace(p) || strings.ContainsAny(p, "\n\r\t\u2028\u2029\u202e") || !utf8.ValidString(p) || strings.Contains(p, "  ") {
			t.Fatalf("plain(%q) = %q", s, p)
		}
		for _, m := range []string{line(s), lines(s)} {
			if strings.ContainsAny(m, "\u202e\u2066") || !utf8.ValidString(m) || strings.Contains(strings.ToLower(m), "<script") {
				t.Fatalf("markup of %q = %q", s, m)
			}
		}
		if strings.ContainsAny(line(s), "\n\r") {
			t.Fatalf("line(%q) = %q", s, line(s))
		}
		if tok := slug(s, "x"); !isToken(tok) {
			t.Fatalf("slug(%q) = %q is not a token", s, tok)
		}
	})
}
