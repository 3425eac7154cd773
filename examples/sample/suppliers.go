package sample

import (
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/suppliers"
)

// Suppliers is the sample company's supplier register: its cloud host
// (critical: it runs production and holds the customer data), its office
// and e-mail suite (critical: it holds the staff identities) and its
// payroll bureau (important: it handles employee personal data). All three
// were assessed in October before the Workshop; the office suite's
// certificate expires in March of the plan year, so the plan reminds the
// IT manager two months ahead. Lint on it is clean at the Workshop.
func Suppliers() suppliers.Register {
	ns := isms.NewNamespace("Kestrel Cloud Ltd")
	asset := func(name string) isms.AssetID { return isms.DeriveID[isms.Asset](ns, name) }
	id := func(name string) suppliers.ID { return isms.DeriveID[suppliers.Supplier](ns, "supplier "+name) }
	itm, ceo := RoleOwner("IT manager"), RoleOwner("CEO")
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	return suppliers.Register{Suppliers: []suppliers.Supplier{
		{
			ID: id("cloud host"), Name: "Cloud hosting provider", Party: isms.DeriveID[isms.InterestedParty](ns, "Cloud hosting provider"),
			Interface: "Cloud hosting provider", Owner: itm, Cloud: true,
			Services: []string{"IaaS hosting", "Managed database"},
			Assets:   []isms.AssetID{asset("customer-data"), asset("production")},
			Data:     []suppliers.DataCategory{{Name: "Customer project data and user accounts", Personal: true}},
			Contract: suppliers.Contract{Reference: "Cloud customer agreement and data processing addendum", Signed: d(2024, 3, 1),
				Confidentiality: true, ProcessingAgreement: true, NotificationHours: 24, RightToAudit: true,
				Subprocessors: "published list; 30 days' notice of changes", ExitReturn: true},
			Certificates: []suppliers.Certificate{
				{Scheme: "ISO/IEC 27001", Scope: "Infrastructure and managed services, EU regions",
					Covers: []string{"IaaS hosting", "Managed database"}, Issued: d(2025, 7, 1), Expires: d(2028, 6, 30)},
				{Scheme: "SOC 2 Type II", Scope: "Infrastructure and managed services",
					Covers: []string{"IaaS hosting", "Managed database"}, Issued: d(2026, 4, 1), Expires: d(2027, 9, 30)},
			},
			Assessments: []suppliers.Assessment{{Date: d(2026, 10, 20), Method: "certificate and SOC 2 report review", Outcome: suppliers.OutcomeAcceptable,
				Notes: "Shared-responsibility matrix read; our duties are in the access control process."}},
			ExitPlan: "Nightly database exports and infrastructure code let us rebuild on a second EU provider within 30 days; the CEO decides the move.",
		},
		{
			ID: id("office suite"), Name: "Office and e-mail suite", Interface: "Office and e-mail suite", Owner: itm, Cloud: true,
			Services: []string{"E-mail and documents", "Single sign-on"},
			Assets:   []isms.AssetID{asset("identities")},
			Data:     []suppliers.DataCategory{{Name: "Staff e-mail, documents and accounts", Personal: true}},
			Contract: suppliers.Contract{Reference: "Online services terms and data protection addendum", Signed: d(2023, 1, 10),
				Confidentiality: true, ProcessingAgreement: true, NotificationHours: 48, RightToAudit: true,
				Subprocessors: "published list with notice of changes", ExitReturn: true},
			Certificates: []suppliers.Certificate{{Scheme: "ISO/IEC 27001", Scope: "Productivity and identity services",
				Covers: []string{"E-mail and documents", "Single sign-on"}, Issued: d(2024, 4, 1), Expires: d(2027, 3, 31)}},
			Assessments: []suppliers.Assessment{{Date: d(2026, 10, 22), Method: "certificate review and questionnaire", Outcome: suppliers.OutcomeAcceptable}},
			ExitPlan:    "Mailboxes and documents are exported with the suite's own export tool; identities move to another provider over a weekend.",
		},
		{
			ID: id("payroll"), Name: "Payroll bureau", Interface: "Payroll bureau", Owner: ceo,
			Services: []string{"Payroll"},
			Assets:   []isms.AssetID{asset("hr")},
			Data:     []suppliers.DataCategory{{Name: "Salaries, bank accounts and tax details", Personal: true}},
			Access:   []suppliers.Access{{Kind: suppliers.AccessRemote, Description: "uploads to the shared payroll folder", Reviewed: d(2026, 10, 28)}},
			Contract: suppliers.Contract{Reference: "Payroll services agreement 2025", Signed: d(2025, 1, 2),
				Confidentiality: true, ProcessingAgreement: true, NotificationHours: 24, ExitReturn: true},
			Assessments: []suppliers.Assessment{{Date: d(2026, 10, 28), Method: "questionnaire", Outcome: suppliers.OutcomeAcceptable}},
		},
	}}
}

