// Package halla is a test fixture: the organisation a trial user built
// while using ismskit as a host developer would, Arkkitehtitoimisto Halla
// Oy, a 12-person architecture firm unlike the sample company, kept so
// that the defects found with it stay found in every package that met
// them (isms/readiness, workshop).
package halla

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
)

// Arkkitehtitoimisto Halla Oy, a 12-person architecture firm in Helsinki
// on its first ISMS (the second trial, a host developer's): a NAS, a
// cloud drive, an outsourced IT provider with admin access, a payroll
// bureau, no software development.
var (
	ns = isms.NewNamespace("Arkkitehtitoimisto Halla Oy")
	// Workshop is the day of its first risk workshop.
	Workshop = time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)
	// AsOf is the day the trial looked at it, twelve days later.
	AsOf = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
func role(n string) isms.RoleID                { return isms.DeriveID[isms.Role](ns, n) }
func person(n string) isms.PersonID            { return isms.DeriveID[isms.Person](ns, n) }
func party(n string) isms.PartyID              { return isms.DeriveID[isms.InterestedParty](ns, n) }
func asset(n string) isms.AssetID              { return isms.DeriveID[isms.Asset](ns, n) }
func supplierID(n string) suppliers.ID         { return isms.DeriveID[suppliers.Supplier](ns, "supplier "+n) }
func eur(v int64) risk.Money                   { return risk.Money{Amount: decimal.NewFromInt(v), Currency: "EUR"} }
func dec(s string) decimal.Decimal             { return decimal.RequireFromString(s) }

