package main

// The v2 workbook (ismskit-workbook/2): its format, its top-level type and
// its dates. The types of its parts are in contextv2.go, riskv2.go,
// controlsv2.go, planv2.go, recordsv2.go, quantv2.go, suppliersv2.go and
// workshopv2.go.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/soa"
)

// WorkbookFormatV2 names the workbook form people type: every reference is
// a human key (a name, a title or a short ref such as "R-01"), and the IDs
// are derived from those keys.
const WorkbookFormatV2 = "ismskit-workbook/2"

// SchemaFile is the JSON Schema of WorkbookV2, published beside this
// program; a workbook's "$schema" names it so that editors complete and
// check the fields.
const SchemaFile = "workbook.schema.json"

// WorkbookV2 is one client's whole ISMS input in the form a person types
// (ismskit-workbook/2). Every reference names what it refers to by its
// key: a person, role, party or asset by its name, a requirement or an
// objective by its title, a responsibility by its area, a risk by its ref,
// a nonconformity by its ref. Each key is unique within its kind.
type WorkbookV2 struct {
	// Schema is the JSON Schema the workbook follows, for editors
	// (workbook.schema.json); the program ignores it.
	Schema string `json:"$schema,omitempty"`
	// Format is "ismskit-workbook/2".
	Format string `json:"format"`
	// AsOf is the date the deliverables are made as of (YYYY-MM-DD).
	AsOf Date `json:"as_of"`
	// Context is the organisation and its context (clauses 4 and 5).
	Context ContextV2 `json:"context"`
	// Method is the risk assessment method (clause 6.1.2).
	Method MethodV2 `json:"method"`
	// Risks is the risk register.
	Risks []RiskV2 `json:"risks"`
	// CustomControls are the client's own controls beside Annex A
	// (ismskit-catalogue/1).
	CustomControls *controls.Document `json:"custom_controls,omitempty"`
	// Implementations say how far each control is implemented.
	Implementations []ImplementationV2 `json:"implementations"`
	// Links say which controls meet which requirement.
	Links []LinkV2 `json:"links,omitempty"`
	// Decisions are the consultant's applicability decisions.
	Decisions []DecisionV2 `json:"decisions,omitempty"`
	// AdditionalControls are controls beyond the catalogue, described for
	// the SoA; links and decisions may name them.
	AdditionalControls []soa.CustomControl `json:"additional_controls,omitempty"`
	// SoA says who wrote and who approves the Statement of Applicability.
	SoA ApprovalV2 `json:"soa"`
	// Policy says who approves the information security policy.
	Policy ApprovalV2 `json:"policy"`
	// Plan parameterises the yearly plan of ISMS activities.
	Plan PlanV2 `json:"plan"`
	// Records are the ISMS records the readiness verdict reads.
	Records RecordsV2 `json:"records"`
	// Suppliers is the supplier register (Annex A 5.19–5.23), each
	// supplier known by its name.
	Suppliers []SupplierV2 `json:"suppliers,omitempty"`
	// Processes are the process descriptions (risk management, access
	// control, incident handling, supplier management…), each known by its
	// name.
	Processes []ProcessV2 `json:"processes,omitempty"`
	// Quant is the optional Monte Carlo loss analysis of the key risks.
	Quant *QuantV2 `json:"quant,omitempty"`
	// Workshop is the optional risk workshop and road to certification:
	// the key assets, the workshop's day and the certification audits'
	// dates; it adds candidates.md, first-controls.md, roadmap.md and
	// roadmap.html, and readiness.md's "Where you stand on the roadmap".
	Workshop *WorkshopV2 `json:"workshop,omitempty"`
}

// Date is a date ("2027-03-31", midnight UTC) or a date and time in RFC
// 3339 ("2027-03-31T09:00:00+03:00") between the years 1 and 9999.
type Date struct{ time.Time }

// dateOf wraps t.
func dateOf(t time.Time) Date { return Date{t} }

// MarshalJSON writes midnight UTC as "YYYY-MM-DD", any other time in RFC
// 3339, and the zero date as "".
func (d Date) MarshalJSON() ([]byte, error) {
	switch {
	case d.IsZero():
		return []byte(`""`), nil
	case d.Location() == time.UTC && d.Equal(d.Truncate(24*time.Hour)):
		return json.Marshal(d.Format(time.DateOnly))
	}
	return json.Marshal(d.Format(time.RFC3339Nano))
}

// UnmarshalJSON reads "YYYY-MM-DD" or RFC 3339; "" and null are no date.
func (d *Date) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("expected a date like \"2027-03-31\", found %s", clip(string(b)))
	}
	t, err := parseDate(s)
	if err != nil {
		return err
	}
	*d = Date{t}
	return nil
}

// parseDate reads "YYYY-MM-DD" or RFC 3339.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t, err = time.Parse(time.RFC3339Nano, s)
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date like \"2027-03-31\" (YYYY-MM-DD) or a date and time like \"2027-03-31T09:00:00Z\" (RFC 3339)", clip(s))
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return time.Time{}, fmt.Errorf("%q is outside the years 1 to 9999", clip(s))
	}
	return t, nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
