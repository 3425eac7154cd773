package jsonio

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
)

// The types below exercise every shape the diagnostic walker follows.

type owner struct {
	Role   string `json:"role"`
	Person string `json:"person,omitempty"`
}

// Stamp is embedded: its fields are promoted into tRisk.
type Stamp struct {
	ID      isms.RoleID `json:"id"`
	Created time.Time   `json:"created"`
}

type tNote struct {
	Text string `json:"text"`
}

type tRisk struct {
	Stamp
	Title  string           `json:"title"`
	Owner  owner            `json:"owner"`
	Score  int8             `json:"score"`
	Cost   decimal.Decimal  `json:"cost"`
	Due    *time.Time       `json:"due,omitempty"`
	Tags   []string         `json:"tags,omitempty"`
	Notes  map[string]tNote `json:"notes,omitempty"`
	Extra  any              `json:"extra,omitempty"`
	Hidden string           `json:"-"`
	Pair   [2]int           `json:"pair"`
	Count  int              `json:"count,string"`
	Plain  bool
}

type tEntry struct {
	Generated time.Time `json:"generated"`
	Owner     *owner    `json:"owner,omitempty"`
}

type tDoc struct {
	Title   string                 `json:"title"`
	Risks   []tRisk                `json:"risks"`
	Entries []*tEntry              `json:"entries"`
	ByRole  map[isms.RoleID]string `json:"by_role,omitempty"`
	Levels  map[int8]string        `json:"levels,omitempty"`
	Grid    [][]float64            `json:"grid,omitempty"`
}

const goodID = "0b0f6b9c-3c39-4a7e-9a55-3f1d8a2b6c01"

func TestDecodeGood(t *testing.T) {
	in := `{
  "title": "Register",
  "risks": [{"id": "` + goodID + `", "created": "2027-03-01T09:00:00Z", "title": "Laptop theft",
    "owner": {"role": "CISO"}, "score": 12, "cost": "1200.50", "due": null, "tags": ["a"],
    "notes": {"x.y": {"text": "t"}}, "extra": {"any": [1, {"thing": true}]}, "pair": [1, 2],
    "count": "7", "plain": true}, {"TITLE": "case-insensitive keys match"}],
  "entries": [{"generated": "2027-03-01T09:00:00Z", "owner": null}],
  "by_role": {"` + goodID + `": "x"},
  "levels": {"-3": "low"},
  "grid": [[1.5, 2], []]
}
`
	var d tDoc
	require.NoError(t, Decode(strings.NewReader(in), &d, "register"))
	require.Len(t, d.Risks, 2)
	r := d.Risks[0]
	assert.Equal(t, "Laptop theft", r.Title)
	assert.Equal(t, "case-insensitive keys match", d.Risks[1].Title)
	assert.Equal(t, goodID, r.ID.String())
	assert.Equal(t, 7, r.Count)
	assert.True(t, r.Cost.Equal(decimal.RequireFromString("1200.50")))
	assert.Equal(t, "low", d.Levels[-3])
}

