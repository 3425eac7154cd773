// Package readiness answers the question every SME asks before the audit:
// "are we ready, and what is missing?"
//
//	report := readiness.Assess(readiness.Input{
//		Context: org, Records: recs, Register: reg, Implementations: impls,
//		SoA: &statement, Policy: &pol, Plan: &plan, // nil: not made yet
//	}, now)
//	fmt.Printf("%s %% ready\n", report.Score.StringFixed(1))
//	for _, gap := range report.Urgent {
//		fmt.Println(gap.ID, gap.Title, gap.Status, gap.NextStep)
//	}
//	err := readiness.WriteMarkdown(w, report, readiness.MarkdownOptions{})
//
// # Input
//
// Input is a whole ISMS: the organisation's context, the risk register,
// implementation records, SoA, policy, yearly plan and the records of
// evaluation and improvement (isms/records). A document not made yet is
// nil, and is reported as missing rather than refused. A nil catalogue
// means Annex A. Assess reads the input and never changes or validates
// it: validate records when they are stored (isms.Create).
//
// # Items and statuses
//
// Assess walks every leaf requirement of clauses 4.1 to 10.2 (9.2.1 and
// 9.2.2, 9.3.1 to 9.3.3 each its own item), the supplier controls
// (A.5.19–A.5.23), the incident controls and the mandatory documented
// information at the time now it is given. Each Item
// is met, partial, stale (was met, but is out of date) or missing, with
// the evidence found and one concrete next step. Items are judged on
// substance: a planned audit is not a performed one, an auditor may not
// audit their own work, a review names the inputs a–g it missed, a
// corrective action must be checked effective, training coverage counts
// the headcount against the organisation's own objective. The 2024 climate
// amendment: an explicit determination on climate change, with its
// reason, satisfies 4.1; in 4.2 it is only a note.
//
// 8.3 and its record judge the risk treatment plan by its own actions:
// done, open on schedule, or overdue ("0 of 4 treatment actions done; 4
// open, on schedule" is partial); implementation records of controls are
// no evidence that the plan was carried out. No incident recorded meets
// the incident controls only when an incident handling process is
// described and someone looked in the last 12 months (an internal audit,
// or a review of the process): as for 10.2, none is evidence only after
// someone has looked. 8.1 lists every check that fails (the yearly plan,
// the core processes, the suppliers), not only the first; the supplier
// item lists every error of the supplier register's lint. Next steps name
// the organisation's own roles (the role accountable for policy approval,
// the roles with ISMS responsibilities), never roles it does not have.
//
// Evidence dated after the time now is never evidence: an assessment, an
// access review, a signed contract, a certificate issued, a risk
// assessment or acceptance, a process review, training, an audit, a
// management review, a measurement, an approval dated later (a year typed
// wrong, or a plan recorded as done) is named in the item it would count
// for ("supplier "X": assessment dated 2027-02-10, after the as-of
// date"), and an item met only on the rest becomes partial with the next
// step to correct the dates. A critical supplier whose only assessment or
// privileged access review is dated later was never checked (the
// critical-supplier-unchecked blocker). Readiness does not rely on the
// supplier or risk lint to catch such dates.
//
// # Verdict
//
// Report.Verdict is what a certification body would decide: NotReady,
// ReadyStage1 or ReadyStage2, with the Blockers that decide it. The
// verdict comes from a table of rules (VerdictRules): each finds a blocker
// that takes away stage 1 (no scope, policy, risk assessment or SoA) or
// stage 2 (no internal audit of the ISMS performed by an independent
// auditor, no management review, a review without inputs a–g or results,
// the SoA not approved or with undecided controls, a mandatory document
// missing, a major nonconformity open, a critical supplier never assessed
// or its privileged access never reviewed, a risk above the appetite without a
// valid acceptance (missing or expired), a corrective action past its due
// date, a plan occurrence overdue by more than PlanOverdueDays (90) days,
// training coverage below TrainingBlockPercent (50) % of the training
// target). The score never overrides it. Counts in the text agree with
// their nouns ("1 audit", "2 audits"), and 8.1 counts overdue occurrences
// apart from the activities they belong to. Why a critical supplier never
// checked blocks stage 2 while a late reassessment does not is argued at
// VerdictRules: "never" leaves no evidence the supplier controls ever ran
// for the supplier that matters most (a major nonconformity); "late" shows
// a control that ran and lapsed (a minor one).
//
// # Where you stand on the roadmap
//
// Input.Roadmap, when given (a workshop.Roadmap from workshop.Plan), adds
// Report.Roadmap and the Markdown section "Where you stand on the
// roadmap": each step with its planned dates, state (done, in progress,
// late, not started), owner and what the state rests on, then the next
// step (the first not done) with its owner. Readiness derives "done" from
// the items it has just judged rather than asking the host: the scope from
// 4.3 and 5.3, the workshop from 6.1.2 (dated by the first risk
// assessment), the first controls from their implementation records
// (workshop.Roadmap.Progress; 8.3 when the roadmap lists none), the
// documents from doc:policy, doc:soa and doc:treatment-plan (dated by the
// later approval), training from 7.3, operating evidence from 8.1 and 9.1
// with records at least as old as the planned operating period, the
// internal audit from 9.2.1 and the management review from 9.3.1. Only the
// certification body's stage 1 and stage 2 come from the host
// (Input.Certification); a date after the report's day, before the
// roadmap's start, or a stage 2 before its stage 1 or without one is not
// done: the step's Problem and a warning say why (Certification.Validate
// refuses the impossible order for a host that stores the dates). The
// host's own progress for its roadmap file, given as Input.RoadmapDone, is
// never evidence; a step it marks done that the data does not show done
// says so in its note ("the roadmap file marks it done (2026-11-03); the
// ISMS data does not show 5.3 met"), so roadmap.md and the report name
// each other's basis. A step late or in progress says which of the
// items it is judged from is not met, with its status and next step
// ("not met: 5.3 partial: nobody is accountable for …"), and the operating
// evidence step how far back its records go. A step more than
// RoadmapLateDays (14) days late
// is a warning in the report, never a blocker: the roadmap is the
// organisation's own plan, and what an auditor would hold against it (no
// audit, no review, the yearly plan not kept) is already a verdict rule.
// readiness imports workshop; workshop never imports readiness.
//
// # Limits
//
// The verdict thresholds are named constants: PlanOverdueDays = 90 and
// TrainingBlockPercent = 50; a report lists at most MaxUrgent urgent gaps;
// a roadmap step more than RoadmapLateDays = 14 days late is a warning;
// a roadmap note quotes at most RoadmapNoteStepMax = 160 bytes of the next
// step of an item not met; an item names at most FutureNotesMax = 3 pieces
// of evidence dated after the as-of date (the rest are counted).
//
// # Score and urgency
//
// The Report gives a weighted overall figure (met counts 1, partial and
// stale ½, missing 0) and the three most urgent gaps: missing before stale
// before partial, heavier items first.
//
// # Rules
//
// Each item is a rule: data (ID, clause, title, weight) plus one small
// function from the input to a verdict, tested one by one.
//
// # Writers
//
// WriteMarkdown writes the report for people (the roadmap section's text
// also has Markdown's inline syntax escaped, so a step title cannot become
// a link) and WriteJSON for programs,
// each as WriteX(w, report, XOptions), where the zero options are the
// defaults. Decode reads back what WriteJSON wrote, strictly, and checks it
// with Report.Validate: a report a host stored is accepted only when it is
// one Assess can have made (counts and score agree with the items, at most
// MaxUrgent urgent gaps, each one of the items). Every text in the Markdown goes through one cell escaper, so a
// record title with a line break, a pipe, HTML or a right-to-left override
// cannot break the table or change what the reader sees.
package readiness
