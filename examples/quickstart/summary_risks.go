package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
)

// writeRiskSummary prints the scored and treated risks, what needs
// attention at the report date, and the files written.
func writeRiskSummary(w io.Writer, c isms.OrgContext, reg risk.Register, statement soa.SoA, pol policy.Policy, plan calendar.Plan, report readiness.Report, losses quant.Result, opts options, files []string) error {
	sc, err := reg.Method.Scorer()
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nRisks (%s; appetite: %s), as of %s\n", reg.Method.Name, reg.Method.Criteria.Appetite, opts.asOf.Format(time.DateOnly))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  ref\trisk\tinherent\tresidual\ttarget\ttreatment\towner\tdeadline")
	for _, r := range reg.Risks {
		var stages []string
		for _, st := range risk.Stages() {
			lvl, err := sc.Rate(r.At(st).Rating)
			if err != nil {
				return err
			}
			stages = append(stages, fmt.Sprintf("%s %d", lvl.Band.Label, lvl.Score))
		}
		deadline := ""
		if d := r.Deadline(); !d.IsZero() {
			deadline = d.Format(time.DateOnly)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Ref, r.Title, stages[0], stages[1], stages[2], r.Treatment.Option, c.OwnerName(r.Owner), deadline)
	}
	tw.Flush()

	sum, err := reg.Summarize(opts.asOf)
	if err != nil {
		return err
	}
	fmt.Fprintf(&b, "  Above the appetite after controls: %d; without a valid acceptance: %d; overdue actions: %d; reviews due: %d.\n",
		sum.AboveAppetite, sum.Unaccepted, sum.OverdueActions, sum.ReviewsDue)
	for _, m := range sum.ALE {
		fmt.Fprintf(&b, "  Annualised loss expectancy: %s.\n", m)
	}
	applicable, excluded, undecided, implemented := 0, 0, 0, 0
	for _, e := range statement.Entries {
		switch {
		case e.Applicable:
			applicable++
			if e.Status == controls.Implemented {
				implemented++
			}
		case e.Undecided:
			undecided++
		default:
			excluded++
		}
	}
	fmt.Fprintf(&b, "\nQuantified (%d simulated years): expected annual loss %s %s (analytic %s); 1 year in 100 above %s %s; within tolerance: %v.\n",
		losses.Years, losses.Mean.StringFixed(0), losses.Currency, losses.Analytic.StringFixed(0), losses.Percentiles[3].Loss.StringFixed(0), losses.Currency, losses.WithinTolerance)

	if statement.Revision.Status == isms.Approved {
		fmt.Fprintf(&b, "\nStatement of Applicability: edition %d, approved by %s on %s\n", statement.Revision.Edition, statement.Revision.Approval.Name, statement.Revision.Approval.At.Format(time.DateOnly))
	} else {
		fmt.Fprintf(&b, "\nStatement of Applicability: edition %d, a DRAFT: %d problems block approval (soa-lint.txt lists them; soa.md and readiness.md say why)\n",
			statement.Revision.Edition, len(soa.Blocking(statement)))
	}
	fmt.Fprintf(&b, "  %d of %d controls applicable (%d implemented), %d excluded, each with its justification, %d undecided.\n",
		applicable, len(statement.Entries), implemented, excluded, undecided)
	if statement.Revision.Hash != "" {
		fmt.Fprintf(&b, "  Content hash %s\n", statement.Revision.Hash)
	}
	findings := statement.Warnings
	if statement.Revision.Status != isms.Approved {
		findings = soa.Lint(statement)
	}
	for _, f := range findings {
		fmt.Fprintf(&b, "  Advice: %s\n", f.Message)
	}

	fmt.Fprintf(&b, "\nPolicy: %s\n  %d objectives, %d principles answering %d key risks, %d roles, %d commitments; %d words.\n",
		pol.RevisionLine(), len(pol.Objectives), len(pol.Principles), len(pol.KeyRisks), len(pol.Responsibilities), len(pol.Commitments), policy.WordCount(policy.RenderText(pol)))
	fmt.Fprintf(&b, "  Lint: %s as of %s.\n", plural.N(len(policy.Lint(pol, opts.asOf, policy.LintOptions{Context: c})), "finding"), opts.asOf.Format(time.DateOnly))
	for _, d := range pol.Duties() {
		fmt.Fprintf(&b, "  Due %s: %s (%s).\n", d.Due.Format(time.DateOnly), d.Title, c.OwnerName(d.Owner))
	}

	fmt.Fprintf(&b, "\nYearly plan: %d activities.\n", len(plan.Activities))
	for _, o := range plan.Overdue(sample.Workshop, opts.asOf) {
		fmt.Fprintf(&b, "  Overdue since %s: %s (%s)\n", o.Due.Format(time.DateOnly), o.Title, o.Owner)
	}
	fmt.Fprintf(&b, "  Due in the 60 days from %s:\n", opts.asOf.Format(time.DateOnly))
	for _, o := range plan.DueWithin(opts.asOf, 60*24*time.Hour) {
		fmt.Fprintf(&b, "  %s  %s (%s, %s)\n", o.Due.Format("2006-01-02 15:04"), o.Title, o.Owner, o.State)
	}

	fmt.Fprintf(&b, "\nVerdict: %s (%d blockers)\n", strings.ToUpper(string(report.Verdict)), len(report.Blockers))
	for _, bl := range report.Blockers {
		fmt.Fprintf(&b, "  - %s (blocks %s): %s\n", bl.Rule, strings.TrimPrefix(string(bl.Blocks), "ready for "), bl.Reason)
	}
	fmt.Fprintf(&b, "Readiness for the certification audit: %s %% (%d met, %d partial, %d stale, %d missing). Most urgent:\n",
		report.Score.StringFixed(1), report.Counts[readiness.Met], report.Counts[readiness.Partial], report.Counts[readiness.Stale], report.Counts[readiness.Missing])
	for i, it := range report.Urgent {
		fmt.Fprintf(&b, "  %d. %s %s: %s\n", i+1, it.ID, it.Title, it.NextStep)
	}

	fmt.Fprintf(&b, "\nFiles:\n")
	for _, f := range files {
		fmt.Fprintf(&b, "  %s\n", f)
	}
	_, err = io.WriteString(w, trimTrailingSpaces(b.String()))
	return err
}
