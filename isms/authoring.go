package isms

// This file holds the helpers for package authors: what ismskit's own
// packages use to write Validate and CheckRefs methods, and what a host
// uses to write its own in the same style. Problems collects every problem
// with its field path (at most MaxProblems listed, each at most
// MaxProblemLength long); Quote shortens a value for a message; JoinPath and
// Index build paths; CheckDate checks a
// date JSON can carry; IsPlaceholder and IsCollectiveName catch texts and
// names that say nothing; Refs (refs.go) resolves references into the
// organisation's context.

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/go-multierror"
	"github.com/shopspring/decimal"
)

// MaxProblems is how many problems one error lists. Problems keeps the
// first MaxProblems it is given and only counts the rest, so that a million
// bad items cost neither a million messages nor a huge error: Err then ends
// in one more problem, at path "", that says how many were left out
// ("… and 2,999,950 more"); Omitted reports that number.
const MaxProblems = 100

// MaxProblemLength is the longest message, in characters, one problem
// keeps; a longer one is cut and ends in "…". Together with MaxProblems it
// bounds the size of every validation error (paths are left whole: they
// are as long as the input nests deep, and jsonio quotes the keys in them
// shortened).
const MaxProblemLength = 1000

// MaxQuoteRunes is how many characters of a value Quote shows.
const MaxQuoteRunes = 80

// Problems collects validation problems so that a Validate method reports
// all of them at once. The zero value is ready to use. It keeps the first
// MaxProblems problems and counts the others.
type Problems struct {
	list    []*ValidationError
	omitted int // problems counted but not kept
}

// Addf records a problem at path; the message is formatted like fmt.Sprintf.
// Quote user text in the message with Quote, not %q, so that a huge value
// gives a short message.
func (p *Problems) Addf(path, format string, args ...any) {
	if len(p.list) >= MaxProblems {
		p.omitted++
		return
	}
	p.add(path, fmt.Sprintf(format, args...))
}

// add keeps one problem, shortening its path and message.
func (p *Problems) add(path, problem string) {
	if len(p.list) >= MaxProblems {
		p.omitted++
		return
	}
	p.list = append(p.list, &ValidationError{Path: path, Problem: shorten(problem)})
}

// shorten cuts s to MaxProblemLength characters, ending in "…".
func shorten(s string) string {
	if len(s) <= MaxProblemLength {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxProblemLength-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Merge records the problems of a nested Validate call, prefixing their
// paths with prefix (e.g. "assets[3]"). A non-validation error is recorded
// as a problem at prefix. The problems err only counts (see Omitted) are
// counted here too.
func (p *Problems) Merge(prefix string, err error) {
	if err == nil {
		return
	}
	found := ValidationErrors(err)
	if len(found) == 0 {
		p.Addf(prefix, "%v", err)
		return
	}
	for _, v := range found {
		if v.omitted > 0 {
			p.omitted += v.omitted
			continue
		}
		p.add(JoinPath(prefix, v.Path), v.Problem)
	}
}

// Len reports how many problems have been recorded, those only counted
// included.
func (p *Problems) Len() int { return len(p.list) + p.omitted }

// Err returns nil when nothing was recorded, and otherwise one error that
// lists the problems in the order recorded: the first MaxProblems of them,
// then, if there were more, one problem at path "" saying how many more
// ("… and 2,999,950 more"). errors.Is(err, ErrInvalid) holds and errors.As
// finds the first *ValidationError; ValidationErrors returns all that are
// listed, and Omitted how many are not.
func (p *Problems) Err() error {
	if p.Len() == 0 {
		return nil
	}
	m := &multierror.Error{ErrorFormat: formatProblems}
	for _, v := range p.list {
		m.Errors = append(m.Errors, v)
	}
	if p.omitted > 0 {
		m.Errors = append(m.Errors, &ValidationError{
			Problem: "… and " + thousands(p.omitted) + " more",
			omitted: p.omitted,
		})
	}
	return m
}

// Quote returns s quoted like %q for a message, shortened to its first
// MaxQuoteRunes characters when longer, followed by "…" and its length:
// `"aaaa…aaaa"… (209,715,200 characters)`. Control characters and bytes
// that are not UTF-8 are escaped. Use it for every value of the input a
// message repeats (names, titles, unknown keys, bad values), so that a
// hostile 200 MB value cannot make a 200 MB error.
func Quote(s string) string {
	if len(s) <= MaxQuoteRunes {
		return strconv.Quote(s)
	}
	n := 0
	for i := range s {
		if n == MaxQuoteRunes {
			return strconv.Quote(s[:i]) + "… (" + thousands(utf8.RuneCountInString(s)) + " characters)"
		}
		n++
	}
	return strconv.Quote(s)
}

// thousands formats n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// JoinPath joins two field paths: JoinPath("assets[1]", "owner") is
// "assets[1].owner"; an index path ("[2]") is appended without a dot.
func JoinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case strings.HasPrefix(path, "["):
		return prefix + path
	default:
		return prefix + "." + path
	}
}

