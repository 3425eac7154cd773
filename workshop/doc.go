// Package workshop is the risk workshop kit of the domain articles: a 2–3
// hour workshop takes the most important assets, names the key threats to
// them, scores them and gives each significant risk an owner and a
// deadline; then the organisation starts with the 5–10 controls that most
// reduce its biggest risks, reaches a first version in 4–8 weeks and
// certification in 6–18 months.
//
//   - Candidates proposes candidate risks from the key assets and the
//     organisation's context (Features: remote work, cloud services,
//     suppliers, personal data, development, an office, an online
//     service) using a threats.Catalogue: each with the threat, the asset
//     (or the supplier interface), a suggested rating and band, and the
//     controls in place that already reduce it. What is proposed follows
//     the threat's own strength (suggested grade, then how many of C, I
//     and A it harms, then likelihood), not what the controls in place
//     leave, so ransomware on a file server is not replaced by a weaker
//     threat because backups are recorded. Candidates for a supplier
//     interface see the register risks whose Supplier serves it
//     (Input.Suppliers). Proposals are values for the workshop to
//     confirm, reword or drop; Candidate.Draft turns one into a risk.Risk
//     the caller may add to its register. Nothing is added silently.
//   - Prioritise ranks the applicable controls not yet implemented by the
//     risk they would reduce across a risk.Register (risk.DeriveResidual;
//     the annual loss expectancy of risks with loss data; a risk/quant
//     result's simulated loss avoided when given, for its treatments named
//     by a control only: a treatment plan's figure is never split over or
//     given to its controls), the key risks they touch and the effort if
//     known. The risk reduced ranks first: the points a control takes
//     off, with the points on a risk whose approved treatment plan names
//     it in an open action counted twice, since the risk owner has
//     decided them (Priority.Score); the number of such plans only breaks
//     a tie. An implemented control is ranked again where a risk applies
//     it as not yet fully effective or plans work on it. Each loss figure is what the control would
//     avoid alone; the figures overlap and the handouts say so.
//     FirstControls keeps "the first 5–10" controls to implement (and the
//     implemented ones ranked among them or named by an approved plan's
//     open action). Plan gives each first control to the owner of the
//     approved plan's open action on it, then to its implementation
//     record's owner, then to the role accountable for control
//     implementation.
//   - Scenario turns a threat's planning estimate into a risk/quant
//     scenario, so a confirmed candidate can be simulated before the
//     organisation has figures of its own; its title carries the
//     estimate's label, "unsourced default: …" when no report backs the
//     figures (threats.Estimate.Sourced).
//   - Plan builds the roadmap from a start date to the stage 2 audit:
//     scope, workshop, first controls, documents, training, operating
//     evidence, internal audit, management review, stage 1 and stage 2,
//     with owners from the organisation's responsibilities (the first
//     controls due one after the other through their step, by rank or
//     effort), as isms.Duty
//     values (calendar.FromDuties turns them into activities), a
//     Markdown plan (WriteRoadmapMarkdown) and a standalone HTML page
//     (WriteRoadmapHTML: a table with a timeline bar per step, no scripts
//     or external assets, deterministic bytes); Roadmap.Progress says
//     where the organisation stands on it on a given day (done, late, in
//     progress, not started), and RoadmapOptions.Progress adds that state
//     to both plans. A first control that a risk's approved treatment
//     plan gives another due day shows both days (ControlTask.PlanDue),
//     and Roadmap.PlanCadence sets the yearly plan's training, internal
//     audit and management review (calendar.PlanOptions.Cadence) on the
//     roadmap's days, and Roadmap.PlanOwners gives them the roadmap's
//     owners, so the calendar and the roadmap name the same days and
//     people; RoadmapInput.Workdays keeps every step and first control off
//     the organisation's days off.
//     WriteCandidatesMarkdown and WritePrioritiesMarkdown write the other
//     two handouts.
//
// # Where it sits
//
// workshop imports risk, risk/quant, soa, controls, suppliers, threats,
// calendar (for PlanCadence's types) and isms, and only the example programs import it: it is a level of its own
// above soa
// and policy (it reads a register, implementation records and a Statement
// of Applicability together) and below isms/readiness, which reads a
// Roadmap's Progress (workshop never imports readiness; a readiness test
// walks workshop's imports to keep it so). The threat catalogue itself is
// data at the controls level (package threats), so that risk and soa could
// use it too.
//
// # Determinism
//
// Every function is pure: same input, same output, sorted by stable keys;
// time is a parameter.
//
// # Limits
//
// MaxKeyAssets, MaxCandidates, MaxPerAsset, MaxPerThreat, MaxRisks,
// MaxImplementations, MaxSuppliers, MaxFirstControls, MaxEffortDays,
// MinFirstVersionWeeks and MaxFirstVersionWeeks, MinEvidenceMonths and
// MaxEvidenceMonths, MinRoadmapMonths and MaxRoadmapMonths; each is
// checked and exceeding it is a validation error naming it.
package workshop
