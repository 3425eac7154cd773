package policy

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

//go:embed templates/policy.html
var htmlFS embed.FS

var htmlTemplate = template.Must(template.New("policy.html").Funcs(template.FuncMap{
	"date":     date,
	"kind":     kindLabel,
	"riskRefs": func(p Policy, pr Principle) string { return riskRefs(p, pr) },
}).ParseFS(htmlFS, "templates/policy.html"))

// VersionLine is the one-line version control the domain articles
// recommend at the end of the policy.
func (p Policy) VersionLine() string {
	approver, approved, next := "not yet approved", "", ""
	if p.Status == Approved {
		approver, approved, next = p.Approver, date(p.ApprovedAt), date(p.NextReview)
	}
	return fmt.Sprintf("Version %d · Owner: %s · Approved by: %s · Approved on: %s · Next review: %s",
		p.Version, orDash(p.Owner), orDash(approver), orDash(approved), orDash(next))
}

// WriteMarkdown renders the policy as Markdown, section by section, ending
// with the version line.
func WriteMarkdown(w io.Writer, p Policy) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", p.Title)
	section := func(n int, title, body string) {
		fmt.Fprintf(&b, "\n## %d. %s\n\n%s\n", n, title, body)
	}
	section(1, "Purpose", orDash(p.Purpose))
	section(2, "Scope", orDash(p.Scope))

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
	section(4, "Principles", strings.TrimSuffix(pr.String(), "\n"))

	var rs strings.Builder
	for _, r := range p.Responsibilities {
		fmt.Fprintf(&rs, "- **%s**: %s\n", r.Name, r.Duties)
	}
	section(5, "Roles and responsibilities", strings.TrimSuffix(rs.String(), "\n"))

	var cs strings.Builder
	cs.WriteString("We commit to meeting these legal, regulatory, contractual and internal requirements:\n\n")
	for _, c := range p.Commitments {
		fmt.Fprintf(&cs, "- %s (%s; %s)\n", c.Title, kindLabel(c.Kind), c.Source)
	}
	section(6, "Commitment to laws, contracts and requirements", strings.TrimSuffix(cs.String(), "\n"))
	section(7, "Monitoring, review and continuous improvement", orDash(p.Monitoring))

	approval := p.VersionLine()
	if p.Changes != "" {
		approval = "Changes in this version: " + p.Changes + "\n\n" + approval
	}
	section(8, "Approval and version control", approval)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteHTML renders the policy as one clean, printable HTML page.
func WriteHTML(w io.Writer, p Policy) error {
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
	_ = WriteMarkdown(&b, p) // writing to a strings.Builder cannot fail
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

func md(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ") }
