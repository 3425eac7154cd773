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

// Changes is the difference between two SoA editions, entry by entry, plus
// the additional controls that appeared or disappeared.
type Changes struct {
	Entries           []Change     `json:"entries,omitempty"`
	AdditionalAdded   []Additional `json:"additional_added,omitempty"`
	AdditionalRemoved []Additional `json:"additional_removed,omitempty"`
}

// Empty reports whether nothing changed.
func (c Changes) Empty() bool {
	return len(c.Entries) == 0 && len(c.AdditionalAdded) == 0 && len(c.AdditionalRemoved) == 0
}

// Diff compares two editions entry by entry, in natural control order.
// The revision block (edition, status, approval, hash) is not compared.
func Diff(a, b SoA) Changes {
	var out Changes
	before := map[controls.ID]Entry{}
	for _, e := range a.Entries {
		before[e.Control] = e
	}
	after := map[controls.ID]Entry{}
	for _, e := range b.Entries {
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
			out.Entries = append(out.Entries, Change{Control: id, Kind: Removed, Before: ptr(x.clone())})
		case !inA:
			out.Entries = append(out.Entries, Change{Control: id, Kind: Added, After: ptr(y.clone())})
		default:
			if fields := changedFields(x, y); len(fields) > 0 {
				out.Entries = append(out.Entries, Change{Control: id, Kind: Changed, Fields: fields, Before: ptr(x.clone()), After: ptr(y.clone())})
			}
		}
	}
	out.AdditionalAdded, out.AdditionalRemoved = diffAdditional(a.Additional, b.Additional)
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

func diffAdditional(a, b []Additional) (added, removed []Additional) {
	key := func(x Additional) string { return fmt.Sprintf("%s|%v", x.Control, x.Risks) }
	inA, inB := map[string]bool{}, map[string]bool{}
	for _, x := range a {
		inA[key(x)] = true
	}
	for _, x := range b {
		inB[key(x)] = true
		if !inA[key(x)] {
			added = append(added, x)
		}
	}
	for _, x := range a {
		if !inB[key(x)] {
			removed = append(removed, x)
		}
	}
	return added, removed
}

// Apply returns a with the changes applied: entries added, removed or
// replaced by their after state, additional controls added or removed,
// entries kept in natural control order. Apply(a, Diff(a, b)) has b's
// entries and additional controls.
func Apply(a SoA, c Changes) SoA {
	out := a.clone()
	idx := map[controls.ID]int{}
	for i, e := range out.Entries {
		idx[e.Control] = i
	}
	var kept []Entry
	drop := map[controls.ID]bool{}
	for _, ch := range c.Entries {
		switch ch.Kind {
		case Removed:
			drop[ch.Control] = true
		case Changed:
			if i, ok := idx[ch.Control]; ok && ch.After != nil {
				out.Entries[i] = ch.After.clone()
			}
		case Added:
			if ch.After != nil {
				kept = append(kept, ch.After.clone())
			}
		}
	}
	for _, e := range out.Entries {
		if !drop[e.Control] {
			kept = append(kept, e)
		}
	}
	slices.SortStableFunc(kept, func(x, y Entry) int { return controls.CompareIDs(x.Control, y.Control) })
	out.Entries = kept

	removed := map[string]bool{}
	for _, x := range c.AdditionalRemoved {
		removed[fmt.Sprintf("%s|%v", x.Control, x.Risks)] = true
	}
	var add []Additional
	for _, x := range out.Additional {
		if !removed[fmt.Sprintf("%s|%v", x.Control, x.Risks)] {
			add = append(add, x)
		}
	}
	add = append(add, c.AdditionalAdded...)
	slices.SortStableFunc(add, func(x, y Additional) int { return controls.CompareIDs(x.Control, y.Control) })
	out.Additional = add
	return out
}

// Summary renders the changes for a change log, one line per control:
//
//	8.8 Management of technical vulnerabilities: status planned → implemented
func (c Changes) Summary() string {
	if c.Empty() {
		return "no changes"
	}
	var lines []string
	for _, ch := range c.Entries {
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
	for _, a := range c.AdditionalAdded {
		lines = append(lines, fmt.Sprintf("%s: now listed as an additional control (%s)", a.Control, labels(a.Risks)))
	}
	for _, a := range c.AdditionalRemoved {
		lines = append(lines, fmt.Sprintf("%s: no longer an additional control", a.Control))
	}
	return strings.Join(lines, "\n")
}

func applicability(e Entry) string {
	if e.Applicable {
		return "applicable"
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
	case "default_exclusion":
		if y.DefaultExclusion {
			return "now excluded by default"
		}
		return "no longer excluded by default"
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
