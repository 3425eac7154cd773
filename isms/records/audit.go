package records

import (
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// FindingGrade grades an audit finding.
type FindingGrade string

// Audit finding grades.
const (
	MajorNonconformity FindingGrade = "major"
	MinorNonconformity FindingGrade = "minor"
	Observation        FindingGrade = "observation"
)

// AuditFinding is one result of an internal audit.
type AuditFinding struct {
	Clause      string       `json:"clause"` // e.g. "6.1.3" or "A.8.13"
	Grade       FindingGrade `json:"grade"`
	Description string       `json:"description"`
	// Nonconformity links the nonconformity raised for it, if any.
	Nonconformity NonconformityID `json:"nonconformity,omitzero"`
}

// Audit is one internal audit of the audit programme (clause 9.2): planned,
// with its frequency, methods, criteria and scope (9.2.2), then performed,
// with findings, and its results reported to management.
type Audit struct {
	ID    AuditID `json:"id"`
	Title string  `json:"title"`
	// Scope says what the audit covers ("the whole ISMS", "clauses 6 and 8");
	// Areas, when set, names the responsibility areas (isms.Responsibility
	// Area) audited, from which the auditor's independence is judged; empty
	// Areas with a scope covering the whole ISMS means every area.
	Scope     string   `json:"scope"`
	Areas     []string `json:"areas,omitempty"`
	Frequency string   `json:"frequency,omitempty"` // "yearly", "every 6 months"
	Methods   []string `json:"methods,omitempty"`   // "interviews", "record sampling", "observation"
	Criteria  string   `json:"criteria,omitempty"`  // "ISO/IEC 27001:2022 clauses 4–10, the SoA, the policy"
	// Auditor is the auditor's name, as in the organisation's people when
	// internal; an auditor not among them is external.
	Auditor   string         `json:"auditor"`
	Planned   time.Time      `json:"planned"`
	Performed time.Time      `json:"performed,omitzero"`
	Findings  []AuditFinding `json:"findings,omitempty"`
	// Reported is when the results were reported to management, and
	// ReportedTo to whom (9.2.2 f).
	Reported   time.Time `json:"reported,omitzero"`
	ReportedTo string    `json:"reported_to,omitempty"`
}

// Key returns the audit's ID.
func (a Audit) Key() AuditID { return a.ID }

// Validate checks the audit.
func (a Audit) Validate() error {
	var p isms.Problems
	if a.ID.IsZero() {
		p.Addf("id", "the audit has no ID")
	}
	if strings.TrimSpace(a.Title) == "" {
		p.Addf("title", "the audit has no title")
	}
	if isms.IsPlaceholder(a.Auditor) || isms.IsCollectiveName(a.Auditor) {
		p.Addf("auditor", "audit %q names no auditor", a.Title)
	}
	if a.Planned.IsZero() {
		p.Addf("planned", "audit %q has no planned date", a.Title)
	}
	if a.Performed.IsZero() && len(a.Findings) > 0 {
		p.Addf("performed", "audit %q has findings but no date it was performed", a.Title)
	}
	for i, f := range a.Findings {
		path := isms.Index("findings", i)
		if f.Grade != MajorNonconformity && f.Grade != MinorNonconformity && f.Grade != Observation {
			p.Addf(isms.JoinPath(path, "grade"), "finding grade %q is not major, minor or observation", f.Grade)
		}
		if strings.TrimSpace(f.Description) == "" {
			p.Addf(isms.JoinPath(path, "description"), "the finding has no description")
		}
	}
	if !a.Reported.IsZero() && (a.Performed.IsZero() || a.Reported.Before(a.Performed)) {
		p.Addf("reported", "audit %q was reported before it was performed", a.Title)
	}
	if !a.Reported.IsZero() && isms.IsPlaceholder(a.ReportedTo) {
		p.Addf("reported_to", "audit %q was reported, but not to whom", a.Title)
	}
	isms.CheckDate(&p, "planned", "the planned date", a.Planned, false)
	isms.CheckDate(&p, "reported", "the reporting date", a.Reported, false)
	isms.CheckDate(&p, "performed", "the date performed", a.Performed, false)
	return p.Err()
}
