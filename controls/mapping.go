package controls

import (
	"slices"
	"strings"

	"github.com/ismskit/ismskit/isms"
)

// Mapping relates the controls of an older catalogue to the controls that
// replace them, both ways: Successors answers "what became of A.12.6.1?",
// Predecessors "what did 8.8 replace?". It is immutable.
type Mapping struct {
	id, name string
	entries  []Entry
	forward  map[ID]int // old ID → entry index
	reverse  map[ID][]ID
}

// mapping validates a mapping spec against the declared control IDs.
func (c *Catalogue) mapping(p *isms.Problems, path string, ms MappingSpec, declared map[ID]bool) *Mapping {
	before := p.Len()
	if strings.TrimSpace(ms.ID) == "" {
		p.Addf(isms.JoinPath(path, "id"), "the mapping has no ID")
	}
	for _, m := range c.mappings {
		if m.id == ms.ID {
			p.Addf(isms.JoinPath(path, "id"), "mapping ID %q is used twice", ms.ID)
		}
	}
	m := &Mapping{id: ms.ID, name: ms.Name, forward: map[ID]int{}, reverse: map[ID][]ID{}}
	for i, e := range ms.Entries {
		epath := isms.JoinPath(path, isms.Index("entries", i))
		if strings.TrimSpace(string(e.ID)) == "" {
			p.Addf(isms.JoinPath(epath, "id"), "a mapping entry has no ID")
		} else if _, dup := m.forward[e.ID]; dup {
			p.Addf(isms.JoinPath(epath, "id"), "old control %q is mapped twice", e.ID)
		}
		if len(e.To) == 0 {
			p.Addf(isms.JoinPath(epath, "to"), "old control %q maps to no control", e.ID)
		}
		for j, t := range e.To {
			if !declared[t] {
				p.Addf(isms.JoinPath(epath, isms.Index("to", j)), "old control %q maps to %q, which is not in the catalogue", e.ID, t)
			}
			if !slices.Contains(m.reverse[t], e.ID) {
				m.reverse[t] = append(m.reverse[t], e.ID)
			}
		}
		m.forward[e.ID] = i
		to := slices.Clone(e.To)
		slices.SortFunc(to, CompareIDs)
		m.entries = append(m.entries, Entry{ID: e.ID, Title: e.Title, To: to})
	}
	if p.Len() > before {
		return nil
	}
	for _, olds := range m.reverse {
		slices.SortFunc(olds, CompareIDs)
	}
	slices.SortFunc(m.entries, func(a, b Entry) int { return CompareIDs(a.ID, b.ID) })
	for i, e := range m.entries {
		m.forward[e.ID] = i
	}
	return m
}

// ID returns the mapping's ID, e.g. Mapping2013.
func (m *Mapping) ID() string { return m.id }

// Name returns the mapping's name, e.g. "ISO/IEC 27001:2013 Annex A".
func (m *Mapping) Name() string { return m.name }

// Len returns the number of old controls mapped.
func (m *Mapping) Len() int { return len(m.entries) }

// Successors returns the controls that replace old control id, in natural
// order, and false when the mapping does not know id.
func (m *Mapping) Successors(id ID) ([]ID, bool) {
	i, ok := m.forward[id]
	if !ok {
		return nil, false
	}
	return slices.Clone(m.entries[i].To), true
}

// Entry returns the mapping entry of old control id.
func (m *Mapping) Entry(id ID) (Entry, bool) {
	i, ok := m.forward[id]
	if !ok {
		return Entry{}, false
	}
	e := m.entries[i]
	e.To = slices.Clone(e.To)
	return e, true
}

// Predecessors returns the old controls that control id replaces, in
// natural order; none for a control new in this catalogue.
func (m *Mapping) Predecessors(id ID) []ID {
	return slices.Clone(m.reverse[id])
}

// Entries returns every entry in natural order of the old IDs.
func (m *Mapping) Entries() []Entry {
	out := make([]Entry, len(m.entries))
	for i, e := range m.entries {
		e.To = slices.Clone(e.To)
		out[i] = e
	}
	return out
}

// Mapping returns the mapping with the given ID.
func (c *Catalogue) Mapping(id string) (*Mapping, bool) {
	for _, m := range c.mappings {
		if m.id == id {
			return m, true
		}
	}
	return nil, false
}

// Mappings returns the catalogue's mappings in the order they were added.
func (c *Catalogue) Mappings() []*Mapping { return slices.Clone(c.mappings) }
