package suppliers

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/cells"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
)

// CSVOptions tune WriteCSV. The zero value writes asset and owner IDs
// (no context to name them) and tiers read from an empty context.
type CSVOptions struct {
	// Context names owners and assets and rates assets for the tier.
	Context isms.OrgContext
}

// MarkdownOptions tune WriteMarkdown; the zero value is as CSVOptions'.
type MarkdownOptions struct {
	Context isms.OrgContext
	// AsOf is the date of the lint section; zero leaves the lint out.
	AsOf time.Time
	// Risks lists, per supplier, the risks of the register it is the
	// source of (e.g. "R-3 A cloud outage halts customers' work"; see
	// risk.Register.BySupplier), shown in a section of their own.
	Risks map[ID][]string
}

var csvColumns = []string{"supplier", "tier", "owner", "services", "cloud", "assets", "data", "personal_data", "access",
	"processing_agreement", "notification_hours", "right_to_audit", "subprocessors", "exit_return",
	"certificates", "last_assessment", "outcome", "next_assessment", "exit_plan"}

// WriteCSV writes the register as CSV, one row per supplier, with the
// derived tier and next assessment. Typed text is made safe for
// spreadsheets (internal/cells), so a name starting with "=" runs no
// formula.
func WriteCSV(w io.Writer, reg Register, opts CSVOptions) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	v := newView(opts.Context)
	c := cells.CSV
	for _, s := range inOrder(reg.Suppliers) {
		r := v.row(s)
		rec := []string{c(s.Name), string(r.tier), c(r.owner), c(strings.Join(s.Services, "; ")), yes(s.Cloud), c(r.assets), c(r.data), yes(s.PersonalData()),
			c(r.access), yes(s.Contract.ProcessingAgreement), hours(s.Contract.NotificationHours), yes(s.Contract.RightToAudit),
			c(s.Contract.Subprocessors), yes(s.Contract.ExitReturn), c(r.certs), r.last, c(r.outcome), r.next, c(s.ExitPlan)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteMarkdown writes the register as a Markdown document: a table of the
// suppliers with tier, services, what they touch, safeguards, assurance and
// next assessment, the reasons for each tier, and, when opts.AsOf is set,
// the lint advice.
func WriteMarkdown(w io.Writer, reg Register, opts MarkdownOptions) error {
	v := newView(opts.Context)
	md := cells.Markdown
	var b strings.Builder
	title := "Supplier register"
	if n := opts.Context.Organization.Name; n != "" {
		title += ": " + n
	}
	fmt.Fprintf(&b, "# %s\n\n", md(title))
	fmt.Fprintf(&b, "%s. The tier follows from what each supplier touches (the reasons are below); critical suppliers are assessed every %d months, important every %d, standard every %d.\n\n",
		plural.N(len(reg.Suppliers), "supplier"), AssessCriticalMonths, AssessImportantMonths, AssessStandardMonths)
	b.WriteString("| Supplier | Tier | Owner | Services | Touches | Access | Agreement | Assurance | Last assessment | Next due |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, s := range inOrder(reg.Suppliers) {
		r := v.row(s)
		if _, assessed := s.LastAssessment(); !assessed && r.next != "" {
			r.next += " (never assessed)"
		}
		if n := s.NextAssessment(r.tier); !opts.AsOf.IsZero() && !n.IsZero() && !n.After(opts.AsOf) {
			r.next += " **overdue**"
		}
		touches := strings.Trim(r.assets+"; "+r.data, "; ")
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", md(s.Name), r.tier, md(r.owner), md(strings.Join(s.Services, "; ")),
			md(touches), md(r.access), md(agreement(s.Contract)), md(r.certs), md(strings.TrimSpace(r.last+" "+r.outcome)), r.next)
	}
	b.WriteString("\n## Why each tier\n\n")
	for _, s := range inOrder(reg.Suppliers) {
		cl := classify(s, v.assets, v.scales)
		fmt.Fprintf(&b, "- **%s** (%s): %s\n", md(s.Name), cl.Tier, md(strings.Join(cl.Reasons, "; ")))
	}
	if len(opts.Risks) > 0 {
		var lines []string
		for _, s := range inOrder(reg.Suppliers) {
			if rs := opts.Risks[s.ID]; len(rs) > 0 {
				lines = append(lines, fmt.Sprintf("- **%s**: %s\n", md(s.Name), md(strings.Join(rs, "; "))))
			}
		}
		if len(lines) > 0 {
			b.WriteString("\n## Risks that come from suppliers\n\n")
			b.WriteString(strings.Join(lines, ""))
		}
	}
	var exits []Supplier
	for _, s := range inOrder(reg.Suppliers) {
		if s.Cloud {
			exits = append(exits, s)
		}
	}
	if len(exits) > 0 {
		b.WriteString("\n## Exit plans for cloud services (5.23)\n\n")
		for _, s := range exits {
			plan := strings.TrimSpace(s.ExitPlan)
			if plan == "" {
				plan = "none"
			}
			tested := "never tested"
			if !s.ExitPlanTested.IsZero() {
				tested = "tested " + s.ExitPlanTested.Format(time.DateOnly)
			}
			fmt.Fprintf(&b, "- **%s**: %s (%s)\n", md(s.Name), md(plan), tested)
		}
	}
	if !opts.AsOf.IsZero() {
		adv := Lint(reg, opts.Context, opts.AsOf, LintOptions{})
		fmt.Fprintf(&b, "\n## Lint as of %s: %s\n\n", opts.AsOf.Format(time.DateOnly), plural.N(len(adv), "finding"))
		for _, a := range adv {
			fmt.Fprintf(&b, "- %s `%s`: %s\n", a.Severity, a.Code, md(a.Message)) // the message names the record; the input path is for hosts
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// view resolves names and tiers for the writers.
type view struct {
	c      isms.OrgContext
	assets map[isms.AssetID]isms.Asset
	scales isms.RatingScales
}

func newView(c isms.OrgContext) view {
	return view{c: c, assets: assetIndex(c), scales: c.RatingScales()}
}

type row struct {
	tier                                              Tier
	owner, assets, data, access, certs, last, outcome string
	next                                              string
}

func (v view) row(s Supplier) row {
	r := row{tier: classify(s, v.assets, v.scales).Tier}
	r.owner = v.c.OwnerName(s.Owner)
	if r.owner == "" {
		r.owner = cmpOr(s.Owner.Role.String(), s.Owner.Person.String())
	}
	var as, ds, acc, cs []string
	for _, id := range s.Assets {
		if a, ok := v.assets[id]; ok {
			as = append(as, a.Name)
		} else {
			as = append(as, id.String())
		}
	}
	for _, d := range s.Data {
		n := d.Name
		switch {
		case d.Special:
			n += " (special personal data)"
		case d.Personal:
			n += " (personal data)"
		}
		ds = append(ds, n)
	}
	for _, a := range s.Access {
		x := strings.ReplaceAll(string(a.Kind), "_", "-")
		if a.Description != "" {
			x += ": " + a.Description
		}
		if !a.Reviewed.IsZero() {
			x += ", reviewed " + a.Reviewed.Format(time.DateOnly)
		}
		acc = append(acc, x)
	}
	for _, c := range s.Certificates {
		cs = append(cs, c.Scheme+" until "+c.Expires.Format(time.DateOnly))
	}
	r.assets, r.data, r.access, r.certs = strings.Join(as, "; "), strings.Join(ds, "; "), strings.Join(acc, "; "), strings.Join(cs, "; ")
	if a, ok := s.LastAssessment(); ok {
		r.last, r.outcome = a.Date.Format(time.DateOnly), string(a.Outcome)
	}
	if n := s.NextAssessment(r.tier); !n.IsZero() {
		r.next = n.Format(time.DateOnly)
	}
	return r
}

func agreement(c Contract) string {
	var out []string
	if c.Confidentiality {
		out = append(out, "confidentiality")
	}
	if c.ProcessingAgreement {
		out = append(out, "DPA")
	}
	if c.NotificationHours > 0 {
		out = append(out, "incidents within "+strconv.Itoa(c.NotificationHours)+" h")
	}
	if c.RightToAudit {
		out = append(out, "right to audit")
	}
	if c.ExitReturn {
		out = append(out, "data returned on exit")
	}
	if len(out) == 0 {
		return "no safeguards recorded"
	}
	return strings.Join(out, ", ")
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func hours(h int) string {
	if h == 0 {
		return ""
	}
	return strconv.Itoa(h)
}

func cmpOr(a, b string) string {
	if a != "" && a != (isms.RoleID{}).String() {
		return a
	}
	return b
}

// inOrder returns the suppliers as the documents list them: by name, then
// ID, so the same register gives the same bytes whatever order its records
// came in (a store returns them in ID order).
func inOrder(ss []Supplier) []Supplier {
	out := slices.Clone(ss)
	slices.SortStableFunc(out, func(a, b Supplier) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID.String(), b.ID.String()))
	})
	return out
}
