// Package isms is ismskit's shared kernel and the organisation's context:
// the part of an ISO/IEC 27001:2022 ISMS that every other package builds on.
//
// # What lives here
//
//   - Identifiers: ID[T] is a UUID whose kind shows in signatures
//     (AssetID, RoleID, OrgID, …). NewID makes a random one; DeriveID with a
//     NewNamespace makes the same ID from the same name on every run, which
//     scripts and golden files rely on. Records refer to each other by ID.
//   - Time: Clock, with SystemClock for production and FixedClock for tests.
//     Nothing in ismskit reads the wall clock on its own.
//   - The context of the organisation (clauses 4, 5.3, 6.2): Organization,
//     Scope (business units, services, locations, systems and information in
//     and explicitly out, each justified; interfaces at the boundary),
//     clause 4.1 Issues (including whether climate change is relevant),
//     InterestedParty and their Requirements (legal, regulatory,
//     contractual, internal, each with a source and an owner), the Asset
//     inventory rated for confidentiality, integrity and availability on
//     configurable Scales, People, Roles and Responsibilities, and measurable
//     Objectives (objective – metric – target – deadline – owner).
//     OrgContext bundles them into one value.
//   - Rules over that context: Validate methods that report every problem at
//     once; Lint methods that give advice on valid but weak content (a first
//     scope too broad for the company's size, an area nobody is accountable
//     for, too few or too many objectives); the documented Criticality rule
//     and KeyAssets, the few assets a first risk assessment starts from.
//   - Errors: ValidationError (a field path and a problem) gathered by
//     Problems into one error per call; the sentinels ErrNotFound,
//     ErrConflict and ErrInvalid, tested with errors.Is.
//   - Storage: the Repository contract hosts implement, with optimistic
//     concurrency (Version), tenant scoping (every call names an OrgID) and
//     keyset paging; Create, Update, All and Collect on top of it.
//     isms/memstore is the reference implementation and isms/storetest the
//     conformance suite.
//
// # Owners
//
// Accountability is the heart of an ISMS, so ownership is a reference, not
// free text: an Owner names one Role or one Person of the context. An empty
// owner, an owner that does not resolve, a role without a holder and a role
// or person named like "the organization", "everyone" or "TBD" are all
// validation errors, each with a message that says what to do.
//
// # JSON
//
// Every type encodes to JSON with stable snake_case field names; IDs encode
// as canonical UUID strings and decimals as strings. These encodings are the
// import and export schema that hosts and consultants' workbooks use.
package isms
