package jsonio

import (
	"encoding"
	"encoding/json"
	"reflect"
	"time"
)

// This file holds which Go types decode through their own UnmarshalJSON
// or UnmarshalText method, the way encoding/json decides it.

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	timeType            = reflect.TypeFor[time.Time]()
)

// isCustom reports whether a fresh value of type t decodes a non-null JSON
// value through a json.Unmarshaler or encoding.TextUnmarshaler, the way
// encoding/json's indirect decides it.
func isCustom(t reflect.Type) bool {
	if t.Kind() != reflect.Pointer && t.Name() != "" {
		t = reflect.PointerTo(t)
	}
	for t.Kind() == reflect.Pointer {
		if t.NumMethod() > 0 && (t.Implements(unmarshalerType) || t.Implements(textUnmarshalerType)) {
			return true
		}
		t = t.Elem()
	}
	return false
}

// isText reports whether type t decodes through encoding.TextUnmarshaler
// only, which takes JSON strings.
func isText(t reflect.Type) bool {
	if t.Kind() != reflect.Pointer && t.Name() != "" {
		t = reflect.PointerTo(t)
	}
	for t.Kind() == reflect.Pointer {
		if t.NumMethod() > 0 {
			if t.Implements(unmarshalerType) {
				return false
			}
			if t.Implements(textUnmarshalerType) {
				return true
			}
		}
		t = t.Elem()
	}
	return false
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}
