package cells

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a | b", `a \| b`},
		{"line one\nline two\r\nthree", "line one line two three"},
		{"<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"},
		{`back\slash|`, `back\\slash\|`},
		{"R&D", "R&D"}, {">= 95 %", ">= 95 %"}, {"<= 24 hours", "<= 24 hours"}, {"a<b", "a&lt;b"}, {"<!-- x -->", "&lt;!-- x -->"}, {"trailing <", "trailing <"},
		{"evil\u202egnp.exe", "evilgnp.exe"},
		{"tab\there\x00nul", "tab here nul"},
		{"שלום", "שלום"},
		{"[click](javascript:alert(1))", `\[click\](javascript:alert(1))`},
		{"![img](http://x/y.png) and [ref]: http://x", `!\[img\](http://x/y.png) and \[ref\]: http://x`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Markdown(tt.in), tt.in)
	}
}

func TestCSV(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"=cmd|' /C calc'!A1", "'=cmd|' /C calc'!A1"},
		{"+1", "'+1"}, {"-1", "'-1"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"}, {"\r=1", "'\r=1"},
		{"a=b", "a=b"},
		{"two\nlines", "two\nlines"},
		{"\u202e=1", "'=1"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, CSV(tt.in), tt.in)
	}
}

func TestText(t *testing.T) {
	assert.Equal(t, "evilgnp.exe", Text("evil\u202egnp.exe"))
	assert.Equal(t, "a b\nc\td", Text("a\x00b\nc\td"))
	assert.Equal(t, "ok", Text("o\xffk"), "invalid UTF-8 is dropped")
}

func TestXML(t *testing.T) {
	assert.Equal(t, "&lt;script&gt;A &amp; B&#34;", XML("<script>A & B\""))
	assert.Equal(t, "ab", XML("a\u2066b"))
}

func TestMarkdown_ALoneCarriageReturnIsNoLineBreak(t *testing.T) {
	assert.Equal(t, "00 00", Markdown("00\r00"))
}
