// Package deliver renders the files a consultant hands to a client — risk
// register, heat maps, SoA and its lint, policy, yearly plan, readiness report — from a
// built ISMS, and writes them into a folder. The quickstart and the
// consultant example share it.
package deliver

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/calendar"
	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/readiness"
	"github.com/ismskit/ismskit/oscal"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/suppliers"
)

// Bundle is a built ISMS ready to render.
type Bundle struct {
	Context  isms.OrgContext
	Register risk.Register
	SoA      soa.SoA
	Policy   policy.Policy
	Plan     calendar.Plan
	Report   readiness.Report
	// Quant is the quantitative analysis, when there is one.
	Quant *quant.Result
	// Suppliers and Processes, when they hold any entry, are written as
	// suppliers.md, suppliers.csv and processes.md.
	Suppliers suppliers.Register
	Processes processes.Register
	AsOf      time.Time
}

// File is one rendered deliverable. Name is a path relative to the
// deliverables folder with "/" between its parts ("oscal/ssp.json").
type File struct {
	Name string
	Data []byte
}

// renderer makes one file.
type renderer struct {
	name   string
	render func(*bytes.Buffer) error
}

// Files renders every deliverable in a fixed order. It renders everything
// before anything is written, so an error leaves no half-written folder.
func Files(b Bundle) ([]File, error) {
	heatmap := func(s risk.Stage, title string) func(*bytes.Buffer) error {
		return func(w *bytes.Buffer) error {
			hm, err := b.Register.HeatMap(s)
			if err != nil {
				return err
			}
			return risk.WriteHeatMapSVG(w, hm, risk.SVGOptions{Title: title})
		}
	}
	name := b.Context.Organization.Name
	renders := []renderer{
		{"risk-register.csv", func(w *bytes.Buffer) error {
			return risk.WriteCSV(w, b.Register, risk.CSVOptions{Context: b.Context, Suppliers: b.Suppliers})
		}},
		{"risk-summary.md", func(w *bytes.Buffer) error {
			return risk.WriteMarkdown(w, b.Register, risk.MarkdownOptions{Context: b.Context, Now: b.AsOf, Top: 5, Suppliers: b.Suppliers})
		}},
		{"heatmap-inherent.svg", heatmap(risk.Inherent, name+": inherent risk")},
		{"heatmap-residual.svg", heatmap(risk.Residual, name+": residual risk")},
		{"soa.csv", func(w *bytes.Buffer) error { return soa.WriteCSV(w, b.SoA, soa.CSVOptions{}) }},
		{"soa.md", func(w *bytes.Buffer) error { return soa.WriteMarkdown(w, b.SoA, soa.MarkdownOptions{}) }},
		{"soa-lint.txt", func(w *bytes.Buffer) error { return soa.WriteLint(w, b.SoA, soa.LintOptions{}) }},
		{"policy.md", func(w *bytes.Buffer) error { return policy.WriteMarkdown(w, b.Policy, policy.MarkdownOptions{}) }},
		{"policy.html", func(w *bytes.Buffer) error { return policy.WriteHTML(w, b.Policy, policy.HTMLOptions{}) }},
		{"policy-lint.txt", func(w *bytes.Buffer) error {
			_, err := w.WriteString(LintReport(b.Policy, b.Context, b.AsOf))
			return err
		}},
		{"plan-lint.txt", func(w *bytes.Buffer) error {
			_, err := w.WriteString(PlanLintReport(b.Plan, b.AsOf))
			return err
		}},
		{"calendar.ics", func(w *bytes.Buffer) error {
			return calendar.WriteICS(w, b.Plan, calendar.ICSOptions{Now: b.AsOf})
		}},
		{"readiness.md", func(w *bytes.Buffer) error { return readiness.WriteMarkdown(w, b.Report, readiness.MarkdownOptions{}) }},
		{"readiness.json", func(w *bytes.Buffer) error { return readiness.WriteJSON(w, b.Report, readiness.JSONOptions{}) }},
		{"oscal/catalog.json", func(w *bytes.Buffer) error {
			doc, err := oscal.Catalog(controls.AnnexA(), oscal.CatalogOptions{LastModified: b.AsOf, Additional: b.SoA.Additional})
			if err != nil {
				return err
			}
			return oscal.WriteCatalog(w, doc, oscal.JSONOptions{})
		}},
		{"oscal/profile.json", func(w *bytes.Buffer) error {
			doc, err := oscal.Profile(b.SoA, oscal.ProfileOptions{})
			if err != nil {
				return err
			}
			return oscal.WriteProfile(w, doc, oscal.JSONOptions{})
		}},
		{"oscal/ssp.json", func(w *bytes.Buffer) error {
			doc, err := oscal.SSP(b.SoA, b.Context, oscal.SSPOptions{})
			if err != nil {
				return err
			}
			return oscal.WriteSSP(w, doc, oscal.JSONOptions{})
		}},
	}
	if len(b.Suppliers.Suppliers) > 0 {
		renders = append(renders,
			renderer{"suppliers.md", func(w *bytes.Buffer) error {
				return suppliers.WriteMarkdown(w, b.Suppliers, suppliers.MarkdownOptions{Context: b.Context, AsOf: b.AsOf, Risks: supplierRisks(b.Register)})
			}},
			renderer{"suppliers.csv", func(w *bytes.Buffer) error {
				return suppliers.WriteCSV(w, b.Suppliers, suppliers.CSVOptions{Context: b.Context})
			}},
		)
	}
	if len(b.Processes.Processes) > 0 {
		var principles []string
		for _, p := range b.Policy.Principles {
			principles = append(principles, p.Statement)
		}
		renders = append(renders, renderer{"processes.md", func(w *bytes.Buffer) error {
			return processes.WriteMarkdown(w, b.Processes, processes.MarkdownOptions{Context: b.Context, AsOf: b.AsOf, Policy: principles})
		}})
	}
	if q := b.Quant; q != nil {
		renders = append(renders,
			renderer{"loss-exceedance.svg", func(w *bytes.Buffer) error {
				return quant.WriteSVG(w, *q, quant.SVGOptions{Title: name + ": annual loss exceedance"})
			}},
			renderer{"quant-summary.md", func(w *bytes.Buffer) error { return quant.WriteMarkdown(w, *q, quant.MarkdownOptions{}) }},
		)
	}
	out := make([]File, 0, len(renders))
	for _, r := range renders {
		var w bytes.Buffer
		if err := r.render(&w); err != nil {
			return nil, fmt.Errorf("%s: %w", r.name, err)
		}
		out = append(out, File{Name: r.name, Data: w.Bytes()})
	}
	return out, nil
}

