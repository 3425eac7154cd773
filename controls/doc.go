// Package controls holds the ISO/IEC 27001:2022 Annex A catalogue and the
// records of how an organisation implements each control.
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
// immutable. A host loads its own catalogue in the same format with Parse,
// or adds custom controls beside Annex A with Catalogue.With; both validate
// everything (unique IDs, known themes and tags, mapping targets that exist)
// and report every problem at once.
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
// Implementation is one organisation's record of one control: status (not
// started, planned, in progress, implemented, not applicable), owner,
// evidence, reviews, effectiveness on a documented scale (see
// Effectiveness), notes and the history of status changes. Records are
// values: WithStatus, WithEvidence and Reviewed return new ones for the host
// to store. Validate requires evidence for an implemented control and a real
// reason for a control that does not apply. Cover summarises how many
// controls are implemented, planned or missing, overall, per theme and per
// tag.
package controls
