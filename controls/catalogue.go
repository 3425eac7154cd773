package controls

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/ismskit/ismskit/isms"
)

// Catalogue is an immutable set of controls with their themes, attribute
// vocabulary and mappings, in natural ID order. Build one with New or Parse,
// add custom controls with With, or take the embedded Annex A with AnnexA.
// A *Catalogue is safe for concurrent use.
type Catalogue struct {
	vocab    *vocabulary
	controls []Control // sorted by CompareIDs
	byID     map[ID]int
	mappings []*Mapping
	docs     []Document
}

//go:embed data/annex-a-2022.json
var annexAData []byte

var annexA = sync.OnceValues(func() (*Catalogue, error) { return Parse(annexAData) })

// AnnexA returns the ISO/IEC 27001:2022 Annex A catalogue: 93 controls in
// four themes with their ISO/IEC 27002:2022 attribute tags, ismskit's own
// guidance, and the mapping from the 114 controls of ISO/IEC 27001:2013
// (mapping ID Mapping2013). It is parsed once, on first use, and shared.
// It panics only if the embedded data is corrupt, which the package's
// tests rule out.
func AnnexA() *Catalogue {
	c, err := annexA()
	if err != nil {
		panic("controls: embedded Annex A catalogue is invalid: " + err.Error())
	}
	return c
}

// Mapping2013 is the ID of the ISO/IEC 27001:2013 → 2022 mapping in AnnexA.
const Mapping2013 = "iso27001-2013"

// New builds a catalogue from one document, validating it: the format
// version, unique IDs, known themes and tags, tags unique across kinds,
// mapping targets that exist, and "new" marks that agree with the mappings.
// The error lists every problem, each with its path in the document, and
// wraps isms.ErrInvalid.
func New(d Document) (*Catalogue, error) {
	empty := &Catalogue{vocab: &vocabulary{index: map[Tag]int{}}, byID: map[ID]int{}}
	return empty.With(d)
}

