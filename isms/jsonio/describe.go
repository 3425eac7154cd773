package jsonio

import (
	"fmt"
	"math"
	"reflect"

	"github.com/ismskit/ismskit/isms"
)

// This file holds how messages name what a Go type takes and what a JSON
// value is.

// describeType says in JSON terms what a Go type takes.
func describeType(t reflect.Type) string {
	t = deref(t)
	if isText(t) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intRange(t)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintRange(t)
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "a base64 string or a list"
		}
		return "a list"
	case reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	default:
		return "a value of Go type " + t.String()
	}
}

func intRange(t reflect.Type) string {
	if t.Bits() >= 64 {
		return "a whole number"
	}
	max := int64(1)<<(t.Bits()-1) - 1
	return fmt.Sprintf("a whole number from %d to %d", -max-1, max)
}

func uintRange(t reflect.Type) string {
	if t.Bits() >= 64 {
		return "a whole number from 0"
	}
	return fmt.Sprintf("a whole number from 0 to %d", uint64(math.MaxUint64)>>(64-t.Bits()))
}

// describeJSON names what a JSON value is, with a short excerpt of scalars.
func describeJSON(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		s, _ := decodeString(raw)
		return "the string " + isms.Quote(s)
	case 't', 'f':
		return string(raw)
	case 'n':
		return "null"
	default:
		if len(raw) > isms.MaxQuoteRunes {
			return fmt.Sprintf("the number %s… (%d digits)", raw[:isms.MaxQuoteRunes], len(raw))
		}
		return "the number " + string(raw)
	}
}
