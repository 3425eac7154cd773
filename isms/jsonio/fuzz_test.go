package jsonio

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/ismskit/ismskit/isms"
)

var fuzzSeeds = []string{
	``, `null`, `[]`, `{}`, `{} {}`, `{}}`, `{"title": "x"}`, `{"titel": 1}`,
	`{"risks": [{"id": "` + goodID + `", "created": "2027-03-01T09:00:00+02:00", "title": "t",
	  "owner": {"role": "r", "person": "p"}, "score": -3, "cost": "1.50", "due": "2027-03-01T09:00:00Z",
	  "tags": ["a", "b"], "notes": {"k": {"text": "v"}, "a.b": null}, "extra": [1, "x", {"y": null}],
	  "pair": [1, 2, 3], "count": "5", "Plain": true, "TITLE": "T"}],
	  "entries": [null, {"generated": "2027-03-01T09:00:00Z", "owner": {"role": "r"}}],
	  "by_role": {"` + goodID + `": "x"}, "levels": {"1": "a", "-128": "b"}, "grid": [[1, 2.5e3], null]}`,
	`{"risks": [{"score": "high", "colour": 1}, {"owner": {"rank": 2}}], "entries": [{"generated": "2027-13-01"}]}`,
	`{"levels": {"x": 1}, "by_role": {"nope": "c"}, "risks": [{"count": 7, "cost": "1,5", "id": 7}]}`,
	`{"risks": [{"Stamp": {}, "\u0074itle": "escaped key", "Ti\u212Ale": "Kelvin sign"}]}`,
	"{\n \"title\": \"x\",\n \"risks\": [x]\n}", `{"title": "x"`, `{"grid": [[[1]]]}`,
	// Issue 13: duplicate keys, invalid UTF-8, non-canonical IDs, deep
	// nesting, date-times RFC 3339 does not allow.
	`{"title": "a", "title": "b"}`, `{"title": "a", "Title": "b", "\u0074itle": "c"}`,
	`{"risks": [{"owner": {"role": "a", "role": "b"}, "notes": {"k": {}, "k": {}}, "extra": {"y": 1, "y": [{"z": 0, "z": 0}]}}]}`,
	`{"levels": {"1": "a", "01": "b", "+1": "c", "-0": "d", "0": "e"}}`, `{"a": 1, "A": 2}`,
	"{\"title\": \"ab\xffc\", \"risks\": [{\"notes\": {\"k\xfe\": {}}, \"extra\": \"\xed\xa0\x80\"}]}",
	`{"title": "a\ud800b", "risks": [{"title": "\udc00\ud800", "tags": ["\ud83d\ude00", "\ufffd"]}]}`,
	`{"risks": [{"id": "0B0F6B9C-3C39-4A7E-9A55-3F1D8A2B6C01"}, {"id": "urn:uuid:` + goodID + `"}, {"id": "{` + goodID + `}"}]}`,
	`{"by_role": {"0b0f6b9c3c394a7e9a553f1d8a2b6c01": "x", "` + goodID + `": "y"}}`,
	strings.Repeat(`{"grid": [`, 200) + strings.Repeat(`]}`, 200), strings.Repeat(`[`, 10001) + strings.Repeat(`]`, 10001),
	`{"risks": [{"extra": ` + strings.Repeat(`{"a": [`, 300) + `1` + strings.Repeat(`]}`, 300) + `}]}`,
	`{"entries": [{"generated": "2027-03-01T9:00:00Z"}, {"generated": "9999-12-31T23:59:59-23:59"}, {"generated": "2027-03-01T09:00:00+24:00"}],
	  "risks": [{"due": "2027-03-01T09:00:00,5Z", "title": "2027-03-01T9:00:00Z"}]}`,
}

// FuzzDecode checks that Decode never panics, that a document it accepts
// survives an Encode/Decode round trip, that a document it refuses gives
// validation errors, and that the diagnostic walker agrees with the strict
// encoding/json decoder on which documents are good.
func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d tDoc
		err := Decode(bytes.NewReader(data), &d, "doc")
		if err != nil {
			if len(isms.ValidationErrors(err)) == 0 || !strings.Contains(err.Error(), "doc: ") {
				t.Fatalf("not validation errors: %v", err)
			}
		} else {
			var first, second bytes.Buffer
			if err := Encode(&first, d); err != nil {
				t.Fatalf("encode: %v", err)
			}
			var d2 tDoc
			if err := Decode(bytes.NewReader(first.Bytes()), &d2, "doc"); err != nil {
				t.Fatalf("decode what Encode wrote: %v\n%s", err, first.Bytes())
			}
			if err := Encode(&second, d2); err != nil {
				t.Fatalf("encode: %v", err)
			}
			if first.String() != second.String() {
				t.Fatalf("round trip changed the value:\n%s\n%s", first.Bytes(), second.Bytes())
			}
		}

		// A key given twice in one object is always refused.
		if err == nil && exactDuplicate(data) {
			t.Fatalf("a document with a duplicate key was accepted")
		}

		// The walker alone, on one valid non-null value: it finds a problem
		// when the strict decoder fails, and none when the strict decoder
		// succeeds and the quick check finds nothing either.
		trimmed := bytes.TrimSpace(data)
		if !json.Valid(trimmed) || string(trimmed) == "null" {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.DisallowUnknownFields()
		var fresh tDoc
		strict := dec.Decode(&fresh)
		var p isms.Problems
		w := &walker{data: trimmed, what: "doc", p: &p}
		w.value("", reflect.TypeFor[tDoc](), 0)
		if w.broken {
			t.Fatalf("walker lost its place in valid JSON")
		}
		if strict != nil && p.Len() == 0 {
			t.Fatalf("strict decoder says %v, walker finds nothing", strict)
		}
		if strict == nil && clean(trimmed) && p.Len() > 0 {
			t.Fatalf("strict decoder and quick check find nothing, walker says %v", p.Err())
		}
	})
}

// exactDuplicate reports whether some object in data, read token by token
// with encoding/json, has the same key twice.
func exactDuplicate(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		object bool
		keys   map[string]bool
		key    bool // the next string token is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.object && top.key {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].key = true
				}
				if len(stack) == 0 {
					return false
				}
				continue
			}
			k := tok.(string)
			if top.keys[k] {
				return true
			}
			top.keys[k] = true
			top.key = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{object: true, keys: map[string]bool{}, key: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].key = true
		}
		if len(stack) == 0 {
			return false
		}
	}
}
