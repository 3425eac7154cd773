package isms_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
)

// Issue 13: uuid.Parse also takes "urn:uuid:…", braces, 32 hex digits
// without dashes and upper case; an ID has one written form only.
func TestParseID_RefusesNonCanonicalForms(t *testing.T) {
	const canonical = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
	id, err := isms.ParseID[isms.Asset](canonical)
	require.NoError(t, err)
	assert.Equal(t, canonical, id.String())
	for _, s := range []string{
		"urn:uuid:" + canonical,
		"{" + canonical + "}",
		"6ba7b8109dad11d180b400c04fd430c8",
		"6BA7B810-9DAD-11D1-80B4-00C04FD430C8",
		"6ba7b810-9dad-11d1-80b4-00c04fd430C8",
		" " + canonical,
		canonical + "\n",
		"6ba7b810-9dad-11d1-80b4-00c04fd430c\xff",
		"6ba7b810-9dad_11d1-80b4-00c04fd430c8",
	} {
		_, err := isms.ParseID[isms.Asset](s)
		require.ErrorIs(t, err, isms.ErrInvalid, "%q", s)
		assert.Contains(t, err.Error(), "write IDs as 8-4-4-4-12 lowercase hex", "%q", s)
		var back isms.AssetID
		assert.ErrorIs(t, back.UnmarshalText([]byte(s)), isms.ErrInvalid, "%q", s)
	}
}

// Issue 13: a 200 MB string quoted in an error made a 200 MB error.
func TestQuote_ShortensLongValues(t *testing.T) {
	assert.Equal(t, `"abc"`, isms.Quote("abc"))
	assert.Equal(t, `"a\nb\xff"`, isms.Quote("a\nb\xff"))
	exact := strings.Repeat("é", isms.MaxQuoteRunes)
	assert.Equal(t, `"`+exact+`"`, isms.Quote(exact))
	long := strings.Repeat("x", 200<<20)
	q := isms.Quote(long)
	assert.Equal(t, `"`+strings.Repeat("x", isms.MaxQuoteRunes)+`"… (209,715,200 characters)`, q)
}

// Issue 13: 10⁶ bad items gave an error listing 10⁶ problems.
func TestProblems_ErrListsAtMostMaxProblems(t *testing.T) {
	var p isms.Problems
	const n = 3_000_050
	for i := range n {
		p.Addf(isms.Index("items", i), "item %d is bad", i)
	}
	assert.Equal(t, n, p.Len())
	err := p.Err()
	require.ErrorIs(t, err, isms.ErrInvalid)
	found := isms.ValidationErrors(err)
	require.Len(t, found, isms.MaxProblems+1)
	assert.Equal(t, "items[99]", found[isms.MaxProblems-1].Path)
	last := found[isms.MaxProblems]
	assert.Equal(t, "", last.Path)
	assert.Equal(t, "… and 2,999,950 more", last.Problem)
	assert.Equal(t, 2_999_950, isms.Omitted(err))
	assert.Less(t, len(err.Error()), 10_000)
	assert.True(t, strings.HasPrefix(err.Error(), "3,000,050 problems:"), err.Error()[:40])

	// Merging a truncated error keeps the count exact.
	var outer isms.Problems
	outer.Addf("title", "bad title")
	outer.Merge("doc", err)
	assert.Equal(t, 1+n, outer.Len())
	all := isms.ValidationErrors(outer.Err())
	require.Len(t, all, isms.MaxProblems+1)
	assert.Equal(t, "… and 2,999,951 more", all[isms.MaxProblems].Problem)

	// At the limit nothing is left out.
	var few isms.Problems
	for i := range isms.MaxProblems {
		few.Addf("", "p%d", i)
	}
	assert.Len(t, isms.ValidationErrors(few.Err()), isms.MaxProblems)
	assert.Zero(t, isms.Omitted(few.Err()))
}

// Issue 13: a problem built from a 200 MB value must not be 200 MB long.
func TestProblems_LongMessagesAreShortened(t *testing.T) {
	var p isms.Problems
	huge := strings.Repeat("y", 10<<20)
	p.Addf("a", "bad value %s", huge)
	p.Merge("b", &isms.ValidationError{Path: "c", Problem: huge})
	err := p.Err()
	assert.Less(t, len(err.Error()), 2*isms.MaxProblemLength+100)
	for _, v := range isms.ValidationErrors(err) {
		assert.Len(t, []rune(v.Problem), isms.MaxProblemLength)
		assert.True(t, strings.HasSuffix(v.Problem, "…"))
	}
}

// Issue 13: the kernel's own messages quote names and titles shortened.
func TestValidate_QuotesLongNamesShortened(t *testing.T) {
	long := strings.Repeat("n", 1<<20)
	o := isms.Objective{Title: long}
	err := o.Validate()
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 5000)
	assert.Contains(t, err.Error(), "(1,048,576 characters)")
}
