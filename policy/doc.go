// Package policy models the information security policy (clause 5.2) as a
// living, measurable, approved document, the way the domain article on
// SME policies describes it: 1–3 pages, approved by leadership, measurable
// objectives, principles tied to real risks, named responsibilities,
// reviewed every 12 months, findable by every employee.
//
// # Model
//
// A Policy has the sections purpose, scope, information security objectives
// (the kernel's measurable isms.Objective: objective, metric, target,
// deadline, owner), principles (short, tool-independent statements, each
// linked to the key risks it answers and the metric that shows it works),
// roles and responsibilities, commitments to laws, contracts and
// requirements, monitoring and review, and the approval and version block:
// owner, approver, approval date, version, next review (12 months after
// approval by default), change summary and content hash. Approved versions
// are immutable (Verify); Revise starts the next draft. Deadlines returns
// the "communicate to staff within 7 days" and next-review duties for the
// calendar.
//
// # Composing a draft
//
// Compose assembles a first draft from the organisation's own context and
// risk register, so two companies get visibly different policies. With a
// complete context the draft passes Lint with no errors; with an incomplete
// one, Lint says what is missing.
//
// # Lint
//
// Lint checks the domain articles' advice, each finding with a rule ID,
// severity, location and a plain message: vague objectives; 3–5 objectives
// and 5–7 principles; responsibilities held by nobody or by "the
// organization"; key risks no principle answers and principles linked to
// no risk; procedure-level detail (tool names, step-by-step instructions,
// exact schedules) that belongs in a procedure; length over about three
// pages; missing sections; missing approval; an overdue review.
//
// # Rendering
//
// WriteMarkdown and WriteHTML (html/template, one clean printable page)
// end with the one-line version control the article recommends.
package policy
