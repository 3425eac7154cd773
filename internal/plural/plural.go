// Package plural writes a count with its noun in the right number, so a
// report says "1 audit" and "2 audits", never "1 audits".
//
//	plural.N(1, "risk")                            // "1 risk"
//	plural.N(3, "activity")                        // "3 activities"
//	plural.Of(2, "piece of evidence", "pieces of evidence") // irregular
//
// Regular English nouns take -s, -es after s, x, z, ch and sh, and -ies
// for a consonant before a final y. A noun phrase is pluralised on its
// last word ("treatment action" → "treatment actions"); give the plural
// with Of when the head noun comes first ("risk due for review").
package plural

import (
	"strconv"
	"strings"
)

// N returns n and the regular noun, singular for exactly one and plural
// otherwise (0 and negative counts take the plural, as in "0 risks").
func N(n int, noun string) string {
	return strconv.Itoa(n) + " " + Noun(n, noun)
}

// Of returns n and one or many: one for exactly one, many otherwise.
func Of(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Noun returns the noun alone in the number n calls for.
func Noun(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return Plural(noun)
}

// Plural returns the regular plural of a noun or noun phrase, changing
// its last word.
func Plural(noun string) string {
	if noun == "" {
		return ""
	}
	head, last := "", noun
	if i := strings.LastIndexByte(noun, ' '); i >= 0 {
		head, last = noun[:i+1], noun[i+1:]
	}
	if last == "" {
		return noun
	}
	lower := strings.ToLower(last)
	switch {
	case strings.HasSuffix(lower, "y") && len(lower) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		return head + last[:len(last)-1] + "ies"
	case strings.HasSuffix(lower, "s"), strings.HasSuffix(lower, "x"), strings.HasSuffix(lower, "z"),
		strings.HasSuffix(lower, "ch"), strings.HasSuffix(lower, "sh"):
		return head + last + "es"
	}
	return head + last + "s"
}

// Pick returns one for exactly one and many otherwise: a verb or pronoun
// that agrees with a count ("is"/"are", "its"/"their").
func Pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
