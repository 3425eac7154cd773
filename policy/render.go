package policy

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/isms"
)

//go:embed templates/policy.html
var htmlFS embed.FS

var htmlTemplate = template.Must(template.New("policy.html").Funcs(template.FuncMap{
	"t":        cells.Text,
	"date":     date,
	"kind":     kindLabel,
	"riskRefs": func(p Policy, pr Principle) string { return riskRefs(p, pr) },
	"carried":  carried,
	"processNames": func(pr Principle) string {
		var names []string
		for _, l := range pr.Processes {
			names = append(names, l.Name)
		}
		return strings.Join(names, "; ")
	},
}).ParseFS(htmlFS, "templates/policy.html"))

// RevisionLine is the one-line version control the domain articles
// recommend at the end of the policy: edition, owner, approver (by the
// name captured at approval), approval date and next review.
func (p Policy) RevisionLine() string {
	r := p.Revision
	approver, approved, next := "not yet approved", "", ""
	if r.Status == isms.Approved {
		approver, approved, next = r.Approval.Name, date(r.Approval.At), date(r.NextReview)
	}
	return fmt.Sprintf("Edition %d · Owner: %s · Approved by: %s · Approved on: %s · Next review: %s",
		r.Edition, orDash(p.OwnerName()), orDash(approver), orDash(approved), orDash(next))
}

// Text is the availability as the policy states it: where the policy is
// published (findable by every employee in under two minutes, as the
// domain article asks), onboarding, and how interested parties outside the
// organisation get it; "" when nothing is recorded.
func (a Availability) Text() string {
	var parts []string
	if loc := strings.TrimSpace(a.Location); loc != "" {
		parts = append(parts, "The policy is published "+strings.TrimSuffix(loc, ".")+", where every employee can find it in under two minutes.")
	}
	if a.Onboarding {
		parts = append(parts, "Every new employee receives it as part of onboarding.")
	}
	if ps := strings.TrimSpace(a.Parties); ps != "" {
		parts = append(parts, ps)
	}
	return strings.Join(parts, " ")
}

// MarkdownOptions configures WriteMarkdown. There are no options yet; the
// zero value means the defaults.
type MarkdownOptions struct{}

// WriteMarkdown renders the policy as Markdown, section by section, ending
// with the revision line. Every text goes through cells.Markdown, so a
// title or name cannot break a table, inject HTML or reorder what the
// reader sees.
func WriteMarkdown(w io.Writer, p Policy, _ MarkdownOptions) error {
	var b strings.Builder
	md := cells.Markdown
	fmt.Fprintf(&b, "# %s\n", md(p.Title))
	section := func(n int, title, body string) {
		fmt.Fprintf(&b, "\n## %d. %s\n\n%s\n", n, title, body)
	}
	section(1, "Purpose", orDash(md(p.Purpose)))
	section(2, "Scope", orDash(md(p.Scope)))

	var obj strings.Builder
	obj.WriteString("| Objective | Metric | Target | Deadline |\n|---|---|---|---|\n")
	for _, o := range p.Objectives {
		fmt.Fprintf(&obj, "| %s | %s | %s | %s |\n", md(o.Title), md(o.Metric), md(o.Target.String()), date(o.Deadline))
	}
	section(3, "Information security objectives", strings.TrimSuffix(obj.String(), "\n"))

	var pr strings.Builder
	pr.WriteString("| Principle | Answers key risks | Metric |\n|---|---|---|\n")
	for _, x := range p.Principles {
		fmt.Fprintf(&pr, "| %s | %s | %s |\n", md(x.Statement), md(riskRefs(p, x)), md(x.Metric))
	}
	var carried []string
	for _, x := range p.Principles {
		var names []string
		for _, l := range x.Processes {
			names = append(names, md(l.Name))
		}
		if len(names) > 0 {
			carried = append(carried, fmt.Sprintf("- %s — %s", md(x.Statement), strings.Join(names, "; ")))
		}
	}
	if len(carried) > 0 {
		pr.WriteString("\nThe processes that carry them out:\n\n" + strings.Join(carried, "\n") + "\n")
	}
	section(4, "Principles", strings.TrimSuffix(pr.String(), "\n"))

	var rs strings.Builder
	for _, r := range p.Responsibilities {
		fmt.Fprintf(&rs, "- **%s**: %s\n", md(r.Name), md(r.Duties))
	}
	section(5, "Roles and responsibilities", strings.TrimSuffix(rs.String(), "\n"))

	var cs strings.Builder
	cs.WriteString("We commit to meeting these legal, regulatory, contractual and internal requirements:\n\n")
	for _, c := range p.Commitments {
		fmt.Fprintf(&cs, "- %s (%s; %s)\n", md(c.Title), md(kindLabel(c.Kind)), md(c.Source))
	}
	section(6, "Commitment to laws, contracts and requirements", strings.TrimSuffix(cs.String(), "\n"))
	improve := orDash(md(p.Monitoring))
	if strings.TrimSpace(p.Improvement) != "" {
		improve += "\n\n" + md(p.Improvement)
	}
	section(7, "Monitoring, review and continual improvement", improve)
	section(8, "Availability and communication", orDash(md(p.Availability.Text())))

	approval := md(p.RevisionLine())
	if p.Revision.Changes != "" {
		approval = "Changes in this edition: " + md(p.Revision.Changes) + "\n\n" + approval
	}
	section(9, "Approval and version control", approval)
	_, err := io.WriteString(w, b.String())
	return err
}

// HTMLOptions configures WriteHTML. There are no options yet; the zero
// value means the defaults.
type HTMLOptions struct{}

// WriteHTML renders the policy as one clean, printable HTML page. Text is
// escaped by html/template, and bidi controls are dropped.
func WriteHTML(w io.Writer, p Policy, _ HTMLOptions) error {
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, p); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// RenderText returns the policy as Markdown; Lint counts its words.
func RenderText(p Policy) string {
	var b strings.Builder
	_ = WriteMarkdown(&b, p, MarkdownOptions{}) // writing to a strings.Builder cannot fail
	return b.String()
}

func riskRefs(p Policy, pr Principle) string {
	var refs []string
	for _, id := range pr.Risks {
		for _, k := range p.KeyRisks {
			if k.Risk == id {
				refs = append(refs, k.Ref+" "+k.Title)
			}
		}
	}
	return strings.Join(refs, "; ")
}

// carried reports whether a principle of the policy names a process that
// carries it out.
func carried(p Policy) bool {
	for _, x := range p.Principles {
		if len(x.Processes) > 0 {
			return true
		}
	}
	return false
}

func kindLabel(k isms.RequirementKind) string { return string(k) }

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