// Names lists every file a deliverables folder may hold, as paths with
// "/" ("oscal/ssp.json" is in the subfolder oscal): those Files makes and
// the quickstart's context summary. WriteDir replaces an existing folder
// only when it holds nothing else (and subfolders that hold nothing but
// deliverables).
var Names = []string{
	"context-summary.txt", "risk-register.csv", "risk-summary.md", "heatmap-inherent.svg", "heatmap-residual.svg",
	"soa.csv", "soa.md", "soa-lint.txt", "policy.md", "policy.html", "policy-lint.txt", "plan-lint.txt", "calendar.ics", "readiness.md",
	"readiness.json", "suppliers.md", "suppliers.csv", "processes.md", "loss-exceedance.svg", "quant-summary.md",
	"oscal/catalog.json", "oscal/profile.json", "oscal/ssp.json",
	"ismskit.xlsx", // the workbook the quickstart adds (module github.com/ismskit/ismskit/xlsx)
}

// writeFile writes one file; tests replace it to make a write fail.
var writeFile = os.WriteFile

// WriteDir writes files into the folder dir, all or nothing, and returns
// their paths (dir joined with each name).
//
// A file's name may hold subfolders ("oscal/ssp.json"), which are made
// inside the temporary folder, so they too appear all at once; a name that
// is absolute or leaves the folder ("../x") is an error.
//
// The files are written into a new temporary folder beside dir (same
// parent, so on the same file system), which is then renamed to dir. On
// any error nothing new is left behind: the temporary folder is removed,
// and so are parent folders WriteDir created.
//
// An existing dir is replaced only when it holds nothing but deliverables
// (regular files named in Names), as a previous run left it: it is renamed
// aside, the new folder renamed into place, and the old one removed only
// after that succeeded; when anything fails the old folder is put back as
// it was. An existing dir that holds anything else (a file of the user's,
// a subfolder, a folder where soa.md should be), or a file at dir, is
// refused and left untouched, so a mistyped -out never deletes a folder.
func WriteDir(dir string, files []File) (paths []string, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	if abs == parent {
		return nil, fmt.Errorf("%s: cannot write the deliverables into the root folder; name a folder", dir)
	}
	exists, err := replaceable(dir, abs)
	if err != nil {
		return nil, err
	}
	created, err := mkdirParents(parent)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil && created != "" {
			_ = os.RemoveAll(created)
		}
	}()
	tmp, err := os.MkdirTemp(parent, "."+base+".new-*")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			_ = os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	for _, f := range files {
		rel, err := localName(f.Name)
		if err != nil {
			return nil, fmt.Errorf("%s: nothing was written: %w", dir, err)
		}
		if sub := filepath.Dir(rel); sub != "." {
			if err := os.MkdirAll(filepath.Join(tmp, sub), 0o755); err != nil {
				return nil, fmt.Errorf("%s: nothing was written: %w", dir, err)
			}
		}
		if err := writeFile(filepath.Join(tmp, rel), f.Data, 0o644); err != nil {
			return nil, fmt.Errorf("%s: nothing was written: %w", dir, err)
		}
		paths = append(paths, filepath.Join(dir, rel))
	}
	if !exists {
		if err := os.Rename(tmp, abs); err != nil {
			return nil, fmt.Errorf("%s: nothing was written: %w", dir, err)
		}
		return paths, nil
	}
	aside, err := os.MkdirTemp(parent, "."+base+".old-*")
	if err != nil {
		return nil, err
	}
	old := filepath.Join(aside, base)
	if err := os.Rename(abs, old); err != nil {
		_ = os.Remove(aside)
		return nil, fmt.Errorf("%s: the existing folder was left as it was: %w", dir, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		if rerr := os.Rename(old, abs); rerr != nil {
			return nil, fmt.Errorf("%s: %w; the previous deliverables are in %s", dir, err, old)
		}
		_ = os.Remove(aside)
		return nil, fmt.Errorf("%s: the existing folder was left as it was: %w", dir, err)
	}
	_ = os.RemoveAll(aside)
	return paths, nil
}

