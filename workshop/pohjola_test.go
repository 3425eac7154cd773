package workshop_test

// The trial company of issue 22's third trial (a 200-person logistics
// company, /work/trial3/company.go): its context, supplier register,
// implementation records and register, copied so the workshop's fixes are
// tested against the case that found them.

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/quant"
	"github.com/ismskit/ismskit/suppliers"
)

// Pohjola Logistiikka Oy: 200 people, head office Tampere, warehouses Vantaa and Oulu.
var (
	pns       = isms.NewNamespace("Pohjola Logistiikka Oy")
	pWorkshop = time.Date(2026, 11, 12, 0, 0, 0, 0, time.UTC)
)

func pd(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
func pRole(n string) isms.RoleID                { return isms.DeriveID[isms.Role](pns, n) }
func pPerson(n string) isms.PersonID            { return isms.DeriveID[isms.Person](pns, n) }
func pParty(n string) isms.PartyID              { return isms.DeriveID[isms.InterestedParty](pns, n) }
func pAsset(n string) isms.AssetID              { return isms.DeriveID[isms.Asset](pns, n) }
func pReq(n string) isms.RequirementID          { return isms.DeriveID[isms.Requirement](pns, n) }
func pSupplier(n string) suppliers.ID           { return isms.DeriveID[suppliers.Supplier](pns, "supplier "+n) }
func pEUR(v int64) risk.Money                   { return risk.Money{Amount: decimal.NewFromInt(v), Currency: "EUR"} }
func pDec(s string) decimal.Decimal             { return decimal.RequireFromString(s) }
func pByRole(n string) isms.Owner               { return isms.OwnedByRole(pRole(n)) }

const (
	pCEO   = "CEO"
	pCFO   = "CFO"
	pCISO  = "Information security manager"
	pITM   = "IT manager"
	pOPS   = "Operations director"
	pHR    = "HR manager"
	pWHV   = "Warehouse manager Vantaa"
	pWHO   = "Warehouse manager Oulu"
	pFLEET = "Fleet manager"
	pAUD   = "Internal auditor"
	pSTAFF = "All staff"
)

func pohjolaContext() isms.OrgContext {
	customers, dpa, mssp, staff, owners, insurer := pParty("Customers"), pParty("Data protection authority"), pParty("MSSP"), pParty("Employees"), pParty("Owners"), pParty("Insurer")
	wmsP, edi, payroll := pParty("WMS provider"), pParty("EDI operator"), pParty("Payroll bureau")
	resp := func(a string, acc string, r ...string) isms.Responsibility {
		var rs []isms.RoleID
		for _, x := range r {
			rs = append(rs, pRole(x))
		}
		return isms.Responsibility{ID: isms.DeriveID[isms.Responsibility](pns, a), Area: a, Accountable: pRole(acc), Responsible: rs}
	}
	return isms.OrgContext{
		Organization: isms.Organization{
			ID: isms.DeriveID[isms.Organization](pns, "organisation"), Name: "Pohjola Logistiikka Oy",
			Headcount: 200, Sector: "Logistics and warehousing", Country: "FI",
			Description: "Road transport and contract warehousing for retail and industrial customers in Finland; 40 drivers, warehouses in Vantaa and Oulu.",
			Scales:      isms.DefaultRatingScales(),
		},
		Scope: isms.Scope{
			ID:        isms.DeriveID[isms.Scope](pns, "scope"),
			Statement: "The ISMS covers the transport and warehousing services of Pohjola Logistiikka Oy delivered from the Tampere head office and the Vantaa and Oulu warehouses, including the drivers' mobile devices, the Tampere server room and the information exchanged with customers over EDI.",
			Items: []isms.ScopeItem{
				{Kind: isms.ScopeService, Name: "Contract warehousing", Justification: "Customers' goods and stock data are held for them; their contracts ask for ISO 27001."},
				{Kind: isms.ScopeService, Name: "Road transport", Justification: "40 drivers carry consignee data on mobile devices."},
				{Kind: isms.ScopeLocation, Name: "Tampere head office", Justification: "Management, finance, customer service and the on-site server room."},
				{Kind: isms.ScopeLocation, Name: "Vantaa warehouse", Justification: "Largest warehouse; scanners and WMS terminals."},
				{Kind: isms.ScopeLocation, Name: "Oulu warehouse", Justification: "Northern warehouse; same systems as Vantaa."},
				{Kind: isms.ScopeSystem, Name: "Warehouse management system", Justification: "SaaS system that runs every warehouse order."},
				{Kind: isms.ScopeInformation, Name: "Consignee and employee personal data", Justification: "Names, addresses and phone numbers of consignees; employee pHR and payroll data."},
				{Kind: isms.ScopeBusinessUnit, Name: "Vehicle maintenance workshop", Excluded: true, Justification: "Separate subsidiary with its own systems and no access to customer data."},
			},
			Interfaces: []isms.Interface{
				{Kind: isms.InterfaceCloudService, Name: "WMS SaaS", Party: wmsP, Exchange: "all warehouse orders, stock and consignee data"},
				{Kind: isms.InterfaceSupplier, Name: "Managed security service", Party: mssp, Exchange: "24/7 monitoring, privileged administration of servers and firewalls"},
				{Kind: isms.InterfaceSupplier, Name: "Payroll bureau", Party: payroll, Exchange: "employee personal data, monthly"},
				{Kind: isms.InterfaceSupplier, Name: "EDI network", Party: edi, Exchange: "orders, dispatch advice and invoices with customers"},
				{Kind: isms.InterfaceCloudService, Name: "Mobile device management", Exchange: "drivers' phones enrolled and wiped remotely"},
				{Kind: isms.InterfaceCustomer, Name: "Customers' EDI systems", Party: customers, Exchange: "EDIFACT messages through the EDI operator"},
			},
		},
		Issues: []isms.Issue{
			{ID: isms.DeriveID[isms.Issue](pns, "customers"), Kind: isms.IssueExternal, Description: "Retail customers require ISO 27001 certification in tenders from 2027."},
			{ID: isms.DeriveID[isms.Issue](pns, "nis2"), Kind: isms.IssueExternal, Description: "Road transport is in the scope of NIS2 (Finnish Cybersecurity Act 2025)."},
			{ID: isms.DeriveID[isms.Issue](pns, "outsourced"), Kind: isms.IssueInternal, Description: "IT is small (4 people); security monitoring and the WMS are outsourced."},
			{ID: isms.DeriveID[isms.Issue](pns, "climate"), Kind: isms.IssueExternal, Climate: true,
				Description: "Climate change was considered: storms and floods may cut power to the warehouses and the Tampere server room; covered by the continuity plan."},
		},
		Parties: []isms.InterestedParty{
			{ID: customers, Name: "Customers", Kind: isms.PartyCustomer, Needs: "Goods and data handled securely; EDI available; ISO 27001 certificate."},
			{ID: dpa, Name: "Data protection authority", Kind: isms.PartyRegulator, Needs: "Lawful processing of consignee and employee personal data; breaches notified in 72 hours."},
			{ID: mssp, Name: "MSSP", Kind: isms.PartySupplier, Needs: "Clear scope of monitoring and access only as agreed."},
			{ID: wmsP, Name: "WMS provider", Kind: isms.PartySupplier, Needs: "Timely payment and a named contact."},
			{ID: edi, Name: "EDI operator", Kind: isms.PartySupplier, Needs: "Correct partner profiles."},
			{ID: payroll, Name: "Payroll bureau", Kind: isms.PartySupplier, Needs: "Correct monthly data."},
			{ID: staff, Name: "Employees", Kind: isms.PartyEmployee, Needs: "Their personal data protected; workable devices."},
			{ID: owners, Name: "Owners", Kind: isms.PartyOwner, Needs: "Win retail tenders; no large losses."},
			{ID: insurer, Name: "Insurer", Kind: isms.PartyInsurer, Needs: "MFA, backups and EDR for cyber cover."},
		},
		Requirements: []isms.Requirement{
			{ID: pReq("gdpr"), Party: dpa, Kind: isms.RequirementLegal, Title: "Secure processing of consignee and employee personal data",
				Source: "GDPR Articles 32-34", Owner: pByRole(pCISO), Addressed: true},
			{ID: pReq("nis2"), Party: dpa, Kind: isms.RequirementLegal, Title: "Cybersecurity risk management and incident reporting",
				Source: "Finnish Cybersecurity Act 124/2025", Owner: pByRole(pCISO), Addressed: true},
			{ID: pReq("iso"), Party: customers, Kind: isms.RequirementContractual, Title: "ISO/IEC 27001 certificate by 2027",
				Source: "Retail framework agreements", Owner: pByRole(pCEO), Addressed: true},
			{ID: pReq("cyber"), Party: insurer, Kind: isms.RequirementContractual, Title: "MFA, EDR and offline backups",
				Source: "Cyber insurance policy 2026", Owner: pByRole(pCFO), Addressed: true},
		},
		Assets: []isms.Asset{
			{ID: pAsset("wms"), Name: "Warehouse management system", Type: isms.AssetService, Description: "SaaS WMS: orders, stock, picking, consignee addresses.",
				Owner: pByRole(pOPS), Location: "WMS provider, EU", Supplier: wmsP, Ratings: isms.CIA{Confidentiality: 3, Integrity: 4, Availability: 4}},
			{ID: pAsset("server-room"), Name: "Tampere server room", Type: isms.AssetSite, Description: "File server, ERP database, domain controllers, firewalls.",
				Owner: pByRole(pITM), Location: "Tampere head office", Supplier: mssp, Ratings: isms.CIA{Confidentiality: 4, Integrity: 4, Availability: 4}},
			{ID: pAsset("erp"), Name: "ERP and invoicing", Type: isms.AssetSoftware, Description: "Finance, invoicing and customer contracts; database in the server room.",
				Owner: pByRole(pCFO), Location: "Tampere server room", Ratings: isms.CIA{Confidentiality: 3, Integrity: 4, Availability: 3}},
			{ID: pAsset("consignee"), Name: "Consignee personal data", Type: isms.AssetInformation, Description: "Names, addresses and phone numbers of customers' consignees.",
				Owner: pByRole(pOPS), Location: "WMS, driver devices", Ratings: isms.CIA{Confidentiality: 3, Integrity: 3, Availability: 3}},
			{ID: pAsset("hr"), Name: "Employee records", Type: isms.AssetInformation, Description: "Contracts, salaries, bank and tax details, sick leave.",
				Owner: pByRole(pHR), Location: "HR system and payroll bureau", Supplier: payroll, Ratings: isms.CIA{Confidentiality: 4, Integrity: 3, Availability: 2}},
			{ID: pAsset("mobiles"), Name: "Drivers' mobile devices", Type: isms.AssetHardware, Description: "40 Android phones with the delivery app and consignee lists.",
				Owner: pByRole(pFLEET), Location: "Vehicles", Ratings: isms.CIA{Confidentiality: 3, Integrity: 2, Availability: 3}},
			{ID: pAsset("edi"), Name: "Customer EDI links", Type: isms.AssetService, Description: "EDIFACT orders, dispatch advice and invoices via the EDI operator.",
				Owner: pByRole(pITM), Location: "EDI operator", Supplier: edi, Ratings: isms.CIA{Confidentiality: 2, Integrity: 4, Availability: 4}},
			{ID: pAsset("accounts"), Name: "Staff and admin accounts", Type: isms.AssetSoftware, Description: "Microsoft 365 and domain accounts; the MSSP's admin accounts.",
				Owner: pByRole(pITM), Location: "Cloud and Tampere server room", Supplier: mssp, Ratings: isms.CIA{Confidentiality: 4, Integrity: 4, Availability: 3}},
		},
		People: []isms.Person{
			{ID: pPerson("Jukka Mäkinen"), Name: "Jukka Mäkinen", Title: "CEO"},
			{ID: pPerson("Satu Koskinen"), Name: "Satu Koskinen", Title: "CFO"},
			{ID: pPerson("Elina Heikkinen"), Name: "Elina Heikkinen", Title: "Information security manager"},
			{ID: pPerson("Pekka Laine"), Name: "Pekka Laine", Title: "IT manager"},
			{ID: pPerson("Hanna Järvinen"), Name: "Hanna Järvinen", Title: "Operations director"},
			{ID: pPerson("Mari Salo"), Name: "Mari Salo", Title: "HR manager"},
			{ID: pPerson("Ville Niemi"), Name: "Ville Niemi", Title: "Warehouse manager Vantaa"},
			{ID: pPerson("Oona Lehto"), Name: "Oona Lehto", Title: "Warehouse manager Oulu"},
			{ID: pPerson("Antti Räsänen"), Name: "Antti Räsänen", Title: "Fleet manager"},
			{ID: pPerson("Kari Auditor"), Name: "Kari Tuominen", Title: "Internal auditor (quality)"},
		},
		Roles: []isms.Role{
			{ID: pRole(pCEO), Name: pCEO, Description: "Top management; approves the policy, chairs management reviews.", Holders: []isms.PersonID{pPerson("Jukka Mäkinen")}, Authorities: []string{"approve the policy", "accept Critical risks"}},
			{ID: pRole(pCFO), Name: pCFO, Description: "Finance; budget for controls.", Holders: []isms.PersonID{pPerson("Satu Koskinen")}, Authorities: []string{"accept High risks"}},
			{ID: pRole(pCISO), Name: pCISO, Description: "Runs the ISMS.", Holders: []isms.PersonID{pPerson("Elina Heikkinen")}, Authorities: []string{"accept Medium risks"}},
			{ID: pRole(pITM), Name: pITM, Description: "Runs internal IT and manages the MSSP.", Holders: []isms.PersonID{pPerson("Pekka Laine")}},
			{ID: pRole(pOPS), Name: pOPS, Description: "Owns warehousing and transport operations and the WMS.", Holders: []isms.PersonID{pPerson("Hanna Järvinen")}},
			{ID: pRole(pHR), Name: pHR, Description: "Joiners, movers and leavers; payroll bureau.", Holders: []isms.PersonID{pPerson("Mari Salo")}},
			{ID: pRole(pWHV), Name: pWHV, Description: "Vantaa warehouse.", Holders: []isms.PersonID{pPerson("Ville Niemi")}},
			{ID: pRole(pWHO), Name: pWHO, Description: "Oulu warehouse.", Holders: []isms.PersonID{pPerson("Oona Lehto")}},
			{ID: pRole(pFLEET), Name: pFLEET, Description: "Drivers and their devices.", Holders: []isms.PersonID{pPerson("Antti Räsänen")}},
			{ID: pRole(pAUD), Name: pAUD, Description: "Quality auditor, independent of IT; audits the ISMS yearly.", Holders: []isms.PersonID{pPerson("Kari Auditor")}},
		},
		Responsibilities: []isms.Responsibility{
			resp(isms.AreaScopeApproval, pCEO),
			resp(isms.AreaPolicyApproval, pCEO),
			resp(isms.AreaRiskAssessment, pCISO, pCISO),
			resp(isms.AreaControlImplementation, pITM, pITM),
			resp(isms.AreaIncidentHandling, pCISO, pITM, pCISO),
			resp(isms.AreaInternalAudit, pCEO, pAUD),
			resp(isms.AreaManagementReview, pCEO, pCISO),
		},
		Objectives: []isms.Objective{
			{ID: isms.DeriveID[isms.Objective](pns, "mfa"), Title: "MFA on every account", Metric: "share of accounts with MFA enforced",
				Target: isms.Target{Comparator: isms.AtLeast, Value: pDec("100"), Unit: "%"}, Deadline: pd(2027, 3, 31), Owner: pByRole(pITM)},
			{ID: isms.DeriveID[isms.Objective](pns, "leavers"), Title: "Leavers' access removed within 24 hours", Metric: "share of leavers removed within 24 h",
				Target: isms.Target{Comparator: isms.AtLeast, Value: pDec("95"), Unit: "%"}, Deadline: pd(2027, 6, 30), Owner: pByRole(pHR)},
			{ID: isms.DeriveID[isms.Objective](pns, "training"), Title: "Security training for all staff incl. drivers", Metric: "share of staff trained this year",
				Target: isms.Target{Comparator: isms.AtLeast, Value: pDec("90"), Unit: "%"}, Deadline: pd(2027, 9, 30), Owner: pByRole(pCISO)},
		},
	}
}

func pohjolaSuppliers() suppliers.Register {
	return suppliers.Register{Suppliers: []suppliers.Supplier{
		{
			ID: pSupplier("wms"), Name: "Nordic WMS Cloud Oy", Party: pParty("WMS provider"), Interface: "WMS SaaS", Owner: pByRole(pOPS), Cloud: true,
			Services:     []string{"Warehouse management system (SaaS)"},
			Assets:       []isms.AssetID{pAsset("wms"), pAsset("consignee")},
			Data:         []suppliers.DataCategory{{Name: "Consignee names and addresses", Personal: true}, {Name: "Customers' stock and orders"}},
			Access:       []suppliers.Access{{Kind: suppliers.AccessRemote, Description: "vendor support into our WMS tenant", Reviewed: pd(2026, 6, 1)}},
			Contract:     suppliers.Contract{Reference: "WMS subscription 2024 + DPA", Signed: pd(2024, 3, 1), Confidentiality: true, ProcessingAgreement: true, NotificationHours: 24, ExitReturn: true, RightToAudit: true},
			Certificates: []suppliers.Certificate{{Scheme: "ISO/IEC 27001", Scope: "WMS SaaS platform operations", Covers: []string{"Warehouse management system (SaaS)"}, Issued: pd(2025, 2, 1), Expires: pd(2028, 2, 1)}},
			Assessments:  []suppliers.Assessment{{Date: pd(2026, 3, 15), Method: "certificate review", Outcome: suppliers.OutcomeAcceptable}},
			ExitPlan:     "Nightly export of orders and stock to the Tampere file server; migration to another WMS estimated at 3 months.",
		},
		{
			ID: pSupplier("mssp"), Name: "Vahti Security Oy (MSSP)", Party: pParty("MSSP"), Interface: "Managed security service", Owner: pByRole(pITM),
			Services:     []string{"24/7 SOC monitoring", "Firewall and server administration"},
			Assets:       []isms.AssetID{pAsset("server-room"), pAsset("accounts")},
			Data:         []suppliers.DataCategory{{Name: "Logs with staff user names", Personal: true}},
			Access:       []suppliers.Access{{Kind: suppliers.AccessPrivileged, Description: "domain admin and firewall admin, remote, 24/7", Reviewed: pd(2026, 9, 1)}},
			Contract:     suppliers.Contract{Reference: "MSSP agreement 2025", Signed: pd(2025, 1, 15), Confidentiality: true, ProcessingAgreement: true, NotificationHours: 4, RightToAudit: true},
			Certificates: []suppliers.Certificate{{Scheme: "ISO/IEC 27001", Scope: "SOC services", Covers: []string{"24/7 SOC monitoring"}, Issued: pd(2024, 5, 1), Expires: pd(2027, 5, 1)}},
			Assessments:  []suppliers.Assessment{{Date: pd(2026, 2, 10), Method: "on-site audit", Outcome: suppliers.OutcomeConditional, Notes: "admin accounts shared by SOC shift"}},
		},
		{
			ID: pSupplier("payroll"), Name: "Palkka-Apu Oy", Party: pParty("Payroll bureau"), Interface: "Payroll bureau", Owner: pByRole(pHR),
			Services:    []string{"Payroll"},
			Assets:      []isms.AssetID{pAsset("hr")},
			Data:        []suppliers.DataCategory{{Name: "Salaries, bank and tax details", Personal: true}, {Name: "Sick leave", Personal: true, Special: true}},
			Contract:    suppliers.Contract{Reference: "Payroll agreement 2021", Signed: pd(2021, 1, 1), Confidentiality: true, ProcessingAgreement: true, NotificationHours: 48, ExitReturn: true},
			Assessments: []suppliers.Assessment{{Date: pd(2025, 1, 20), Method: "questionnaire", Outcome: suppliers.OutcomeAcceptable}},
		},
		{
			ID: pSupplier("edi"), Name: "EDI-Verkko Oy", Party: pParty("EDI operator"), Interface: "EDI network", Owner: pByRole(pITM),
			Services:    []string{"EDI VAN operator"},
			Assets:      []isms.AssetID{pAsset("edi")},
			Data:        []suppliers.DataCategory{{Name: "Orders and dispatch advice with consignee addresses", Personal: true}},
			Contract:    suppliers.Contract{Reference: "EDI service 2019", Signed: pd(2019, 6, 1), Confidentiality: true, ProcessingAgreement: true, NotificationHours: 72},
			Assessments: []suppliers.Assessment{{Date: pd(2024, 11, 1), Method: "questionnaire", Outcome: suppliers.OutcomeAcceptable}},
		},
		{
			ID: pSupplier("mdm"), Name: "MobiFleet MDM", Interface: "Mobile device management", Owner: pByRole(pFLEET), Cloud: true,
			Services: []string{"Mobile device management"},
			Assets:   []isms.AssetID{pAsset("mobiles")},
			Data:     []suppliers.DataCategory{{Name: "Driver names and device locations", Personal: true}},
			Contract: suppliers.Contract{Reference: "MDM subscription", Signed: pd(2025, 9, 1), ProcessingAgreement: true, NotificationHours: 24},
		},
	}}
}

func pohjolaImplementations() []controls.Implementation {
	impl := func(c controls.ID, st controls.Status, owner string, ev string) controls.Implementation {
		im := controls.Implementation{ID: isms.DeriveID[controls.Implementation](pns, string(c)), Control: c, Status: st, Owner: pByRole(owner)}
		if ev != "" {
			im.Evidence = []controls.Evidence{{Title: ev, Location: "MSSP monthly report", Date: pd(2026, 10, 31)}}
			im.Effectiveness = controls.LargelyEffective
		}
		return im
	}
	return []controls.Implementation{
		impl("8.13", controls.Implemented, pITM, "Nightly backup of the server room to the MSSP's cloud"),
		impl("8.7", controls.Implemented, pITM, "EDR console export"),
		impl("8.16", controls.Implemented, pITM, "24/7 SOC monitoring report"),
		impl("8.1", controls.Implemented, pFLEET, "MDM compliance report: 38/40 phones encrypted"),
		impl("7.2", controls.Implemented, pITM, "Server room access log"),
		impl("8.5", controls.InProgress, pITM, ""),
		func() controls.Implementation {
			i := impl("8.25", controls.NotApplicable, pITM, "")
			i.Reason = "No software is developed in-house; the WMS and ERP are bought as products."
			return i
		}(),
	}
}

func pohjolaRegister() (risk.Register, error) {
	m := risk.DefaultMethod()
	m.Criteria.Authorities = []risk.Authority{
		{Role: pRole(pCISO), UpTo: "medium", MaxMonths: 12},
		{Role: pRole(pCFO), UpTo: "high", MaxMonths: 12},
		{Role: pRole(pCEO), UpTo: "critical", MaxMonths: 6},
	}
	elina := pPerson("Elina Heikkinen")
	as := func(l, i int, why string) risk.Assessment {
		return risk.Assessment{Rating: risk.Rating{Likelihood: l, Impact: i}, Rationale: why, Assessor: elina, Date: pWorkshop}
	}
	act := func(title, owner string, months int, c ...controls.ID) risk.Action {
		return risk.Action{Title: title, Owner: pByRole(owner), Due: pWorkshop.AddDate(0, months, 0), Status: risk.ActionPlanned, Controls: c}
	}
	cost := func(v int64) *risk.Money { x := pEUR(v); return &x }
	loss := func(sle int64, aro string) *risk.Loss { return &risk.Loss{SLE: pEUR(sle), ARO: pDec(aro)} }
	risks := []risk.Risk{
		{Ref: "R-1", Title: "WMS SaaS outage stops picking at both warehouses", Kind: risk.EventBased, Supplier: pSupplier("wms"),
			Scenario: "The WMS provider has a multi-day outage; Vantaa and Oulu cannot pick or ship.", Properties: []risk.Property{risk.Availability},
			Owner: pByRole(pOPS), Requirements: []isms.RequirementID{pReq("iso")},
			Inherent: as(3, 5, "single SaaS, no offline mode"), Target: as(2, 3, "offline picking lists and tested exit export"),
			Applied:      []risk.AppliedControl{{Control: "8.13", Effectiveness: controls.PartiallyEffective}},
			Treatment:    risk.Treatment{Option: risk.Modify, Actions: []risk.Action{act("Offline picking list fallback", pOPS, 3, "5.30"), act("Add availability SLA with service credits", pOPS, 4, "5.20")}, Cost: cost(18_000)},
			InherentLoss: loss(400_000, "0.3"), Loss: loss(300_000, "0.3"), TargetLoss: loss(100_000, "0.2"), NextReview: pWorkshop.AddDate(0, 6, 0)},
		{Ref: "R-2", Title: "MSSP privileged account hijacked; attacker gets domain admin", Kind: risk.EventBased, Supplier: pSupplier("mssp"),
			Scenario: "An attacker compromises the MSSP's shared admin account and deploys ransomware on the server room.", Properties: []risk.Property{risk.Confidentiality, risk.Integrity, risk.Availability},
			Owner: pByRole(pITM), Requirements: []isms.RequirementID{pReq("nis2")},
			Inherent: as(3, 5, "shared SOC admin accounts, standing access"), Target: as(1, 5, "named, just-in-time admin with MFA"),
			Applied:      []risk.AppliedControl{{Control: "8.16", Effectiveness: controls.LargelyEffective}},
			Treatment:    risk.Treatment{Option: risk.Modify, Actions: []risk.Action{act("Named MSSP admin accounts with MFA", pITM, 2, "5.18", "8.5"), act("Just-in-time privileged access", pITM, 5, "8.2")}, Cost: cost(25_000)},
			InherentLoss: loss(900_000, "0.1"), Loss: loss(800_000, "0.08"), TargetLoss: loss(800_000, "0.02"), NextReview: pWorkshop.AddDate(0, 3, 0)},
		{Ref: "R-3", Title: "Payroll bureau breach leaks employee salary and sick-leave data", Kind: risk.EventBased, Supplier: pSupplier("payroll"),
			Scenario: "The payroll bureau is breached and 200 employees' data is published.", Properties: []risk.Property{risk.Confidentiality},
			Owner: pByRole(pHR), Requirements: []isms.RequirementID{pReq("gdpr")},
			Inherent: as(2, 4, "small bureau, last assessed 2025"), Target: as(2, 3, "yearly assessment and encrypted transfer"),
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{act("Assess the payroll bureau on-site", pHR, 3, "5.22")}, Cost: cost(4_000)},
			Loss:      loss(120_000, "0.05"), TargetLoss: loss(80_000, "0.04"), NextReview: pWorkshop.AddDate(1, 0, 0)},
		{Ref: "R-4", Title: "Ransomware encrypts the Tampere server room", Kind: risk.AssetBased, Assets: []isms.AssetID{pAsset("server-room"), pAsset("erp")},
			Threat: "ransomware", Vulnerability: "flat network between warehouses and the server room; backups online",
			Properties: []risk.Property{risk.Availability, risk.Integrity}, Owner: pByRole(pITM), Requirements: []isms.RequirementID{pReq("cyber")},
			Inherent: as(4, 5, "phishing reaches 200 mailboxes"), Target: as(2, 3, "segmented network and immutable backups"),
			Applied:      []risk.AppliedControl{{Control: "8.7", Effectiveness: controls.LargelyEffective}, {Control: "8.13", Effectiveness: controls.PartiallyEffective}},
			Treatment:    risk.Treatment{Option: risk.Modify, Actions: []risk.Action{act("Immutable offsite backups", pITM, 2, "8.13"), act("Segment warehouse network", pITM, 6, "8.22")}, Cost: cost(40_000)},
			InherentLoss: loss(1_200_000, "0.2"), Loss: loss(700_000, "0.15"), TargetLoss: loss(250_000, "0.1"), NextReview: pWorkshop.AddDate(0, 3, 0)},
		{Ref: "R-5", Title: "A driver's phone with consignee lists is lost or stolen", Kind: risk.AssetBased, Assets: []isms.AssetID{pAsset("mobiles"), pAsset("consignee")},
			Threat: "theft or loss", Vulnerability: "2 of 40 phones not encrypted; no PIN policy",
			Properties: []risk.Property{risk.Confidentiality}, Owner: pByRole(pFLEET), Requirements: []isms.RequirementID{pReq("gdpr")},
			Inherent: as(4, 2, "several phones lost a year"), Target: as(3, 1, "MDM enforced encryption and remote wipe"),
			Applied:   []risk.AppliedControl{{Control: "8.1", Effectiveness: controls.LargelyEffective}},
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{act("Enforce PIN and encryption on all phones", pFLEET, 1, "8.1")}, Cost: cost(2_000)},
			Loss:      loss(5_000, "4"), TargetLoss: loss(1_000, "4"), NextReview: pWorkshop.AddDate(1, 0, 0)},
		{Ref: "R-6", Title: "Fraudulent or tampered EDI orders release goods to a thief", Kind: risk.EventBased, Supplier: pSupplier("edi"),
			Scenario: "A fake dispatch instruction arrives through the EDI network and goods are released to a wrong address.", Properties: []risk.Property{risk.Integrity},
			Owner:    pByRole(pOPS),
			Inherent: as(2, 4, "EDI partner profiles not checked"), Target: as(1, 4, "partner whitelist and address-change call-back"),
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{act("Call-back on delivery-address changes", pOPS, 2, "5.14")}, Cost: cost(6_000)},
			Loss:      loss(150_000, "0.1"), TargetLoss: loss(150_000, "0.03"), NextReview: pWorkshop.AddDate(0, 6, 0)},
		{Ref: "R-7", Title: "Fire, water or power loss in the Tampere server room", Kind: risk.AssetBased, Assets: []isms.AssetID{pAsset("server-room")},
			Threat: "fire, flood or power failure", Vulnerability: "server room in basement, UPS 20 minutes",
			Properties: []risk.Property{risk.Availability}, Owner: pByRole(pITM),
			Inherent: as(2, 4, "basement room; storms cut power twice in 2025"), Applied: []risk.AppliedControl{{Control: "7.2", Effectiveness: controls.Effective}, {Control: "8.13", Effectiveness: controls.PartiallyEffective}},
			Treatment: risk.Treatment{Option: risk.Retain, Rationale: "servers move to a colocation site in 2028; backups cover data"},
			Loss:      loss(200_000, "0.05"), NextReview: pWorkshop.AddDate(1, 0, 0)},
		{Ref: "R-8", Title: "Invoice fraud (business e-mail compromise) against finance", Kind: risk.EventBased,
			Scenario: "A spoofed carrier e-mail changes bank details and finance pays a fake invoice.", Properties: []risk.Property{risk.Integrity},
			Owner:    pByRole(pCFO),
			Inherent: as(3, 3, "finance pays ~400 carrier invoices a month"), Target: as(2, 2, "call-back on bank-detail changes"),
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{act("Call-back on bank detail changes", pCFO, 1, "5.14"), act("Phishing training for finance", pCISO, 2, "6.3")}, Cost: cost(3_000)},
			Loss:      loss(60_000, "0.3"), TargetLoss: loss(60_000, "0.1"), NextReview: pWorkshop.AddDate(0, 6, 0)},
		{Ref: "R-9", Title: "Temporary warehouse workers keep access after leaving", Kind: risk.AssetBased, Assets: []isms.AssetID{pAsset("accounts"), pAsset("wms")},
			Threat: "leaver's access", Vulnerability: "agency staff are not reported to pHR",
			Properties: []risk.Property{risk.Confidentiality, risk.Integrity}, Owner: pByRole(pHR),
			Inherent: as(3, 3, "~60 seasonal workers a year"), Target: as(2, 2, "agency leaver feed"),
			Treatment: risk.Treatment{Option: risk.Modify, Actions: []risk.Action{act("Leaver feed from the staffing agency", pHR, 2, "5.18", "6.5")}, Cost: cost(5_000)},
			Loss:      loss(30_000, "0.2"), TargetLoss: loss(30_000, "0.05"), NextReview: pWorkshop.AddDate(0, 6, 0)},
	}
	cat := controls.AnnexA()
	for i := range risks {
		r := &risks[i]
		r.ID = isms.DeriveID[risk.Risk](pns, r.Ref)
		der, err := risk.DeriveResidual(m, r.Inherent.Rating, r.Applied, cat)
		if err != nil {
			return risk.Register{}, err
		}
		r.Residual = as(der.Likelihood, der.Impact, "derived from the controls in place")
		r.Residual.Derived = true
		r.Residual.Confirmed = &risk.Confirmation{By: r.Owner, Date: pWorkshop, Rationale: "confirmed in the workshop"}
		r.Treatment.Approved = &risk.Approval{By: r.Owner, Date: pWorkshop}
	}
	reg := risk.Register{Method: m, Risks: risks}
	for i := range reg.Risks {
		r := &reg.Risks[i]
		if r.Treatment.Option != risk.Retain {
			continue
		}
		r.Acceptance = &risk.Acceptance{By: pRole(pCEO), Person: pPerson("Jukka Mäkinen"), Date: pWorkshop, Rationale: "accepted until the colocation move",
			Accepted: r.Residual.Rating, Expires: pWorkshop.AddDate(0, 6, 0), OwnerAgreement: &risk.Approval{By: r.Owner, Date: pWorkshop}}
	}
	return reg, nil
}