// Processes are the sample company's four core process descriptions, each
// with its owner, steps, the records that prove it runs and the controls
// it implements, reviewed at the Workshop. Lint on them is clean.
func Processes() processes.Register {
	ns := isms.NewNamespace("Kestrel Cloud Ltd")
	itm := RoleOwner("IT manager")
	proc := func(name, purpose string, core processes.Core, steps, in, out, evidence []string, ctrls ...controls.ID) processes.Process {
		return processes.Process{ID: isms.DeriveID[processes.Process](ns, "process "+name), Name: name, Purpose: purpose, Core: core,
			Owner: itm, Steps: steps, Inputs: in, Outputs: out, Evidence: evidence, Controls: ctrls, LastReview: Workshop}
	}
	return processes.Register{Processes: []processes.Process{
		proc("Risk management", "Find, score and treat the risks to the SaaS service and its data.", processes.CoreRiskManagement,
			[]string{"The IT manager updates the asset list before each quarterly review",
				"Owners rescore their risks on the 5×5 scale in the quarterly review",
				"The CEO approves treatment plans and accepts High risks in writing"},
			[]string{"asset inventory", "incidents", "audit findings"}, []string{"risk register", "treatment plans"},
			[]string{"risk", "management_review"}, "5.7", "5.8"),
		proc("Access control", "Give people the access their work needs, and remove it when they leave.", processes.CoreAccessControl,
			[]string{"A supervisor approves each new account before the IT manager activates it",
				"HR tells the IT manager of every leaver on the last working day; the IT manager removes their access within 24 hours",
				"The IT manager reviews production and customer data access every quarter"},
			[]string{"access requests", "HR leaver notices"}, []string{"accounts", "quarterly access review"},
			[]string{"measurement", "implementation"}, "5.15", "5.16", "5.18", "8.2"),
		proc("Incident handling", "Record, handle and learn from security incidents, and notify in time.", processes.CoreIncidentHandling,
			[]string{"Anyone reports a suspected incident to the IT manager at once",
				"The IT manager records it the same working day and triages it within one business day",
				"The CEO notifies the authority within 72 hours and customers within 48 hours when their data is involved",
				"Each closed incident gets a short lessons-learned note"},
			[]string{"reports from staff, customers and monitoring"}, []string{"incident records", "notifications", "corrective actions"},
			[]string{"incident", "nonconformity"}, "5.24", "5.25", "5.26", "5.27", "6.8"),
		proc("Supplier management", "Choose, contract and oversee the suppliers that touch customer or employee data.", processes.CoreSupplierManagement,
			[]string{"The IT manager rates each new supplier by what it touches before the contract is signed",
				"Contracts with suppliers of personal data carry a processing agreement and a 48-hour incident notice at most",
				"Critical suppliers are assessed every year and their certificates checked before they expire"},
			[]string{"supplier offers", "certificates and reports"}, []string{"supplier register", "assessments"},
			[]string{"supplier"}, "5.19", "5.20", "5.21", "5.22", "5.23"),
	}}
}
