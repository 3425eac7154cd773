// Package soa produces the Statement of Applicability (clause 6.1.3 d) from
// the rest of the ISMS and keeps it honest as the ISMS changes.
//
//	draft, conflicts, err := soa.Generate(soa.Input{
//		Document: doc, Owner: isms.OwnedByRole(itManager), Context: org,
//		Catalogue: controls.AnnexA(), Implementations: impls, Register: reg,
//		Links: links, Decisions: decisions, Generated: today, Author: "Jussi Lahti",
//	})
//	// handle err; show the conflicts to the person who decides
//	v1, err := draft.Approve(controls.AnnexA(), org.Approval(isms.OwnedByRole(ceo), today))
//	// store v1 (isms.Create validates it); export it
//	err = soa.WriteMarkdown(w, v1, soa.MarkdownOptions{})
//	// later: the next draft, with a change summary
//	v2 := soa.Revise(v1, regenerated)
//
// # Generation
//
// Generate returns one Entry per catalogue control in catalogue order:
// applicable or not, the structured reasons (RiskTreatment with the risks,
// Legal / Regulatory / Contractual with the requirements, BusinessNeed,
// BestPractice), the justification of an exclusion, and the implementation
// status, owner and evidence. Controls that treatments name but the
// catalogue lacks are listed as Additional. Decisions are inputs, so they
// survive every regeneration; a decision the new state contradicts is kept
// and reported as a Conflict.
//
// # Validation
//
// SoA.Validate checks what needs nothing else (clause 6.1.3 b–d): every
// entry names a control, once; no exclusion of a control a risk treatment
// relies on; a real justification for every exclusion; every applicable
// control with a reason and implemented or planned; a valid revision block
// and, for an approved edition, a matching hash; dates within years
// 1–9999. SoA.CheckRefs checks the SoA against its catalogue: every control
// present, no unknown ones, titles and themes as catalogued. Lint gives
// advice (isms.Advice) on an SoA that validates but may not convince an
// auditor.
//
// # Editions
//
// An SoA is a controlled document: its Revision (isms.Revision) names the
// document, the edition, the status (draft, approved), the owner, the
// approval (isms.Approval: who by reference, the name the document shows,
// when) and the content hash. Approve validates, checks against the
// catalogue and seals a draft; the hash covers the content and the
// approval, so Verify notices a change to either. Revise starts the next
// draft with a change summary from Diff, which compares two editions entry
// by entry; Apply replays a diff. Duties returns the review duty of an SoA
// with a next review date.
//
// # Export
//
// WriteJSON writes the JSON schema: the object SoA with fields id (this
// edition), revision (document, edition, status, owner, approval {by, name,
// at}, next_review, changes, hash), organization, catalogue, generated,
// author, entries and additional; each entry has control, theme, title,
// applicable, reasons (code, refs of {id, label}, note), justification,
// default_exclusion, risks, status, owner, evidence and decided. Decode
// reads it back strictly and validates it. WriteCSV and WriteMarkdown write
// the spreadsheet and the document; every cell goes through internal/cells,
// so no text can break a table or run as a formula. All writers take an
// options struct whose zero value means the defaults, and are
// deterministic: an approved edition exported years later is
// byte-identical.
//
// # Names
//
// A document's number is its edition (Revision.Edition); "version" is only
// the storage token a repository keeps (isms.Version). VersionID keeps its
// name for the ID of an edition. Spelling follows ISO's Oxford convention
// (Organization, Catalogue).
package soa
