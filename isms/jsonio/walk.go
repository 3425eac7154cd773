package jsonio

import (
	"encoding"
	"reflect"
	"strconv"

	"github.com/ismskit/ismskit/isms"
)

// This file holds the walker's pass over the bytes: moving through values,
// and descending into objects, maps and arrays as the target type asks.
// What it records is in walk_report.go, how it checks a value it does not
// descend into in walk_leaf.go.

// MaxDepth is how deeply objects and arrays may nest in a decoded document,
// the limit encoding/json itself enforces. Deeper input is a syntax problem.
const MaxDepth = 10000

// walker finds every problem in one syntactically valid JSON value by
// walking its bytes once, guided by the Go type it is decoded into. It
// mirrors encoding/json's decisions: which key is which field, what is
// decoded by a json.Unmarshaler or encoding.TextUnmarshaler, which JSON
// kinds fit which Go kinds. Values it does not descend into (leaves) are
// checked by decoding them alone with encoding/json into a fresh value.
type walker struct {
	data   []byte
	pos    int
	what   string
	p      *isms.Problems
	broken bool // the bytes were not what a valid value holds; stop
}

func (w *walker) peek() byte {
	if w.pos < len(w.data) {
		return w.data[w.pos]
	}
	return 0
}

func (w *walker) space() {
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case ' ', '\t', '\n', '\r':
			w.pos++
		default:
			return
		}
	}
}

// skip moves past one value without recursion and returns its bytes.
func (w *walker) skip() []byte {
	w.space()
	start := w.pos
	depth := 0
	for w.pos < len(w.data) {
		c := w.data[w.pos]
		switch c {
		case '"':
			w.skipString()
			if depth == 0 {
				return w.data[start:w.pos]
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return w.data[start:w.pos]
			}
			depth--
			if depth == 0 {
				w.pos++
				return w.data[start:w.pos]
			}
		case ',', ':', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return w.data[start:w.pos]
			}
		}
		w.pos++
	}
	if depth != 0 {
		w.broken = true
	}
	return w.data[start:w.pos]
}

// skipString moves past one string starting at pos.
func (w *walker) skipString() {
	w.pos++ // opening quote
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case '\\':
			w.pos += 2
			continue
		case '"':
			w.pos++
			return
		}
		w.pos++
	}
	w.pos = len(w.data)
	w.broken = true
}

// value walks the value at pos, to be decoded into type t, at path.
func (w *walker) value(path string, t reflect.Type, depth int) {
	if w.broken {
		return
	}
	w.space()
	c := w.peek()
	if c == 'n' || isCustom(t) {
		w.leaf(path, t, w.generic(path, depth))
		return
	}
	base := t
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	switch {
	case (c == '{' || c == '[') && depth >= MaxDepth:
		w.addf(path, "the JSON nests deeper than %d levels", MaxDepth)
		w.skip()
	case c == '{' && base.Kind() == reflect.Struct:
		w.object(path, base, depth+1)
	case c == '{' && base.Kind() == reflect.Map:
		w.mapObject(path, base, depth+1)
	case c == '[' && (base.Kind() == reflect.Slice || base.Kind() == reflect.Array):
		w.array(path, base, depth+1)
	case base.Kind() == reflect.Interface && base.NumMethod() == 0:
		w.generic(path, depth) // anything decodes into an empty interface
	default:
		w.leaf(path, t, w.generic(path, depth))
	}
}

// object walks a JSON object decoded into struct type t.
func (w *walker) object(path string, t reflect.Type, depth int) {
	fields := fieldsOf(t)
	var seen map[*field]string // field -> the key that first set it
	w.members(path, func(key string) {
		f := fields.lookup(key)
		if f == nil {
			w.unknown(joinKey(path, key), key, fields)
			w.skip()
			return
		}
		if first, dup := seen[f]; dup {
			if first == key {
				w.addf(joinKey(path, f.name), "the key %s appears twice; give each key once", isms.Quote(key))
			} else {
				w.addf(joinKey(path, f.name), "the keys %s and %s both set %s; give it once", isms.Quote(first), isms.Quote(key), isms.Quote(f.name))
			}
		} else {
			if seen == nil {
				seen = map[*field]string{}
			}
			seen[f] = key
		}
		if f.quoted {
			w.quoted(joinKey(path, f.name), f)
			return
		}
		w.value(joinKey(path, f.name), f.typ, depth)
	})
}

