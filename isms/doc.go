// Package isms is ismskit's shared kernel and the organisation's context:
// the part of an ISO/IEC 27001:2022 ISMS that every other package builds on.
//
//	ns := isms.NewNamespace("Example Ltd")             // same names, same IDs, every run
//	ceo := isms.DeriveID[isms.Role](ns, "CEO")
//	org := isms.OrgContext{
//		Organization: isms.Organization{ID: isms.DeriveID[isms.Organization](ns, "org"), Name: "Example Ltd", Headcount: 12},
//		Scope:        isms.Scope{ /* what is in and out, each justified */ },
//		Roles:        []isms.Role{{ID: ceo, Name: "CEO", Holders: []isms.PersonID{ann}}},
//		Assets:       []isms.Asset{ /* the few assets that matter, rated C/I/A */ },
//		Objectives:   []isms.Objective{ /* objective – metric – target – deadline – owner */ },
//	}
//	if err := org.Validate(); err != nil { // every problem at once, each with its path
//		for _, v := range isms.ValidationErrors(err) { fmt.Println(v.Path, v.Problem) }
//	}
//	advice := org.Lint(isms.LintOptions{})  // valid but weak: a scope too broad, an area nobody owns
//	_, err := isms.Create(ctx, repo, org.Organization.ID, asset) // validates, then stores
//
// # Identifiers and references
//
// ID[T] is a UUID whose kind shows in signatures (AssetID, RoleID, OrgID,
// …), written in one form only: 8-4-4-4-12 lowercase hex (ParseID refuses
// upper case, braces, "urn:uuid:" and missing dashes). NewID makes a random one; DeriveID with a NewNamespace makes the same
// ID from the same name on every run, which scripts and golden files rely
// on. Records refer to each other by ID. Ownership is a reference, not free
// text: an Owner names one Role or one Person of the context. An empty
// owner, an owner that does not resolve, a role without a holder and a role
// or person named like "the organization", "everyone" or "TBD" are all
// validation errors, each with a message that says what to do.
//
// # The organisation's context
//
// Clauses 4, 5.3 and 6.2: Organization, Scope (business units, services,
// locations, systems and information in and explicitly out, each
// justified; interfaces at the boundary), clause 4.1 Issues (including
// whether climate change is relevant), InterestedParty and their
// Requirements (legal, regulatory, contractual, internal), the Asset
// inventory rated for confidentiality, integrity and availability on
// configurable Scales with the documented Criticality rule and KeyAssets,
// People, Roles and Responsibilities, and measurable Objectives.
// OrgContext bundles them into one value.
//
// # Validation and advice
//
// Every storable record kind (a Record: it has Key and Validate) checks
// its own fields with Validate and reports every problem at once as
// *ValidationError{Path, Problem}, gathered into one error that wraps
// ErrInvalid. Checks that need other records are methods named CheckRefs
// in the package that owns the record (risk.Register.CheckRefs,
// soa.SoA.CheckRefs, records.Records.CheckRefs, …); their arguments are
// what they resolve against, always in the order context, catalogue,
// method. Lint methods return Advice: valid but weak content, each with a
// stable Code ("scope/too-broad") and a Severity. The helpers package
// authors use to write all of these are in authoring.go: Problems,
// JoinPath, Index, CheckDate, Quote, IsPlaceholder, IsCollectiveName, and
// Refs.
//
// Errors are bounded: one lists at most MaxProblems problems, then one
// more at path "" that says how many were left out ("… and 2,999,950
// more"; Omitted returns the number); a message keeps at most
// MaxProblemLength characters; Quote shows at most MaxQuoteRunes
// characters of a value and notes its length. A huge or hostile input
// therefore never makes a huge error.
//
// # Documents and duties
//
// Controlled documents (the SoA, the policy) carry one shared Revision
// block: document and edition, draft or approved, owner, the Approval
// (who, by reference and by name, and when), next review, change summary
// and the content hash that seals an approved edition. Records that create
// dated obligations return Duties (what, kind, due, owner); the calendar
// package turns duties into activities, so no domain package imports it.
//
// # Storage
//
// The Repository contract hosts implement, with optimistic concurrency
// (Version, the storage token), tenant scoping (every call names an OrgID)
// and keyset paging; Create and Update (which accept only Records and
// validate before storing), All and Collect on top of it. isms/memstore is
// the reference implementation and isms/storetest the conformance suite.
// The evidence the ISMS produces as it runs (training, audits, management
// reviews, nonconformities, incidents, measurements) lives in isms/records.
//
// # Time
//
// Clock, with SystemClock for production and FixedClock for tests. Nothing
// in ismskit reads the wall clock on its own: engines take now as a
// parameter.
//
// # Names and JSON
//
// ismskit spells identifiers the way ISO does (Oxford spelling: Organization,
// Summarize, but Catalogue), and gives each exported name one meaning in
// the whole module: Level is a step on a Scale, Severity ranks lint Advice,
// Version is the storage token (a document's number is its Edition). Every
// type encodes to JSON with stable snake_case field names; IDs encode as
// canonical UUID strings and decimals as strings. These encodings are the
// import and export schema hosts and consultants' workbooks use.
package isms
