package readiness

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/jsonio"
)

// WriteJSON writes the report as indented JSON.
func WriteJSON(w io.Writer, r Report) error {
	return jsonio.Encode(w, r)
}

var symbols = map[Status]string{Met: "✅ met", Partial: "🟡 partial", Stale: "🟠 stale", Missing: "❌ missing"}

// WriteMarkdown writes the report for people: the overall figure, the three
// most urgent gaps, then every item with its evidence and next step.
func WriteMarkdown(w io.Writer, r Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# ISO/IEC 27001 readiness: %s\n\n", md(r.Organization))
	fmt.Fprintf(&b, "As of %s: **%s %%** ready (%d met, %d partial, %d stale, %d missing).\n",
		r.At.Format(time.DateOnly), r.Score.StringFixed(1), r.Counts[Met], r.Counts[Partial], r.Counts[Stale], r.Counts[Missing])
	if len(r.Urgent) > 0 {
		b.WriteString("\n## Most urgent\n\n")
		for i, it := range r.Urgent {
			fmt.Fprintf(&b, "%d. **%s %s** (%s): %s\n", i+1, it.ID, md(it.Title), it.Status, md(it.NextStep))
		}
	}
	b.WriteString("\n## Clause by clause\n\n| Item | Status | Evidence | Next step |\n|---|---|---|---|\n")
	for _, it := range r.Items {
		fmt.Fprintf(&b, "| %s %s | %s | %s | %s |\n", it.ID, md(it.Title), symbols[it.Status], md(strings.Join(it.Evidence, "; ")), md(it.NextStep))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func md(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ") }