// Context is the firm's organisation context: scope, parties and
// requirements, assets, people, roles and responsibilities.
func Context() isms.OrgContext {
	mp, om, emp, aud := role("Managing partner"), role("Office manager"), role("Employees"), role("Internal auditor")
	clients, dpa, itp, staff, partners := party("Clients"), party("Data protection authority"), party("IT service provider"), party("Employees"), party("Partners")
	return isms.OrgContext{
		Organization: isms.Organization{
			ID: isms.DeriveID[isms.Organization](ns, "organisation"), Name: "Arkkitehtitoimisto Halla Oy",
			Headcount: 12, Sector: "Architecture and design", Country: "FI",
			Description: "Designs housing and public buildings; drawings, BIM models and tender documents are its product.",
			Scales:      isms.DefaultRatingScales(),
		},
		Scope: isms.Scope{
			ID:        isms.DeriveID[isms.Scope](ns, "scope"),
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
			{ID: isms.DeriveID[isms.Issue](ns, "tenders"), Kind: isms.IssueExternal, Description: "Public-sector clients ask for information security in tenders."},
			{ID: isms.DeriveID[isms.Issue](ns, "outsourced"), Kind: isms.IssueInternal, Description: "No IT staff of our own: an outside provider holds the admin passwords."},
			{ID: isms.DeriveID[isms.Issue](ns, "climate"), Kind: isms.IssueExternal, Climate: true,
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
			{ID: isms.DeriveID[isms.Requirement](ns, "gdpr32"), Party: dpa, Kind: isms.RequirementLegal, Title: "Secure processing of personal data",
				Source: "GDPR Article 32", Owner: isms.OwnedByRole(om), Addressed: true},
			{ID: isms.DeriveID[isms.Requirement](ns, "nda"), Party: clients, Kind: isms.RequirementContractual, Title: "Keep clients' design documents confidential",
				Source: "Design agreements (KSE 2013) and client NDAs", Owner: isms.OwnedByRole(mp), Addressed: true},
		},
		Assets: []isms.Asset{
			{ID: asset("project-files"), Name: "Project files (drawings, BIM models)", Type: isms.AssetInformation,
				Description: "All current and archived project files.", Owner: isms.OwnedByRole(mp),
				Location: "Office NAS and cloud drive", Ratings: isms.CIA{Confidentiality: 4, Integrity: 4, Availability: 4}},
			{ID: asset("nas"), Name: "Office NAS", Type: isms.AssetHardware,
				Description: "Network storage in the office server cupboard; the IT provider administers it.", Owner: isms.OwnedByRole(om),
				Location: "Helsinki office", Supplier: itp, Ratings: isms.CIA{Confidentiality: 4, Integrity: 4, Availability: 4}},
			{ID: asset("cloud-drive"), Name: "Cloud drive", Type: isms.AssetService,
				Description: "Cloud file sync and share for projects.", Owner: isms.OwnedByRole(om),
				Location: "Cloud drive provider, EU", Ratings: isms.CIA{Confidentiality: 4, Integrity: 3, Availability: 3}},
			{ID: asset("accounts"), Name: "Staff and admin accounts", Type: isms.AssetSoftware,
				Description: "E-mail accounts, NAS and cloud drive logins, the IT provider's admin accounts.", Owner: isms.OwnedByRole(om),
				Location: "Cloud e-mail and NAS", Supplier: itp, Ratings: isms.CIA{Confidentiality: 4, Integrity: 4, Availability: 3}},
			{ID: asset("laptops"), Name: "Laptops", Type: isms.AssetHardware,
				Description: "12 laptops, three of them used mostly at home.", Owner: isms.OwnedByRole(om),
				Location: "Office and remote work", Ratings: isms.CIA{Confidentiality: 3, Integrity: 2, Availability: 2}},
			{ID: asset("hr"), Name: "Employee records", Type: isms.AssetInformation,
				Description: "Contracts, salaries and bank details.", Owner: isms.OwnedByRole(mp),
				Location: "Payroll bureau", Ratings: isms.CIA{Confidentiality: 4, Integrity: 3, Availability: 2}},
		},
		People: []isms.Person{
			{ID: person("Anna Halla"), Name: "Anna Halla", Title: "Managing partner", Email: "anna@halla.example"},
			{ID: person("Mikko Rinne"), Name: "Mikko Rinne", Title: "Office manager", Email: "mikko@halla.example"},
			{ID: person("Laura Berg"), Name: "Laura Berg", Title: "Architect", Email: "laura@halla.example"},
			{ID: person("Timo Aalto"), Name: "Timo Aalto", Title: "Architect", Email: "timo@halla.example"},
			{ID: person("Kaisa Lind"), Name: "Kaisa Lind", Title: "ISO 27001 consultant", External: true},
		},
		Roles: []isms.Role{
			{ID: mp, Name: "Managing partner", Description: "Approves the policy, provides resources, chairs management reviews.",
				Holders: []isms.PersonID{person("Anna Halla")}, Authorities: []string{"approve the policy", "accept High risks"}},
			{ID: om, Name: "Office manager", Description: "Coordinates information security and the IT provider.",
				Holders: []isms.PersonID{person("Mikko Rinne")}, Authorities: []string{"accept Medium risks"}},
			{ID: emp, Name: "Employees", Description: "Follow the instructions and report deviations.",
				Holders: []isms.PersonID{person("Laura Berg"), person("Timo Aalto"), person("Mikko Rinne")}},
			{ID: aud, Name: "Internal auditor", Description: "External consultant; audits the ISMS once a year.",
				Holders: []isms.PersonID{person("Kaisa Lind")}},
		},
		Responsibilities: []isms.Responsibility{
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaScopeApproval), Area: isms.AreaScopeApproval, Accountable: mp},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaPolicyApproval), Area: isms.AreaPolicyApproval, Accountable: mp},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaRiskAssessment), Area: isms.AreaRiskAssessment, Accountable: om, Responsible: []isms.RoleID{om}},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaControlImplementation), Area: isms.AreaControlImplementation, Accountable: om, Responsible: []isms.RoleID{om}},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaIncidentHandling), Area: isms.AreaIncidentHandling, Accountable: om, Responsible: []isms.RoleID{om, emp}},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaInternalAudit), Area: isms.AreaInternalAudit, Accountable: mp, Responsible: []isms.RoleID{aud}},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaManagementReview), Area: isms.AreaManagementReview, Accountable: mp},
		},
		Objectives: []isms.Objective{
			{ID: isms.DeriveID[isms.Objective](ns, "restore"), Title: "Project files restorable within one working day",
				Metric: "hours to restore a project folder in the quarterly restore test",
				Target: isms.Target{Comparator: isms.AtMost, Value: dec("8"), Unit: "hours"}, Deadline: day(2027, 6, 30), Owner: isms.OwnedByRole(om)},
			{ID: isms.DeriveID[isms.Objective](ns, "mfa"), Title: "MFA on every account",
				Metric: "share of staff and admin accounts with MFA enforced",
				Target: isms.Target{Comparator: isms.AtLeast, Value: dec("100"), Unit: "%"}, Deadline: day(2027, 3, 31), Owner: isms.OwnedByRole(om)},
		},
	}
}