// pohjolaQuant is the trial's simulation: the register's plans and the
// host's own treatments named by a control (8.5 on; 8.22
// on R-4), with fewer years.
func pohjolaQuant(reg risk.Register) (quant.Result, error) {
	base := quant.FromRegister(reg, "EUR")
	find := func(ref string) quant.Scenario {
		for _, s := range base {
			if s.Ref == ref {
				return s
			}
		}
		return quant.Scenario{}
	}
	scale := func(s quant.Scenario, rate string) quant.Scenario {
		s.Frequency.Rate = s.Frequency.Rate.Mul(pDec(rate))
		return s
	}
	own := []quant.Treatment{
		{Control: "8.5", Title: "MFA everywhere incl. MSSP admins", Cost: func() *decimal.Decimal { v := decimal.NewFromInt(12_000); return &v }(),
			After: []quant.Scenario{scale(find("R-2"), "0.4"), scale(find("R-4"), "0.7"), scale(find("R-8"), "0.6")}},
		{Control: "8.22", Title: "Network segmentation warehouses / server room", Cost: func() *decimal.Decimal { v := decimal.NewFromInt(30_000); return &v }(),
			After: []quant.Scenario{scale(find("R-4"), "0.6")}},
	}
	return quant.Simulate(quant.Input{Currency: "EUR", Scenarios: base, Treatments: append(quant.TreatmentsFromRegister(reg, "EUR"), own...),
		Options: quant.Options{Years: 5000, Seed: 2026, Workers: 1}})
}
