package isms

import "strings"

// placeholders are texts that look like an answer but say nothing.
var placeholders = map[string]bool{
	"n/a": true, "na": true, "n.a.": true, "none": true, "nil": true, "null": true,
	"-": true, "--": true, "?": true, "...": true, "…": true, "x": true, "xx": true, "xxx": true,
	"tbd": true, "tba": true, "todo": true, "to do": true, "fixme": true, "tbc": true,
	"not applicable": true, "see above": true, "as above": true, "same": true,
	"lorem ipsum": true, "placeholder": true, "test": true, "reason": true, "justification": true,
}

// IsPlaceholder reports whether text is empty or a stand-in such as "N/A",
// "TBD" or "see above". Justifications and reasons that auditors read must
// not be placeholders.
func IsPlaceholder(text string) bool {
	n := strings.ToLower(strings.Join(strings.Fields(text), " "))
	n = strings.Trim(n, ".!")
	if n == "" {
		return true
	}
	return placeholders[n]
}
