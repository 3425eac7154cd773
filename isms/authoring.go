package isms

// This file holds the helpers for package authors: what ismskit's own
// packages use to write Validate and CheckRefs methods, and what a host
// uses to write its own in the same style. Problems collects every problem
// with its field path; JoinPath and Index build paths; CheckDate checks a
// date JSON can carry; IsPlaceholder and IsCollectiveName catch texts and
// names that say nothing; Refs (refs.go) resolves references into the
// organisation's context.

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/go-multierror"
)

// Problems collects validation problems so that a Validate method reports
// all of them at once. The zero value is ready to use.
type Problems struct {
	list []*ValidationError
}

// Addf records a problem at path; the message is formatted like fmt.Sprintf.
func (p *Problems) Addf(path, format string, args ...any) {
	p.list = append(p.list, &ValidationError{Path: path, Problem: fmt.Sprintf(format, args...)})
}

// Merge records the problems of a nested Validate call, prefixing their
// paths with prefix (e.g. "assets[3]"). A non-validation error is recorded
// as a problem at prefix.
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
		p.list = append(p.list, &ValidationError{Path: JoinPath(prefix, v.Path), Problem: v.Problem})
	}
}

// Len reports how many problems have been recorded.
func (p *Problems) Len() int { return len(p.list) }

// Err returns nil when nothing was recorded, and otherwise one error that
// lists every problem in the order recorded. errors.Is(err, ErrInvalid) holds
// and errors.As finds the first *ValidationError; ValidationErrors returns
// them all.
func (p *Problems) Err() error {
	if len(p.list) == 0 {
		return nil
	}
	m := &multierror.Error{ErrorFormat: formatProblems}
	for _, v := range p.list {
		m.Errors = append(m.Errors, v)
	}
	return m
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
