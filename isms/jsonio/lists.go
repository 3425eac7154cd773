package jsonio

// MaxListItems is the most entries one JSON list (array) may hold in a
// document Decode reads. ismskit's documents hold tens to thousands of
// entries per list (93 controls, a few hundred risks, 10,000 curve
// points); the limit is checked before anything is decoded, so a document
// of a million empty records is refused in one pass over its bytes instead
// of costing gigabytes of decoded values and their checks.
const MaxListItems = 100_000

// longList returns the offset of the first list in data with more than
// MaxListItems entries, or -1. It counts the commas at the top level of
// each list, skipping strings; malformed input is left to the decoder.
func longList(data []byte) int {
	type list struct {
		start, commas int
	}
	var stack []list // one entry per open bracket; objects have start −1
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			end, _, _ := scanString(data, i)
			i = end - 1
		case '[':
			stack = append(stack, list{start: i})
		case '{':
			stack = append(stack, list{start: -1})
		case ']', '}':
			if n := len(stack); n > 0 {
				stack = stack[:n-1]
			}
		case ',':
			if n := len(stack); n > 0 && stack[n-1].start >= 0 {
				stack[n-1].commas++
				if stack[n-1].commas >= MaxListItems {
					return stack[n-1].start
				}
			}
		}
	}
	return -1
}