func TestDecodeProblems(t *testing.T) {
	type want struct{ path, problem string }
	cases := []struct {
		name string
		in   string
		want []want
	}{
		{"unknown top-level field", `{"title": "x", "colour": "red"}`,
			[]want{{"colour", `register: unknown field "colour"`}}},
		{"unknown field suggestion", `{"titel": "x"}`,
			[]want{{"titel", `register: unknown field "titel"; did you mean "title"?`}}},
		{"unknown fields at every depth", `{"risks": [{}, {}, {"owner": {"role": "CISO", "rank": 1}}],
			"entries": [{"generated": "2027-03-01T09:00:00Z", "owner": {"nme": "x"}}],
			"levels": {"1": "a"}}`,
			[]want{{"risks[2].owner.rank", `register: unknown field "rank"`},
				{"entries[0].owner.nme", `register: unknown field "nme"`}}},
		{"unknown field inside a map value", `{"risks": [{"notes": {"n1": {"txt": "x"}}}]}`,
			[]want{{"risks[0].notes.n1.txt", `register: unknown field "txt"`}}},
		{"odd key quoted in the path", `{"risks": [{"notes": {"a.b": {"no": 1}}, "a b": 2, "": 3}]}`,
			[]want{{`risks[0].notes["a.b"].no`, `register: unknown field "no"`},
				{`risks[0]["a b"]`, `register: unknown field "a b"`},
				{`risks[0][""]`, `register: unknown field ""`}}},
		{"a json:\"-\" field is unknown", `{"risks": [{"Hidden": "x"}]}`,
			[]want{{"risks[0].Hidden", `register: unknown field "Hidden"`}}},
		{"promoted field of an embedded struct", `{"risks": [{"created": 5, "Stamp": {}}]}`,
			[]want{{"risks[0].created", `register: expected a date and time like "2027-03-01T09:00:00Z" (RFC 3339), found the number 5`},
				{"risks[0].Stamp", `register: unknown field "Stamp"`}}},
		{"string where a number is expected", `{"risks": [{"score": "high"}]}`,
			[]want{{"risks[0].score", `register: expected a whole number from -128 to 127, found the string "high"`}}},
		{"number out of range", `{"risks": [{"score": 300}]}`,
			[]want{{"risks[0].score", `register: expected a whole number from -128 to 127, found the number 300`}}},
		{"object where a list is expected", `{"risks": {"title": "x"}}`,
			[]want{{"risks", `register: expected a list, found an object`}}},
		{"list where an object is expected", `{"risks": [{"owner": ["CISO"]}]}`,
			[]want{{"risks[0].owner", `register: expected an object, found a list`}}},
		{"number where a string is expected", `{"title": 5, "risks": [{"plain": "yes"}]}`,
			[]want{{"title", `register: expected a string, found the number 5`},
				{"risks[0].Plain", `register: expected true or false, found the string "yes"`}}},
		{"nested lists", `{"grid": [[1], [2, "x"]]}`,
			[]want{{"grid[1][1]", `register: expected a number, found the string "x"`}}},
		{"array element inside its length", `{"risks": [{"pair": [1, "b", "ignored beyond the length"]}]}`,
			[]want{{"risks[0].pair[1]", `register: expected a whole number, found the string "b"`}}},
		{"bad date", `{"entries": [{"generated": "2027-13-01T00:00:00Z"}]}`,
			[]want{{"entries[0].generated", `register: "2027-13-01T00:00:00Z" is not a date and time like "2027-03-01T09:00:00Z" (RFC 3339) (month out of range)`}}},
		{"date without a time", `{"entries": [{"generated": "2027-03-01"}]}`,
			[]want{{"entries[0].generated", `register: "2027-03-01" is not a date and time like "2027-03-01T09:00:00Z" (RFC 3339)`}}},
		{"bad date behind a pointer", `{"risks": [{"due": "tomorrow"}]}`,
			[]want{{"risks[0].due", `register: "tomorrow" is not a date and time like "2027-03-01T09:00:00Z" (RFC 3339)`}}},
		{"bad ID", `{"risks": [{"id": "nope"}]}`,
			[]want{{"risks[0].id", `register: id "nope": write IDs as 8-4-4-4-12 lowercase hex, e.g. "6ba7b810-9dad-11d1-80b4-00c04fd430c8"`}}},
		{"ID that is not a string", `{"risks": [{"id": 7}]}`,
			[]want{{"risks[0].id", `register: expected a string, found the number 7`}}},
		{"bad decimal", `{"risks": [{"cost": "1,5"}]}`,
			[]want{{"risks[0].cost", `register: error decoding string '"1,5"': can't convert 1,5 to decimal`}}},
		{"bad ,string field", `{"risks": [{"count": 7}]}`,
			[]want{{"risks[0].count", `register: invalid use of ,string struct tag, trying to unmarshal unquoted value into int`}}},
		{"bad map key", `{"levels": {"x": "a", "300": "b"}, "by_role": {"nope": "c"}}`,
			[]want{{"levels.x", `register: the key "x" is not a whole number from -128 to 127`},
				{"levels.300", `register: the key "300" is not a whole number from -128 to 127`},
				{"by_role.nope", `register: id "nope": write IDs as 8-4-4-4-12 lowercase hex, e.g. "6ba7b810-9dad-11d1-80b4-00c04fd430c8"`}}},
		{"two unknown fields and a bad date", `{"risks": [{"colour": "red"}, {"owner": {"team": "x"}}],
			"entries": [{"generated": "2027-13-01T00:00:00Z"}]}`,
			[]want{{"risks[0].colour", `register: unknown field "colour"`},
				{"risks[1].owner.team", `register: unknown field "team"`},
				{"entries[0].generated", `register: "2027-13-01T00:00:00Z" is not a date and time like "2027-03-01T09:00:00Z" (RFC 3339) (month out of range)`}}},
		{"syntax error", "{\n  \"title\": \"x\",\n  \"risks\": [x]\n}",
			[]want{{"", `register: invalid character 'x' looking for beginning of value at line 3, column 13 (byte 30)`}}},
		{"truncated", "{\"title\": \"x\",\n \"risks\": [",
			[]want{{"", `register: the JSON ends early at line 2, column 12 (byte 26); a closing quote, bracket or brace is missing`}}},
		{"empty", "", []want{{"", `register: the input is empty; expected a JSON document`}}},
		{"only whitespace", " \n\t", []want{{"", `register: the input is empty; expected a JSON document`}}},
		{"trailing data", "{\"title\": \"x\"}\n{}",
			[]want{{"", `register: data after the JSON value at line 2, column 1 (byte 15)`}}},
		{"trailing closing brace", `{"title": "x"}}`,
			[]want{{"", `register: data after the JSON value at line 1, column 15 (byte 14)`}}},
		{"problems and trailing data", `{"colour": 1} []`,
			[]want{{"colour", `register: unknown field "colour"`},
				{"", `register: data after the JSON value at line 1, column 15 (byte 14)`}}},
		{"top-level null", ` null `, []want{{"", `register: the document is null; expected an object`}}},
		{"top-level list", `[]`, []want{{"", `register: expected an object, found a list`}}},
		{"too deep", `{"extra":` + strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1) + `}`,
			[]want{{"", `register: objects and lists nest more than 10000 levels deep at line 1, column 10009 (byte 10008)`}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var d tDoc
			err := Decode(strings.NewReader(c.in), &d, "register")
			require.Error(t, err)
			assert.ErrorIs(t, err, isms.ErrInvalid)
			var got []want
			for _, v := range isms.ValidationErrors(err) {
				got = append(got, want{v.Path, v.Problem})
			}
			assert.Equal(t, c.want, got)
		})
	}
}

