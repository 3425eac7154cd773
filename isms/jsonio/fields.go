package jsonio

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// field is one JSON object key a struct type accepts, found the way
// encoding/json finds it: json tags, "-" skipped, fields of embedded
// structs promoted, Go's rules for hidden fields applied.
type field struct {
	name   string       // the JSON key
	tagged bool         // the name comes from a json tag
	index  []int        // the field index sequence from the outer struct
	typ    reflect.Type // the Go type of the field, pointers included
	quoted bool         // the ",string" option applies
}

// structFields is the set of keys of one struct type, looked up like
// encoding/json does: exact name first, then a case-insensitive match.
type structFields struct {
	list     []field
	byExact  map[string]*field
	byFolded map[string]*field
}

// lookup finds the field a JSON key decodes into, or nil for an unknown key.
func (s *structFields) lookup(key string) *field {
	if f, ok := s.byExact[key]; ok {
		return f
	}
	return s.byFolded[foldName(key)]
}

var fieldCache sync.Map // reflect.Type -> *structFields

// fieldsOf returns the cached keys of struct type t.
func fieldsOf(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	list := typeFields(t)
	s := &structFields{
		list:     list,
		byExact:  make(map[string]*field, len(list)),
		byFolded: make(map[string]*field, len(list)),
	}
	for i := range list {
		f := &list[i]
		if _, ok := s.byExact[f.name]; !ok {
			s.byExact[f.name] = f
		}
		if k := foldName(f.name); s.byFolded[k] == nil {
			s.byFolded[k] = f
		}
	}
	f, _ := fieldCache.LoadOrStore(t, s)
	return f.(*structFields)
}

// typeFields mirrors encoding/json's typeFields: a breadth-first walk over
// embedded structs in which a shallower field hides deeper ones of the same
// name, a tagged field beats an untagged one at the same depth, and two
// equally good fields cancel each other out.
func typeFields(t reflect.Type) []field {
	var current []field
	next := []field{{typ: t}}
	var count, nextCount map[reflect.Type]int
	visited := map[reflect.Type]bool{}
	var fields []field

	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, f := range current {
			if visited[f.typ] {
				continue
			}
			visited[f.typ] = true
			for i := 0; i < f.typ.NumField(); i++ {
				sf := f.typ.Field(i)
				if sf.Anonymous {
					t := sf.Type
					if t.Kind() == reflect.Pointer {
						t = t.Elem()
					}
					if !sf.IsExported() && t.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validTag(name) {
					name = ""
				}
				index := make([]int, len(f.index)+1)
				copy(index, f.index)
				index[len(f.index)] = i

				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				quoted := false
				if hasOption(opts, "string") {
					switch ft.Kind() {
					case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
						reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
						reflect.Float32, reflect.Float64, reflect.String:
						quoted = true
					}
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					tagged := name != ""
					if name == "" {
						name = sf.Name
					}
					fields = append(fields, field{name: name, tagged: tagged, index: index, typ: sf.Type, quoted: quoted})
					if count[f.typ] > 1 {
						// Two embeddings of the same struct at this depth: add
						// a duplicate so that the annihilation below sees it.
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, field{name: ft.Name(), index: index, typ: ft})
				}
			}
		}
	}

	slices.SortFunc(fields, func(a, b field) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := len(a.index) - len(b.index); c != 0 {
			return c
		}
		if a.tagged != b.tagged {
			if a.tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.index, b.index)
	})
	out := fields[:0]
	for advance, i := 0, 0; i < len(fields); i += advance {
		name := fields[i].name
		for advance = 1; i+advance < len(fields); advance++ {
			if fields[i+advance].name != name {
				break
			}
		}
		group := fields[i : i+advance]
		if len(group) > 1 && len(group[0].index) == len(group[1].index) && group[0].tagged == group[1].tagged {
			continue // equally good fields hide each other
		}
		out = append(out, group[0])
	}
	fields = out
	slices.SortFunc(fields, func(a, b field) int { return slices.Compare(a.index, b.index) })
	return fields
}

func hasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// validTag mirrors encoding/json's isValidTag.
func validTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// foldName mirrors encoding/json's case folding of keys: ASCII letters to
// upper case, other runes through unicode.ToUpper(unicode.ToLower(r)).
func foldName(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToUpper(unicode.ToLower(r)))
		i += n
	}
	return string(b)
}
