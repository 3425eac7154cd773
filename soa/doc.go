// Package soa produces the Statement of Applicability (clause 6.1.3 d) from
// the rest of the ISMS and keeps it honest as the ISMS changes.
//
//	draft, conflicts, err := soa.Generate(soa.Input{
//		Document: doc, Owner: isms.OwnedByRole(itManager), Context: org,
//		Catalogue: controls.AnnexA(), Implementations: impls, Register: reg,
//		Links: links, Decisions: decisions, Custom: custom, Documents: approvedPolicy,
//		Generated: today, Author: "Jussi Lahti",
//	})
//	// handle err; show the conflicts, draft.Undecided() and soa.Blocking(draft)
//	// to the person who decides, add decisions, regenerate
//	v1, err := draft.Approve(controls.AnnexA(), org.Approval(isms.OwnedByRole(ceo), today))
//	// store v1 (isms.Create validates it); export it
//	err = soa.WriteMarkdown(w, v1, soa.MarkdownOptions{})
//	// later: the next draft, with a change summary
//	v2 := soa.Revise(v1, regenerated)
//
// # Generation
//
// Generate returns one Entry per catalogue control in catalogue order,
// then one per control beyond the catalogue (Input.Custom, and controls a
// treatment names that neither has) under Additional, each with the same
// fields: applicable, excluded or undecided, the structured reasons with
// the records they rest on, the justification of an exclusion, and the
// implementation status, owner and evidence.
//
// There is no silent default. A control is applicable when a risk
// treatment relies on it (RiskTreatment), a requirement is linked to it
// (Legal, Regulatory, Contractual, BusinessNeed), an implementation record
// says it is in place or planned (BestPractice), a decision says so, or a
// proposal rule fires for it; it is excluded only by a Decision or an
// implementation record with status not applicable, with that text; a
// control nothing reaches is undecided. A draft may hold undecided
// controls (it validates, isms.Create stores it, Undecided lists them);
// Approve refuses it with the list.
//
// Proposals come from the organisation's own data through a documented
// table (ProposalRules, Propose): remote work in scope → 6.7, 7.9, 8.1;
// premises → 7.1–7.4, 7.7, 7.8, 7.10, 7.14; a server room or data centre
// of its own → 7.x; software development or source code → 8.4, 8.25–8.29,
// 8.31–8.33; suppliers and cloud services at the boundary → 5.19–5.23;
// legal, regulatory or contractual requirements → 5.31, 5.33; personal
// data → 5.31, 5.34; notification duties → 5.24–5.26, 6.8; a regulator →
// 5.5; people employed → 6.1–6.6; an asset inventory → 5.9–5.13; hardware
// → 8.1, 7.14; a service run for customers → 5.29, 5.30, 8.6, 8.14, 8.16;
// a patching objective or vulnerability risk → 8.8; an approved policy →
// 5.1; a process description → the controls it lists (reason Process);
// and the Baseline (BaselineControls) that nearly every organisation
// applies. Each proposal carries its reason code and the refs of the
// records that fired it. A proposal that nothing overrides makes the
// control applicable with that reason; a decision always wins, and the
// overridden proposals are kept in Entry.Overridden for Lint.
//
// Status comes from the implementation record, else the treatment
// actions; an approved document of Input.Documents (the policy, as plain
// values) implements its controls (5.1) and is listed as evidence.
// Decisions are inputs, so they survive every regeneration; a decision the
// risks or requirements contradict is kept and reported as a Conflict.
//
// # Validation and lint
//
// SoA.Validate checks what needs nothing else (clause 6.1.3 b–d): every
// entry names a control, once; no exclusion of a control a risk treatment
// relies on; a real justification for every exclusion; an undecided
// control neither applicable nor justified; every applicable control with
// a known reason and a status other than not applicable (a control not
// started is allowed, in a draft and in an approved edition: 6.1.3 d asks
// whether each control is implemented, not that all are); a valid
// revision block and, for an approved edition, a matching hash; dates
// within years 1–9999. SoA.CheckRefs checks the SoA against its catalogue.
//
// Lint reads the SoA as an auditor does and returns every finding:
// undecided controls, additional controls without a title, and every
// exclusion's justification — missing, shorter than MinJustificationWords
// words, a stock phrase ("not needed", "not relevant", "too small", "not
// applicable to us") with fewer than MinSpecificWords words of substance,
// describing the control being done (5.7 naming a threat-intelligence
// source), or contradicted by the organisation's data (a proposal it
// overrides: an error for the rule's Blocking controls such as 6.7 with
// remote work, 8.8 with a patching objective or vulnerability risk, 5.34
// with personal data; a warning otherwise, and for a baseline control).
// Lint reads at most MaxLintedText bytes of one justification. Errors block
// approval (Blocking lists them; Approve refuses with every one); the
// remaining findings are recorded in the approved edition (SoA.Warnings,
// sealed by the hash), so the advice its approver accepted is rendered
// byte-identically years later, whatever later versions of Lint say.
//
// # Editions
//
// An SoA is a controlled document: its Revision (isms.Revision) names the
// document, the edition, the status (draft, approved), the owner, the
// approval (isms.Approval: who by reference, the name the document shows,
// when) and the content hash. Approve validates, checks against the
// catalogue, refuses lint errors, records the remaining findings and seals
// a draft; it never changes an entry; the hash covers the content and the
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
// author, entries, additional and warnings (isms.Advice: code, severity,
// path, message); each entry, in entries and additional alike, has
// control, theme, title, description, applicable, undecided, reasons
// (code, refs of {id, label}, note), justification, overridden (reasons),
// risks, status, owner, evidence and decided. Decode reads it back
// strictly and validates it. WriteCSV and WriteMarkdown write the
// spreadsheet and the document (a draft's lists what blocks approval);
// WriteLint writes every lint finding as text (soa-lint.txt); every cell goes through internal/cells,
// so no text can break a table or run as a formula. All writers take an
// options struct whose zero value means the defaults, and are
// deterministic: an approved edition exported years later is
// byte-identical.
//
// # Storage
//
// Every edition is its own record of the kind KindSoA ("soa"). The inputs
// only the SoA has (its document ID, the requirement links, the decisions
// and the custom controls) are kept in one Selection per SoA document, of
// the kind KindSelection ("soa_selection"): NewSelection takes them from
// an Input, Apply puts them back into the next one, Validate and
// CheckRefs(org, cat) check them as Generate would.
//
// # Names
//
// A document's number is its edition (Revision.Edition); "version" is only
// the storage token a repository keeps (isms.Version). VersionID keeps its
// name for the ID of an edition. Spelling follows ISO's Oxford convention
// (Organization, Catalogue).
package soa