// Suppliers is its supplier register: the IT provider with privileged
// access, the cloud drive and the payroll bureau.
func Suppliers() suppliers.Register {
	om, mp := isms.OwnedByRole(role("Office manager")), isms.OwnedByRole(role("Managing partner"))
	return suppliers.Register{Suppliers: []suppliers.Supplier{
		{
			ID: supplierID("it provider"), Name: "IT service provider", Party: party("IT service provider"), Interface: "IT service provider", Owner: om,
			Services: []string{"Remote IT administration", "NAS and laptop support"},
			Assets:   []isms.AssetID{asset("nas"), asset("accounts"), asset("laptops")},
			Data:     []suppliers.DataCategory{{Name: "Project files and staff accounts (as administrator)", Personal: true}},
			Access:   []suppliers.Access{{Kind: suppliers.AccessPrivileged, Description: "domain and NAS administrator accounts, remote"}},
			Contract: suppliers.Contract{Reference: "IT service agreement 2024", Signed: day(2024, 2, 1), Confidentiality: true, ProcessingAgreement: true, NotificationHours: 24},
		},
		{
			ID: supplierID("cloud drive"), Name: "Cloud drive provider", Interface: "Cloud drive", Owner: om, Cloud: true,
			Services:     []string{"File sync and share"},
			Assets:       []isms.AssetID{asset("cloud-drive"), asset("project-files")},
			Data:         []suppliers.DataCategory{{Name: "Project files with client contact details", Personal: true}},
			Contract:     suppliers.Contract{Reference: "Business plan terms and DPA", Signed: day(2023, 5, 1), Confidentiality: true, ProcessingAgreement: true, NotificationHours: 48, ExitReturn: true},
			Certificates: []suppliers.Certificate{{Scheme: "ISO/IEC 27001", Scope: "File storage service", Covers: []string{"File sync and share"}, Issued: day(2025, 1, 1), Expires: day(2028, 1, 1)}},
			ExitPlan:     "Files are mirrored on the office NAS; another provider could be set up in a week.",
		},
		{
			ID: supplierID("payroll"), Name: "Payroll bureau", Interface: "Payroll bureau", Owner: mp,
			Services:    []string{"Payroll"},
			Assets:      []isms.AssetID{asset("hr")},
			Data:        []suppliers.DataCategory{{Name: "Salaries, bank accounts and tax details", Personal: true}},
			Contract:    suppliers.Contract{Reference: "Payroll agreement 2022", Signed: day(2022, 1, 1), Confidentiality: true, ProcessingAgreement: true, NotificationHours: 24, ExitReturn: true},
			Assessments: []suppliers.Assessment{{Date: day(2026, 10, 1), Method: "questionnaire", Outcome: suppliers.OutcomeAcceptable}},
		},
	}}
}

