package suppliers

import (
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// ID names a supplier of the register.
type ID = isms.ID[Supplier]

// AccessKind says what access a supplier holds to the organisation's
// systems or premises.
type AccessKind string

// Access kinds.
const (
	// AccessRemote: remote access to systems, such as a vendor VPN.
	AccessRemote AccessKind = "remote"
	// AccessOnSite: access to the organisation's premises.
	AccessOnSite AccessKind = "on_site"
	// AccessPrivileged: administrator or maintenance access; such access
	// must be reviewed (RulePrivilegedAccess).
	AccessPrivileged AccessKind = "privileged"
)

var accessKinds = []AccessKind{AccessRemote, AccessOnSite, AccessPrivileged}

// Access is one access a supplier holds, with when it was last reviewed.
type Access struct {
	Kind        AccessKind `json:"kind"`
	Description string     `json:"description,omitempty"`
	// Reviewed is when the access was last reviewed; zero means never.
	Reviewed time.Time `json:"reviewed,omitzero"`
}

// DataCategory is one category of information the supplier stores,
// processes or sees, such as "customer project data" or "salaries".
type DataCategory struct {
	Name string `json:"name"`
	// Personal marks personal data: a processing agreement is then needed
	// (RulePersonalDataWithoutDPA).
	Personal bool `json:"personal,omitempty"`
	// Special marks special categories of personal data (health, for
	// example); it makes the supplier critical.
	Special bool `json:"special,omitempty"`
}

// Contract holds the security safeguards of the supplier agreement (5.20).
type Contract struct {
	// Reference names the agreement, e.g. "Hosting agreement 2025, annex 3".
	Reference string    `json:"reference,omitempty"`
	Signed    time.Time `json:"signed,omitzero"`
	// Confidentiality: the agreement binds the supplier to confidentiality.
	Confidentiality bool `json:"confidentiality,omitempty"`
	// ProcessingAgreement: a data processing agreement (GDPR Article 28)
	// is in force.
	ProcessingAgreement bool `json:"processing_agreement,omitempty"`
	// NotificationHours is how soon the supplier must notify the
	// organisation of an incident; 0 means the agreement says nothing.
	NotificationHours int `json:"notification_hours,omitempty"`
	// RightToAudit: the organisation may audit the supplier.
	RightToAudit bool `json:"right_to_audit,omitempty"`
	// Subprocessors says how the supplier's own subcontractors are
	// controlled, e.g. "listed in annex 2; 30 days' notice of changes".
	Subprocessors string `json:"subprocessors,omitempty"`
	// ExitReturn: the agreement says how data is returned and deleted
	// when it ends.
	ExitReturn bool `json:"exit_return,omitempty"`
}

// Certificate is assurance evidence from a third party, such as an
// ISO/IEC 27001 certificate or a SOC 2 report, with its scope and expiry.
type Certificate struct {
	// Scheme is what it is: "ISO/IEC 27001", "SOC 2 Type II".
	Scheme string `json:"scheme"`
	// Scope is the certificate's scope as written on it.
	Scope string `json:"scope,omitempty"`
	// Covers lists the supplier's Services that the scope covers; a service
	// the organisation uses that is not covered is flagged
	// (RuleCertificateOutOfScope).
	Covers  []string  `json:"covers,omitempty"`
	Issued  time.Time `json:"issued,omitzero"`
	Expires time.Time `json:"expires"`
}

// Outcome is the result of a supplier assessment.
type Outcome string

// Assessment outcomes.
const (
	OutcomeAcceptable   Outcome = "acceptable"
	OutcomeConditional  Outcome = "conditional" // acceptable with follow-up actions
	OutcomeUnacceptable Outcome = "unacceptable"
)

var outcomes = []Outcome{OutcomeAcceptable, OutcomeConditional, OutcomeUnacceptable}

// Assessment is one assessment of the supplier: a questionnaire, a review
// of its certificate and reports, an audit.
type Assessment struct {
	Date time.Time `json:"date"`
	// Method says how: "questionnaire", "certificate review", "on-site audit".
	Method  string  `json:"method"`
	Outcome Outcome `json:"outcome"`
	Notes   string  `json:"notes,omitempty"`
}

// Supplier is one entry of the supplier register (Annex A 5.19–5.23): what
// it provides, what of the organisation's it touches, the access it holds,
// the agreement's safeguards, the assurance it has given and, for a cloud
// service, how the organisation would leave it. Its Tier follows from what
// it touches by the rule documented on Classify.
type Supplier struct {
	ID   ID     `json:"id"`
	Name string `json:"name"`
	// Party optionally links the interested party the supplier is.
	Party isms.PartyID `json:"party,omitzero"`
	// Interface optionally names the scope interface (Scope.Interfaces)
	// the supplier sits behind, linking it to the scope's boundary.
	Interface string `json:"interface,omitempty"`
	// Owner is who manages the relationship.
	Owner isms.Owner `json:"owner"`
	// Services are what the organisation buys, e.g. "IaaS hosting".
	Services []string `json:"services"`
	// Cloud marks a cloud service (5.23): a critical one needs an exit plan.
	Cloud bool `json:"cloud,omitempty"`
	// Assets are the inventory's assets the supplier provides, hosts or sees.
	Assets       []isms.AssetID `json:"assets,omitempty"`
	Data         []DataCategory `json:"data,omitempty"`
	Access       []Access       `json:"access,omitempty"`
	Contract     Contract       `json:"contract,omitzero"`
	Certificates []Certificate  `json:"certificates,omitempty"`
	Assessments  []Assessment   `json:"assessments,omitempty"`
	// ExitPlan says how the organisation would move off a cloud service:
	// data export, the alternative, how long it takes.
	ExitPlan string `json:"exit_plan,omitempty"`
	// ExitPlanTested is when the exit plan was last tried; zero means never.
	ExitPlanTested time.Time `json:"exit_plan_tested,omitzero"`
}

// Key returns the supplier's ID; it makes Supplier storable.
func (s Supplier) Key() ID { return s.ID }

// KindSupplier is the storable kind of a supplier, stored as "supplier".
var KindSupplier = isms.NewKind[Supplier]("supplier")

var _ isms.Record[Supplier] = Supplier{}

// MaxNotificationHours is the longest incident notification deadline an
// agreement may give (one year); a longer one is a typing error.
const MaxNotificationHours = 24 * 366

// PersonalData reports whether the supplier handles personal data.
func (s Supplier) PersonalData() bool {
	return slices.ContainsFunc(s.Data, func(d DataCategory) bool { return d.Personal || d.Special })
}

// LastAssessment returns the latest assessment, false when there is none.
func (s Supplier) LastAssessment() (Assessment, bool) {
	var last Assessment
	for _, a := range s.Assessments {
		if a.Date.After(last.Date) {
			last = a
		}
	}
	return last, !last.Date.IsZero()
}

// Validate checks the supplier's own fields and reports every problem with
// its path: an ID, a name, an owner, at least one service, known access
// kinds and outcomes, named data categories, a notification deadline
// between 0 and MaxNotificationHours, certificates with a scheme and an
// expiry after their issue date, assessments with a date and a method, and
// dates within the years 1–9999. That the party, interface and assets
// exist is checked by CheckRefs.
func (s Supplier) Validate() error {
	var p isms.Problems
	if s.ID.IsZero() {
		p.Addf("id", "the supplier has no ID")
	}
	if strings.TrimSpace(s.Name) == "" {
		p.Addf("name", "the supplier has no name")
	}
	if err := s.Owner.Validate(); err != nil {
		p.Addf("owner", "supplier %s has no single owner; name the role or person who manages the relationship", isms.Quote(s.Name))
	}
	if len(s.Services) == 0 {
		p.Addf("services", "supplier %s lists no service; say what the organisation buys from it", isms.Quote(s.Name))
	}
	for i, v := range s.Services {
		if strings.TrimSpace(v) == "" {
			p.Addf(isms.Index("services", i), "the service has no name")
		}
	}
	for i, a := range s.Assets {
		if a.IsZero() {
			p.Addf(isms.Index("assets", i), "the asset reference is empty")
		}
	}
	for i, d := range s.Data {
		if strings.TrimSpace(d.Name) == "" {
			p.Addf(isms.JoinPath(isms.Index("data", i), "name"), "the data category has no name")
		}
	}
	for i, a := range s.Access {
		path := isms.Index("access", i)
		if !slices.Contains(accessKinds, a.Kind) {
			p.Addf(isms.JoinPath(path, "kind"), "access kind %s is not one of %v", isms.Quote(string(a.Kind)), accessKinds)
		}
		isms.CheckDate(&p, isms.JoinPath(path, "reviewed"), "the review date", a.Reviewed, false)
	}
	c := s.Contract
	isms.CheckDate(&p, "contract.signed", "the signing date", c.Signed, false)
	if c.NotificationHours < 0 || c.NotificationHours > MaxNotificationHours {
		p.Addf("contract.notification_hours", "deadline %d hours: a notification deadline is 0 (none agreed) to MaxNotificationHours (%d) hours", c.NotificationHours, MaxNotificationHours)
	}
	for i, x := range s.Certificates {
		path := isms.Index("certificates", i)
		if strings.TrimSpace(x.Scheme) == "" {
			p.Addf(isms.JoinPath(path, "scheme"), "say what the certificate is, e.g. \"ISO/IEC 27001\" or \"SOC 2 Type II\"")
		}
		isms.CheckDate(&p, isms.JoinPath(path, "issued"), "the issue date", x.Issued, false)
		isms.CheckDate(&p, isms.JoinPath(path, "expires"), "the expiry date", x.Expires, true)
		if !x.Issued.IsZero() && !x.Expires.IsZero() && !x.Expires.After(x.Issued) {
			p.Addf(isms.JoinPath(path, "expires"), "the certificate expires on or before it was issued")
		}
		for k, v := range x.Covers {
			if strings.TrimSpace(v) == "" {
				p.Addf(isms.JoinPath(path, isms.Index("covers", k)), "the covered service has no name")
			}
		}
	}
	for i, a := range s.Assessments {
		path := isms.Index("assessments", i)
		isms.CheckDate(&p, isms.JoinPath(path, "date"), "the assessment date", a.Date, true)
		if strings.TrimSpace(a.Method) == "" {
			p.Addf(isms.JoinPath(path, "method"), "say how the supplier was assessed, e.g. \"questionnaire\"")
		}
		if !slices.Contains(outcomes, a.Outcome) {
			p.Addf(isms.JoinPath(path, "outcome"), "outcome %s is not one of %v", isms.Quote(string(a.Outcome)), outcomes)
		}
	}
	isms.CheckDate(&p, "exit_plan_tested", "the date the exit plan was tested", s.ExitPlanTested, false)
	return p.Err()
}
