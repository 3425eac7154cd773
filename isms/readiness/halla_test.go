package readiness_test

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
)

// The second trial's firm (/work/trial2/firm.go), copied as the trial user
// built it: a 12-person architecture firm on its first ISMS, twelve days
// after its risk workshop.
// Arkkitehtitoimisto Halla Oy: a 12-hperson architecture firm in Helsinki.
var (
	hns       = isms.NewNamespace("Arkkitehtitoimisto Halla Oy")
	hWorkshop = time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)
	hAsOf     = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
)

func hd(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
func hrole(n string) isms.RoleID                { return isms.DeriveID[isms.Role](hns, n) }
func hperson(n string) isms.PersonID            { return isms.DeriveID[isms.Person](hns, n) }
func hparty(n string) isms.PartyID              { return isms.DeriveID[isms.InterestedParty](hns, n) }
func hasset(n string) isms.AssetID              { return isms.DeriveID[isms.Asset](hns, n) }
func hsupplierID(n string) suppliers.ID         { return isms.DeriveID[suppliers.Supplier](hns, "supplier "+n) }
func heur(v int64) risk.Money                   { return risk.Money{Amount: decimal.NewFromInt(v), Currency: "EUR"} }
func hdec(s string) decimal.Decimal             { return decimal.RequireFromString(s) }

func hallaContext() isms.OrgContext {
	mp, om, emp, aud := hrole("Managing partner"), hrole("Office manager"), hrole("Employees"), hrole("Internal auditor")
	clients, dpa, itp, staff, partners := hparty("Clients"), hparty("Data protection authority"), hparty("IT service provider"), hparty("Employees"), hparty("Partners")
	return isms.OrgContext{
		Organization: isms.Organization{
			ID: isms.DeriveID[isms.Organization](hns, "organisation"), Name: "Arkkitehtitoimisto Halla Oy",
			Headcount: 12, Sector: "Architecture and design", Country: "FI",
			Description: "Designs housing and public buildings; drawings, BIM models and tender documents are its product.",
			Scales:      isms.DefaultRatingScales(),
		},
		Scope: isms.Scope{
			ID:        isms.DeriveID[isms.Scope](hns, "scope"),
			Statement: "The ISMS covers the design work of Arkkitehtitoimisto Halla Oy at its Helsinki office and by its remote workers: project files on the office NAS and the cloud drive, and the IT that the outsourced IT provider runs for it.",
			Items: []isms.ScopeItem{
				{Kind: isms.ScopeBusinessUnit, Name: "Design studio", Justification: "All 12 staff produce drawings and models for clients."},
				{Kind: isms.ScopeLocation, Name: "Helsinki office", Justification: "The only office; the NAS and the network equipment are here."},
				{Kind: isms.ScopeLocation, Name: "Remote work", Justification: "About three people work from home on firm laptops."},
				{Kind: isms.ScopeInformation, Name: "Project files", Justification: "Drawings, BIM models and tender documents clients entrust to us."},
			},
			Interfaces: []isms.Interface{
				{Kind: isms.InterfaceSupplier, Name: "IT service provider", Party: itp, Exchange: "remote administration of the NAS, laptops and accounts"},
				{Kind: isms.InterfaceCloudService, Name: "Cloud drive", Exchange: "project files synchronised from the office and laptops"},
				{Kind: isms.InterfaceSupplier, Name: "Payroll bureau", Exchange: "employee personal data, monthly"},
				{Kind: isms.InterfaceCustomer, Name: "Clients", Party: clients, Exchange: "drawings, models and tender documents by e-mail and shared folders"},
			},
		},
		Issues: []isms.Issue{
			{ID: isms.DeriveID[isms.Issue](hns, "tenders"), Kind: isms.IssueExternal, Description: "Public-sector clients ask for information security in tenders."},
			{ID: isms.DeriveID[isms.Issue](hns, "outsourced"), Kind: isms.IssueInternal, Description: "No IT staff of our own: an outside provider holds the admin passwords."},
			{ID: isms.DeriveID[isms.Issue](hns, "climate"), Kind: isms.IssueExternal, Climate: true,
				Description: "Climate change was considered: it does not materially affect an office-based design firm whose files are also in the cloud."},
		},
		Parties: []isms.InterestedParty{
			{ID: clients, Name: "Clients", Kind: isms.PartyCustomer, Needs: "Their drawings stay confidential and deadlines are met."},
			{ID: dpa, Name: "Data protection authority", Kind: isms.PartyRegulator, Needs: "Personal data is processed lawfully and breaches are notified."},
			{ID: itp, Name: "IT service provider", Kind: isms.PartySupplier, Needs: "Clear instructions and access only as agreed."},
			{ID: staff, Name: "Employees", Kind: isms.PartyEmployee, Needs: "Tools that work at the office and at home."},
			{ID: partners, Name: "Partners", Kind: isms.PartyOwner, Needs: "Win public tenders without large IT costs."},
		},
		Requirements: []isms.Requirement{
			{ID: isms.DeriveID[isms.Requirement](hns, "gdpr32"), Party: dpa, Kind: isms.RequirementLegal, Title: "Secure processing of personal data",
				Source: "GDPR Article 32", Owner: isms.OwnedByRole(om), Addressed: true},
			{ID: isms.DeriveID[isms.Requirement](hns, "nda"), Party: clients, Kind: isms.RequirementContractual, Title: "Keep clients' design documents confidential",
				Source: "Design agreements (KSE 2013) and client NDAs", Owner: isms.OwnedByRole(mp), Addressed: true},
		},
		Assets: []isms.Asset{
			{ID: hasset("project-files"), Name: "Project files (drawings, BIM models)", Type: isms.AssetInformation,
				Description: "All current and archived project files.", Owner: isms.OwnedByRole(mp),
				Location: "Office NAS and cloud drive", Ratings: isms.CIA{Confidentiality: 4, Integrity: 4, Availability: 4}},
			{ID: hasset("nas"), Name: "Office NAS", Type: isms.AssetHardware,
				Description: "Network storage in the office server cupboard; the IT provider administers it.", Owner: isms.OwnedByRole(om),
				Location: "Helsinki office", Supplier: itp, Ratings: isms.CIA{Confidentiality: 4, Integrity: 4, Availability: 4}},
			{ID: hasset("cloud-drive"), Name: "Cloud drive", Type: isms.AssetService,
				Description: "Cloud file sync and share for projects.", Owner: isms.OwnedByRole(om),
				Location: "Cloud drive provider, EU", Ratings: isms.CIA{Confidentiality: 4, Integrity: 3, Availability: 3}},
			{ID: hasset("accounts"), Name: "Staff and admin accounts", Type: isms.AssetSoftware,
				Description: "E-mail accounts, NAS and cloud drive logins, the IT provider's admin accounts.", Owner: isms.OwnedByRole(om),
				Location: "Cloud e-mail and NAS", Supplier: itp, Ratings: isms.CIA{Confidentiality: 4, Integrity: 4, Availability: 3}},
			{ID: hasset("laptops"), Name: "Laptops", Type: isms.AssetHardware,
				Description: "12 laptops, three of them used mostly at home.", Owner: isms.OwnedByRole(om),
				Location: "Office and remote work", Ratings: isms.CIA{Confidentiality: 3, Integrity: 2, Availability: 2}},
			{ID: hasset("hr"), Name: "Employee records", Type: isms.AssetInformation,
				Description: "Contracts, salaries and bank details.", Owner: isms.OwnedByRole(mp),
				Location: "Payroll bureau", Ratings: isms.CIA{Confidentiality: 4, Integrity: 3, Availability: 2}},
		},
		People: []isms.Person{
			{ID: hperson("Anna Halla"), Name: "Anna Halla", Title: "Managing partner", Email: "anna@halla.example"},
			{ID: hperson("Mikko Rinne"), Name: "Mikko Rinne", Title: "Office manager", Email: "mikko@halla.example"},
			{ID: hperson("Laura Berg"), Name: "Laura Berg", Title: "Architect", Email: "laura@halla.example"},
			{ID: hperson("Timo Aalto"), Name: "Timo Aalto", Title: "Architect", Email: "timo@halla.example"},
			{ID: hperson("Kaisa Lind"), Name: "Kaisa Lind", Title: "ISO 27001 consultant", External: true},
		},
		Roles: []isms.Role{
			{ID: mp, Name: "Managing partner", Description: "Approves the policy, provides resources, chairs management reviews.",
				Holders: []isms.PersonID{hperson("Anna Halla")}, Authorities: []string{"approve the policy", "accept High risks"}},
			{ID: om, Name: "Office manager", Description: "Coordinates information security and the IT provider.",
				Holders: []isms.PersonID{hperson("Mikko Rinne")}, Authorities: []string{"accept Medium risks"}},
			{ID: emp, Name: "Employees", Description: "Follow the instructions and report deviations.",
				Holders: []isms.PersonID{hperson("Laura Berg"), hperson("Timo Aalto"), hperson("Mikko Rinne")}},
			{ID: aud, Name: "Internal auditor", Description: "External consultant; audits the ISMS once a year.",
				Holders: []isms.PersonID{hperson("Kaisa Lind")}},
		},
		Responsibilities: []isms.Responsibility{
			{ID: isms.DeriveID[isms.Responsibility](hns, isms.AreaScopeApproval), Area: isms.AreaScopeApproval, Accountable: mp},
			{ID: isms.DeriveID[isms.Responsibility](hns, isms.AreaPolicyApproval), Area: isms.AreaPolicyApproval, Accountable: mp},
			{ID: isms.DeriveID[isms.Responsibility](hns, isms.AreaRiskAssessment), Area: isms.AreaRiskAssessment, Accountable: om, Responsible: []isms.RoleID{om}},
			{ID: isms.DeriveID[isms.Responsibility](hns, isms.AreaControlImplementation), Area: isms.AreaControlImplementation, Accountable: om, Responsible: []isms.RoleID{om}},
			{ID: isms.DeriveID[isms.Responsibility](hns, isms.AreaIncidentHandling), Area: isms.AreaIncidentHandling, Accountable: om, Responsible: []isms.RoleID{om, emp}},
			{ID: isms.DeriveID[isms.Responsibility](hns, isms.AreaInternalAudit), Area: isms.AreaInternalAudit, Accountable: mp, Responsible: []isms.RoleID{aud}},
			{ID: isms.DeriveID[isms.Responsibility](hns, isms.AreaManagementReview), Area: isms.AreaManagementReview, Accountable: mp},
		},
		Objectives: []isms.Objective{
			{ID: isms.DeriveID[isms.Objective](hns, "restore"), Title: "Project files restorable within one working day",
				Metric: "hours to restore a project folder in the quarterly restore test",
				Target: isms.Target{Comparator: isms.AtMost, Value: hdec("8"), Unit: "hours"}, Deadline: hd(2027, 6, 30), Owner: isms.OwnedByRole(om)},
			{ID: isms.DeriveID[isms.Objective](hns, "mfa"), Title: "MFA on every account",
				Metric: "share of staff and admin accounts with MFA enforced",
				Target: isms.Target{Comparator: isms.AtLeast, Value: hdec("100"), Unit: "%"}, Deadline: hd(2027, 3, 31), Owner: isms.OwnedByRole(om)},
		},
	}
}

func hallaSuppliers() suppliers.Register {
	om, mp := isms.OwnedByRole(hrole("Office manager")), isms.OwnedByRole(hrole("Managing partner"))
	return suppliers.Register{Suppliers: []suppliers.Supplier{
		{
			ID: hsupplierID("it provider"), Name: "IT service provider", Party: hparty("IT service provider"), Interface: "IT service provider", Owner: om,
			Services: []string{"Remote IT administration", "NAS and laptop support"},
			Assets:   []isms.AssetID{hasset("nas"), hasset("accounts"), hasset("laptops")},
			Data:     []suppliers.DataCategory{{Name: "Project files and staff accounts (as administrator)", Personal: true}},
			Access:   []suppliers.Access{{Kind: suppliers.AccessPrivileged, Description: "domain and NAS administrator accounts, remote"}},
			Contract: suppliers.Contract{Reference: "IT service agreement 2024", Signed: hd(2024, 2, 1), Confidentiality: true, ProcessingAgreement: true, NotificationHours: 24},
		},
		{
			ID: hsupplierID("cloud drive"), Name: "Cloud drive provider", Interface: "Cloud drive", Owner: om, Cloud: true,
			Services:     []string{"File sync and share"},
			Assets:       []isms.AssetID{hasset("cloud-drive"), hasset("project-files")},
			Data:         []suppliers.DataCategory{{Name: "Project files with client contact details", Personal: true}},
			Contract:     suppliers.Contract{Reference: "Business plan terms and DPA", Signed: hd(2023, 5, 1), Confidentiality: true, ProcessingAgreement: true, NotificationHours: 48, ExitReturn: true},
			Certificates: []suppliers.Certificate{{Scheme: "ISO/IEC 27001", Scope: "File storage service", Covers: []string{"File sync and share"}, Issued: hd(2025, 1, 1), Expires: hd(2028, 1, 1)}},
			ExitPlan:     "Files are mirrored on the office NAS; another provider could be set up in a week.",
		},
		{
			ID: hsupplierID("payroll"), Name: "Payroll bureau", Interface: "Payroll bureau", Owner: mp,
			Services:    []string{"Payroll"},
			Assets:      []isms.AssetID{hasset("hr")},
			Data:        []suppliers.DataCategory{{Name: "Salaries, bank accounts and tax details", Personal: true}},
			Contract:    suppliers.Contract{Reference: "Payroll agreement 2022", Signed: hd(2022, 1, 1), Confidentiality: true, ProcessingAgreement: true, NotificationHours: 24, ExitReturn: true},
			Assessments: []suppliers.Assessment{{Date: hd(2026, 10, 1), Method: "questionnaire", Outcome: suppliers.OutcomeAcceptable}},
		},
	}}
}

func hallaImplementations() []controls.Implementation {
	om := isms.OwnedByRole(hrole("Office manager"))
	impl := func(c controls.ID, st controls.Status, ev string) controls.Implementation {
		im := controls.Implementation{ID: isms.DeriveID[controls.Implementation](hns, string(c)), Control: c, Status: st, Owner: om}
		if ev != "" {
			im.Evidence = []controls.Evidence{{Title: ev, Location: "IT provider monthly report", Date: hd(2026, 10, 31)}}
			im.Effectiveness = controls.LargelyEffective
		}
		return im
	}
	return []controls.Implementation{
		impl("8.13", controls.Implemented, "NAS nightly backup to the cloud drive's versioned folder"),
		impl("8.7", controls.Implemented, "Endpoint protection console export"),
		impl("8.1", controls.Implemented, "Laptop disk encryption report"),
		impl("8.25", controls.NotApplicable, ""),
		impl("8.5", controls.InProgress, ""),
	}
}

// Register: the first risk workshop.
func hallaRegister() (risk.Register, error) {
	mp, om := hrole("Managing partner"), hrole("Office manager")
	mikko := hperson("Mikko Rinne")
	m := risk.DefaultMethod()
	m.Criteria.Authorities = []risk.Authority{{Role: om, UpTo: "medium", MaxMonths: 12}, {Role: mp, UpTo: "critical", MaxMonths: 6}}
	as := func(l, i int, why string) risk.Assessment {
		return risk.Assessment{Rating: risk.Rating{Likelihood: l, Impact: i}, Rationale: why, Assessor: mikko, Date: hWorkshop}
	}
	act := func(title string, owner isms.RoleID, months int, c ...controls.ID) risk.Action {
		return risk.Action{Title: title, Owner: isms.OwnedByRole(owner), Due: hWorkshop.AddDate(0, months, 0), Status: risk.ActionPlanned, Controls: c}
	}
	cost := func(v int64) *risk.Money { x := heur(v); return &x }
	risks := []risk.Risk{
		{
			Ref: "R-1", Title: "The IT provider's admin account is misused or hijacked", Kind: risk.EventBased,
			Supplier:   hsupplierID("it provider"),
			Scenario:   "An attacker takes over the IT provider's remote admin account and encrypts or copies the NAS.",
			Properties: []risk.Property{risk.Confidentiality, risk.Integrity, risk.Availability}, Owner: isms.OwnedByRole(mp),
			Inherent: as(3, 5, "the provider holds standing domain admin rights without MFA"),
			Target:   as(1, 4, "MFA and just-in-time admin access, access reviewed quarterly"),
			Applied:  []risk.AppliedControl{{Control: "8.13", Effectiveness: controls.LargelyEffective}},
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{
				act("Require MFA on the provider's admin accounts", om, 2, "8.5", "5.20"),
				act("Review the provider's privileged access quarterly", om, 3, "8.2", "5.22"),
			}, Cost: cost(3_000)},
			InherentLoss: &risk.Loss{SLE: heur(120_000), ARO: hdec("0.2")},
			Loss:         &risk.Loss{SLE: heur(60_000), ARO: hdec("0.2")},
			TargetLoss:   &risk.Loss{SLE: heur(60_000), ARO: hdec("0.04")},
			NextReview:   hWorkshop.AddDate(0, 3, 0),
		},
		{
			Ref: "R-2", Title: "The payroll bureau leaks salary and bank data", Kind: risk.EventBased,
			Supplier:   hsupplierID("payroll"),
			Scenario:   "The payroll bureau is breached and our staff's salaries and bank details are published.",
			Properties: []risk.Property{risk.Confidentiality}, Owner: isms.OwnedByRole(mp),
			Inherent:   as(2, 3, "a small bureau; we have never assessed it"),
			Treatment:  risk.Treatment{Option: risk.Retain, Rationale: "the bureau is bound by a DPA; the impact on the firm is moderate"},
			Loss:       &risk.Loss{SLE: heur(15_000), ARO: hdec("0.05")},
			NextReview: hWorkshop.AddDate(1, 0, 0),
		},
		{
			Ref: "R-3", Title: "Ransomware encrypts the NAS and the synced cloud drive", Kind: risk.AssetBased,
			Assets: []isms.AssetID{hasset("nas"), hasset("project-files")},
			Threat: "ransomware", Vulnerability: "every laptop maps the whole NAS; the cloud drive syncs deletions",
			Properties: []risk.Property{risk.Availability, risk.Integrity}, Owner: isms.OwnedByRole(mp),
			Inherent: as(3, 5, "phishing reaches staff weekly; a lost week of drawings misses tender deadlines"),
			Target:   as(2, 3, "offline immutable backup and restore tests"),
			Applied:  []risk.AppliedControl{{Control: "8.7", Effectiveness: controls.LargelyEffective}, {Control: "8.13", Effectiveness: controls.PartiallyEffective}},
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{
				act("Immutable offsite backup of the NAS", om, 2, "8.13"),
				act("Quarterly restore test", om, 3, "5.30"),
			}, Cost: cost(2_400)},
			InherentLoss: &risk.Loss{SLE: heur(150_000), ARO: hdec("0.3")},
			Loss:         &risk.Loss{SLE: heur(80_000), ARO: hdec("0.15")},
			TargetLoss:   &risk.Loss{SLE: heur(20_000), ARO: hdec("0.15")},
			NextReview:   hWorkshop.AddDate(0, 3, 0),
		},
		{
			Ref: "R-4", Title: "The cloud drive is unavailable or the account is locked", Kind: risk.EventBased,
			Supplier:   hsupplierID("cloud drive"),
			Scenario:   "The cloud drive provider has a day-long outage or locks our account before a tender deadline.",
			Properties: []risk.Property{risk.Availability}, Owner: isms.OwnedByRole(om),
			Inherent:   as(2, 2, "files are mirrored on the NAS"),
			Treatment:  risk.Treatment{Option: risk.Retain, Rationale: "the NAS mirror covers an outage"},
			Loss:       &risk.Loss{SLE: heur(5_000), ARO: hdec("0.5")},
			NextReview: hWorkshop.AddDate(1, 0, 0),
		},
		{
			Ref: "R-5", Title: "A remote worker's laptop is lost or stolen", Kind: risk.AssetBased,
			Assets: []isms.AssetID{hasset("laptops")},
			Threat: "theft or loss", Vulnerability: "project files are synced locally",
			Properties: []risk.Property{risk.Confidentiality, risk.Availability}, Owner: isms.OwnedByRole(om),
			Inherent:   as(3, 2, "about one laptop a year goes missing"),
			Applied:    []risk.AppliedControl{{Control: "8.1", Effectiveness: controls.Effective}},
			Treatment:  risk.Treatment{Option: risk.Retain, Rationale: "disks are encrypted"},
			Loss:       &risk.Loss{SLE: heur(2_500), ARO: hdec("1")},
			NextReview: hWorkshop.AddDate(1, 0, 0),
		},
	}
	cat := controls.AnnexA()
	for i := range risks {
		r := &risks[i]
		r.ID = isms.DeriveID[risk.Risk](hns, r.Ref)
		der, err := risk.DeriveResidual(m, r.Inherent.Rating, r.Applied, cat)
		if err != nil {
			return risk.Register{}, err
		}
		r.Residual = as(der.Likelihood, der.Impact, "derived from the controls in place")
		r.Residual.Derived = true
		r.Residual.Confirmed = &risk.Confirmation{By: r.Owner, Date: hWorkshop, Rationale: "confirmed in the workshop"}
		r.Treatment.Approved = &risk.Approval{By: r.Owner, Date: hWorkshop}
	}
	reg := risk.Register{Method: m, Risks: risks}
	// The managing partner accepts every retained risk in the workshop.
	for i := range reg.Risks {
		r := &reg.Risks[i]
		if r.Treatment.Option != risk.Retain {
			continue
		}
		a := &risk.Acceptance{By: mp, Person: hperson("Anna Halla"), Date: hWorkshop, Rationale: "accepted in the first workshop until the next review",
			Accepted: r.Residual.Rating, Expires: hWorkshop.AddDate(0, 6, 0)}
		if r.Owner.Role != mp {
			a.OwnerAgreement = &risk.Approval{By: r.Owner, Date: hWorkshop}
		}
		r.Acceptance = a
	}
	return reg, nil
}
