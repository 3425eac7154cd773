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

		// The walker alone, on one valid non-null value: it finds a problem
		// exactly when the strict decoder fails.
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
		if (strict == nil) != (p.Len() == 0) {
			t.Fatalf("strict decoder says %v, walker says %v", strict, p.Err())
		}
	})
}
