package soa

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/controls"
)

// ChangeKind says how an entry changed between two editions.
type ChangeKind string

// Change kinds.
const (
	Added   ChangeKind = "added"
	Removed ChangeKind = "removed"
	Changed ChangeKind = "changed"
)

// Change is what happened to one control's entry between two editions:
// which fields changed, and the entry before and after.
type Change struct {
	Control controls.ID `json:"control"`
	Kind    ChangeKind  `json:"kind"`
	Fields  []string    `json:"fields,omitempty"`
	Before  *Entry      `json:"before,omitempty"`
	After   *Entry      `json:"after,omitempty"`
}

// Changes is the difference between two SoA editions, entry by entry,
// for the catalogue's entries and the additional controls.
type Changes struct {
	Entries    []Change `json:"entries,omitempty"`
	Additional []Change `json:"additional,omitempty"`
}

// Empty reports whether nothing changed.
func (c Changes) Empty() bool {
	return len(c.Entries) == 0 && len(c.Additional) == 0
}

// Diff compares two editions entry by entry, in natural control order,
// and their additional controls the same way. The revision block
// (edition, status, approval, hash) and the warnings recorded at approval
// are not compared.
func Diff(a, b SoA) Changes {
	return Changes{Entries: diffEntries(a.Entries, b.Entries), Additional: diffEntries(a.Additional, b.Additional)}
}

func diffEntries(a, b []Entry) []Change {
	var out []Change
	before := map[controls.ID]Entry{}
	for _, e := range a {
		before[e.Control] = e
	}
	after := map[controls.ID]Entry{}
	for _, e := range b {
		after[e.Control] = e
	}
	var ids []controls.ID
	for id := range before {
		ids = append(ids, id)
	}
	for id := range after {
		if _, ok := before[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, controls.CompareIDs)
	for _, id := range ids {
		x, inA := before[id]
		y, inB := after[id]
		switch {
		case !inB:
			out = append(out, Change{Control: id, Kind: Removed, Before: ptr(x.clone())})
		case !inA:
			out = append(out, Change{Control: id, Kind: Added, After: ptr(y.clone())})
		default:
			if fields := changedFields(x, y); len(fields) > 0 {
				out = append(out, Change{Control: id, Kind: Changed, Fields: fields, Before: ptr(x.clone()), After: ptr(y.clone())})
			}
		}
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// changedFields names the JSON fields that differ, in struct order.
func changedFields(x, y Entry) []string {
	var out []string
	vx, vy := reflect.ValueOf(x), reflect.ValueOf(y)
	t := vx.Type()
	for i := range t.NumField() {
		if !reflect.DeepEqual(normal(vx.Field(i)), normal(vy.Field(i))) {
			out = append(out, strings.Split(t.Field(i).Tag.Get("json"), ",")[0])
		}
	}
	return out
}

// normal treats a nil and an empty slice as equal, as JSON does.
func normal(v reflect.Value) any {
	if v.Kind() == reflect.Slice && v.Len() == 0 {
		return nil
	}
	return v.Interface()
}

// Apply returns a with the changes applied: entries added, removed or
// replaced by their after state, additional controls added or removed,
// entries kept in natural control order. Apply(a, Diff(a, b)) has b's
// entries and additional controls.
func Apply(a SoA, c Changes) SoA {
	out := a.clone()
	out.Entries = applyEntries(out.Entries, c.Entries)
	out.Additional = applyEntries(out.Additional, c.Additional)
	return out
}

func applyEntries(entries []Entry, changes []Change) []Entry {
	idx := map[controls.ID]int{}
	for i, e := range entries {
		idx[e.Control] = i
	}
	var kept []Entry
	drop := map[controls.ID]bool{}
	for _, ch := range changes {
		switch ch.Kind {
		case Removed:
			drop[ch.Control] = true
		case Changed:
			if i, ok := idx[ch.Control]; ok && ch.After != nil {
				entries[i] = ch.After.clone()
			}
		case Added:
			if ch.After != nil {
				kept = append(kept, ch.After.clone())
			}
		}
	}
	for _, e := range entries {
		if !drop[e.Control] {
			kept = append(kept, e)
		}
	}
	slices.SortStableFunc(kept, func(x, y Entry) int { return controls.CompareIDs(x.Control, y.Control) })
	return kept
}

// Summary renders the changes for a change log, one line per control:
//
//	8.8 Management of technical vulnerabilities: status planned → implemented
func (c Changes) Summary() string {
	if c.Empty() {
		return "no changes"
	}
	var lines []string
	for _, ch := range slices.Concat(c.Entries, c.Additional) {
		switch ch.Kind {
		case Added:
			lines = append(lines, fmt.Sprintf("%s %s: added (%s)", ch.Control, ch.After.Title, applicability(*ch.After)))
		case Removed:
			lines = append(lines, fmt.Sprintf("%s %s: removed", ch.Control, ch.Before.Title))
		default:
			var parts []string
			for _, f := range ch.Fields {
				parts = append(parts, describe(f, *ch.Before, *ch.After))
			}
			lines = append(lines, fmt.Sprintf("%s %s: %s", ch.Control, ch.After.Title, strings.Join(parts, "; ")))
		}
	}
	return strings.Join(lines, "\n")
}

func applicability(e Entry) string {
	switch {
	case e.Applicable:
		return "applicable"
	case e.Undecided:
		return "undecided"
	}
	return "excluded"
}

// describe says in words how one field changed.
func describe(field string, x, y Entry) string {
	switch field {
	case "applicable":
		return fmt.Sprintf("%s → %s", applicability(x), applicability(y))
	case "status":
		return fmt.Sprintf("status %s → %s", statusWords(x.Status), statusWords(y.Status))
	case "owner":
		return fmt.Sprintf("owner %q → %q", x.Owner, y.Owner)
	case "justification":
		return fmt.Sprintf("justification %q → %q", x.Justification, y.Justification)
	case "reasons":
		return fmt.Sprintf("reasons %s → %s", reasonList(x.Reasons), reasonList(y.Reasons))
	case "risks":
		return fmt.Sprintf("risks relying on it [%s] → [%s]", labels(x.Risks), labels(y.Risks))
	case "evidence":
		return fmt.Sprintf("evidence %d → %d items", len(x.Evidence), len(y.Evidence))
	case "undecided":
		if y.Undecided {
			return "now undecided"
		}
		return "now decided"
	case "overridden":
		return fmt.Sprintf("overridden proposals %s → %s", reasonList(x.Overridden), reasonList(y.Overridden))
	case "decided":
		if y.Decided {
			return "now set by a decision"
		}
		return "no longer set by a decision"
	default:
		return field + " changed"
	}
}

func reasonList(rs []Reason) string {
	var out []string
	for _, r := range rs {
		s := words(string(r.Code))
		if len(r.Refs) > 0 {
			s += " (" + labels(r.Refs) + ")"
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

func words(s string) string { return strings.ReplaceAll(s, "_", " ") }

func statusWords(s controls.Status) string {
	if s == "" {
		return "none"
	}
	return words(string(s))
}
