package jsonio

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ismskit/ismskit/isms"
)

// MaxDepth is how deeply objects and arrays may nest in a decoded document,
// the limit encoding/json itself enforces. Deeper input is a syntax problem.
const MaxDepth = 10000

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	timeType            = reflect.TypeFor[time.Time]()
)

// timeExample shows the form of time.Time in JSON.
const timeExample = `"2027-03-01T09:00:00Z"`

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

func (w *walker) addf(path, format string, args ...any) {
	if w.full() {
		w.p.Addf(path, "") // only counted
		return
	}
	w.p.Addf(path, "%s%s", w.prefix(), fmt.Sprintf(format, args...))
}

// full reports whether the problems found so far are as many as an error
// lists, so that further ones are only counted.
func (w *walker) full() bool { return w.p.Len() >= isms.MaxProblems }

func (w *walker) prefix() string {
	if w.what == "" {
		return ""
	}
	return w.what + ": "
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

// quoted checks a field with the ",string" option by decoding it alone
// into a struct with the same option.
func (w *walker) quoted(path string, f *field) {
	raw := w.generic(path, 0)
	st := reflect.StructOf([]reflect.StructField{{Name: "V", Type: f.typ, Tag: `json:"v,string"`}})
	doc := make([]byte, 0, len(raw)+6)
	doc = append(append(append(doc, `{"v":`...), raw...), '}')
	if err := json.Unmarshal(doc, reflect.New(st).Interface()); err != nil {
		w.leafError(path, f.typ, raw, err)
	}
}

// leaf checks one value that is not walked into by decoding it alone.
func (w *walker) leaf(path string, t reflect.Type, raw []byte) {
	if deref(t) == timeType && len(raw) >= 2 && raw[0] == '"' {
		body := string(raw[1 : len(raw)-1])
		if ok, detail := strictTime(body); !ok {
			if detail != "" {
				detail = " (" + detail + ")"
			}
			w.addf(path, "%s is not a date and time like %s (RFC 3339)%s", isms.Quote(body), timeExample, detail)
			return
		}
	}
	if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
		w.leafError(path, t, raw, err)
	}
}

func (w *walker) leafError(path string, t reflect.Type, raw []byte, err error) {
	var te *json.UnmarshalTypeError
	var pe *time.ParseError
	switch {
	case deref(t) == timeType:
		if !errors.As(err, &pe) {
			w.addf(path, "expected a date and time like %s (RFC 3339), found %s", timeExample, describeJSON(raw))
			return
		}
		why := ""
		if strings.HasPrefix(pe.Message, ": ") {
			why = " (" + pe.Message[2:] + ")"
		}
		w.addf(path, "%s is not a date and time like %s (RFC 3339)%s", isms.Quote(pe.Value), timeExample, why)
	case errors.As(err, &te) && te.Type != nil && !isCustom(t):
		w.addf(path, "expected %s, found %s", describeType(te.Type), describeJSON(raw))
	case errors.As(err, &te) && te.Type != nil && isText(t):
		w.addf(path, "expected a string, found %s", describeJSON(raw))
	default:
		w.custom(path, err)
	}
}

// custom records the error of an UnmarshalJSON or UnmarshalText method.
// Validation errors it holds keep their own paths below path.
func (w *walker) custom(path string, err error) {
	if found := isms.ValidationErrors(err); len(found) > 0 {
		for _, v := range found {
			if isms.Omitted(v) > 0 {
				w.p.Merge(path, v) // counted, not listed
				continue
			}
			w.p.Addf(isms.JoinPath(path, v.Path), "%s%s", w.prefix(), v.Problem)
		}
		return
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, isms.ErrInvalid) {
		msg = strings.TrimPrefix(msg, isms.ErrInvalid.Error()+": ")
	}
	w.addf(path, "%s", msg)
}

// unknown records an unknown key, suggesting a field with a close name.
func (w *walker) unknown(path, key string, fields *structFields) {
	best, bestDist, tie := "", 3, false
	if n := utf8.RuneCountInString(key); n >= 4 && n <= 64 {
		for _, f := range fields.list {
			d := distance(strings.ToLower(key), strings.ToLower(f.name), 3)
			switch {
			case d >= 3:
			case d < bestDist:
				best, bestDist, tie = f.name, d, false
			case d == bestDist && best != "":
				tie = true
			}
		}
	}
	if best != "" && !tie {
		w.addf(path, "unknown field %s; did you mean %q?", isms.Quote(key), best)
		return
	}
	w.addf(path, "unknown field %s", isms.Quote(key))
}

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

// unquote decodes a JSON string literal.
func unquote(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	plain := true
	for _, c := range raw[1 : len(raw)-1] {
		if c == '\\' || c == '"' || c < ' ' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return string(raw[1 : len(raw)-1]), true
	}
	s, _ := decodeString(raw)
	return s, true
}

// joinKey returns the path of key inside the object at path, in the style
// of isms.JoinPath: joinKey("risks[2]", "owner") is "risks[2].owner". A key
// that is empty or holds characters that would make the path ambiguous
// (dots, brackets, quotes, spaces, control characters) is quoted in
// brackets: joinKey("owners", "a.b") is `owners["a.b"]`.
func joinKey(path, key string) string {
	if plainKey(key) {
		return isms.JoinPath(path, key)
	}
	return path + "[" + isms.Quote(key) + "]"
}

func plainKey(key string) bool {
	if key == "" || len(key) > isms.MaxQuoteRunes {
		return false
	}
	for _, r := range key {
		switch {
		case r == '.' || r == '[' || r == ']' || r == '"' || r == '\\' || r == ' ':
			return false
		case !strconv.IsPrint(r) || r == utf8.RuneError:
			return false
		}
	}
	return true
}

// distance is the Levenshtein distance of a and b, or limit when it is at
// least limit.
func distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], limit)
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

// checkString reports a string literal raw (a key or a string value, what)
// at byte offset at that is not valid UTF-8 or escapes a lone surrogate.
// s is its decoded text when known.
func (w *walker) checkString(path, what string, raw []byte, at int, s string) {
	if isPlainString(raw) {
		return
	}
	text, bad := decodeString(raw)
	if bad == "" {
		return
	}
	if w.full() {
		w.p.Addf(path, "") // only counted
		return
	}
	if s == "" {
		s = text
	}
	if what == "key" {
		path = joinKey(path, s)
	}
	if i := firstInvalid(raw); i >= 0 {
		at += i
	}
	w.addf(path, "the %s %s %s at %s; JSON text must be valid Unicode", what, isms.Quote(s), bad, position(w.data, at))
}

// isPlainString reports whether a string literal holds only printable
// ASCII without escapes, the common case that needs no check.
func isPlainString(raw []byte) bool {
	for _, c := range raw {
		if c == '\\' || c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// firstInvalid returns the offset of the first byte of b that is not part
// of valid UTF-8, or -1.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
