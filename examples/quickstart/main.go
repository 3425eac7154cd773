// Command quickstart builds the sample company of ismskit's domain articles
// (a 40-person SaaS company starting ISO 27001) end to end: it stores the
// ISMS (context, risk method, scored and treated key risks, implementation
// records, the SoA's decisions, records) in one unit of work, reads it back
// and validates it, makes the policy, the SoA and the plan from what it
// read and stores them too, prints a short summary, and writes the files a
// consultant hands over into a folder:
//
//	go run ./examples/quickstart                   # memstore; writes ./out
//	go run ./examples/quickstart -out report       # writes ./report
//	go run ./examples/quickstart -db ismskit.db    # keeps the ISMS in an SQLite file
//	go run ./examples/quickstart -db postgres://…  # or in PostgreSQL
//
// Without -db the records live in the in-memory reference store
// (isms/memstore) for the run; with -db they are kept in the database
// (isms/sqlstore) and a second run updates them in place. Either way the
// deliverables are made from the records read back, and are the same.
//
// The files are written all or nothing (a temporary folder beside -out,
// renamed into place); an existing -out folder is replaced only when it
// holds nothing but the files of a previous run.
//
// Files: context-summary.txt, risk-register.csv, risk-summary.md, heatmap-inherent.svg,
// heatmap-residual.svg, soa.csv, soa.md, soa-lint.txt, policy.md, policy.html,
// policy-lint.txt, plan-lint.txt, calendar.ics (the yearly plan), readiness.md, and the
// Monte Carlo loss analysis: loss-exceedance.svg and quant-summary.md, and
// ismskit.xlsx, one workbook with a sheet per deliverable (risks, heat
// maps, method, SoA, SoA by theme, readiness; module
// github.com/ismskit/ismskit/xlsx). The run is reproducible: the same -date
// gives byte-identical output.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
)

// options are the command-line settings.
type options struct {
	out  string    // folder the files are written to
	asOf time.Time // the date the report is "as of"
	db   string    // "" (memstore), an SQLite file, or a postgres:// URL
}

func main() {
	opts, err := parseFlags(os.Args[1:], os.Stderr)
	if err != nil {
		os.Exit(2)
	}
	if err := run(context.Background(), os.Stdout, opts); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "out", "folder to write the files into")
	asOf := fs.String("date", "2026-12-01", "the report date (YYYY-MM-DD)")
	db := fs.String("db", "", "keep the ISMS in this SQLite file (or postgres:// URL) instead of memory")
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "unexpected argument %q: flags only (-out, -date, -db)\n", fs.Arg(0))
		return options{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	d, err := time.Parse(time.DateOnly, *asOf)
	if err != nil {
		fmt.Fprintf(stderr, "-date: %v\n", err)
		return options{}, err
	}
	return options{out: *out, asOf: d, db: *db}, nil
}