// mapObject walks a JSON object decoded into map type t.
func (w *walker) mapObject(path string, t reflect.Type, depth int) {
	kt := t.Key()
	textKey := reflect.PointerTo(kt).Implements(textUnmarshalerType)
	if !textKey {
		switch kt.Kind() {
		case reflect.String,
			reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		default:
			w.addf(path, "an object cannot be decoded into Go type %s", t)
			w.skip()
			return
		}
	}
	seen := map[any]string{} // the Go key -> the JSON key that first gave it
	w.members(path, func(key string) {
		p := joinKey(path, key)
		var goKey any
		switch {
		case textKey:
			kv := reflect.New(kt)
			if err := kv.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(key)); err != nil {
				w.custom(p, err)
			} else {
				goKey = kv.Elem().Interface()
			}
		case kt.Kind() >= reflect.Int && kt.Kind() <= reflect.Int64:
			n, err := strconv.ParseInt(key, 10, 64)
			if err != nil || reflect.Zero(kt).OverflowInt(n) {
				w.addf(p, "the key %s is not %s", isms.Quote(key), intRange(kt))
			} else {
				goKey = n
			}
		case kt.Kind() >= reflect.Uint && kt.Kind() <= reflect.Uintptr:
			n, err := strconv.ParseUint(key, 10, 64)
			if err != nil || reflect.Zero(kt).OverflowUint(n) {
				w.addf(p, "the key %s is not %s", isms.Quote(key), uintRange(kt))
			} else {
				goKey = n
			}
		default:
			goKey = key
		}
		if goKey != nil {
			switch first, dup := seen[goKey]; {
			case !dup:
				seen[goKey] = key
			case first == key:
				w.addf(p, "the key %s appears twice; give each key once", isms.Quote(key))
			case textKey:
				w.addf(p, "the keys %s and %s give the same key; give it once", isms.Quote(first), isms.Quote(key))
			default:
				w.addf(p, "the keys %s and %s both give the key %v; give it once", isms.Quote(first), isms.Quote(key), goKey)
			}
		}
		w.value(p, t.Elem(), depth)
	})
}

// members calls member for every key of the object at pos (at path), in
// document order, with pos at the key's value; member must move past the
// value. A key that is not valid UTF-8 is reported.
func (w *walker) members(path string, member func(key string)) {
	w.pos++ // '{'
	w.space()
	if w.peek() == '}' {
		w.pos++
		return
	}
	for !w.broken {
		w.space()
		if w.peek() != '"' {
			w.broken = true
			return
		}
		at := w.pos
		raw := w.skip()
		key, ok := unquote(raw)
		w.checkString(path, "key", raw, at, key)
		w.space()
		if !ok || w.peek() != ':' {
			w.broken = true
			return
		}
		w.pos++
		member(key)
		w.space()
		switch w.peek() {
		case ',':
			w.pos++
		case '}':
			w.pos++
			return
		default:
			w.broken = true
		}
	}
}

// array walks a JSON array decoded into slice or array type t. Elements
// beyond a Go array's length are dropped by encoding/json, so they are not
// checked.
func (w *walker) array(path string, t reflect.Type, depth int) {
	w.pos++ // '['
	w.space()
	if w.peek() == ']' {
		w.pos++
		return
	}
	for i := 0; !w.broken; i++ {
		if t.Kind() == reflect.Array && i >= t.Len() {
			w.generic(isms.JoinPath(path, "["+strconv.Itoa(i)+"]"), depth)
		} else {
			w.value(isms.JoinPath(path, "["+strconv.Itoa(i)+"]"), t.Elem(), depth)
		}
		w.space()
		switch w.peek() {
		case ',':
			w.pos++
		case ']':
			w.pos++
			return
		default:
			w.broken = true
		}
	}
}

// generic walks the value at pos whatever its Go type, reporting what
// encoding/json lets through anywhere: a key given twice in an object and
// text that is not valid UTF-8. It returns the value's bytes.
func (w *walker) generic(path string, depth int) []byte {
	if w.broken {
		return nil
	}
	w.space()
	start := w.pos
	switch w.peek() {
	case '{':
		if depth >= MaxDepth {
			w.addf(path, "the JSON nests deeper than %d levels", MaxDepth)
			return w.skip()
		}
		var seen map[string]bool
		w.members(path, func(key string) {
			p := joinKey(path, key)
			if seen[key] {
				w.addf(p, "the key %s appears twice; give each key once", isms.Quote(key))
			}
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[key] = true
			w.generic(p, depth+1)
		})
	case '[':
		if depth >= MaxDepth {
			w.addf(path, "the JSON nests deeper than %d levels", MaxDepth)
			return w.skip()
		}
		w.pos++
		w.space()
		if w.peek() == ']' {
			w.pos++
			break
		}
		for i := 0; !w.broken; i++ {
			w.generic(isms.JoinPath(path, "["+strconv.Itoa(i)+"]"), depth+1)
			w.space()
			switch w.peek() {
			case ',':
				w.pos++
				continue
			case ']':
				w.pos++
			default:
				w.broken = true
			}
			break
		}
	case '"':
		raw := w.skip()
		w.checkString(path, "string", raw, start, "")
	default:
		w.skip()
	}
	if w.broken {
		return nil
	}
	return w.data[start:w.pos]
}
