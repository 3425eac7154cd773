// Package processes holds the organisation's process descriptions: for
// each process its purpose, owner, short steps, inputs and outputs, the
// stored record kinds that prove it runs, the controls it implements and
// its last review.
//
//	reg := processes.Register{Processes: []processes.Process{riskMgmt, access, incidents, suppliersProc}}
//	if err := reg.Validate(); err != nil { … }           // each description's own fields
//	if err := reg.CheckRefs(org, cat); err != nil { … }  // owners exist, controls are in the catalogue
//	advice := processes.Lint(reg, now, processes.LintOptions{Policy: principles})
//	duties := reg.Duties()                               // yearly reviews, for calendar.FromDuties
//
// # Home
//
// processes is a domain package above risk and below soa and policy: a
// process cites as evidence the storable kinds of records, risk, controls,
// calendar and suppliers (EvidenceKinds), so it imports them; soa uses a
// process as evidence of the controls it implements, policy links its
// principles to processes, and isms/readiness reads them for 7.5 and 8.1.
//
// # Core processes
//
// The domain articles expect every SME to describe risk management, access
// control (including removing leavers' access within 24 hours), incident
// handling and supplier management (Cores). A process marks which it is
// with Core.
//
// # Lint
//
// Lint returns isms.Advice with these codes: RuleNoOwner, RuleNoSteps,
// RuleNoEvidence, RuleRestatesPolicy (a step that defers to or repeats a
// policy statement), RuleReviewOverdue (older than ReviewMonths),
// RuleCoreMissing and RuleLeavers.
//
// # Storage and files
//
// Process is storable as KindProcess ("process"); isms/dataset saves and
// loads it. DecodeRegister reads strict JSON and validates; WriteMarkdown
// writes processes.md. The JSON field names are the keys a workbook sheet
// can reuse.
//
// # Limits
//
// ReviewMonths (12) is the review interval. Lists are bounded by the
// decoder (jsonio.MaxListItems) and the dataset (dataset.MaxRecords); Lint
// compares each step with each policy statement, so its work is the
// number of steps times the number of statements.
package processes
