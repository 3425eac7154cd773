package sample

import (
	"fmt"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// Implementations records, control by control, what the sample company
// already does (implemented, with evidence), what is under way and what
// it has planned, as the consultant found it in the gap analysis. The
// approved policy implements 5.1 (SoAInput's Documents), so 5.1 has no
// record of its own.
func Implementations() []controls.Implementation {
	ns := isms.NewNamespace("Kestrel Cloud Ltd")
	itm := isms.OwnedByRole(isms.DeriveID[isms.Role](ns, "IT manager"))
	ceo := isms.OwnedByRole(isms.DeriveID[isms.Role](ns, "CEO"))
	eng := isms.OwnedByPerson(isms.DeriveID[isms.Person](ns, "Elina Koski"))
	sup := isms.OwnedByPerson(isms.DeriveID[isms.Person](ns, "Pekka Nieminen"))
	done := func(id controls.ID, owner isms.Owner, evidence, where string) controls.Implementation {
		return controls.Implementation{
			ID: isms.DeriveID[controls.Implementation](ns, string(id)), Control: id, Status: controls.Implemented, Owner: owner,
			Evidence: []controls.Evidence{{Title: evidence, Location: where, Date: Workshop}},
		}
	}
	with := func(s controls.Status) func(controls.ID, isms.Owner, string) controls.Implementation {
		return func(id controls.ID, owner isms.Owner, notes string) controls.Implementation {
			return controls.Implementation{ID: isms.DeriveID[controls.Implementation](ns, string(id)), Control: id, Status: s, Owner: owner, Notes: notes}
		}
	}
	planned, started := with(controls.Planned), with(controls.InProgress)
	return []controls.Implementation{
		// Organisational controls.
		planned("5.2", ceo, "roles table exists; to be approved with the policy"),
		planned("5.4", ceo, "management review agenda and the yearly security briefing by the CEO"),
		done("5.3", eng, "Branch protection: every production change needs a second reviewer", "Code hosting service, repository settings"),
		planned("5.5", ceo, "contact list: data protection authority, NCSC-FI, police cybercrime unit"),
		planned("5.6", itm, "join the regional information security association; subscribe the ops team to the cloud provider's security forum"),
		started("5.7", itm, "NCSC-FI advisories and the cloud provider's security bulletins feed the weekly ops meeting; a written routine is being drafted"),
		planned("5.8", eng, "security checkpoint in the product planning template (threats, data, access) for every new feature"),
		started("5.9", itm, "asset inventory in the ISMS workbook; cloud resources to be listed from the provider's inventory export"),
		planned("5.10", itm, "acceptable use rules in the employee handbook, acknowledged at onboarding"),
		done("5.11", itm, "Leaver checklist with laptop and key return", "HR folder/leavers"),
		planned("5.12", itm, "three-level classification (public, internal, customer-confidential) in the handbook"),
		planned("5.13", itm, "labels for customer-confidential documents in the office suite"),
		planned("5.14", itm, "rules for sending customer data: only through the service's export or encrypted links"),
		started("5.15", itm, "access control rules being written from the current SSO groups"),
		done("5.16", itm, "Joiner and leaver tickets create and remove SSO identities", "Service desk, queue ACCESS"),
		done("5.17", itm, "Company password manager with enforced vault for shared secrets", "Password manager admin console"),
		done("5.18", itm, "Access request tickets", "Service desk, queue ACCESS"),
		started("5.19", ceo, "supplier list with security criteria for the cloud provider, the office suite and the payroll bureau"),
		done("5.20", ceo, "Data processing agreements with the cloud provider and the payroll bureau", "Contracts folder/suppliers"),
		planned("5.21", eng, "review the open-source dependencies and the cloud services the product is built on"),
		planned("5.22", ceo, "yearly review of the key suppliers' certificates and SOC 2 reports"),
		started("5.23", itm, "cloud usage rules: EU region only, provider's shared-responsibility duties mapped"),
		planned("5.24", itm, "incident playbook and contact list"),
		planned("5.25", itm, "triage criteria: event, incident, personal data breach"),
		planned("5.26", itm, "incident response steps and notification templates"),
		planned("5.27", itm, "post-incident review after every incident, in the incident log"),
		planned("5.28", itm, "keep logs and tickets of an incident for 12 months; no forensic tooling of our own"),
		planned("5.29", ceo, "continuity plan: who decides, how customers are told, how staff keep working"),
		started("5.30", itm, "restore from backups into a second region tested once; recovery targets being agreed"),
		planned("5.31", ceo, "register of legal and contractual requirements kept in the ISMS workbook"),
		done("5.32", itm, "Software licences tracked in the office suite admin and the MDM inventory", "Office suite admin, MDM console"),
		planned("5.33", ceo, "retention periods for customer data, contracts and accounting records"),
		planned("5.34", ceo, "record of processing activities update"),
		planned("5.35", ceo, "external internal audit booked for autumn 2027"),
		planned("5.36", itm, "quarterly check that the rules are followed, in the management review"),
		started("5.37", eng, "runbooks for deployment, backup restore and on-call in the ops wiki"),
		// People controls.
		done("6.1", ceo, "Reference checks for every hire", "HR folder/recruitment"),
		done("6.2", ceo, "Employment contracts with confidentiality and security clauses", "HR folder/contracts"),
		planned("6.3", sup, "yearly security awareness training for all staff"),
		done("6.4", ceo, "Disciplinary process in the employee handbook", "Employee handbook"),
		done("6.5", ceo, "Confidentiality continues after employment (contract clause 12)", "HR folder/contracts"),
		done("6.6", ceo, "NDAs with contractors and the internal auditor", "Contracts folder/NDAs"),
		started("6.7", itm, "remote work rules: home network, screen privacy, no customer data on personal devices"),
		planned("6.8", itm, "report-an-event button in the service desk and the chat channel"),
		// Physical controls: the Tampere office; production runs in the cloud.
		done("7.1", itm, "Office lease: locked building shell, reception during office hours", "Contracts folder/lease"),
		done("7.2", itm, "Key cards per person, removed by the leaver checklist", "Landlord's access system"),
		done("7.3", itm, "Network cabinet locked; office locked outside office hours", "Office walkthrough 2026-11"),
		done("7.4", itm, "Building alarm and after-hours access log run by the landlord", "Landlord's security report"),
		done("7.5", itm, "Fire alarm and sprinklers (lease); production across two cloud availability zones", "Contracts folder/lease"),
		planned("7.7", itm, "clear screen by MDM lock after 5 minutes; clear desk rule in the handbook"),
		done("7.8", itm, "Network equipment in the locked cabinet, away from visitors", "Office walkthrough 2026-11"),
		done("7.9", itm, "Device management report: all laptops enrolled", "MDM console"),
		done("7.10", itm, "USB storage blocked by MDM; encrypted disks on every laptop", "MDM console"),
		done("7.13", itm, "Laptops under vendor warranty; MDM health report monthly", "MDM console"),
		done("7.14", itm, "Laptops wiped by MDM and disposed of through a certified recycler", "IT folder/disposal certificates"),
		// Technological controls.
		done("8.1", itm, "Device management report: encryption and screen lock", "MDM console"),
		started("8.2", itm, "admin rights in production limited to three named operators; MFA for them by March"),
		done("8.3", itm, "Support tool role configuration", "Support tool admin page"),
		done("8.4", eng, "Repository access by team, reviewed when people join or leave", "Code hosting service, organisation settings"),
		done("8.5", itm, "SSO policy: MFA required for all users", "Identity provider admin"),
		done("8.6", eng, "Autoscaling and capacity alerts on the production database", "Cloud monitoring dashboard"),
		done("8.7", itm, "Endpoint protection report: all laptops protected", "MDM console"),
		planned("8.8", itm, "monthly patch window and a quarterly external vulnerability scan"),
		done("8.9", eng, "Infrastructure as code; configuration changes only through reviewed commits", "Code hosting service, infra repository"),
		done("8.10", eng, "Customer data deleted 30 days after contract end by the deletion job", "Ops wiki/data deletion"),
		planned("8.12", itm, "office suite rules that flag customer data exports to personal addresses"),
		done("8.13", itm, "Nightly backups and restore test 2026-09", "Ops wiki/backups"),
		done("8.14", eng, "Production across two availability zones with automatic failover", "Cloud architecture diagram"),
		started("8.15", eng, "central log collection from production; retention of 12 months being set"),
		started("8.16", eng, "alerts on failed logins and unusual admin activity"),
		done("8.17", eng, "All servers use the cloud provider's time service", "Infra repository, base image"),
		planned("8.18", eng, "remove database admin tools from production images; break-glass access only"),
		done("8.19", eng, "Software reaches production only through the CI pipeline", "CI configuration"),
		done("8.20", eng, "Production networks closed to the internet except the load balancer", "Cloud network configuration"),
		done("8.21", itm, "Network services of the cloud provider and the office ISP covered by their agreements", "Contracts folder/suppliers"),
		done("8.22", eng, "Separate cloud accounts and networks for production and staging", "Cloud organisation structure"),
		planned("8.23", itm, "DNS filtering of malicious sites through the endpoint protection"),
		planned("8.24", itm, "document encryption in transit and at rest"),
		planned("8.25", eng, "secure development policy: threat check, review, tests and release steps"),
		planned("8.26", eng, "security requirements in the feature template (authentication, data, logging)"),
		planned("8.27", eng, "architecture principles: least privilege, encryption by default, no shared accounts"),
		started("8.28", eng, "dependency scanning and mandatory review of every pull request"),
		planned("8.29", eng, "automated security tests in CI and a yearly penetration test"),
		done("8.31", eng, "Separate development, staging and production environments and accounts", "Cloud organisation structure"),
		done("8.32", eng, "Changes by pull request with review, release notes and rollback", "Code hosting service"),
		done("8.33", eng, "Tests use synthetic data from seed scripts; production data is never copied to test", "Infra repository, seed scripts"),
		planned("8.34", eng, "penetration tests against staging only, with a test plan agreed before each test"),
	}
}

// Links ties the sample company's requirements to the controls that
// meet them.
func Links() []soa.Link {
	ns := isms.NewNamespace("Kestrel Cloud Ltd")
	req := func(name string) isms.RequirementID { return isms.DeriveID[isms.Requirement](ns, name) }
	return []soa.Link{
		{Requirement: req("gdpr32"), Controls: []controls.ID{"5.34", "8.24"}},
		{Requirement: req("gdpr33"), Controls: []controls.ID{"5.24", "5.26"}},
		{Requirement: req("msa"), Controls: []controls.ID{"5.24", "5.26"}},
		{Requirement: req("tender"), Controls: []controls.ID{"5.35"}},
		{Requirement: req("board"), Controls: []controls.ID{"5.1", "5.2"}},
	}
}

// Decisions are the consultant's decisions on the controls that neither
// the risks, the requirements, the records nor the company's own data
// call for: five exclusions, each with the fact an auditor can check.
func Decisions() []soa.Decision {
	by := "Jussi Lahti (IT manager)"
	return []soa.Decision{
		{Control: "7.6", Justification: "No secure area of our own: production runs in the cloud provider's EU data centres, whose physical security its ISO 27001 certificate and SOC 2 report cover (5.19–5.23); the office holds only laptops and the network cabinet.", By: by, Date: Workshop},
		{Control: "7.11", Justification: "No equipment of ours whose loss of power or cooling affects the service: production runs in the cloud provider's data centres; an office outage only sends staff home to work remotely (6.7).", By: by, Date: Workshop},
		{Control: "7.12", Justification: "No cabling under our control carries production or customer data; the office network carries only staff internet traffic.", By: by, Date: Workshop},
		{Control: "8.11", Justification: "Customer data is never copied to development or test (synthetic seed data, 8.33), and support staff see customer data only through the support tool's role-restricted views (8.3); there is nothing left to mask.", By: by, Date: Workshop},
		{Control: "8.30", Justification: "No software development is outsourced; all development is done by employees.", By: by, Date: Workshop},
	}
}

// SoAInput is what the sample company's SoA is generated from: the Annex A
// catalogue, its risks, implementation records, requirement links, the
// consultant's decisions, the supplier register (Suppliers: it fires the
// supplier proposals with each supplier as a ref and is evidence for
// 5.19–5.23) and the process descriptions (Processes: each is evidence for
// the controls it lists), as of the Workshop. (The consultant's sample
// workbook carries the same suppliers and processes, so its SoA equals the
// quickstart's.)
func SoAInput(c isms.OrgContext, reg risk.Register) soa.Input {
	var docs []soa.Document
	if pol, err := Policy(c, reg); err == nil {
		docs = Documents(pol)
		docs[0].Owner = c.OwnerName(pol.Revision.Owner)
	}
	return soa.Input{
		Document: isms.DeriveID[isms.Document](isms.NewNamespace("Kestrel Cloud Ltd"), "soa"), Owner: RoleOwner("IT manager"),
		Context: c, Catalogue: controls.AnnexA(), Implementations: Implementations(), Register: reg, Links: Links(),
		Decisions: Decisions(), Documents: docs, Generated: Workshop, Author: "Jussi Lahti (IT manager)",
		Suppliers: Suppliers(), Processes: Processes(),
	}
}

// Documents describes the approved policy for soa.Input (soa does not
// import policy): an approved policy implements 5.1. A draft gives none.
func Documents(pol policy.Policy) []soa.Document {
	if pol.Revision.Status != isms.Approved {
		return nil
	}
	return []soa.Document{{Kind: soa.DocumentPolicy, Title: pol.Title, Edition: pol.Revision.Edition, Approved: pol.Revision.Approval.At}}
}

// SoA generates the sample company's SoA from SoAInput and has the CEO
// approve it (Approval). Tests use it as a complete, approved SoA; the
// quickstart shows the same steps one by one.
func SoA(c isms.OrgContext, reg risk.Register) (soa.SoA, error) {
	draft, conflicts, err := soa.Generate(SoAInput(c, reg))
	if err != nil {
		return soa.SoA{}, err
	}
	if len(conflicts) > 0 {
		return soa.SoA{}, fmt.Errorf("the sample SoA has %d conflicts, first: %s %s", len(conflicts), conflicts[0].Control, conflicts[0].Problem)
	}
	return draft.Approve(controls.AnnexA(), Approval(c))
}
