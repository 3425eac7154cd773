package jsonio

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
)

type problem struct{ path, problem string }

func problemsOf(err error) []problem {
	var got []problem
	for _, v := range isms.ValidationErrors(err) {
		got = append(got, problem{v.Path, v.Problem})
	}
	return got
}

// Issue 13: duplicate keys silently took the last value.
func TestDecode_DuplicateKeysAreRejectedWithTheirPath(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []problem
	}{
		{"top level", `{"title": "a", "title": "b"}`,
			[]problem{{"title", `doc: the key "title" appears twice; give each key once`}}},
		{"three times", `{"title": "a", "title": "b", "title": "c"}`,
			[]problem{{"title", `doc: the key "title" appears twice; give each key once`},
				{"title", `doc: the key "title" appears twice; give each key once`}}},
		{"nested struct", `{"risks": [{}, {"owner": {"role": "a", "role": "b"}}]}`,
			[]problem{{"risks[1].owner.role", `doc: the key "role" appears twice; give each key once`}}},
		{"escaped spelling", `{"title": "a", "\u0074itle": "b"}`,
			[]problem{{"title", `doc: the key "title" appears twice; give each key once`}}},
		{"two spellings of one field", `{"title": "a", "TITLE": "b"}`,
			[]problem{{"title", `doc: the keys "title" and "TITLE" both set "title"; give it once`}}},
		{"map key", `{"risks": [{"notes": {"k": {"text": "a"}, "k": {"text": "b"}}}]}`,
			[]problem{{"risks[0].notes.k", `doc: the key "k" appears twice; give each key once`}}},
		{"map with integer keys", `{"levels": {"1": "a", "01": "b"}}`,
			[]problem{{"levels.01", `doc: the keys "1" and "01" both give the key 1; give it once`}}},
		{"inside a value of any type", `{"risks": [{"extra": [{"y": 1, "y": 2}]}]}`,
			[]problem{{"risks[0].extra[0].y", `doc: the key "y" appears twice; give each key once`}}},
		{"promoted field", `{"by_role": {}, "grid": [], "risks": [{"created": "2027-03-01T09:00:00Z", "id": "` + goodID + `", "id": "` + goodID + `"}]}`,
			[]problem{{"risks[0].id", `doc: the key "id" appears twice; give each key once`}}},
		{"beside another problem", `{"title": 1, "title": "b"}`,
			[]problem{{"title", `doc: expected a string, found the number 1`},
				{"title", `doc: the key "title" appears twice; give each key once`}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var d tDoc
			err := Decode(strings.NewReader(c.in), &d, "doc")
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Equal(t, c.want, problemsOf(err))
		})
	}

	// Keys that differ only in case are different keys of a map, and
	// different fields when a struct has both.
	var m map[string]int
	require.NoError(t, Decode(strings.NewReader(`{"a": 1, "A": 2}`), &m, "doc"))
	assert.Equal(t, map[string]int{"a": 1, "A": 2}, m)
	var bare map[string]int
	err := Decode(strings.NewReader(`{"a": 1, "a": 2}`), &bare, "doc")
	assert.Equal(t, []problem{{"a", `doc: the key "a" appears twice; give each key once`}}, problemsOf(err))
	var anything any
	err = Decode(strings.NewReader(`{"a": 1, "a": 2}`), &anything, "doc")
	assert.Equal(t, []problem{{"a", `doc: the key "a" appears twice; give each key once`}}, problemsOf(err))
}

// Issue 13: invalid UTF-8 passed in IDs and names (encoding/json turns it
// into U+FFFD without a word).
func TestDecode_InvalidUTF8IsRejected(t *testing.T) {
	const why = `is not valid UTF-8`
	cases := []struct {
		name, in, path, contains string
	}{
		{"in a value", "{\"title\": \"ab\xffc\"}", "title", `the string "ab\xffc" ` + why + ` at line 1, column 14 (byte 13)`},
		{"in a nested value", "{\"risks\": [{\"owner\": {\"role\": \"\xc3\"}}]}", "risks[0].owner.role", why},
		{"in a map key", "{\"risks\": [{\"notes\": {\"k\xfe\": {}}}]}", `risks[0].notes["k\xfe"]`, `the key "k\xfe" ` + why},
		{"in a value of any type", "{\"risks\": [{\"extra\": {\"a\": [\"\xed\xa0\x80\"]}}]}", "risks[0].extra.a[0]", why},
		{"a lone surrogate", `{"title": "a\ud800b"}`, "title", `holds a lone UTF-16 surrogate \ud800`},
		{"a reversed pair", `{"title": "\udc00\ud800"}`, "title", `lone UTF-16 surrogate \udc00`},
		{"in an ID", "{\"risks\": [{\"id\": \"0b0f6b9c-3c39-4a7e-9a55-3f1d8a2b6c0\xff\"}]}", "risks[0].id", why},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var d tDoc
			err := Decode(strings.NewReader(c.in), &d, "doc")
			require.ErrorIs(t, err, isms.ErrInvalid)
			got := problemsOf(err)
			require.NotEmpty(t, got)
			assert.Equal(t, c.path, got[0].path)
			assert.Contains(t, got[0].problem, c.contains)
		})
	}
	// A proper surrogate pair is fine.
	var d tDoc
	require.NoError(t, Decode(strings.NewReader(`{"title": "\ud83d\ude00"}`), &d, "doc"))
	assert.Equal(t, "😀", d.Title)
}

