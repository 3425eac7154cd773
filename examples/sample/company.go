package sample

import (
	"time"

	"github.com/google/uuid"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
)

// Company builds the company of the domain articles: a 40-person SaaS
// company whose first ISMS covers its SaaS service, customer support,
// internal IT and remote work. IDs are derived from names, so every run
// produces the same output.
func Company() isms.OrgContext {
	ns := isms.NewNamespace("Kestrel Cloud Ltd")
	person := func(name string) isms.PersonID { return isms.DeriveID[isms.Person](ns, name) }
	role := func(name string) isms.RoleID { return isms.DeriveID[isms.Role](ns, name) }
	party := func(name string) isms.PartyID { return isms.DeriveID[isms.InterestedParty](ns, name) }
	pct := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }

	ceo, itm, sup, emp, aud := role("CEO"), role("IT manager"), role("Supervisors"), role("Employees"), role("Internal auditor")
	customers, dpa, cloud, staff, board := party("Customers"), party("Data protection authority"), party("Cloud hosting provider"), party("Employees"), party("Owners")

	return isms.OrgContext{
		Organization: isms.Organization{
			ID: isms.DeriveID[isms.Organization](ns, "organisation"), Name: "Kestrel Cloud Ltd",
			Headcount: 40, Sector: "Software as a service", Country: "FI",
			Description: "Builds and runs a project-planning SaaS used by about 300 business customers.",
			Scales:      isms.DefaultRatingScales(),
		},
		Scope: isms.Scope{
			ID: isms.DeriveID[isms.Scope](ns, "scope"),
			Statement: "The ISMS covers the development, operation and support of the Kestrel project-planning SaaS, " +
				"the internal IT that supports it, and remote work by the staff who build and run it.",
			Items: []isms.ScopeItem{
				{Kind: isms.ScopeService, Name: "Kestrel SaaS platform", Justification: "The service customers buy and ask us to certify."},
				{Kind: isms.ScopeService, Name: "Customer support", Justification: "Handles customer data and account requests daily."},
				{Kind: isms.ScopeBusinessUnit, Name: "Internal IT", Justification: "Runs the identities, laptops and tools the service depends on."},
				{Kind: isms.ScopeLocation, Name: "Remote work", Justification: "Most staff work from home on company laptops."},
				{Kind: isms.ScopeLocation, Name: "Tampere office", Justification: "Where staff meet and where the network equipment is."},
				{Kind: isms.ScopeBusinessUnit, Name: "Sales and marketing", Excluded: true, Justification: "Uses no customer data beyond the CRM; added in the second year."},
				{Kind: isms.ScopeService, Name: "Implementation consulting", Excluded: true, Justification: "Small side business run on customers' own systems."},
			},
			Interfaces: []isms.Interface{
				{Kind: isms.InterfaceCloudService, Name: "Cloud hosting provider", Party: cloud, Exchange: "production systems and customer data, EU region"},
				{Kind: isms.InterfaceCloudService, Name: "Office and e-mail suite", Exchange: "staff e-mail, documents and single sign-on"},
				{Kind: isms.InterfaceSupplier, Name: "Payroll bureau", Exchange: "employee personal data, monthly"},
				{Kind: isms.InterfaceCustomer, Name: "Customers' administrators", Party: customers, Exchange: "support tickets and data exports"},
			},
		},
		Issues: []isms.Issue{
			{ID: isms.DeriveID[isms.Issue](ns, "tenders"), Kind: isms.IssueExternal, Description: "Enterprise customers and public tenders increasingly require ISO 27001."},
			{ID: isms.DeriveID[isms.Issue](ns, "one-cloud"), Kind: isms.IssueInternal, Description: "All production runs on one cloud provider."},
			{ID: isms.DeriveID[isms.Issue](ns, "key-people"), Kind: isms.IssueInternal, Description: "Operations knowledge rests on three people."},
			{ID: isms.DeriveID[isms.Issue](ns, "climate"), Kind: isms.IssueExternal, Climate: true,
				Description: "Climate change was considered: storms and heat may close the office, but staff work remotely and hosting is redundant across EU data centres, so it is a minor issue."},
		},
		Parties: []isms.InterestedParty{
			{ID: customers, Name: "Customers", Kind: isms.PartyCustomer, Needs: "Their data stays confidential and the service available; incidents are reported promptly."},
			{ID: dpa, Name: "Data protection authority", Kind: isms.PartyRegulator, Needs: "Personal data is processed lawfully and breaches are notified."},
			{ID: cloud, Name: "Cloud hosting provider", Kind: isms.PartySupplier, Needs: "Shared-responsibility duties are met on our side."},
			{ID: staff, Name: "Employees", Kind: isms.PartyEmployee, Needs: "Clear rules and tools that let them work securely from anywhere."},
			{ID: board, Name: "Owners", Kind: isms.PartyOwner, Needs: "Certification that wins tenders, at a cost that fits the company."},
		},
		Requirements: []isms.Requirement{
			{ID: isms.DeriveID[isms.Requirement](ns, "gdpr32"), Party: dpa, Kind: isms.RequirementLegal, Title: "Secure processing of personal data",
				Source: "GDPR Article 32", Owner: isms.OwnedByRole(itm), Addressed: true},
			{ID: isms.DeriveID[isms.Requirement](ns, "gdpr33"), Party: dpa, Kind: isms.RequirementLegal, Title: "Notify personal data breaches within 72 hours",
				Source: "GDPR Article 33", Owner: isms.OwnedByRole(ceo), Addressed: true},
			{ID: isms.DeriveID[isms.Requirement](ns, "msa"), Party: customers, Kind: isms.RequirementContractual, Title: "Notify customers of security incidents within 48 hours",
				Source: "Master subscription agreement §9.2", Owner: isms.OwnedByRole(itm), Addressed: true},
			{ID: isms.DeriveID[isms.Requirement](ns, "tender"), Party: customers, Kind: isms.RequirementContractual, Title: "ISO 27001 certificate for tenders",
				Source: "Public sector framework agreements", Owner: isms.OwnedByRole(ceo), Addressed: true},
			{ID: isms.DeriveID[isms.Requirement](ns, "board"), Party: board, Kind: isms.RequirementInternal, Title: "Certification by the end of 2027",
				Source: "Board decision 2026-09-15", Owner: isms.OwnedByRole(ceo), Addressed: true},
		},
		Assets: []isms.Asset{
			{ID: isms.DeriveID[isms.Asset](ns, "customer-data"), Name: "Customer project data", Type: isms.AssetInformation,
				Description: "Projects, files and user accounts customers keep in the service.", Owner: isms.OwnedByRole(itm),
				Location: "Cloud hosting, EU region", Supplier: cloud, Ratings: isms.CIA{Confidentiality: 5, Integrity: 4, Availability: 4}},
			{ID: isms.DeriveID[isms.Asset](ns, "production"), Name: "Production environment", Type: isms.AssetService,
				Description: "The cloud accounts, databases and servers that run the service.", Owner: isms.OwnedByRole(itm),
				Location: "Cloud hosting, EU region", Supplier: cloud, Ratings: isms.CIA{Confidentiality: 4, Integrity: 4, Availability: 5}},
			{ID: isms.DeriveID[isms.Asset](ns, "source"), Name: "Source code", Type: isms.AssetSoftware,
				Description: "The service's code and deployment scripts.", Owner: isms.OwnedByPerson(person("Elina Koski")),
				Location: "Code hosting service", Ratings: isms.CIA{Confidentiality: 4, Integrity: 5, Availability: 3}},
			{ID: isms.DeriveID[isms.Asset](ns, "identities"), Name: "Staff identities and admin accounts", Type: isms.AssetSoftware,
				Description: "Single sign-on accounts, MFA and the maintenance accounts of production.", Owner: isms.OwnedByRole(itm),
				Location: "Office and e-mail suite", Ratings: isms.CIA{Confidentiality: 4, Integrity: 5, Availability: 4}},
			{ID: isms.DeriveID[isms.Asset](ns, "laptops"), Name: "Staff laptops", Type: isms.AssetHardware,
				Description: "40 laptops used at home and in the office.", Owner: isms.OwnedByRole(itm),
				Location: "Remote work and office", Ratings: isms.CIA{Confidentiality: 3, Integrity: 2, Availability: 2}},
			{ID: isms.DeriveID[isms.Asset](ns, "hr"), Name: "Employee records", Type: isms.AssetInformation,
				Description: "Contracts, salaries and contact details.", Owner: isms.OwnedByRole(ceo),
				Location: "Payroll bureau and HR folder", Ratings: isms.CIA{Confidentiality: 4, Integrity: 3, Availability: 2}},
		},
		People: []isms.Person{
			{ID: person("Maria Virtanen"), Name: "Maria Virtanen", Title: "CEO", Email: "maria@kestrel.example"},
			{ID: person("Jussi Lahti"), Name: "Jussi Lahti", Title: "IT manager", Email: "jussi@kestrel.example"},
			{ID: person("Elina Koski"), Name: "Elina Koski", Title: "Head of engineering", Email: "elina@kestrel.example"},
			{ID: person("Pekka Nieminen"), Name: "Pekka Nieminen", Title: "Support lead", Email: "pekka@kestrel.example"},
			{ID: person("Aino Mäkinen"), Name: "Aino Mäkinen", Title: "Developer", Email: "aino@kestrel.example"},
			{ID: person("Olli Heikkinen"), Name: "Olli Heikkinen", Title: "Support specialist", Email: "olli@kestrel.example"},
			{ID: person("Sari Salo"), Name: "Sari Salo", Title: "ISO 27001 consultant", External: true},
		},
		Roles: []isms.Role{
			{ID: ceo, Name: "CEO", Description: "Approves the policy, provides resources, chairs management reviews.",
				Holders: []isms.PersonID{person("Maria Virtanen")}, Authorities: []string{"approve the policy", "accept High risks"}},
			{ID: itm, Name: "IT manager", Description: "Acts as information security officer: prepares, updates and monitors.",
				Holders: []isms.PersonID{person("Jussi Lahti")}, Authorities: []string{"approve access", "accept Medium risks"}},
			{ID: sup, Name: "Supervisors", Description: "Make sure their teams follow the policy.",
				Holders: []isms.PersonID{person("Elina Koski"), person("Pekka Nieminen")}},
			{ID: emp, Name: "Employees", Description: "Follow the instructions and report deviations.",
				Holders: []isms.PersonID{person("Aino Mäkinen"), person("Olli Heikkinen"), person("Elina Koski"), person("Pekka Nieminen"), person("Jussi Lahti")}},
			{ID: aud, Name: "Internal auditor", Description: "Audits the ISMS once a year; external, independent of the work audited.",
				Holders: []isms.PersonID{person("Sari Salo")}},
		},
		Responsibilities: []isms.Responsibility{
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaScopeApproval), Area: isms.AreaScopeApproval, Accountable: ceo},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaPolicyApproval), Area: isms.AreaPolicyApproval, Accountable: ceo},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaPolicyMaintenance), Area: isms.AreaPolicyMaintenance, Accountable: itm, Responsible: []isms.RoleID{itm}},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaRiskAssessment), Area: isms.AreaRiskAssessment, Accountable: itm, Responsible: []isms.RoleID{itm, sup}},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaControlImplementation), Area: isms.AreaControlImplementation, Accountable: itm, Responsible: []isms.RoleID{itm, sup}},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaAccessManagement), Area: isms.AreaAccessManagement, Accountable: itm, Responsible: []isms.RoleID{sup}},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaIncidentHandling), Area: isms.AreaIncidentHandling, Accountable: itm, Responsible: []isms.RoleID{itm, emp}},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaInternalAudit), Area: isms.AreaInternalAudit, Accountable: ceo, Responsible: []isms.RoleID{aud}},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaManagementReview), Area: isms.AreaManagementReview, Accountable: ceo},
			{ID: isms.DeriveID[isms.Responsibility](ns, isms.AreaPolicyCompliance), Area: isms.AreaPolicyCompliance, Accountable: sup, Responsible: []isms.RoleID{emp}},
		},
		Objectives: []isms.Objective{
			objective(ns, "MFA on every maintenance account", "share of production maintenance accounts with MFA enforced",
				isms.AtLeast, pct("100"), "%", date(2027, 3, 31), itm),
			objective(ns, "Leavers lose access within 24 hours", "longest time from end of employment to access removal, per quarter",
				isms.AtMost, pct("24"), "hours", date(2027, 12, 31), itm),
			objective(ns, "Critical access rights reviewed quarterly", "access reviews of production and customer data completed in the year",
				isms.AtLeast, pct("4"), "reviews", date(2027, 12, 31), itm),
			objective(ns, "Every employee trained each year", "share of staff who completed security training in the last 12 months",
				isms.AtLeast, pct("95"), "%", date(2027, 12, 31), sup),
			objective(ns, "Incidents handled within one business day", "longest time from detection to first handling",
				isms.AtMost, pct("1"), "business days", date(2027, 6, 30), itm),
		},
	}
}

func objective(ns uuid.UUID, title, metric string, c isms.Comparator, v decimal.Decimal, unit string, deadline time.Time, owner isms.RoleID) isms.Objective {
	return isms.Objective{
		ID: isms.DeriveID[isms.Objective](ns, title), Title: title, Metric: metric,
		Target: isms.Target{Comparator: c, Value: v, Unit: unit}, Deadline: deadline, Owner: isms.OwnedByRole(owner),
	}
}

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
