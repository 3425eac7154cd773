// Package risk is the information security risk engine (clauses 6.1.2,
// 6.1.3, 8.2 and 8.3): methods and matrices, scoring, inherent, residual
// and target risk, treatment and acceptance, and the register with its
// queries and outputs.
//
// # Method
//
// A Method holds the likelihood and impact scales, the matrix that turns a
// (likelihood, impact) pair into a score and a band, and the acceptance
// criteria. Preset5x5 (the default, as the domain articles describe: 1–5
// scales, Low/Medium/High/Critical) and Preset3x3, Preset4x4 and
// Preset5x5ISO27005 are ready to use; any N×M method loads from JSON with
// DecodeMethod. The matrix is either a scoring rule with band thresholds or
// an explicit grid; either way validation rejects a matrix that is not
// monotonic. Method.Scorer compiles a method into a Scorer, whose Rate is a
// table lookup that does not allocate; a host plugs in its own Rule with
// ScorerWith and proves it with risk/risktest.CheckRule.
//
// # Risks
//
// A Risk is asset-based (assets, threat, vulnerability) or event-based (a
// scenario), names the properties it affects, its owner and the
// requirements it relates to, and carries three assessments: Inherent,
// Residual and Target, each with rationale, assessor and date. A residual
// may be derived from the controls applied and their effectiveness with
// DeriveResidual, an exact decimal rule that never exceeds the inherent
// risk. Reassess keeps every earlier assessment in History, so Trend shows
// how a risk moved.
//
// Treatment is one of Modify, Retain, Avoid and Share; the domain articles'
// treat, tolerate, terminate and transfer are synonyms (ParseOption). A
// plan has actions with owner, due date, status and the controls they
// implement. A risk above the appetite that is retained needs an Acceptance
// by a role the criteria allow for its band, for at most that role's
// period; an expired acceptance returns the risk to review. Loss gives the
// classic quantitative view: SLE × ARO = ALE, in exact decimal Money.
//
// # Register
//
// Register.Validate reports every problem at once; Register.Check adds the
// references into the organisation's context and the control catalogue.
// Queries: Top, ByBand, ByOwner, ByAsset, ByControl, ByTreatment,
// OverdueActions, ReviewsDue, Unaccepted, HeatMap and Summarise. Outputs:
// WriteCSV (opens cleanly in a spreadsheet), WriteMarkdown and
// HeatMap.WriteSVG, all deterministic and golden-tested.
package risk