// Index returns the path of element i of a list field: Index("assets", 2)
// is "assets[2]".
func Index(field string, i int) string {
	return fmt.Sprintf("%s[%d]", field, i)
}

// CheckDate records a problem at path when t is outside the years 1–9999
// that dates in ismskit's files can carry, or, when required, is zero. what
// names the date in the message ("the approval date").
func CheckDate(p *Problems, path, what string, t time.Time, required bool) {
	switch {
	case t.IsZero():
		if required {
			p.Addf(path, "give %s", what)
		}
	case t.UTC().Year() < 1 || t.UTC().Year() > 9999:
		p.Addf(path, "%s is outside the years 1 to 9999", what)
	}
}

// placeholders are texts that look like an answer but say nothing.
var placeholders = map[string]bool{
	"n/a": true, "na": true, "n.a.": true, "none": true, "nil": true, "null": true,
	"-": true, "--": true, "?": true, "...": true, "…": true, "x": true, "xx": true, "xxx": true,
	"tbd": true, "tba": true, "todo": true, "to do": true, "fixme": true, "tbc": true,
	"not applicable": true, "see above": true, "as above": true, "same": true,
	"lorem ipsum": true, "placeholder": true, "test": true, "reason": true, "justification": true,
}

// IsPlaceholder reports whether text is empty or a stand-in such as "N/A",
// "TBD" or "see above". Justifications and reasons that auditors read must
// not be placeholders.
func IsPlaceholder(text string) bool {
	n := strings.ToLower(strings.Join(strings.Fields(text), " "))
	n = strings.Trim(n, ".!")
	if n == "" {
		return true
	}
	return placeholders[n]
}

// collectiveNames are owners that name nobody in particular. The domain
// articles list "the organization is responsible" as a classic weakness.
var collectiveNames = map[string]bool{
	"organization": true, "organisation": true, "the organization": true, "the organisation": true,
	"company": true, "the company": true, "business": true, "the business": true,
	"everyone": true, "everybody": true, "all": true, "all staff": true, "all employees": true, "all personnel": true, "all users": true, "anyone": true, "we": true, "us": true,
	"nobody": true, "none": true, "n/a": true, "na": true, "tbd": true, "tba": true,
	"unknown": true, "-": true, "?": true,
}

// IsCollectiveName reports whether a name is a placeholder that makes nobody
// accountable, such as "the organization", "everyone" or "TBD". Such names are
// rejected for people and roles because anything they own is owned by nobody.
// A real group role such as "Employees" or "Supervisors" is not collective in
// this sense: it has named holders and does work; OrgContext.Lint warns when
// such a group is made accountable.
func IsCollectiveName(name string) bool {
	n := strings.ToLower(strings.Join(strings.Fields(name), " "))
	n = strings.TrimSuffix(n, ".")
	return collectiveNames[n]
}

// QuoteDecimal writes a decimal for a message in at most a few dozen
// characters: as it is when short, otherwise in scientific notation with
// six significant digits (1e400 is not printed in full).
func QuoteDecimal(d decimal.Decimal) string {
	if e := d.Exponent(); e > -20 && e < 20 && d.NumDigits() <= 24 {
		return d.String()
	}
	digits := strings.TrimPrefix(d.Coefficient().String(), "-")
	exp := int64(d.Exponent()) + int64(len(digits)) - 1
	mant := digits[:1]
	if rest := strings.TrimRight(digits[1:min(len(digits), 7)], "0"); rest != "" {
		mant += "." + rest
	}
	if d.Sign() < 0 {
		mant = "-" + mant
	}
	return mant + "e" + strconv.FormatInt(exp, 10)
}