func run(ctx context.Context, w io.Writer, opts options) error {
	// 1. What the client and the consultant write down: the context, the
	// risk method and the scored key risks, the implementation records,
	// the SoA's links and decisions, and the records of the ISMS at work
	// (store.go). Kept in one unit of work and read back: everything below
	// is made from what the store returned.
	inputs, err := sampleInputs()
	if err != nil {
		return err
	}
	st, where, closeStore, err := openStore(ctx, opts.db)
	if err != nil {
		return err
	}
	defer closeStore()
	kept, err := keep(ctx, st, inputs)
	if err != nil {
		return err
	}

	// 2. The context and the register the documents are made from; a
	// store returns records in ID order, the register reads by reference.
	loaded, reg := kept.Context, kept.Register()
	slices.SortFunc(reg.Risks, func(a, b risk.Risk) int { return controls.CompareIDs(controls.ID(a.Ref), controls.ID(b.Ref)) })

	// 3. The policy: composed from the context and the key risks, approved
	// by the CEO (a reference to the role, shown by name); policy.Lint's
	// advice goes into policy-lint.txt.
	approval := loaded.Approval(sample.RoleOwner("CEO"), sample.Approved)
	composed, err := policy.Compose(sample.PolicyInput(loaded, reg))
	if err != nil {
		return err
	}
	pol, err := composed.Approve(approval)
	if err != nil {
		return err
	}

	// 4. The Statement of Applicability: generated from the risks, the
	// requirements, the implementation records, the decisions and the
	// approved policy (which implements 5.1), then approved by the CEO.
	// An SoA that cannot be approved yet (an undecided control, an
	// exclusion whose justification does not hold) stays a draft: every
	// deliverable is still written, the SoA lists what blocks approval and
	// soa-lint.txt every finding.
	in := kept.Selection.Apply(sample.SoAInput(loaded, reg)) // the stored links and decisions; its Documents: the approved policy
	in.Implementations = kept.Implementations
	draft, conflicts, err := soa.Generate(in)
	if err != nil {
		return err
	}
	if len(conflicts) > 0 {
		return fmt.Errorf("the SoA has %d conflicts, first: %s %s", len(conflicts), conflicts[0].Control, conflicts[0].Problem)
	}
	statement := draft
	if len(soa.Blocking(draft)) == 0 {
		if statement, err = draft.Approve(controls.AnnexA(), approval); err != nil {
			return err
		}
	}

	// 5. The supplier register (5.19–5.23) and the four core process
	// descriptions, checked against the context and the catalogue; the
	// register and the processes are evidence in the SoA above
	// (sample.SoAInput) and write suppliers.md, suppliers.csv and
	// processes.md.
	sup, procs := kept.SupplierRegister(), kept.ProcessRegister()
	if err := errors.Join(sup.Validate(), sup.CheckRefs(loaded), procs.Validate(), procs.CheckRefs(loaded, controls.AnnexA())); err != nil {
		return fmt.Errorf("the suppliers or processes are invalid: %w", err)
	}

	// 6. The yearly rhythm: the default SME plan plus the duties the risks,
	// the policy, the objectives, the suppliers (assessments, certificate
	// renewals ahead of expiry) and the processes (yearly reviews) create.
	plan, err := calendar.DefaultPlan(sample.PlanYear, sample.PlanOptions())
	if err != nil {
		return err
	}
	plan.Name = loaded.Organization.Name + " ISMS plan"
	duties := slices.Concat(reg.Duties(), pol.Duties(), loaded.Duties(), sup.Duties(loaded), procs.Duties())
	items, err := calendar.FromDuties(duties, calendar.DutyOptions{TZ: sample.TZ, Names: loaded.OwnerName})
	if err != nil {
		return err
	}
	// The records complete the plan: a held audit, management review or
	// training round closes its planned occurrence.
	plan = plan.Add(items...).Hold(calendar.HeldFrom(kept.Records)...)
	if err := plan.Validate(); err != nil {
		return err
	}

	// 7. Readiness for the certification audit, and the Monte Carlo loss
	// analysis.
	report := readiness.Assess(readiness.Input{
		Context: loaded, Records: kept.Records, Register: reg, Implementations: kept.Implementations,
		SoA: &statement, Policy: &pol, Plan: &plan, Processes: procs, Suppliers: sup,
	}, opts.asOf)
	quantIn := sample.Quant()
	quantIn.Treatments = sample.QuantTreatments()
	losses, err := quant.Simulate(quantIn)
	if err != nil {
		return err
	}

	// 7. The approved documents and the plan join the ISMS in the store:
	// one more unit of work, which a second run repeats in place.
	kept.SoAs, kept.Policies, kept.Activities = []soa.SoA{statement}, []policy.Policy{pol}, plan.Activities
	if _, err := keep(ctx, st, kept); err != nil {
		return err
	}
	n := kept.Count()

	files, err := writeFiles(opts, deliver.Bundle{
		Context: loaded, Register: reg, SoA: statement, Policy: pol, Plan: plan, Report: report, Quant: &losses,
		Suppliers: sup, Processes: procs, AsOf: opts.asOf,
	}, n)
	if err != nil {
		return err
	}
	if err := closeStore(); err != nil {
		return fmt.Errorf("close %s: %w", where, err)
	}
	if err := writeSummary(w, loaded, stored{n, where}); err != nil {
		return err
	}
	return writeRiskSummary(w, loaded, reg, statement, pol, plan, report, losses, opts, files)
}
