// Package suppliers holds the supplier register (Annex A 5.19–5.23): who
// the organisation buys from, what of its information and assets each
// supplier touches, the access it holds, the agreement's safeguards, the
// assurance it has given and, for cloud services, the exit plan.
//
//	reg := suppliers.Register{Suppliers: []suppliers.Supplier{host, office, payroll}}
//	if err := reg.Validate(); err != nil { … }      // each supplier's own fields
//	if err := reg.CheckRefs(org); err != nil { … }  // owners, parties, assets, scope interfaces exist
//	tier := suppliers.Classify(host, org)           // critical / important / standard, with reasons
//	advice := suppliers.Lint(reg, org, now, suppliers.LintOptions{})
//	duties := reg.Duties(org)                       // assessments and certificate renewals, for calendar.FromDuties
//
// # Home
//
// suppliers is a domain package at the level of controls and records: it
// imports isms only (the supplier's assets, parties, owner and scope
// interface are kernel records it refers to by ID or name). soa, policy,
// isms/readiness and processes import it; the calendar gets its dates as
// isms.Duty values.
//
// # Criticality
//
// A supplier's Tier is derived, never typed in, by the rule documented on
// Classify: privileged access, special categories of personal data or an
// asset rated at the top of a scale make it critical; personal data, any
// access, a cloud service or an asset rated in the upper half make it
// important. The tier sets how often it is assessed (AssessCriticalMonths,
// AssessImportantMonths, AssessStandardMonths) and which lint rules apply;
// a conditional or unacceptable outcome brings the next assessment forward
// (FollowUpConditionalMonths, FollowUpUnacceptableMonths). An assessment or
// access review dated after the as-of date is no evidence
// (RuleDatedAfterToday).
//
// # Lint
//
// Lint returns isms.Advice with these codes: RulePersonalDataWithoutDPA,
// RuleNotificationDeadline (a supplier must notify sooner than the
// organisation's own DutyHours of 72), RuleCertificateExpired,
// RuleCertificateOutOfScope, RuleAssessmentOverdue (critical suppliers),
// RulePrivilegedAccess (not reviewed within AccessReviewMonths) and
// RuleCloudExitPlan (critical cloud services).
//
// # Storage and files
//
// Supplier is storable as KindSupplier ("supplier"); isms/dataset saves and
// loads it with the rest of an organisation's ISMS. DecodeRegister reads
// strict JSON and validates; WriteMarkdown (table, tier reasons, exit
// plans, lint) and WriteCSV write the deliverables, text made safe by
// internal/cells. The JSON field names (snake_case, dates as RFC 3339) are
// the keys a workbook sheet can reuse.
//
// # Dates
//
// Duties keep their due dates within the years 1–9999 a file can carry;
// CertificateNoticeDays (60) is how far ahead of expiry a renewal falls due.
//
// # Limits
//
// MaxNotificationHours (one year) bounds an agreement's notification
// deadline. Lists are bounded by the decoder (jsonio.MaxListItems) and the
// dataset (dataset.MaxRecords); Lint and Duties are linear in the register
// and the inventory.
package suppliers
