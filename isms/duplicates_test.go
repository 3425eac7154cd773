package isms_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
)

func TestDuplicates_NamesEachLaterItemAndTheFirst(t *testing.T) {
	say := func(name string, j int) string { return fmt.Sprintf("%s is also items[%d]", name, j) }
	for _, tc := range []struct {
		name  string
		items []string
		want  []string // "path: problem"
	}{
		{"none", nil, nil},
		{"all different", []string{"a", "b", "c"}, nil},
		{"a name twice, in other case and spacing", []string{"Cloud", "x", " cloud "}, []string{"items[2].name: \" cloud \" is also items[0]"}},
		{"three times: both later ones name the first", []string{"a", "A", "a"}, []string{
			"items[1].name: \"A\" is also items[0]", "items[2].name: \"a\" is also items[0]"}},
		{"blank names are not compared", []string{"", " ", ""}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p isms.Problems
			isms.Duplicates(&p, "items", "name", tc.items, isms.NameKey, func(it string, j int) string { return say(fmt.Sprintf("%q", it), j) })
			var got []string
			for _, v := range isms.ValidationErrors(p.Err()) {
				got = append(got, v.Path+": "+v.Problem)
			}
			assert.Equal(t, tc.want, got)
			if tc.want != nil {
				require.ErrorIs(t, p.Err(), isms.ErrInvalid)
			}
		})
	}
}
