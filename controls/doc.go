// Package controls holds the ISO/IEC 27001:2022 Annex A catalogue and the
// records of how an organization implements each control.
//
// The main path: take the catalogue, check the organization's records
// against it, see how far it is, and export the catalogue.
//
//	cat := controls.AnnexA()
//	impls := controls.Implementations(records) // loaded from the host's store
//	if err := impls.Validate(); err != nil { ... }       // each record, no control twice
//	if err := impls.CheckRefs(cat); err != nil { ... }   // every control is in cat
//	cov := controls.Cover(cat, impls)
//	fmt.Printf("%d of %d implemented\n", cov.All.Implemented, cov.All.Total)
//	err := controls.WriteCSV(w, cat, controls.CSVOptions{})
//
// # The catalogue
//
// AnnexA returns the embedded catalogue: the 93 controls (5.1–8.34) in the
// themes Organizational (37), People (8), Physical (14) and Technological
// (34), each with its ISO/IEC 27002:2022 attribute tags of all five kinds
// (control type, information security properties, cybersecurity concepts,
// operational capabilities, security domains), ismskit's own plain-language
// guidance for small companies with one concrete example, and the mapping
// from the 114 controls of ISO/IEC 27001:2013 (Mapping2013), which marks
// the 11 controls new in 2022. The guidance is ismskit's own writing; the
// standard's control text is not reproduced.
//
// The catalogue is data: data/annex-a-2022.json, in the documented format
// of Document (see data/README.md), embedded with go:embed, parsed once and
// immutable. A host reads its own document with Decode (strict JSON, then
// Document.Validate for what the document says on its own) and builds a
// catalogue from it with New, or adds custom controls beside Annex A with
// Catalogue.With; both check every reference (themes, tags, mapping
// targets) and report every problem at once. Parse decodes and builds in
// one step.
//
// # IDs and limits
//
// A control's ID is in the Annex A form N.M ("5.1", no leading zeros, so
// "5.01" cannot name 5.1 a second time) or a custom code PREFIX-CODE
// ("ACME-3"); see ID.Validate. The 2013 style "A.5.1" is refused with a
// pointer to the 2022 control that replaced it (Mapping2013). A document
// is read only up to documented limits, each a validation error naming it
// when exceeded: MaxDocumentBytes (valid UTF-8 only), MaxControls,
// MaxThemes, MaxKinds, MaxTags (per catalogue and per control),
// MaxMappings, MaxMappingEntries, MaxIDLen, MaxName (titles and other
// short texts) and MaxText (guidance and examples).
//
// # Queries
//
// ByID looks a control up without allocating. ByTheme, Find and Search
// select controls by theme, by any combination of tags — "detective controls
// that protect availability" is
//
//	cat.Find(controls.Query{All: []controls.Tag{controls.Detective, controls.Availability}})
//
// — and by free text over title, guidance and example. Results are always in
// natural ID order (5.2 before 5.10; see CompareIDs).
//
// # Implementation records
//
// Implementation is one organization's record of one control: status (not
// started, planned, in progress, implemented, not applicable), owner,
// evidence, reviews, effectiveness on a documented scale (see
// Effectiveness), notes and the history of status changes. Records are
// values: WithStatus, WithEvidence and Reviewed return new ones for the host
// to store. Validate checks a record on its own fields only (evidence for an
// implemented control, a real reason for a control that does not apply);
// CheckRefs checks what it refers to, its control, against a catalogue. The
// set type Implementations does both for many records and also refuses two
// records for one control. A nil catalogue is a validation error, never a
// panic. Cover summarizes how many controls are implemented, planned or
// missing, overall, per theme and per tag.
//
// # Exports
//
// WriteCSV, WriteJSON and WriteMarkdown write the catalogue's rows (Rows),
// each with an options struct whose zero value is the default. Text is made
// safe for where it goes: CSV cells cannot run as spreadsheet formulas, and
// Markdown cells escape pipes, HTML and line breaks, so a custom control's
// title cannot break a table. Bidi controls such as U+202E are dropped from
// both.
//
// # Names
//
// Names follow the module's conventions: checks against other records are
// CheckRefs, a record's own checks Validate; writers are WriteX(w, v,
// XOptions). Spelling is ISO's Oxford convention: -ize (Organizational,
// summarize), otherwise British (Catalogue, Defence as ISO/IEC 27002 prints
// the tag).
package controls
