// Package oscal exports ismskit's catalogue and Statement of Applicability
// as OSCAL 1.1.3 (NIST's Open Security Controls Assessment Language) JSON:
// the Annex A catalogue as a catalog, the SoA's selection as a profile
// that imports it, and the SoA as a system security plan.
//
//	cat, err := oscal.Catalog(controls.AnnexA(), oscal.CatalogOptions{LastModified: asOf, Additional: statement.Additional})
//	prof, err := oscal.Profile(statement, oscal.ProfileOptions{})       // imports "catalog.json"
//	plan, err := oscal.SSP(statement, orgContext, oscal.SSPOptions{}) // imports "profile.json"
//	err = oscal.WriteCatalog(w, cat, oscal.JSONOptions{})              // {"catalog": …}
//	err = oscal.WriteProfile(w, prof, oscal.JSONOptions{})             // {"profile": …}
//	err = oscal.WriteSSP(w, plan, oscal.JSONOptions{})                 // {"system-security-plan": …}
//
// The builders return plain Go values (CatalogDocument, ProfileDocument,
// SSPDocument) that a host may extend before writing. The documents
// validate against NIST's official schema for OSCAL 1.1.3; the nested
// module oscal/schematest proves it in its tests, so that this package
// needs no schema validator.
//
// # Catalog
//
// One group per theme, each control with its ID (ControlID: "5.1" becomes
// "a.5.1", custom IDs stay), its title, the "label" property with
// ismskit's ID, its ISO/IEC 27002:2022 attribute tags as properties named
// after their kind ("control_type", "properties", "concepts",
// "capabilities", "domains") in PropNamespace, and ismskit's own guidance
// ("guidance" part) and example. No text of ISO/IEC 27001 or 27002 is
// reproduced.
//
// # Profile: applicable and excluded controls
//
// The applicable controls are included by ID. An excluded control is left
// out, listed under exclude-controls, and recorded as a back-matter
// resource: title "Excluded: <ID> <title>", the justification as its
// description, the property "excluded-control" naming the control, and
// the proposals the exclusion overrode in its remarks. A draft's
// undecided controls are "undecided-control" properties of the metadata.
//
// # System security plan
//
// The system is the ISMS scope; every applicable control is an implemented
// requirement with its status (property "implementation-status" and
// OSCAL's implementation-status), owner (a responsible role), reasons
// ("reason" properties) and evidence (back-matter resources linked with
// rel "evidence"). See SSP.
//
// # Stable UUIDs and timestamps
//
// Every UUID is a version 5 UUID in Namespace (DeriveUUID) of a name made
// from ismskit's IDs, so re-exporting the same data gives the same bytes
// and a new edition of the SoA diffs cleanly against the last:
//
//	catalog                 catalog/<document IDs joined by "+">
//	profile                 profile/<SoA document ID>
//	an exclusion            profile/<SoA document ID>/excluded/<control ID>
//	system security plan    ssp/<SoA document ID>
//	the ISMS component      ssp/<SoA document ID>/this-system
//	information type        ssp/<SoA document ID>/information
//	a system user           ssp/<SoA document ID>/user/<role ID>
//	a requirement           ssp/<SoA document ID>/requirement/<control ID>
//	its by-component        ssp/<SoA document ID>/requirement/<control ID>/this-system
//	its n-th evidence       ssp/<SoA document ID>/requirement/<control ID>/evidence/<n>
//	a party                 party/<organisation or person ID>
//
// Nothing reads the clock: the catalog's last-modified comes from
// CatalogOptions, the profile's and plan's from the SoA (approval or
// generation time) unless the options override it. Timestamps are written
// in UTC.
//
// # Text
//
// Text a person typed is made safe for each kind of OSCAL field: markup
// (titles, descriptions, remarks, prose) is escaped Markdown with no tag
// left ("<script>" reads "&lt;script>"), property values and names are one
// trimmed line, bidi controls are dropped, and the JSON encoder escapes
// "<", ">" and "&" as well.
//
// # Limits
//
// A timestamp must fall within the years MinYear (1900) to MaxYear (2999),
// the years OSCAL 1.1.3 can write; outside them the builders return an
// error naming the limit. Everything else is bounded by the limits of the
// catalogue (controls.MaxControls, controls.MaxText) and the SoA the
// documents are built from. Errors list every problem with its path and
// wrap isms.ErrInvalid.
package oscal
