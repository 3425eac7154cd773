// Package readiness answers the question every SME asks before the audit:
// "are we ready, and what is missing?"
//
// Assess takes a whole ISMS — the organisation's context, the risk
// register, implementation records, SoA, policy, yearly plan and the
// records of evaluation and improvement — and a time, and walks clauses 4.1
// to 10.2 and the mandatory documented information. Each Item is met,
// partial, missing or stale, with the evidence found and one concrete next
// step. The 2024 climate amendment is included: 4.1 and 4.2 ask whether
// climate change was considered. The Report gives a weighted overall figure
// and the three most urgent gaps, and renders as Markdown and JSON.
//
// Rules are data plus one small function each (see rules), tested one by
// one.
package readiness
