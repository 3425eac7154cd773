package oscal

import (
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/soa"
)

// CatalogOptions configures Catalog.
type CatalogOptions struct {
	// LastModified is the document's last-modified timestamp; required
	// (ismskit reads no clock). Use the date the catalogue was last
	// changed, or the date of the export.
	LastModified time.Time
	// Version is the document version; it defaults to the IDs of the
	// catalogue's documents joined by "+" ("iso27001-2022").
	Version string
	// Additional adds the controls beyond the catalogue, typically a SoA's
	// Additional entries, each in the group of its theme, so that a profile
	// and a system security plan of that SoA find every control they name.
	Additional []soa.Entry
}

// Catalog returns the catalogue as an OSCAL catalog: a group per theme in
// the catalogue's order, each control with its ID (see ControlID), title
// and "label" property, its attribute tags as properties named after
// their kind in PropNamespace ("control_type" = "Preventive", …), a "new"
// property for a control new in its catalogue, and ismskit's own guidance
// and example as parts. No text of ISO/IEC 27001 or 27002 is reproduced:
// the catalog holds the standard's facts and ismskit's words.
//
// The catalog's UUID is derived from the catalogue's document IDs
// ("catalog/iso27001-2022"), so the same catalogue always gets the same
// UUID. A nil catalogue, a missing or unrepresentable LastModified, or an
// additional control without an ID or title is an error listing every
// problem with its path.
func Catalog(cat *controls.Catalogue, opts CatalogOptions) (CatalogDocument, error) {
	var p isms.Problems
	if cat == nil || cat.Len() == 0 {
		p.Addf("catalogue", "there is no catalogue; pass controls.AnnexA() or a catalogue of your own")
	}
	modified := checkTime(&p, "options.last_modified", "LastModified", opts.LastModified, true)
	if p.Len() > 0 {
		return CatalogDocument{}, p.Err()
	}
	var ids []string
	for _, d := range cat.Documents() {
		ids = append(ids, d.ID)
	}
	version := plain(opts.Version)
	if version == "" {
		version = plain(strings.Join(ids, "+"))
	}
	doc := CatalogDocument{
		UUID: DeriveUUID("catalog/" + strings.Join(ids, "+")),
		Metadata: Metadata{
			Title:        line(cat.String()),
			LastModified: modified,
			Version:      version,
			OSCALVersion: Version,
			Remarks: "Control identifiers, titles and attribute tags are facts of the standards the catalogue follows; " +
				"the guidance and examples are ismskit's own plain language. No text of ISO/IEC 27001 or ISO/IEC 27002 is reproduced.",
		},
	}
	groups := tokens{}
	index := map[controls.Theme]int{}
	group := func(t controls.Theme) *Group {
		i, ok := index[t]
		if !ok {
			i = len(doc.Groups)
			index[t] = i
			doc.Groups = append(doc.Groups, Group{ID: groups.unique(slug(string(t), "theme")), Class: "theme", Title: line(string(t))})
		}
		return &doc.Groups[i]
	}
	for _, t := range cat.Themes() {
		if len(cat.ByTheme(t)) > 0 {
			group(t)
		}
	}
	seen := map[string]string{}
	for _, c := range cat.Controls() {
		g := group(c.Theme())
		g.Controls = append(g.Controls, control(cat, c))
		seen[ControlID(c.ID())] = "catalogue"
	}
	for i, e := range opts.Additional {
		path := isms.Index("options.additional", i)
		if err := e.Control.Validate(); err != nil {
			p.Merge(isms.JoinPath(path, "control"), err)
			continue
		}
		id := ControlID(e.Control)
		if where, dup := seen[id]; dup {
			p.Addf(isms.JoinPath(path, "control"), "control %s is already in the %s", e.Control, where)
			continue
		}
		seen[id] = "additional controls"
		if strings.TrimSpace(e.Title) == "" {
			p.Addf(isms.JoinPath(path, "title"), "additional control %s has no title; describe it before exporting", e.Control)
			continue
		}
		theme := e.Theme
		if strings.TrimSpace(string(theme)) == "" {
			theme = soa.AdditionalTheme
		}
		ctl := Control{ID: id, Title: line(e.Title), Props: []Property{{Name: "label", Value: plain(string(e.Control))},
			{Name: "additional", NS: PropNamespace, Value: "true"}}}
		if d := lines(e.Description); d != "" {
			ctl.Parts = []Part{{ID: id + "_gdn", Name: "guidance", Prose: d}}
		}
		g := group(theme)
		g.Controls = append(g.Controls, ctl)
	}
	if err := p.Err(); err != nil {
		return CatalogDocument{}, err
	}
	return doc, nil
}

// control makes the OSCAL control of c.
func control(cat *controls.Catalogue, c controls.Control) Control {
	id := ControlID(c.ID())
	ctl := Control{ID: id, Title: line(c.Title()), Props: []Property{{Name: "label", Value: plain(string(c.ID()))}}}
	for _, t := range c.Tags("") {
		kind, _ := cat.KindOf(t)
		name := slug(string(kind), "attribute")
		if isToken(string(kind)) {
			name = string(kind)
		}
		ctl.Props = append(ctl.Props, Property{Name: name, NS: PropNamespace, Value: plain(string(t)), Class: "attribute"})
	}
	if c.IsNew() {
		ctl.Props = append(ctl.Props, Property{Name: "new", NS: PropNamespace, Value: "true"})
	}
	if g := lines(c.Guidance()); g != "" {
		ctl.Parts = append(ctl.Parts, Part{ID: id + "_gdn", Name: "guidance", Prose: g})
	}
	if ex := lines(c.Example()); ex != "" {
		ctl.Parts = append(ctl.Parts, Part{ID: id + "_example", Name: "example", NS: PropNamespace, Title: "Example", Prose: ex})
	}
	return ctl
}

// checkTime records a problem when t is missing (and required) or outside
// the years OSCAL can write, and returns its OSCAL form.
func checkTime(p *isms.Problems, path, what string, t time.Time, required bool) string {
	if t.IsZero() {
		if required {
			p.Addf(path, "%s is not set; ismskit reads no clock, so pass the time the document should carry", what)
		}
		return ""
	}
	s, ok := timestamp(t)
	if !ok {
		p.Addf(path, "%s %s is outside the years OSCAL can write (MinYear %d to MaxYear %d)", what, fmt.Sprint(t.UTC().Year()), MinYear, MaxYear)
	}
	return s
}