func TestDecodeMessage(t *testing.T) {
	var d tDoc
	err := Decode(strings.NewReader(`{"colour": 1, "title": 2}`), &d, "SoA")
	require.Error(t, err)
	assert.Equal(t, "2 problems:\n  - colour: SoA: unknown field \"colour\"\n  - title: SoA: expected a string, found the number 2", err.Error())
	var ve *isms.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "colour", ve.Path)

	err = Decode(strings.NewReader(`{"colour": 1}`), &d, "")
	assert.EqualError(t, err, `colour: unknown field "colour"`)
}

// validated refuses its input with a validation error of its own.
type validated struct{}

func (*validated) UnmarshalJSON([]byte) error {
	var p isms.Problems
	p.Addf("inner", "is wrong")
	p.Addf("", "is wrong as a whole")
	return p.Err()
}

func TestDecodeCustom(t *testing.T) {
	var v struct {
		A []validated `json:"a"`
	}
	err := Decode(strings.NewReader(`{"a": [1, 2]}`), &v, "doc")
	var got []string
	for _, e := range isms.ValidationErrors(err) {
		got = append(got, e.Error())
	}
	assert.Equal(t, []string{"a[0].inner: doc: is wrong", "a[0]: doc: is wrong as a whole",
		"a[1].inner: doc: is wrong", "a[1]: doc: is wrong as a whole"}, got)

}

func TestDecodeNotValidation(t *testing.T) {
	var d tDoc
	err := Decode(iotest.ErrReader(errors.New("disk on fire")), &d, "register")
	require.Error(t, err)
	assert.NotErrorIs(t, err, isms.ErrInvalid)
	assert.ErrorContains(t, err, "disk on fire")

	err = Decode(strings.NewReader(`{}`), d, "register")
	require.Error(t, err)
	assert.NotErrorIs(t, err, isms.ErrInvalid)
}

func TestTypeFields(t *testing.T) {
	type A struct {
		X int
		Y int
	}
	type B struct {
		X int
		Z int
	}
	type C struct {
		A
		B
		Y string `json:"y"`
		W int    `json:"w"`
	}
	var names []string
	for _, f := range fieldsOf(reflectType[C]()).list {
		names = append(names, f.name)
	}
	// A.X and B.X cancel out; A.Y ("Y") and C.Y ("y") are different keys,
	// found exactly before the case-insensitive match.
	assert.Equal(t, []string{"Y", "Z", "y", "w"}, names)
	var c2 C
	require.NoError(t, Decode(strings.NewReader(`{"Y": 1, "y": "s", "z": 2}`), &c2, "doc"))
	assert.Equal(t, 1, c2.A.Y)
	assert.Equal(t, "s", c2.Y)
	assert.Equal(t, 2, c2.Z)

	var c C
	err := Decode(strings.NewReader(`{"x": 1}`), &c, "doc")
	assert.EqualError(t, err, `x: doc: unknown field "x"`, "A.X and B.X hide each other")
}

func TestEncode(t *testing.T) {
	var b bytes.Buffer
	v := struct {
		A string `json:"a"`
	}{"<x>"}
	require.NoError(t, Encode(&b, v))
	assert.Equal(t, "{\n  \"a\": \"<x>\"\n}\n", b.String())
}

type node struct {
	Kids []node `json:"kids"`
}

func TestDecodeDeep(t *testing.T) {
	const depth = MaxDepth/2 - 1 // an object and a list per level
	in := strings.Repeat(`{"kids":[`, depth) + `{"oops":1}` + strings.Repeat(`]}`, depth)
	var n node
	err := Decode(strings.NewReader(in), &n, "tree")
	got := isms.ValidationErrors(err)
	require.Len(t, got, 1)
	assert.Equal(t, strings.Repeat("kids[0].", depth)+"oops", got[0].Path)
	assert.Equal(t, `tree: unknown field "oops"`, got[0].Problem)
}

func TestDecodeHostileKeys(t *testing.T) {
	var d tDoc
	err := Decode(strings.NewReader("{\"a\u202eb\\n\": 1, \"<script>\": 2, \"=cmd|' /C calc'!A1\": 3, \"x|y\": 4}"), &d, "doc")
	var got []string
	for _, v := range isms.ValidationErrors(err) {
		got = append(got, v.Error())
	}
	assert.Equal(t, []string{
		`["a\u202eb\n"]: doc: unknown field "a\u202eb\n"`,
		`<script>: doc: unknown field "<script>"`,
		`["=cmd|' /C calc'!A1"]: doc: unknown field "=cmd|' /C calc'!A1"`,
		`x|y: doc: unknown field "x|y"`,
	}, got)
}
