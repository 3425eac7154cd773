package oscal

import (
	"encoding/json"
	"io"
	"regexp"

	"github.com/ismskit/ismskit/isms"
)

// JSONOptions configures WriteCatalog, WriteProfile and WriteSSP. There
// are no options yet; the zero value means the defaults.
type JSONOptions struct{}

// WriteCatalog writes the catalog as an OSCAL JSON document,
// {"catalog": …}, indented, ending in a newline. Markup characters are
// escaped as JSON allows ("<" as \u003c), so no tag survives even a
// careless consumer. A document without its required fields (UUID,
// metadata title, version, last-modified) is an error with paths and
// nothing is written.
func WriteCatalog(w io.Writer, doc CatalogDocument, _ JSONOptions) error {
	var p isms.Problems
	checkRoot(&p, "catalog", doc.UUID, doc.Metadata)
	if err := p.Err(); err != nil {
		return err
	}
	return encode(w, map[string]any{"catalog": doc})
}

// WriteProfile writes the profile as {"profile": …}, like WriteCatalog; a
// profile must also import a catalog.
func WriteProfile(w io.Writer, doc ProfileDocument, _ JSONOptions) error {
	var p isms.Problems
	checkRoot(&p, "profile", doc.UUID, doc.Metadata)
	if len(doc.Imports) == 0 {
		p.Addf("profile.imports", "the profile imports nothing")
	}
	for i, imp := range doc.Imports {
		if imp.Href == "" {
			p.Addf(isms.JoinPath(isms.Index("profile.imports", i), "href"), "the import names no catalog")
		}
	}
	if err := p.Err(); err != nil {
		return err
	}
	return encode(w, map[string]any{"profile": doc})
}

// WriteSSP writes the plan as {"system-security-plan": …}, like
// WriteCatalog; a plan must also import a profile and implement at least
// one control.
func WriteSSP(w io.Writer, doc SSPDocument, _ JSONOptions) error {
	var p isms.Problems
	checkRoot(&p, "system-security-plan", doc.UUID, doc.Metadata)
	if doc.ImportProfile.Href == "" {
		p.Addf("system-security-plan.import-profile.href", "the plan imports no profile")
	}
	if len(doc.ControlImplementation.ImplementedRequirements) == 0 {
		p.Addf("system-security-plan.control-implementation.implemented-requirements", "the plan implements no control")
	}
	for i, r := range doc.ControlImplementation.ImplementedRequirements {
		path := isms.Index("system-security-plan.control-implementation.implemented-requirements", i)
		checkUUID(&p, isms.JoinPath(path, "uuid"), r.UUID)
		if !isToken(r.ControlID) {
			p.Addf(isms.JoinPath(path, "control-id"), "control ID %s is not an OSCAL token (see ControlID)", isms.Quote(r.ControlID))
		}
	}
	if err := p.Err(); err != nil {
		return err
	}
	return encode(w, map[string]any{"system-security-plan": doc})
}

var uuidPattern = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$`)

// timestampPattern is the shape of the timestamps the builders write;
// the years are checked when the builder makes them.
var timestampPattern = regexp.MustCompile(`^[12][0-9]{3}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`)

func checkUUID(p *isms.Problems, path, s string) {
	if !uuidPattern.MatchString(s) {
		p.Addf(path, "%s is not a version 4 or 5 UUID", isms.Quote(s))
	}
}

// checkRoot checks what every document needs: a UUID and the required
// metadata.
func checkRoot(p *isms.Problems, root, id string, m Metadata) {
	checkUUID(p, root+".uuid", id)
	meta := root + ".metadata"
	if m.Title == "" {
		p.Addf(meta+".title", "the document has no title")
	}
	if m.Version == "" || m.Version != plain(m.Version) {
		p.Addf(meta+".version", "the version %s is empty or has extra white space", isms.Quote(m.Version))
	}
	if m.OSCALVersion != Version {
		p.Addf(meta+".oscal-version", "the OSCAL version %s is not %q", isms.Quote(m.OSCALVersion), Version)
	}
	if !timestampPattern.MatchString(m.LastModified) {
		p.Addf(meta+".last-modified", "%s is not an RFC 3339 timestamp with a time zone", isms.Quote(m.LastModified))
	}
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
