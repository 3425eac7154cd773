package controls

import "strings"

// ID identifies a control within a catalogue: "5.1", "8.34" for Annex A
// (the form N.M), or a host's own code such as "ACME-3" (the form
// PREFIX-CODE); ID.Validate documents both, and New, With, Decode and Parse
// accept a catalogue's controls in these forms only. An old control in a
// mapping keeps its catalogue's own ID, such as "A.12.6.1" for ISO/IEC
// 27001:2013. IDs order naturally (see CompareIDs).
type ID string

// CompareIDs orders control IDs the way people read them: runs of digits
// compare as numbers and everything else as text, so "5.2" < "5.10" <
// "6.1" and "A.9.2.1" < "A.12.6.1". It is a total order: IDs that compare
// equal as numbers ("5.01" and "5.1") fall back to plain text order.
func CompareIDs(a, b ID) int {
	x, y := string(a), string(b)
	for x != "" && y != "" {
		xd, yd := isDigit(x[0]), isDigit(y[0])
		switch {
		case xd && yd:
			var xn, yn string
			xn, x = splitRun(x, true)
			yn, y = splitRun(y, true)
			if c := compareNumbers(xn, yn); c != 0 {
				return c
			}
		case xd != yd:
			// A number sorts before text at the same position.
			if xd {
				return -1
			}
			return 1
		default:
			var xs, ys string
			xs, x = splitRun(x, false)
			ys, y = splitRun(y, false)
			if c := strings.Compare(xs, ys); c != 0 {
				return c
			}
		}
	}
	switch {
	case x == "" && y != "":
		return -1
	case x != "" && y == "":
		return 1
	}
	return strings.Compare(string(a), string(b))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// splitRun returns the leading run of digits (or of non-digits) of s and the rest.
func splitRun(s string, digits bool) (string, string) {
	i := 0
	for i < len(s) && isDigit(s[i]) == digits {
		i++
	}
	return s[:i], s[i:]
}

// compareNumbers compares two digit strings by value, without overflow.
func compareNumbers(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}
