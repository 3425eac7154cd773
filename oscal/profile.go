package oscal

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/soa"
)

// ProfileOptions configures Profile.
type ProfileOptions struct {
	// CatalogHref is where the profile finds the catalog it imports;
	// "catalog.json" (beside the profile) by default.
	CatalogHref string
	// LastModified overrides the document's last-modified timestamp, which
	// is otherwise the approval time of an approved SoA and the generation
	// time of a draft.
	LastModified time.Time
}

// Profile returns the SoA's selection as an OSCAL profile that imports the
// catalog (see Catalog; build it with the SoA's Additional entries when it
// has any). The applicable controls, entries and additional controls, are
// included by ID; the excluded ones are left out and listed under
// exclude-controls, and each exclusion is recorded as a back-matter
// resource titled "Excluded: <control>" whose description is the
// justification, with the "excluded-control" property in PropNamespace
// naming the control and the proposals the exclusion overrode in its
// remarks. Undecided controls (a draft's) are neither included nor
// excluded; each is an "undecided-control" property of the metadata.
//
// The metadata carries the SoA's edition as the version, its status and
// content hash as properties, and the approval in the remarks. The
// profile's UUID is derived from the SoA's document ID
// ("profile/<document ID>"), the same for every edition, and an exclusion's
// from the control ("profile/<document ID>/excluded/<control ID>").
//
// The SoA must validate (soa.SoA.Validate) and apply at least one control;
// the error lists every problem with its path.
func Profile(s soa.SoA, opts ProfileOptions) (ProfileDocument, error) {
	var p isms.Problems
	modified, published := soaTimes(&p, s, opts.LastModified)
	if p.Len() > 0 {
		return ProfileDocument{}, p.Err()
	}
	docID := s.Revision.Document.String()
	var include, exclude []string
	var props []Property
	var resources []Resource
	for _, e := range slices.Concat(s.Entries, s.Additional) {
		id := ControlID(e.Control)
		switch {
		case e.Applicable:
			include = append(include, id)
		case e.Undecided:
			props = append(props, Property{Name: "undecided-control", NS: PropNamespace, Value: id})
		default:
			exclude = append(exclude, id)
			r := Resource{
				UUID:        DeriveUUID("profile/" + docID + "/excluded/" + string(e.Control)),
				Title:       line("Excluded: " + string(e.Control) + " " + e.Title),
				Description: lines(e.Justification),
				Props:       []Property{{Name: "excluded-control", NS: PropNamespace, Value: id}},
			}
			if e.Decided {
				r.Props = append(r.Props, Property{Name: "decided", NS: PropNamespace, Value: "true"})
			}
			if len(e.Overridden) > 0 {
				r.Remarks = lines("The exclusion overrides these proposals from the organisation's data:\n" + reasonLines(e.Overridden))
			}
			resources = append(resources, r)
		}
	}
	if len(include) == 0 {
		p.Addf("entries", "the SoA applies no control; a profile selects at least one")
		return ProfileDocument{}, p.Err()
	}
	href := strings.TrimSpace(opts.CatalogHref)
	if href == "" {
		href = "catalog.json"
	}
	imp := Import{Href: href, IncludeControls: []SelectControl{{WithIDs: include}}}
	if len(exclude) > 0 {
		imp.ExcludeControls = []SelectControl{{WithIDs: exclude}}
	}
	doc := ProfileDocument{
		UUID:     DeriveUUID("profile/" + docID),
		Metadata: soaMetadata(s, "Statement of Applicability", modified, published, props),
		Imports:  []Import{imp},
		Merge:    &Merge{AsIs: true},
	}
	if len(resources) > 0 {
		doc.BackMatter = &BackMatter{Resources: resources}
	}
	return doc, nil
}

// soaTimes validates the SoA and returns its last-modified and published
// timestamps: override, else the approval time (approved) or the
// generation time.
func soaTimes(p *isms.Problems, s soa.SoA, override time.Time) (modified, published string) {
	p.Merge("soa", s.Validate())
	if p.Len() > 0 {
		return "", ""
	}
	when, path, what := s.Generated, "soa.generated", "the SoA's generation time"
	if s.Revision.Status == isms.Approved {
		when, path, what = s.Revision.Approval.At, "soa.revision.approval.at", "the SoA's approval time"
		published = checkTime(p, path, what, when, false)
	}
	if !override.IsZero() {
		when, path, what = override, "options.last_modified", "LastModified"
	}
	modified = checkTime(p, path, what, when, true)
	return modified, published
}

// soaMetadata is the metadata of a document made from the SoA.
func soaMetadata(s soa.SoA, kind string, modified, published string, props []Property) Metadata {
	org := strings.TrimSpace(line(s.Organization))
	title := kind
	if org != "" {
		title = kind + ": " + org
	}
	m := Metadata{
		Title:        title,
		Published:    published,
		LastModified: modified,
		Version:      fmt.Sprintf("edition %d", s.Revision.Edition),
		OSCALVersion: Version,
		Props: append([]Property{
			{Name: "soa-document", NS: PropNamespace, Value: s.Revision.Document.String()},
			{Name: "soa-edition-id", NS: PropNamespace, Value: s.ID.String()},
			{Name: "document-status", NS: PropNamespace, Value: plain(string(s.Revision.Status))},
		}, props...),
	}
	if s.Revision.Hash != "" {
		m.Props = append(m.Props, Property{Name: "content-hash", NS: PropNamespace, Value: plain(s.Revision.Hash)})
	}
	var remarks []string
	if c := plain(s.Catalogue); c != "" {
		remarks = append(remarks, "Catalogue: "+c+".")
	}
	if s.Revision.Status == isms.Approved {
		remarks = append(remarks, fmt.Sprintf("Approved by %s on %s.", plain(s.Revision.Approval.Name), s.Revision.Approval.At.Format(time.DateOnly)))
	} else {
		remarks = append(remarks, "Draft: not approved.")
	}
	m.Remarks = line(strings.Join(remarks, " "))
	return m
}

// reasonLines writes reasons one per line: "code: ref, ref (note)".
func reasonLines(rs []soa.Reason) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(reasonText(r))
		b.WriteByte('\n')
	}
	return b.String()
}

// reasonText writes one reason on one line.
func reasonText(r soa.Reason) string {
	s := strings.ReplaceAll(string(r.Code), "_", " ")
	var refs []string
	for _, ref := range r.Refs {
		refs = append(refs, plain(ref.Label))
	}
	if len(refs) > 0 {
		s += ": " + strings.Join(refs, ", ")
	}
	if n := plain(r.Note); n != "" {
		s += " (" + n + ")"
	}
	return s
}
