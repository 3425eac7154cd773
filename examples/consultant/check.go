package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
)

// partialError is a workbook with decoding problems (an unknown field, a
// bad date, a value of the wrong type) that could still be decoded once
// the values at those paths were left out, so that its content can be
// checked too and every problem listed at once.
type partialError struct {
	err    error
	pruned []string
}

// Error returns the decoding problems' message.
func (e *partialError) Error() string { return e.err.Error() }

// Unwrap returns the decoding problems, for errors.Is and errors.As.
func (e *partialError) Unwrap() error { return e.err }

// repair leaves out the value at the path of each problem of err and
// decodes data again. It returns the workbook and a *partialError, or
// err itself when the document cannot be repaired (a syntax error, a
// problem with the document as a whole).
func repair(data []byte, err error) (WorkbookV2, error) {
	problems := isms.ValidationErrors(err)
	if len(problems) == 0 || isms.Omitted(err) > 0 {
		return WorkbookV2{}, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if dec.Decode(&tree) != nil {
		return WorkbookV2{}, err
	}
	var pruned []string
	for _, v := range problems {
		if v.Path == "" || !prune(tree, v.Path) {
			return WorkbookV2{}, err
		}
		pruned = append(pruned, v.Path)
	}
	b, mErr := json.Marshal(tree)
	if mErr != nil {
		return WorkbookV2{}, err
	}
	var wb WorkbookV2
	if jsonio.Decode(bytes.NewReader(b), &wb, "workbook") != nil {
		return WorkbookV2{}, err
	}
	return wb, &partialError{err: err, pruned: pruned}
}

var segment = regexp.MustCompile(`^([^.\[]+)|^\.([^.\[]+)|^\[(\d+)\]`)

// prune removes the value at path ("risks[0].inherent.colour") from tree;
// it reports whether it found it.
func prune(tree any, path string) bool {
	var parent any = tree
	var last any
	rest := path
	for rest != "" {
		m := segment.FindStringSubmatch(rest)
		if m == nil {
			return false
		}
		rest = rest[len(m[0]):]
		var key any
		switch {
		case m[3] != "":
			n, _ := strconv.Atoi(m[3])
			key = n
		case m[1] != "":
			key = m[1]
		default:
			key = m[2]
		}
		if last != nil {
			next, ok := step(parent, last)
			if !ok {
				return false
			}
			parent = next
		}
		last = key
	}
	switch c := parent.(type) {
	case map[string]any:
		k, ok := last.(string)
		if !ok {
			return false
		}
		delete(c, k)
		return true
	case []any:
		n, ok := last.(int)
		if !ok || n >= len(c) {
			return false
		}
		c[n] = nil
		return true
	}
	return false
}

func step(v, key any) (any, bool) {
	switch c := v.(type) {
	case map[string]any:
		k, ok := key.(string)
		if !ok {
			return nil, false
		}
		next, ok := c[k]
		return next, ok
	case []any:
		n, ok := key.(int)
		if !ok || n >= len(c) {
			return nil, false
		}
		return c[n], true
	}
	return nil, false
}

// buildV2 resolves the workbook's keys and builds the client's ISMS. Every
// problem is listed at once with its path in the workbook; a problem the
// library finds is left out when one at the same place was already
// listed, and IDs in its text are replaced by the names they stand for.
func buildV2(w WorkbookV2) (deliver.Bundle, error) {
	b, err := buildV2After(w, nil, nil)
	return b.Bundle, err
}

// buildV2After is buildV2 for a workbook decoded with problems already
// (decodeErr), whose values at the paths pruned were left out.
func buildV2After(w WorkbookV2, decodeErr error, pruned []string) (built, error) {
	wb, names, resolveErr := resolve(w)
	var p isms.Problems
	var seen []string
	add := func(err error, humane bool) {
		for _, v := range isms.ValidationErrors(err) {
			if isms.Omitted(v) > 0 {
				p.Merge("", v)
				continue
			}
			if under(v.Path, seen) {
				continue
			}
			msg, path := v.Problem, v.Path
			if humane {
				msg = wordsOfWorkbook(humanize(msg, names))
				// A v2 scenario names its risk by ref in "risk": the
				// library's "ref" is that field.
				if m := scenarioRef.FindStringSubmatch(path); m != nil {
					path = m[1] + ".risk"
					if under(path, seen) {
						continue
					}
				}
			} else {
				msg = decodeHint(w, path, msg)
			}
			p.Addf(path, "%s", msg)
		}
		for _, v := range isms.ValidationErrors(err) {
			seen = append(seen, v.Path)
			// A misspelt field stands for the one it was meant to be, and
			// a key given twice for its ID.
			if m := meant.FindStringSubmatch(v.Problem); m != nil {
				if i := strings.LastIndexAny(v.Path, ".["); i > 0 && v.Path[i] == '.' {
					seen = append(seen, v.Path[:i+1]+m[1])
				}
			}
			for _, key := range []string{".name", ".title", ".ref"} {
				if parent, ok := strings.CutSuffix(v.Path, key); ok {
					seen = append(seen, parent+".id")
				}
			}
		}
	}
	add(decodeErr, false)
	seen = append(seen, pruned...)
	add(resolveErr, false)
	if resolveErr == nil || p.Len() < isms.MaxProblems {
		bundle, err := build(wb)
		if err == nil && p.Len() == 0 {
			return bundle, nil
		}
		if isms.ValidationErrors(err) == nil && err != nil && p.Len() == 0 {
			return bundle, err
		}
		add(err, true)
	}
	return built{}, p.Err()
}

// under reports whether path is one of paths or lies inside one of them.
func under(path string, paths []string) bool {
	for _, q := range paths {
		if path == q || (q != "" && (strings.HasPrefix(path, q+".") || strings.HasPrefix(path, q+"["))) {
			return true
		}
	}
	return false
}

// scenarioRef is the library's path of a quant scenario's ref.
var scenarioRef = regexp.MustCompile(`^(quant\.(?:scenarios|treatments\[\d+\]\.after)\[\d+\])\.ref$`)

var meant = regexp.MustCompile(`unknown field .*; did you mean "([^"]+)"\?`)

var uuidPattern = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// humanize replaces each derived ID in msg by the name it was derived
// from.
func humanize(msg string, names map[string]string) string {
	return uuidPattern.ReplaceAllStringFunc(msg, func(id string) string {
		if n, ok := names[id]; ok {
			return strconv.Quote(n)
		}
		return id
	})
}
