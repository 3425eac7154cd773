package readiness

import (
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/suppliers"
)

// The supplier controls A.5.19–A.5.23, judged by the supplier register's
// lint, and 8.1's check of the externally provided processes.

// supplierStep is 8.1's check of the externally provided processes: a
// supplier register when the scope has supplier or cloud interfaces, and
// no supplier with a lint error. It names the suppliers; the supplier item
// lists each problem.
func supplierStep(in *Input, now time.Time) string {
	if len(in.Suppliers.Suppliers) == 0 {
		if hasSupplierInterface(in.Context.Scope) {
			return "control the suppliers at the scope's boundary: keep a supplier register with their agreements, assurance and assessments"
		}
		return ""
	}
	var names []string
	for _, s := range in.Suppliers.Suppliers {
		// One supplier at a time: the lint's paths need not follow the
		// register's order.
		if supplierErrors(s, in.Context, now) > 0 {
			names = append(names, fmt.Sprintf("%q", shorten(s.Name)))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return fmt.Sprintf("control the suppliers %s (item A.5.19–A.5.23 lists each problem)", joinList(names))
}

// supplierErrors counts the supplier's lint errors.
func supplierErrors(s suppliers.Supplier, c isms.OrgContext, now time.Time) int {
	n := 0
	for _, a := range suppliers.Lint(suppliers.Register{Suppliers: []suppliers.Supplier{s}}, c, now, suppliers.LintOptions{}) {
		if a.Severity == isms.SeverityError {
			n++
		}
	}
	return n
}

// checkSuppliers judges the supplier controls 5.19–5.23 by the supplier
// register's lint: every error is listed in the next step, the warnings
// are counted in the evidence.
func checkSuppliers(in *Input, now time.Time) verdict {
	reg := in.Suppliers
	if len(reg.Suppliers) == 0 {
		if hasSupplierInterface(in.Context.Scope) {
			return verdict{Missing, nil, "keep a supplier register for the suppliers and cloud services at the scope's boundary: the services, the data and access they hold, the agreement's safeguards, their certificates and assessments"}
		}
		return verdict{Met, []string{"no supplier or cloud service at the scope's boundary"}, ""}
	}
	critical := 0
	for _, s := range reg.Suppliers {
		if suppliers.Classify(s, in.Context).Tier == suppliers.TierCritical {
			critical++
		}
	}
	var errs []string
	warnings := 0
	for _, a := range suppliers.Lint(reg, in.Context, now, suppliers.LintOptions{}) {
		if a.Severity == isms.SeverityError {
			errs = append(errs, a.Message)
		} else {
			warnings++
		}
	}
	ev := []string{fmt.Sprintf("%s in the register, %d critical", plural.N(len(reg.Suppliers), "supplier"), critical)}
	if warnings > 0 {
		ev = append(ev, plural.N(warnings, "warning")+" of the supplier lint")
	}
	if len(errs) > 0 {
		return verdict{Partial, append(ev, plural.N(len(errs), "problem")), strings.Join(errs, "; ")}
	}
	return verdict{Met, ev, ""}
}

func hasSupplierInterface(sc isms.Scope) bool {
	for _, it := range sc.Interfaces {
		if it.Kind == isms.InterfaceSupplier || it.Kind == isms.InterfaceCloudService {
			return true
		}
	}
	return false
}
