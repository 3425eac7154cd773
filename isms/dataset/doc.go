// Package dataset saves and loads the whole ISMS of one organisation in
// one call, over any store of every kind (isms.Tables: isms/memstore,
// isms/sqlstore, or a host's own):
//
//	d := dataset.Dataset{Context: org, Implementations: impls, Methods: []risk.Method{reg.Method},
//		Risks: reg.Risks, Selection: soa.NewSelection(in), SoAs: []soa.SoA{v1},
//		Policies: []policy.Policy{pol}, Activities: plan.Activities, Records: recs}
//	err := dataset.Save(ctx, store, d)                 // one transaction when the store has one
//	d, err = dataset.Load(ctx, store, org.Organization.ID)
//	err = d.CheckRefs(controls.AnnexA())
//
// A Dataset holds one list per storable kind (isms/storetest/kinds lists
// the 30 kinds and their stable storage names): the organisation's
// context, implementation records, the versions of the risk method (the
// current one first), the risks, the SoA selection (the SoA's own inputs:
// document ID, links, decisions, custom controls), every SoA and policy
// edition, the plan's activities, every record of isms/records, the
// supplier register (suppliers) and the process descriptions (processes).
//
// # Save and Load
//
// Save validates the dataset (Validate) and stores nothing if it is
// invalid; then, kind by kind, the organisation's stored records become
// exactly the dataset's (isms.ReplaceAll semantics: new records created,
// stored ones updated at their stored version, the ones the dataset no
// longer holds deleted). When the store is an isms.Transactor, Save runs
// in one InTx: a conflict half-way (another writer changed a record since
// it was read) or a cancelled context keeps nothing. Load reads every kind
// back, in the order Dataset.Sorted gives, inside one InTx when the store
// has one; a dataset saved and loaded equals the original sorted.
//
// # Checks
//
// Validate aggregates every part's own Validate with paths into the
// dataset ("risks[2].inherent.likelihood", "records.audits[0].auditor"),
// the risks checked against the current method, and refuses a list that
// repeats an ID. CheckRefs(cat) aggregates every part's CheckRefs against
// the dataset's own context and the catalogue.
//
// # Limits
//
// A dataset holds at most MaxRecords records of one kind: Validate (and so
// Save) refuses a longer list, naming the limit, and Load stops with an
// error naming it when a store holds more. Each part keeps its own limits
// (a risk method's scales, text lengths, …).
//
// The package sits at the top of the layers beside isms/readiness: it
// imports every domain package and nothing imports it but hosts, examples
// and tests.
package dataset
