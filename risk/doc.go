// Package risk is the information security risk engine (clauses 6.1.2,
// 6.1.3, 8.2 and 8.3): methods and matrices, scoring, inherent, residual
// and target risk, treatment and acceptance, and the register with its
// queries, duties and outputs.
//
//	reg, err := risk.DecodeRegister(file) // strict JSON + Validate
//	if err != nil {
//		return err // every problem, with paths like risks[3].residual.likelihood
//	}
//	if err := reg.CheckRefs(org, controls.AnnexA()); err != nil {
//		return err // owners, assets, requirements, controls that do not resolve
//	}
//	c, err := reg.Compile() // validated, method compiled once
//	if err != nil {
//		return err
//	}
//	top := c.Highest(5, risk.Residual) // queries on the compiled view cannot fail
//	duties := reg.Duties() // reviews and treatment deadlines, for calendar.FromDuties
//	err = risk.WriteMarkdown(w, reg, risk.MarkdownOptions{Context: org, Now: now})
//
// # Method and grades
//
// A Method holds the likelihood and impact scales (isms.Scale, whose steps
// are isms.Level values), the matrix that turns a (likelihood, impact)
// Rating into a Grade (a score and a band), and the acceptance criteria.
// Preset5x5 (the default: 1–5 scales, Low/Medium/High/Critical), Preset3x3,
// Preset4x4 and Preset5x5ISO27005 are ready to use; any N×M method (at most
// MaxLevels levels with values up to MaxLevelValue) loads with DecodeMethod.
// The matrix is a scoring rule with band thresholds or an explicit grid;
// either way it must be monotonic. Method.Scorer compiles a method into a
// Scorer, whose Rate is a table lookup. The method carries its rule by
// value (Method.Scoring, a Rule: a stable name and a function): Product()
// and Sum() are built in; a host gives a method its own with
// Method.WithRule(risk.NewRule("acme-weighted", f)), proves it with
// risk/risktest.CheckScoringRule on its own scales, and passes it to
// DecodeMethod or DecodeRegister when it reads a stored method back. Every
// part of the package (validation, queries, heat maps, summaries, exports)
// scores with the method's rule.
//
// A method has a Version and an approval (Approved); each assessment
// records the version it was made with (Assessment.MethodVersion). Risk.Trend
// rates each snapshot with the method of its time and marks a point whose
// band only the method moved (Point.MethodChanged); Compiled.BandChanges
// lists the risks a new method would move, before it is adopted.
//
// # Storage
//
// Risks are stored as the kind KindRisk ("risk"). A Method has no ID of
// its own: each version is stored as a MethodRecord of the kind KindMethod
// ("risk_method"), made by NewMethodRecord with an ID derived from the
// method's name and version (MethodKey) and a Current mark on the method in
// use. isms/dataset saves and loads them with the rest of the ISMS.
//
// # Method JSON
//
// DecodeMethod reads this schema (unknown fields are errors):
//
//	{
//	  "name":        string, required
//	  "version":     string, e.g. "2026-1"
//	  "approved":    {"by": {"role": uuid} | {"person": uuid}, "date": RFC 3339}
//	  "likelihood":  {"name": string, "levels": [{"value": int ≥ 1, "label": string, "description": string}, …]}
//	  "impact":      the same shape as likelihood
//	  "rule":        "product" (default) | "sum" | a host rule's name
//	  "bands":       [{"id": string, "label": string, "colour": "#rrggbb"}, …] lowest first
//	  "thresholds":  [int, …] one per band: the lowest score of each band   } exactly
//	  "grid":        [[cell, …], …] one row per likelihood level, lowest    } one of
//	                 first, one cell per impact level; a cell is a band ID ("high")
//	                 or a band index (2, counted from 0, lowest band first)
//	  "criteria":    {"appetite": band ID, required,
//	                  "authorities": [{"role": uuid, "up_to": band ID, "max_months": int}, …],
//	                  "overdue_grace_days": int}
//	  "control_strength":   decimal in (0, 1], default 0.5
//	  "control_dimensions": [{"control": "8.13", "reduces": "likelihood" | "impact" | "both"}, …]
//	}
//
// A 4×4 grid exported by another tool, with band indexes:
//
//	{
//	  "name": "Imported 4×4",
//	  "likelihood": {"name": "Likelihood", "levels": [{"value": 1, "label": "Unlikely"},
//	    {"value": 2, "label": "Possible"}, {"value": 3, "label": "Likely"}, {"value": 4, "label": "Very likely"}]},
//	  "impact": {"name": "Impact", "levels": [{"value": 1, "label": "Minor"},
//	    {"value": 2, "label": "Moderate"}, {"value": 3, "label": "Major"}, {"value": 4, "label": "Severe"}]},
//	  "bands": [{"id": "low", "label": "Low"}, {"id": "medium", "label": "Medium"}, {"id": "high", "label": "High"}],
//	  "grid": [[0, 0, 1, 1],
//	           [0, 1, 1, 2],
//	           [1, 1, 2, 2],
//	           [1, 2, 2, 2]],
//	  "criteria": {"appetite": "low"}
//	}
//
// Tools that export no appetite produce a method without "criteria"; the
// error says to add "criteria": {"appetite": "<band id>"} and lists the
// band IDs.
//
// # Risks
//
// A Risk is asset-based (assets, threat, vulnerability) or event-based (a
// scenario), names the properties it affects, its owner and requirements,
// and carries three assessments: Inherent, Residual and Target. A residual
// may be derived from the controls applied with DeriveResidual, an exact
// decimal rule that never exceeds the inherent risk. Reassess keeps every
// earlier assessment in History, so Trend shows how a risk moved.
//
// Treatment is one of Modify, Retain, Avoid and Share (treat, tolerate,
// terminate and transfer are synonyms; see ParseOption), with actions that
// have an owner, a due date and the controls they implement. A risk above
// the appetite that is retained needs an Acceptance by a role the criteria
// allow for its band, for at most that role's period, given by the risk
// owner or with the owner's agreement (Acceptance.OwnerAgreement). The risk
// owner approves the treatment plan (Treatment.Approved, clause 6.1.3 f). A
// modify treatment whose open actions are overdue by more than the
// criteria's grace (Criteria.OverdueGraceDays, DefaultOverdueGraceDays)
// leaves the current residual in place, so it needs an acceptance too. A
// residual derived by DeriveResidual is a proposal (Assessment.Derived)
// until the owner confirms or overrides it (Assessment.Confirmed);
// Compiled.Unconfirmed and the Markdown report list the unconfirmed ones.
//
// Loss gives the classic view: SLE × ARO = ALE, in exact decimal Money, as
// the risk stands; InherentLoss and TargetLoss the same before the
// controls in place and once the plan is carried out (LossAt falls back as
// At does), and Treatment.Cost what the plan costs a year, all in one
// currency. risk/quant simulates them and what each plan buys.
//
// A risk may name the supplier it comes from (Supplier: a breach, outage
// or exit of a supplier of the register in package suppliers);
// Register.CheckSuppliers checks the name and BySupplier lists a
// supplier's risks.
//
// # Limits
//
// Every input that drives work has a documented limit, and exceeding one
// is a validation error naming it: a method's scales have at most
// MaxLevels levels with values up to MaxLevelValue, at most MaxBands bands
// and MaxAuthorities acceptance authorities, each for at most
// MaxAcceptanceMonths months; its ControlStrength is above 0 and at most 1
// with at most MaxControlStrengthPlaces decimal places; it maps at most
// MaxControlDimensions controls to dimensions; its overdue grace is at most
// MaxOverdueGraceDays days; a risk has at most MaxAppliedControls applied
// controls. DeriveResidual validates the method
// and the controls first, so no method makes it panic. Heat maps and the
// compiled matrix are therefore at most MaxLevels × MaxLevels cells, and
// every query is linear in the number of risks (Highest keeps a heap).
//
// # Validation
//
// Risk.Validate checks a risk's own fields only (it is what isms.Create
// runs): IDs, a real reference and title, kind, properties, owner, ratings
// that are 0 (not assessed) or within 1..MaxLevelValue, rationales,
// treatment, acceptance and dates. Register.Validate adds the method and
// what depends on it: ratings on the method's scales, residual above
// inherent without a reason, significant risks without a deadline,
// acceptances the criteria do not allow, unique IDs and references.
// Register.CheckRefs checks only the references into other records (the
// organization's context and the control catalogue); a nil catalogue is a
// problem, not a panic.
//
// # Queries, duties and outputs
//
// Register.Compile validates the register once and returns a Compiled
// view whose queries cannot fail and return no error: Highest, ByBand,
// Unaccepted, Unconfirmed, AwaitingApproval, HeatMap, Summarize,
// OverdueActions, ReviewsDue, BandChanges, Trend, ByOwner, ByAsset,
// ByControl and ByTreatment. Lists of risks come as Ranked (index,
// reference, title, grade), so no risk is copied: the whole risk is
// c.Risks[r.Index]. (Register's own ByOwner, ByAsset, ByControl and
// ByTreatment return copies of the risks, for a small register.) They answer a
// management review's questions; each is one pass over compact per-risk
// facts (100,000 risks in milliseconds; see BenchmarkRegister100k). The
// Register methods of the same names compile and then query, for a single
// question. Duties returns the dated work the
// register creates as isms.Duty values; the calendar package turns them
// into activities, so risk does not import calendar. WriteCSV,
// WriteMarkdown and WriteHeatMapSVG take an options struct whose zero
// value means the defaults (MarkdownOptions.Now must be set); every cell
// is escaped by one shared helper, so titles with newlines, pipes,
// formulas, HTML or bidi controls cannot break a table, run in a
// spreadsheet or inject markup. All output is deterministic and
// golden-tested. A risk whose owner set no target shows no target: its
// target columns in the CSV are empty, and the summary counts it under
// "No target set" instead of in the Target column (Risk.At(Target) still
// falls back to the residual for queries). The summary splits the risks
// above the appetite into those being treated on schedule (no acceptance
// needed yet), those accepted and those without a valid acceptance
// (Summary.InTreatment, Accepted, Unaccepted).
//
// # Names
//
// ismskit spells identifiers the ISO (Oxford) way: -ize (Summarize,
// AcceptanceUnauthorized, annualized), otherwise British (colour). Each
// exported name has one meaning across the module: a step on a scale is an
// isms.Level, a cell of the matrix is a Grade; the scoring function is a
// ScoringRule; a field named Risk always holds a risk's ID (like Owner and
// Assets hold references), with Ref beside it for people, and the whole
// risk is reached through the register (Register.Risks[Index]).
package risk