// Issue 13: trailing "}" or "]]]" after a document was accepted.
func TestDecode_TrailingDataIsRejected(t *testing.T) {
	for _, in := range []string{`{}}`, `{"title": "x"}]]]`, `{} {}`, `{}x`, "{}\n\n\"more\""} {
		var d tDoc
		err := Decode(strings.NewReader(in), &d, "doc")
		require.ErrorIs(t, err, isms.ErrInvalid, in)
		got := problemsOf(err)
		require.Len(t, got, 1, in)
		assert.Equal(t, "", got[0].path)
		assert.Contains(t, got[0].problem, "data after the JSON value", in)
	}
}

// Issue 13: time.Time accepted forms RFC 3339 does not have (an hour of
// one digit, a comma before the fraction, offsets of +24:00 or +00:60) and
// instants outside the years 1 to 9999 (year 10000 in UTC), which then
// broke the digest.
func TestDecode_TimeMustBeRFC3339(t *testing.T) {
	for _, s := range []string{
		"2027-03-01T9:00:00Z", "2027-03-01T09:00:00,5Z", "2027-03-01T09:00:00+24:00",
		"2027-03-01T09:00:00+00:60", "0000-03-01T09:00:00Z", "9999-12-31T23:59:59-23:59",
		"0001-01-01T00:00:00+00:01", "2027-03-01T09:00:00.1234567891Z", "2027-03-01", "2027-03-01T09:00:00",
		"2027-03-01 09:00:00Z", "2027-03-01t09:00:00z", "+2027-03-01T09:00:00Z", "2027-03-01T09:00:00.Z",
	} {
		var d tDoc
		err := Decode(strings.NewReader(`{"entries": [{"generated": "`+s+`"}]}`), &d, "doc")
		require.ErrorIs(t, err, isms.ErrInvalid, s)
		got := problemsOf(err)
		require.Len(t, got, 1, s)
		assert.Equal(t, "entries[0].generated", got[0].path, s)
		assert.Contains(t, got[0].problem, "RFC 3339", s)
	}
	for _, s := range []string{
		"2027-03-01T09:00:00Z", "2027-03-01T09:00:00.5+02:00", "2027-03-01T09:00:00.123456789-23:59",
		"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59+23:59",
	} {
		var d tDoc
		err := Decode(strings.NewReader(`{"entries": [{"generated": "`+s+`"}]}`), &d, "doc")
		require.NoError(t, err, s)
	}
}

// Issue 13: a 200 MB string or 10⁶ bad items yielded a 200 MB error.
func TestDecode_HugeInputGivesAShortError(t *testing.T) {
	// One case at 20 MB, or the full 200 MB with ISMSKIT_BIG=1 (seconds of
	// encoding/json's own work); the others show the same at 2 MB.
	big, huge := 20<<20, strings.Repeat("x", 2<<20)
	if os.Getenv("ISMSKIT_BIG") != "" {
		big = 200 << 20
	}
	for name, in := range map[string]string{
		"big value":   `{"risks": [{"score": "` + strings.Repeat("x", big) + `"}]}`,
		"bad value":   `{"risks": [{"score": "` + huge + `"}]}`,
		"unknown key": `{"` + huge + `": 1}`,
		"map key":     `{"levels": {"` + huge + `": "a"}}`,
		"bad ID":      `{"risks": [{"id": "` + huge + `"}]}`,
		"bad date":    `{"entries": [{"generated": "` + huge + `"}]}`,
		"bad decimal": `{"risks": [{"cost": "` + huge + `"}]}`,
	} {
		var d tDoc
		err := Decode(strings.NewReader(in), &d, "doc")
		require.ErrorIs(t, err, isms.ErrInvalid, name)
		assert.Less(t, len(err.Error()), 2000, name)
	}

	var b bytes.Buffer
	b.WriteString(`{"risks": [`)
	for i := range MaxListItems { // the longest list Decode reads

		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"score": "x"}`)
	}
	b.WriteString(`]}`)
	var d tDoc
	err := Decode(&b, &d, "doc")
	require.ErrorIs(t, err, isms.ErrInvalid)
	got := isms.ValidationErrors(err)
	require.Len(t, got, isms.MaxProblems+1)
	assert.Equal(t, "… and 99,900 more", got[isms.MaxProblems].Problem)
	assert.Less(t, len(err.Error()), 20_000)
}

func TestDecode_AMillionEntryListIsRefusedBeforeDecoding(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"items":[`)
	for i := range MaxListItems + 1 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"s":"a,b,[c]"}`)
	}
	b.WriteString(`]}`)
	var v struct {
		Items []struct {
			S string `json:"s"`
		} `json:"items"`
	}
	err := Decode(strings.NewReader(b.String()), &v, "doc")
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "MaxListItems")
	assert.Nil(t, v.Items, "nothing was decoded")

	// At the limit it decodes, and commas inside strings do not count.
	small := strings.Replace(b.String(), `{"s":"a,b,[c]"},`, "", 1)
	require.NoError(t, Decode(strings.NewReader(small), &v, "doc"))
	assert.Len(t, v.Items, MaxListItems)
}
