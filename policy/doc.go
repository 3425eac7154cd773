// Package policy models the information security policy (clause 5.2) as a
// living, measurable, approved document, the way the domain article on
// SME policies describes it: 1–3 pages, approved by leadership, measurable
// objectives, principles tied to real risks, named responsibilities,
// reviewed every 12 months, findable by every employee.
//
//	draft, err := policy.Compose(policy.ComposeInput{Document: doc, Context: org, Register: reg})
//	// handle err
//	for _, a := range policy.Lint(draft, today, policy.LintOptions{Context: org}) {
//		fmt.Println(a) // what to fix before management approves it
//	}
//	v1, err := draft.Approve(org.Approval(isms.OwnedByRole(ceo), today))
//	// store v1 (isms.Create validates it); hand the duties to the calendar
//	duties := v1.Duties()
//	err = policy.WriteHTML(w, v1, policy.HTMLOptions{})
//
// # Model
//
// A Policy has the sections purpose, scope, information security objectives
// (the kernel's measurable isms.Objective), principles (short,
// tool-independent statements, each linked to the key risks it answers and
// the metric that shows it works), roles and responsibilities, commitments
// to laws, contracts and requirements (clause 5.2 c), monitoring and
// review, the commitment to continual improvement (Improvement, clause
// 5.2 d), where the policy is published and how interested parties get it
// (Availability, clause 5.2 g: findable in under two minutes, part of
// onboarding), and the revision block (isms.Revision): document, edition, status, owner (the
// role that maintains the policy), approval (isms.Approval: who by
// reference, the name the policy shows, when), next review (ReviewInterval
// = 12 months after approval by default), change summary and content hash.
//
// # Validation and lint
//
// Policy.Validate refuses what cannot be stored or approved: an empty
// section, a vague objective, a principle without a statement, a role
// without a name, an owner that is not one of the policy's roles, a broken
// revision block, an approved edition changed since. Policy.CheckRefs
// checks the roles, requirements, objectives, owner and approver against
// the organisation's context. Lint gives advice (isms.Advice) from the
// domain articles on any policy, valid or not: vague objectives; 3–5
// objectives and 5–7 principles; responsibilities held by nobody; key risks
// no principle answers; procedure-level detail (tool names, step-by-step
// instructions, exact schedules); length over about three pages; no
// commitment to requirements (5.2 c) or to continual improvement (5.2 d);
// no word on where the policy is published, onboarding or interested
// parties (5.2 g); missing approval; an overdue review; and, given the
// context in LintOptions, an approver who is not the role accountable for
// policy approval (top management).
//
// # Wording
//
// Compose writes for any client: acronyms and proper nouns keep their
// case, a description that is a noun phrase still gives a sentence with a
// verb, the audience is the organisation's own (customers, clients,
// patients), a principle's metric comes from a matching objective, and a
// noun phrase that names what the organisation is ("Authorised accounting
// firm in Tampere: …") reads "<Org> is an authorised accounting firm …".
// The client's own text (scope, role descriptions, asset and party names)
// is quoted as typed, like the SoA quotes it; ComposeInput.GeneraliseProducts
// replaces product names with what they are ("the office suite") when the
// caller wants the policy to pass Lint's procedure-detail rule. The metrics
// state the rhythm of the plan given in ComposeInput.Cadences ("key risks
// reviewed twice a year") and promise none when a cadence is zero ("as the
// ISMS plan schedules").
//
// # Limits
//
// A cadence of ComposeInput.Cadences is 0 (none) or 1 to MaxCadenceMonths
// (120) months; Compose refuses another at its path.
//
// One text field of a policy holds at most MaxTextLength bytes (64 KiB):
// Validate refuses a longer one at its path, and Lint reads no further, so
// checking a policy is quick whatever its input. Decode reads strict JSON
// (isms/jsonio); testdata/hostile holds the attacks it refuses, including
// an approval edited in the exported JSON and dates past year 9999.
//
// # Editions and duties
//
// Approve validates the policy and seals it; the hash covers the content
// and the approval, so Verify notices a change to either. Revise starts the
// next draft. Duties returns what an approved policy obliges its owner to
// do: tell all staff within CommunicationDays (7) days of approval, and
// review it by the next review. This package is the only home of that
// rule; the calendar package turns duties into activities.
//
// # Rendering
//
// WriteMarkdown (every text through internal/cells) and WriteHTML
// (html/template, one clean printable page) end with the one-line revision
// block the article recommends (RevisionLine). WriteJSON and Decode store
// and read a policy. Every writer takes an options struct whose zero value
// means the defaults.
//
// # Names
//
// A document's number is its edition (Revision.Edition); "version" is only
// the storage token a repository keeps (isms.Version). Spelling follows
// ISO's Oxford convention (Organization, Summarize).
package policy
