// Package soa produces the Statement of Applicability (clause 6.1.3 d) from
// the rest of the ISMS and keeps it honest as the ISMS changes.
//
// # Generation
//
// Generate takes the control catalogue (Annex A 2022, plus any custom
// controls), the implementation records, the risk register, the links
// between the organisation's requirements and controls, and the manual
// Decisions of the consultant or owner. It returns one Entry per catalogue
// control in catalogue order: applicable or not, the structured reasons
// (RiskTreatment with the risks, Legal / Regulatory / Contractual with the
// requirements, BusinessNeed, BestPractice), the justification of an
// exclusion, and the implementation status, owner and evidence. Controls
// that treatments name but the catalogue lacks are listed as Additional.
// Decisions are inputs, so they survive every regeneration; a decision the
// new state contradicts is kept and reported as a Conflict.
//
// # Validation
//
// SoA.Validate checks clause 6.1.3 b–d: every catalogue control exactly
// once; no exclusion of a control a risk treatment relies on; a real
// justification for every exclusion; every applicable control implemented
// or planned; and the version block.
//
// # Versions
//
// An SoA is a versioned document: version, status (draft, approved),
// author, approver, approval date and a SHA-256 content hash. Approve
// validates and seals a draft; Verify proves an approved version unchanged;
// Revise starts the next draft with a change summary. Diff compares two
// versions entry by entry, Changes.Summary renders it for a change log, and
// Apply replays it.
//
// # Export
//
// WriteJSON writes the JSON schema: the object SoA with fields id (this
// version), document (the chain of versions), organization, version, status, catalogue, generated, author, approver,
// approved_at, hash, changes, entries and additional; each entry has
// control, theme, title, applicable, reasons (code, refs of {id, label},
// note), justification, default_exclusion, risks, status, owner, evidence
// and decided. ReadJSON reads it back. WriteCSV and WriteMarkdown write the
// spreadsheet and the document. All three are deterministic, so an
// approved version exported years later is byte-identical.
package soa
