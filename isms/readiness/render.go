package readiness

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/isms/jsonio"
	"github.com/ismskit/ismskit/workshop"
)

// JSONOptions configures WriteJSON. There are no options yet; the zero
// value means the defaults.
type JSONOptions struct{}

// WriteJSON writes the report as indented JSON, without HTML escaping, in
// the field names of Report and Item. Text is written as it is: JSON
// strings cannot break out of their quotes, and a reader that shows the
// text escapes it for its own medium.
func WriteJSON(w io.Writer, r Report, _ JSONOptions) error {
	return jsonio.Encode(w, r)
}

// MarkdownOptions configures WriteMarkdown. There are no options yet; the
// zero value means the defaults.
type MarkdownOptions struct{}

var symbols = map[Status]string{Met: "✅ met", Partial: "🟡 partial", Stale: "🟠 stale", Missing: "❌ missing"}

// WriteMarkdown writes the report for people: the verdict and its
// blockers first, then the overall figure, the three
// most urgent gaps, where the organisation stands on its roadmap (when the
// report has one), then every item with its evidence and next step. Every
// text goes through cells.Markdown, so no record title or next step can
// break the table, open an HTML tag or reorder what the reader sees.
func WriteMarkdown(w io.Writer, r Report, _ MarkdownOptions) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# ISO/IEC 27001 readiness: %s\n\n", cells.Markdown(r.Organization))
	fmt.Fprintf(&b, "**Verdict: %s.**", strings.ToUpper(cells.Markdown(string(r.Verdict))))
	if len(r.Blockers) > 0 {
		fmt.Fprintf(&b, " %d blockers:\n\n", len(r.Blockers))
		for _, bl := range r.Blockers {
			fmt.Fprintf(&b, "- **%s** (blocks %s; %s): %s\n", cells.Markdown(bl.Rule), cells.Markdown(stageOf(bl.Blocks)), cells.Markdown(strings.Join(bl.Items, ", ")), cells.Markdown(bl.Reason))
		}
		b.WriteString("\n")
	} else {
		b.WriteString(" No verdict rule blocks the stage 2 audit.\n\n")
	}
	fmt.Fprintf(&b, "As of %s: **%s %%** ready (%d met, %d partial, %d stale, %d missing).\n",
		r.At.Format(time.DateOnly), r.Score.StringFixed(1), r.Counts[Met], r.Counts[Partial], r.Counts[Stale], r.Counts[Missing])
	if len(r.Urgent) > 0 {
		b.WriteString("\n## Most urgent\n\n")
		for i, it := range r.Urgent {
			fmt.Fprintf(&b, "%d. **%s %s** (%s): %s\n", i+1, cells.Markdown(it.ID), cells.Markdown(it.Title), cells.Markdown(string(it.Status)), cells.Markdown(it.NextStep))
		}
	}
	if r.Roadmap != nil {
		writeRoadmap(&b, r.Roadmap)
	}
	b.WriteString("\n## Clause by clause\n\n| Item | Status | Evidence | Next step |\n|---|---|---|---|\n")
	for _, it := range r.Items {
		fmt.Fprintf(&b, "| %s %s | %s | %s | %s |\n", cells.Markdown(it.ID), cells.Markdown(it.Title), status(it.Status),
			cells.Markdown(strings.Join(it.Evidence, "; ")), cells.Markdown(it.NextStep))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var stateSymbols = map[workshop.State]string{workshop.Done: "✅ done", workshop.InProgress: "🟡 in progress", workshop.Overdue: "🔴 late", workshop.Upcoming: "⚪ not started"}

// inlineEscaper turns Markdown's inline syntax into literal characters:
// a step title or owner a host passes in the roadmap cannot become a link
// ("[renew](https://…)"), emphasis or code.
var inlineEscaper = strings.NewReplacer("[", `\[`, "]", `\]`, "*", `\*`, "_", `\_`, "`", "\\`")

// inline is cells.Markdown with inline syntax escaped too.
func inline(s string) string { return inlineEscaper.Replace(cells.Markdown(s)) }

// writeRoadmap writes the section "Where you stand on the roadmap": each
// step with its planned dates, state and owner, the next step and its
// owner, and the warnings: steps more than RoadmapLateDays late, and
// certification dates that do not count.
func writeRoadmap(b *strings.Builder, rs *RoadmapStanding) {
	who := func(name string) string {
		if name == "" {
			return "(unassigned)"
		}
		return inline(name)
	}
	b.WriteString("\n## Where you stand on the roadmap\n\n| # | Step | Planned | State | Owner | Note |\n|---|---|---|---|---|---|\n")
	for i, s := range rs.Steps {
		state, ok := stateSymbols[s.State]
		if !ok {
			state = inline(string(s.State))
		}
		fmt.Fprintf(b, "| %d | %s | %s – %s | %s | %s | %s |\n", i+1, inline(s.Title), date(s.Start), date(s.Due), state, who(s.Owner), inline(s.Note))
	}
	b.WriteString("\n")
	if i := slices.IndexFunc(rs.Steps, func(s RoadmapStep) bool { return s.Step == rs.Next }); rs.Next != "" && i >= 0 {
		s := rs.Steps[i]
		fmt.Fprintf(b, "**Next step:** %s, due %s, owner %s.\n", inline(s.Title), date(s.Due), who(s.Owner))
	} else if len(rs.Steps) == 0 {
		b.WriteString("The roadmap has no steps.\n")
	} else {
		b.WriteString("**Every step is done.**\n")
	}
	if len(rs.Warnings) > 0 {
		b.WriteString("\nWarnings (not blockers):\n\n")
		for _, w := range rs.Warnings {
			fmt.Fprintf(b, "- ⚠️ %s\n", inline(w))
		}
	}
}

// stageOf names the audit stage a blocker takes away.
func stageOf(v Verdict) string {
	switch v {
	case ReadyStage1:
		return "stage 1"
	case ReadyStage2:
		return "stage 2"
	}
	return string(v)
}

// status is the symbol and word of a status; a status Assess never gives
// (from a report decoded from elsewhere) is shown as its escaped text.
func status(s Status) string {
	if sym, ok := symbols[s]; ok {
		return sym
	}
	return cells.Markdown(string(s))
}
