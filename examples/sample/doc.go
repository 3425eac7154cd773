// Package sample is the sample company of ismskit's domain articles,
// Kestrel Cloud Ltd: a 40-person SaaS company starting ISO 27001. It is a
// public package so that hosts can use a complete, valid ISMS in their own
// tests, and it is what the quickstart tours and the consultant example's
// sample workbook is made from.
//
//	company := sample.Company()                       // the isms.OrgContext
//	reg, err := sample.Register(company)              // five key risks, scored and treated
//	draft, conflicts, err := soa.Generate(sample.SoAInput(company, reg))
//	statement, err := draft.Approve(controls.AnnexA(), sample.Approval(company))
//	pol, err := sample.Policy(company, reg)           // composed and approved
//	plan, err := sample.Plan(company, reg, pol)       // the yearly rhythm with every duty
//	recs := sample.Records()                          // training, audits, incidents, measurements
//	d, err := sample.Dataset()                        // all of it as one dataset.Dataset
//
// # Data and inputs
//
// Company, Register, Implementations, Links, Decisions, Records and Quant
// are the company's data. SoAInput, PolicyInput and PlanOptions are the
// inputs of the engines (soa.Generate, policy.Compose, calendar.DefaultPlan)
// for that data; Approval is the CEO's approval on the Approved day.
//
// # Ready-made documents
//
// SoA, Policy and Plan run those engines and return the approved SoA, the
// approved policy and the full yearly plan, for tests that need a whole
// ISMS; the quickstart makes the same calls one by one.
//
// # Stability
//
// IDs are derived from names, so every call gives the same values and
// golden files stay stable. The company is the domain articles' and
// changes when they do: tests should find its records by ID, reference or
// name, not by position.
package sample
