package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/ismskit/ismskit/isms"
)

// keyAssetCount is how many assets the summary lists: the domain articles
// start from the 3–5 most important.
const keyAssetCount = 5

// stored says how many records a run stored and where.
type stored struct {
	n     int    // records stored
	where string // "memstore", the SQLite file or "PostgreSQL"; "" in files, which must not depend on it
}

// String is the sentence the summary prints.
func (s stored) String() string {
	if s.where == "" {
		return fmt.Sprintf("%d records stored, read back and validated again.", s.n)
	}
	return fmt.Sprintf("%d records stored in %s, read back and validated again.", s.n, s.where)
}

// writeSummary prints a readable overview of an organisation's context.
// Records come back from a store in ID order, so each list is sorted here
// by what a reader expects.
func writeSummary(w io.Writer, c isms.OrgContext, st stored) error {
	o := c.Organization
	var b strings.Builder
	fmt.Fprintf(&b, "%s: ISMS context\n", o.Name)
	fmt.Fprintf(&b, "%d people (%s organisation), %s, %s\n", o.Headcount, o.Size(), o.Sector, o.Country)

	fmt.Fprintf(&b, "\nScope\n  %s\n", c.Scope.Statement)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, excluded := range []bool{false, true} {
		if excluded {
			fmt.Fprintln(tw, "  Out of scope:")
		} else {
			fmt.Fprintln(tw, "  In scope:")
		}
		for _, it := range c.Scope.Items {
			if it.Excluded == excluded {
				fmt.Fprintf(tw, "    %s\t%s\t%s\n", words(string(it.Kind)), it.Name, it.Justification)
			}
		}
	}
	fmt.Fprintln(tw, "  At the boundary:")
	for _, f := range c.Scope.Interfaces {
		fmt.Fprintf(tw, "    %s\t%s\t%s\n", words(string(f.Kind)), f.Name, f.Exchange)
	}
	tw.Flush()

	key, err := c.KeyAssets(keyAssetCount)
	if err != nil {
		return err
	}
	scales := c.RatingScales()
	fmt.Fprintf(&b, "\nKey assets, most critical first (C/I/A on %s / %s / %s; criticality rule: isms.Criticality)\n",
		scales.Confidentiality.Describe(), scales.Integrity.Describe(), scales.Availability.Describe())
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for i, r := range key {
		a := r.Asset
		fmt.Fprintf(tw, "  %d. %s\t%s\tC%d I%d A%d\tpeak %s, total %s\towner: %s\n", i+1, a.Name, a.Type,
			a.Ratings.Confidentiality, a.Ratings.Integrity, a.Ratings.Availability,
			r.Criticality.Peak.StringFixed(2), r.Criticality.Total.StringFixed(2), c.OwnerName(a.Owner))
	}
	tw.Flush()

	fmt.Fprintf(&b, "\nRoles\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	roles := slices.Clone(c.Roles)
	slices.SortFunc(roles, func(a, b isms.Role) int { return cmp.Compare(a.Name, b.Name) })
	for _, r := range roles {
		var names []string
		for _, h := range r.Holders {
			p, _ := c.Person(h)
			names = append(names, p.Name)
		}
		slices.Sort(names)
		fmt.Fprintf(tw, "  %s\t%s\n", r.Name, strings.Join(names, ", "))
	}
	tw.Flush()

	fmt.Fprintf(&b, "\nAccountability (who answers for it / who does the work)\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	order := map[string]int{}
	for i, a := range isms.StandardAreas() {
		order[a] = i
	}
	resp := slices.Clone(c.Responsibilities)
	slices.SortFunc(resp, func(a, b isms.Responsibility) int {
		return cmp.Or(cmp.Compare(order[a.Area], order[b.Area]), cmp.Compare(a.Area, b.Area))
	})
	for _, r := range resp {
		var doers []string
		for _, id := range r.Responsible {
			role, _ := c.Role(id)
			doers = append(doers, role.Name)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", r.Area, c.OwnerName(isms.OwnedByRole(r.Accountable)), strings.Join(doers, ", "))
	}
	tw.Flush()

	fmt.Fprintf(&b, "\nObjectives (objective: metric, target, deadline, owner)\n")
	objs := slices.Clone(c.Objectives)
	slices.SortFunc(objs, func(a, b isms.Objective) int {
		return cmp.Or(a.Deadline.Compare(b.Deadline), cmp.Compare(a.Title, b.Title))
	})
	for _, x := range objs {
		fmt.Fprintf(&b, "  - %s: %s; %s by %s; %s\n", x.Title, x.Metric, x.Target, x.Deadline.Format("2006-01-02"), c.OwnerName(x.Owner))
	}

	fmt.Fprintf(&b, "\nRequirements of interested parties\n")
	reqs := slices.Clone(c.Requirements)
	slices.SortFunc(reqs, func(a, b isms.Requirement) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Title, b.Title))
	})
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, r := range reqs {
		party, _ := c.Party(r.Party)
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\towner: %s\n", r.Kind, r.Title, r.Source, party.Name, c.OwnerName(r.Owner))
	}
	tw.Flush()

	fmt.Fprintf(&b, "\nValidation: passed. %s\n", st)
	findings := c.Lint(isms.LintOptions{})
	if len(findings) == 0 {
		fmt.Fprintf(&b, "Advice: none; the context follows the domain articles' practice.\n")
	} else {
		fmt.Fprintf(&b, "Advice:\n")
		for _, f := range findings {
			fmt.Fprintf(&b, "  %s\n", f)
		}
	}
	_, err = io.WriteString(w, trimTrailingSpaces(b.String()))
	return err
}

// trimTrailingSpaces drops the blanks tabwriter leaves after an empty last
// column.
func trimTrailingSpaces(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// words turns a snake_case kind into words: "business_unit" → "business unit".
func words(s string) string { return strings.ReplaceAll(s, "_", " ") }