// replaceable reports whether dir exists, and refuses an existing dir that
// WriteDir must not replace.
func replaceable(dir, abs string) (bool, error) {
	fi, err := os.Lstat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !fi.IsDir() {
		return false, fmt.Errorf("%s exists and is not a folder; nothing was written", dir)
	}
	if err := onlyDeliverables(dir, abs, ""); err != nil {
		return false, err
	}
	return true, nil
}

// onlyDeliverables refuses a folder (sub is its path below the
// deliverables folder, "" for the folder itself) that holds anything but
// deliverables and subfolders of deliverables.
func onlyDeliverables(dir, abs, sub string) error {
	entries, err := os.ReadDir(filepath.Join(abs, filepath.FromSlash(sub)))
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := path.Join(sub, e.Name())
		switch {
		case e.Type().IsRegular() && slices.Contains(Names, name):
		case e.IsDir() && slices.ContainsFunc(Names, func(n string) bool { return strings.HasPrefix(n, name+"/") }):
			if err := onlyDeliverables(dir, abs, name); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s already holds %q, which is not a deliverable; nothing was written (choose a new or empty folder, or remove it)", dir, name)
		}
	}
	return nil
}

// localName turns a file's name ("oscal/ssp.json") into a path below the
// deliverables folder, refusing one that is absolute or leaves it.
func localName(name string) (string, error) {
	if !filepath.IsLocal(filepath.FromSlash(name)) || strings.Contains(name, "\\") {
		return "", fmt.Errorf("file name %q is not a path inside the folder", name)
	}
	return filepath.FromSlash(name), nil
}

// mkdirParents creates folder p and its missing parents, returning the
// topmost folder it created ("" when p existed), so a failure can remove
// exactly what was made.
func mkdirParents(p string) (string, error) {
	top := ""
	for q := p; ; q = filepath.Dir(q) {
		if _, err := os.Lstat(q); err == nil {
			break
		}
		top = q
		if filepath.Dir(q) == q {
			break
		}
	}
	if top == "" {
		return "", nil
	}
	if err := os.MkdirAll(p, 0o755); err != nil {
		_ = os.RemoveAll(top)
		return "", err
	}
	return top, nil
}

// LintReport renders a policy's lint result at asOf as plain text,
// checking the approver against the context.
func LintReport(p policy.Policy, c isms.OrgContext, asOf time.Time) string {
	fs := policy.Lint(p, asOf, policy.LintOptions{Context: c})
	var b strings.Builder
	fmt.Fprintf(&b, "Policy lint, %s, as of %s: %s\n", p.Title, asOf.Format(time.DateOnly), plural.N(len(fs), "finding"))
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\n", f)
	}
	return b.String()
}

// PlanLintReport renders the yearly plan's lint for the twelve months
// from asOf as plain text: activities in the quiet months or on a public
// holiday.
func PlanLintReport(p calendar.Plan, asOf time.Time) string {
	to := asOf.AddDate(1, 0, 0)
	fs := p.Lint(asOf, to)
	var b strings.Builder
	fmt.Fprintf(&b, "Plan lint, %s, %s to %s: %s\n", p.Name, asOf.Format(time.DateOnly), to.Format(time.DateOnly), plural.N(len(fs), "finding"))
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\n", f)
	}
	return b.String()
}

// supplierRisks lists, per supplier, the register's risks it is the source
// of ("R-3 A cloud outage halts customers' work"), in register order.
func supplierRisks(reg risk.Register) map[suppliers.ID][]string {
	out := map[suppliers.ID][]string{}
	for _, r := range reg.Risks {
		if !r.Supplier.IsZero() {
			out[r.Supplier] = append(out[r.Supplier], r.Ref+" "+r.Title)
		}
	}
	return out
}
