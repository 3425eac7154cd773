// Package sample is the sample company of ismskit's domain articles,
// Kestrel Cloud Ltd: a 40-person SaaS company starting ISO 27001, with its
// context, key risks, implementation records, SoA inputs, policy, yearly
// plan and records. The quickstart tours it, the consultant example's
// sample workbook is made from it, and tests use it as a complete ISMS.
// IDs are derived from names, so every use gives the same values.
package sample