// Implementations are its control implementation records.
func Implementations() []controls.Implementation {
	om := isms.OwnedByRole(role("Office manager"))
	impl := func(c controls.ID, st controls.Status, ev string) controls.Implementation {
		im := controls.Implementation{ID: isms.DeriveID[controls.Implementation](ns, string(c)), Control: c, Status: st, Owner: om}
		if ev != "" {
			im.Evidence = []controls.Evidence{{Title: ev, Location: "IT provider monthly report", Date: day(2026, 10, 31)}}
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
// Register is its risk register as the workshop left it.
func Register() (risk.Register, error) {
	mp, om := role("Managing partner"), role("Office manager")
	mikko := person("Mikko Rinne")
	m := risk.DefaultMethod()
	m.Criteria.Authorities = []risk.Authority{{Role: om, UpTo: "medium", MaxMonths: 12}, {Role: mp, UpTo: "critical", MaxMonths: 6}}
	as := func(l, i int, why string) risk.Assessment {
		return risk.Assessment{Rating: risk.Rating{Likelihood: l, Impact: i}, Rationale: why, Assessor: mikko, Date: Workshop}
	}
	act := func(title string, owner isms.RoleID, months int, c ...controls.ID) risk.Action {
		return risk.Action{Title: title, Owner: isms.OwnedByRole(owner), Due: Workshop.AddDate(0, months, 0), Status: risk.ActionPlanned, Controls: c}
	}
	cost := func(v int64) *risk.Money { x := eur(v); return &x }
	risks := []risk.Risk{
		{
			Ref: "R-1", Title: "The IT provider's admin account is misused or hijacked", Kind: risk.EventBased,
			Supplier:   supplierID("it provider"),
			Scenario:   "An attacker takes over the IT provider's remote admin account and encrypts or copies the NAS.",
			Properties: []risk.Property{risk.Confidentiality, risk.Integrity, risk.Availability}, Owner: isms.OwnedByRole(mp),
			Inherent: as(3, 5, "the provider holds standing domain admin rights without MFA"),
			Target:   as(1, 4, "MFA and just-in-time admin access, access reviewed quarterly"),
			Applied:  []risk.AppliedControl{{Control: "8.13", Effectiveness: controls.LargelyEffective}},
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{
				act("Require MFA on the provider's admin accounts", om, 2, "8.5", "5.20"),
				act("Review the provider's privileged access quarterly", om, 3, "8.2", "5.22"),
			}, Cost: cost(3_000)},
			InherentLoss: &risk.Loss{SLE: eur(120_000), ARO: dec("0.2")},
			Loss:         &risk.Loss{SLE: eur(60_000), ARO: dec("0.2")},
			TargetLoss:   &risk.Loss{SLE: eur(60_000), ARO: dec("0.04")},
			NextReview:   Workshop.AddDate(0, 3, 0),
		},
		{
			Ref: "R-2", Title: "The payroll bureau leaks salary and bank data", Kind: risk.EventBased,
			Supplier:   supplierID("payroll"),
			Scenario:   "The payroll bureau is breached and our staff's salaries and bank details are published.",
			Properties: []risk.Property{risk.Confidentiality}, Owner: isms.OwnedByRole(mp),
			Inherent:   as(2, 3, "a small bureau; we have never assessed it"),
			Treatment:  risk.Treatment{Option: risk.Retain, Rationale: "the bureau is bound by a DPA; the impact on the firm is moderate"},
			Loss:       &risk.Loss{SLE: eur(15_000), ARO: dec("0.05")},
			NextReview: Workshop.AddDate(1, 0, 0),
		},
		{
			Ref: "R-3", Title: "Ransomware encrypts the NAS and the synced cloud drive", Kind: risk.AssetBased,
			Assets: []isms.AssetID{asset("nas"), asset("project-files")},
			Threat: "ransomware", Vulnerability: "every laptop maps the whole NAS; the cloud drive syncs deletions",
			Properties: []risk.Property{risk.Availability, risk.Integrity}, Owner: isms.OwnedByRole(mp),
			Inherent: as(3, 5, "phishing reaches staff weekly; a lost week of drawings misses tender deadlines"),
			Target:   as(2, 3, "offline immutable backup and restore tests"),
			Applied:  []risk.AppliedControl{{Control: "8.7", Effectiveness: controls.LargelyEffective}, {Control: "8.13", Effectiveness: controls.PartiallyEffective}},
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{
				act("Immutable offsite backup of the NAS", om, 2, "8.13"),
				act("Quarterly restore test", om, 3, "5.30"),
			}, Cost: cost(2_400)},
			InherentLoss: &risk.Loss{SLE: eur(150_000), ARO: dec("0.3")},
			Loss:         &risk.Loss{SLE: eur(80_000), ARO: dec("0.15")},
			TargetLoss:   &risk.Loss{SLE: eur(20_000), ARO: dec("0.15")},
			NextReview:   Workshop.AddDate(0, 3, 0),
		},
		{
			Ref: "R-4", Title: "The cloud drive is unavailable or the account is locked", Kind: risk.EventBased,
			Supplier:   supplierID("cloud drive"),
			Scenario:   "The cloud drive provider has a day-long outage or locks our account before a tender deadline.",
			Properties: []risk.Property{risk.Availability}, Owner: isms.OwnedByRole(om),
			Inherent:   as(2, 2, "files are mirrored on the NAS"),
			Treatment:  risk.Treatment{Option: risk.Retain, Rationale: "the NAS mirror covers an outage"},
			Loss:       &risk.Loss{SLE: eur(5_000), ARO: dec("0.5")},
			NextReview: Workshop.AddDate(1, 0, 0),
		},
		{
			Ref: "R-5", Title: "A remote worker's laptop is lost or stolen", Kind: risk.AssetBased,
			Assets: []isms.AssetID{asset("laptops")},
			Threat: "theft or loss", Vulnerability: "project files are synced locally",
			Properties: []risk.Property{risk.Confidentiality, risk.Availability}, Owner: isms.OwnedByRole(om),
			Inherent:   as(3, 2, "about one laptop a year goes missing"),
			Applied:    []risk.AppliedControl{{Control: "8.1", Effectiveness: controls.Effective}},
			Treatment:  risk.Treatment{Option: risk.Retain, Rationale: "disks are encrypted"},
			Loss:       &risk.Loss{SLE: eur(2_500), ARO: dec("1")},
			NextReview: Workshop.AddDate(1, 0, 0),
		},
	}
	cat := controls.AnnexA()
	for i := range risks {
		r := &risks[i]
		r.ID = isms.DeriveID[risk.Risk](ns, r.Ref)
		der, err := risk.DeriveResidual(m, r.Inherent.Rating, r.Applied, cat)
		if err != nil {
			return risk.Register{}, err
		}
		r.Residual = as(der.Likelihood, der.Impact, "derived from the controls in place")
		r.Residual.Derived = true
		r.Residual.Confirmed = &risk.Confirmation{By: r.Owner, Date: Workshop, Rationale: "confirmed in the workshop"}
		r.Treatment.Approved = &risk.Approval{By: r.Owner, Date: Workshop}
	}
	reg := risk.Register{Method: m, Risks: risks}
	// The managing partner accepts every retained risk in the workshop.
	for i := range reg.Risks {
		r := &reg.Risks[i]
		if r.Treatment.Option != risk.Retain {
			continue
		}
		a := &risk.Acceptance{By: mp, Person: person("Anna Halla"), Date: Workshop, Rationale: "accepted in the first workshop until the next review",
			Accepted: r.Residual.Rating, Expires: Workshop.AddDate(0, 6, 0)}
		if r.Owner.Role != mp {
			a.OwnerAgreement = &risk.Approval{By: r.Owner, Date: Workshop}
		}
		r.Acceptance = a
	}
	return reg, nil
}