// With returns a new catalogue holding c's controls and those of d: a
// host's custom controls beside Annex A, say. d may use c's themes and tags
// and may declare more. c is not changed. Validation is as for New, and a
// control ID that c already has is an error.
func (c *Catalogue) With(d Document) (*Catalogue, error) {
	var p isms.Problems
	if !d.checkCounts(&p, len(c.controls)) {
		return nil, p.Err()
	}
	d.checkTexts(&p)
	if len(c.vocab.themes)+len(d.Themes) > MaxThemes {
		p.Addf("themes", "%d themes are more than MaxThemes (%d)", len(c.vocab.themes)+len(d.Themes), MaxThemes)
	}
	if len(c.vocab.kinds)+len(d.Attributes) > MaxKinds {
		p.Addf("attributes", "%d attribute kinds are more than MaxKinds (%d)", len(c.vocab.kinds)+len(d.Attributes), MaxKinds)
	}
	if len(c.mappings)+len(d.Mappings) > MaxMappings {
		p.Addf("mappings", "%d mappings are more than MaxMappings (%d)", len(c.mappings)+len(d.Mappings), MaxMappings)
	}
	if p.Len() > 0 {
		return nil, p.Err()
	}
	if d.Format != FormatVersion {
		p.Addf("format", "format %q is not %q", d.Format, FormatVersion)
	}
	if strings.TrimSpace(d.ID) == "" {
		p.Addf("id", "the document has no ID")
	}
	for _, old := range c.docs {
		if old.ID == d.ID && d.ID != "" {
			p.Addf("id", "a document with ID %q is already part of the catalogue", d.ID)
		}
	}
	vocab := c.vocab.extend(&p, d)
	next := &Catalogue{vocab: vocab, byID: maps.Clone(c.byID)}
	next.controls = make([]Control, 0, len(c.controls)+len(d.Controls))
	for _, ctl := range c.controls {
		ctl.vocab = vocab
		next.controls = append(next.controls, ctl)
	}
	for i, s := range d.Controls {
		ctl, ok := vocab.control(&p, isms.Index("controls", i), s, d.ID)
		if !ok {
			continue
		}
		if _, dup := next.byID[ctl.id]; dup {
			p.Addf(isms.JoinPath(isms.Index("controls", i), "id"), "control ID %q is used twice", s.ID)
			continue
		}
		next.byID[ctl.id] = -1
		next.controls = append(next.controls, ctl)
	}
	slices.SortFunc(next.controls, func(a, b Control) int { return CompareIDs(a.id, b.id) })
	for i, ctl := range next.controls {
		next.byID[ctl.id] = i
	}

	// Mapping targets are checked against every declared ID, valid or not,
	// so one bad control does not also fail every entry that names it.
	declared := map[ID]bool{}
	for id := range next.byID {
		declared[id] = true
	}
	for _, s := range d.Controls {
		declared[s.ID] = true
	}
	next.mappings = slices.Clone(c.mappings)
	targeted := map[ID]bool{}
	for i, ms := range d.Mappings {
		for _, e := range ms.Entries {
			for _, t := range e.To {
				targeted[t] = true
			}
		}
		if m := next.mapping(&p, isms.Index("mappings", i), ms, declared); m != nil {
			next.mappings = append(next.mappings, m)
		}
	}
	if len(d.Mappings) > 0 {
		for i, s := range d.Controls {
			path := isms.JoinPath(isms.Index("controls", i), "new")
			switch {
			case s.New && targeted[s.ID]:
				p.Addf(path, "control %q is marked new but a mapping entry is replaced by it", s.ID)
			case !s.New && !targeted[s.ID]:
				p.Addf(path, "control %q replaces no mapped control; mark it new", s.ID)
			}
		}
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	next.docs = append(slices.Clone(c.docs), cloneDocument(d))
	return next, nil
}

// extend returns a vocabulary with d's themes and attribute kinds added to
// v's, recording problems in p. v is not changed.
func (v *vocabulary) extend(p *isms.Problems, d Document) *vocabulary {
	n := &vocabulary{
		themes: slices.Clone(v.themes),
		kinds:  make([]AttributeKind, len(v.kinds)),
		tags:   slices.Clone(v.tags),
		kindOf: slices.Clone(v.kindOf),
		index:  maps.Clone(v.index),
	}
	for i, k := range v.kinds {
		n.kinds[i] = AttributeKind{Kind: k.Kind, Name: k.Name, Values: slices.Clone(k.Values)}
	}
	for i, t := range d.Themes {
		path := isms.Index("themes", i)
		switch {
		case strings.TrimSpace(string(t)) == "":
			p.Addf(path, "a theme has no name")
		case slices.Contains(n.themes, t):
			if !slices.Contains(v.themes, t) {
				p.Addf(path, "theme %q is declared twice", t)
			}
		default:
			n.themes = append(n.themes, t)
		}
	}
	for i, ak := range d.Attributes {
		path := isms.Index("attributes", i)
		if strings.TrimSpace(string(ak.Kind)) == "" {
			p.Addf(isms.JoinPath(path, "kind"), "an attribute kind has no name")
			continue
		}
		k := slices.IndexFunc(n.kinds, func(x AttributeKind) bool { return x.Kind == ak.Kind })
		if k < 0 {
			n.kinds = append(n.kinds, AttributeKind{Kind: ak.Kind, Name: ak.Name})
			k = len(n.kinds) - 1
		}
		for j, t := range ak.Values {
			vpath := isms.JoinPath(path, isms.Index("values", j))
			if strings.TrimSpace(string(t)) == "" {
				p.Addf(vpath, "an attribute value of kind %q is empty", ak.Kind)
				continue
			}
			if at, ok := n.index[t]; ok {
				if n.kindOf[at] != ak.Kind {
					p.Addf(vpath, "tag %q is already a %s tag; a tag belongs to one kind", t, n.kindOf[at])
				} else if _, inBase := v.index[t]; !inBase {
					p.Addf(vpath, "tag %q is declared twice", t)
				}
				continue
			}
			if len(n.tags) == MaxTags {
				p.Addf(vpath, "a catalogue may declare at most MaxTags (%d) tags", MaxTags)
				continue
			}
			n.index[t] = len(n.tags)
			n.tags = append(n.tags, t)
			n.kindOf = append(n.kindOf, ak.Kind)
			n.kinds[k].Values = append(n.kinds[k].Values, t)
		}
	}
	return n
}

// control resolves one spec against the vocabulary.
func (v *vocabulary) control(p *isms.Problems, path string, s Spec, source string) (Control, bool) {
	before := p.Len()
	if msg := idProblem(string(s.ID)); msg != "" {
		p.Addf(isms.JoinPath(path, "id"), "%s", msg)
	}
	if !slices.Contains(v.themes, s.Theme) {
		p.Addf(isms.JoinPath(path, "theme"), "control %q has theme %q, which the catalogue does not declare", s.ID, s.Theme)
	}
	if strings.TrimSpace(s.Title) == "" {
		p.Addf(isms.JoinPath(path, "title"), "control %q has no title", s.ID)
	}
	var set tagSet
	for j, t := range s.Tags {
		tpath := isms.JoinPath(path, isms.Index("tags", j))
		i, ok := v.index[t]
		switch {
		case !ok:
			p.Addf(tpath, "control %q has tag %q, which the catalogue does not declare", s.ID, t)
		case set.has(i):
			p.Addf(tpath, "control %q lists tag %q twice", s.ID, t)
		default:
			set.add(i)
		}
	}
	if p.Len() > before {
		return Control{}, false
	}
	return Control{
		id: s.ID, theme: s.Theme, title: s.Title, guidance: s.Guidance, example: s.Example,
		isNew: s.New, source: source, tags: set, vocab: v,
		text: strings.ToLower(s.Title + "\n" + s.Guidance + "\n" + s.Example),
	}, true
}

func cloneDocument(d Document) Document {
	out := d
	out.Themes = slices.Clone(d.Themes)
	out.Attributes = make([]AttributeKind, len(d.Attributes))
	for i, a := range d.Attributes {
		out.Attributes[i] = AttributeKind{Kind: a.Kind, Name: a.Name, Values: slices.Clone(a.Values)}
	}
	out.Controls = make([]Spec, len(d.Controls))
	for i, s := range d.Controls {
		s.Tags = slices.Clone(s.Tags)
		out.Controls[i] = s
	}
	out.Mappings = make([]MappingSpec, len(d.Mappings))
	for i, m := range d.Mappings {
		m.Entries = slices.Clone(m.Entries)
		for j := range m.Entries {
			m.Entries[j].To = slices.Clone(m.Entries[j].To)
		}
		out.Mappings[i] = m
	}
	if d.Attributes == nil {
		out.Attributes = nil
	}
	if d.Mappings == nil {
		out.Mappings = nil
	}
	return out
}

// Documents returns copies of the documents the catalogue was built from,
// in the order they were added. Encoding them reproduces the catalogue.
func (c *Catalogue) Documents() []Document {
	out := make([]Document, len(c.docs))
	for i, d := range c.docs {
		out[i] = cloneDocument(d)
	}
	return out
}

// Len returns the number of controls.
func (c *Catalogue) Len() int { return len(c.controls) }

// Themes returns the declared themes in declaration order.
func (c *Catalogue) Themes() []Theme { return slices.Clone(c.vocab.themes) }

// Kinds returns the declared attribute kinds with their tags, in
// declaration order.
func (c *Catalogue) Kinds() []AttributeKind {
	out := make([]AttributeKind, len(c.vocab.kinds))
	for i, k := range c.vocab.kinds {
		out[i] = AttributeKind{Kind: k.Kind, Name: k.Name, Values: slices.Clone(k.Values)}
	}
	return out
}

// KindOf returns the kind a tag belongs to, and false for an unknown tag.
func (c *Catalogue) KindOf(t Tag) (Kind, bool) {
	i, ok := c.vocab.index[t]
	if !ok {
		return "", false
	}
	return c.vocab.kindOf[i], true
}

// String names the catalogue's documents, e.g. "ISO/IEC 27001:2022 Annex A
// (93 controls)".
func (c *Catalogue) String() string {
	var names []string
	for _, d := range c.docs {
		names = append(names, d.Name)
	}
	return fmt.Sprintf("%s (%d controls)", strings.Join(names, " + "), len(c.controls))
}
