package processes

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
)

// MarkdownOptions tune WriteMarkdown. The zero value writes owners as IDs
// and leaves the lint out.
type MarkdownOptions struct {
	// Context names the owners.
	Context isms.OrgContext
	// AsOf is the date of the lint section; zero leaves the lint out.
	AsOf time.Time
	// Policy holds the policy's statements for the lint (LintOptions.Policy).
	Policy []string
}

// WriteMarkdown writes the process descriptions as one Markdown document:
// per process its purpose, owner, last review, steps, inputs and outputs,
// evidence and controls, and, when opts.AsOf is set, the lint advice.
// Typed text is made safe for Markdown (internal/cells).
func WriteMarkdown(w io.Writer, reg Register, opts MarkdownOptions) error {
	md := cells.Markdown
	var b strings.Builder
	title := "Process descriptions"
	if n := opts.Context.Organization.Name; n != "" {
		title += ": " + n
	}
	fmt.Fprintf(&b, "# %s\n", md(title))
	for _, p := range inOrder(reg.Processes) {
		fmt.Fprintf(&b, "\n## %s\n\n", md(p.Name))
		if p.Purpose != "" {
			fmt.Fprintf(&b, "%s\n\n", md(p.Purpose))
		}
		owner := opts.Context.OwnerName(p.Owner)
		switch {
		case owner != "":
		case p.Owner.IsZero():
			owner = "none"
		case !p.Owner.Role.IsZero():
			owner = p.Owner.Role.String()
		default:
			owner = p.Owner.Person.String()
		}
		review := "never"
		if !p.LastReview.IsZero() {
			review = p.LastReview.Format(time.DateOnly) + ", next by " + p.LastReview.AddDate(0, ReviewMonths, 0).Format(time.DateOnly)
		}
		fmt.Fprintf(&b, "- Owner: %s\n", md(owner))
		if p.Core != "" {
			fmt.Fprintf(&b, "- Core process: %s\n", strings.ReplaceAll(string(p.Core), "_", " "))
		}
		fmt.Fprintf(&b, "- Last review: %s\n", review)
		list := func(name string, xs []string) {
			if len(xs) > 0 {
				q := make([]string, len(xs))
				for i, x := range xs {
					q[i] = md(x)
				}
				fmt.Fprintf(&b, "- %s: %s\n", name, strings.Join(q, "; "))
			}
		}
		list("Inputs", p.Inputs)
		list("Outputs", p.Outputs)
		list("Evidence (record kinds)", p.Evidence)
		var ctrls []string
		for _, c := range p.Controls {
			ctrls = append(ctrls, string(c))
		}
		list("Controls", ctrls)
		if len(p.Steps) > 0 {
			b.WriteString("\nSteps:\n\n")
			for i, s := range p.Steps {
				fmt.Fprintf(&b, "%d. %s\n", i+1, md(s))
			}
		}
	}
	if !opts.AsOf.IsZero() {
		adv := Lint(reg, opts.AsOf, LintOptions{Policy: opts.Policy})
		fmt.Fprintf(&b, "\n## Lint as of %s: %s\n\n", opts.AsOf.Format(time.DateOnly), plural.N(len(adv), "finding"))
		for _, a := range adv {
			fmt.Fprintf(&b, "- %s `%s`: %s\n", a.Severity, a.Code, md(a.Message)) // the message names the record; the input path is for hosts
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// inOrder returns the processes as the documents list them: the core
// processes in the order of Cores, then the others by name (then ID), so
// the same register gives the same bytes whatever order its records came
// in (a store returns them in ID order).
func inOrder(ps []Process) []Process {
	rank := func(c Core) int {
		if i := slices.Index(cores, c); i >= 0 {
			return i
		}
		return len(cores)
	}
	out := slices.Clone(ps)
	slices.SortStableFunc(out, func(a, b Process) int {
		return cmp.Or(cmp.Compare(rank(a.Core), rank(b.Core)), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID.String(), b.ID.String()))
	})
	return out
}
