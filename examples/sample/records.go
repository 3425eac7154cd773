package sample

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
)

// Records are the sample company's first weeks of evidence: five staff
// trained, the first measurements of its objectives, one incident handled
// in time, the internal audit programme with its first audit planned for
// September, and the support records: competence per role, the
// communication plan, the document register, the opportunities and the
// resources the CEO approved. No internal audit has been performed and no
// management review held yet, so the readiness report says the company is
// not ready for the stage 2 audit.
func Records() records.Records {
	ns := isms.NewNamespace("Kestrel Cloud Ltd")
	person := func(name string) isms.PersonID { return isms.DeriveID[isms.Person](ns, name) }
	objective := func(title string) isms.ObjectiveID { return isms.DeriveID[isms.Objective](ns, title) }
	at := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, time.UTC) }
	var r records.Records
	for i, name := range []string{"Maria Virtanen", "Jussi Lahti", "Elina Koski", "Pekka Nieminen", "Aino Mäkinen"} {
		r.Training = append(r.Training, records.Training{
			ID: isms.DeriveID[records.Training](ns, "training "+name), Person: person(name),
			Course: "Security awareness 2026", Completed: at(time.November, 9+i, 10),
		})
	}
	measure := func(title, value string, day int) records.Measurement {
		return records.Measurement{ID: isms.DeriveID[records.Measurement](ns, title+value), Objective: objective(title),
			Date: at(time.November, day, 12), Value: decimal.RequireFromString(value)}
	}
	r.Measurements = []records.Measurement{
		measure("MFA on every maintenance account", "70", 20),
		measure("Every employee trained each year", "83.3", 20),
		measure("Leavers lose access within 24 hours", "72", 20),
	}
	r.Incidents = []records.Incident{{
		ID: isms.DeriveID[records.Incident](ns, "INC-1"), Title: "Phishing e-mail reported by support",
		Detected: at(time.November, 12, 9), Recorded: at(time.November, 12, 11), Handled: at(time.November, 12, 15), Closed: at(time.November, 13, 10),
	}}
	r.Audits = []records.Audit{{
		ID: isms.DeriveID[records.Audit](ns, "audit 2027"), Title: "Internal ISMS audit 2027", Scope: "The whole ISMS scope",
		Frequency: "yearly", Methods: []string{"interviews", "record sampling", "observation of remote work"},
		Criteria: "ISO/IEC 27001:2022 clauses 4–10, the SoA and the information security policy",
		Auditor:  "Sari Salo", Planned: time.Date(2027, time.September, 13, 9, 0, 0, 0, time.UTC),
	}}
	role := func(name string) isms.RoleID { return isms.DeriveID[isms.Role](ns, name) }
	ceo, itm, sup, emp, aud := role("CEO"), role("IT manager"), role("Supervisors"), role("Employees"), role("Internal auditor")
	evidence := func(name, what string, y int, m time.Month) records.CompetenceEvidence {
		return records.CompetenceEvidence{Person: person(name), Description: what, Date: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)}
	}
	competence := func(r isms.RoleID, name, required string, courses []string, ev ...records.CompetenceEvidence) records.CompetenceRequirement {
		return records.CompetenceRequirement{ID: isms.DeriveID[records.CompetenceRequirement](ns, "competence "+name), Role: r, Required: required, Courses: courses, Evidence: ev}
	}
	r.Competence = []records.CompetenceRequirement{
		competence(ceo, "CEO", "Understands the ISMS, its risks and her duties in approving the policy and reviewing the ISMS", nil,
			evidence("Maria Virtanen", "ISO 27001 briefing for management by the consultant", 2026, time.October)),
		competence(itm, "IT manager", "ISO 27001 foundation; cloud administration; incident handling", nil,
			evidence("Jussi Lahti", "ISO/IEC 27001 Foundation certificate", 2026, time.September),
			evidence("Jussi Lahti", "Cloud provider security specialty certificate", 2025, time.March)),
		competence(sup, "Supervisors", "Knows the policy and the access and leaver procedures for their teams", []string{"Security awareness 2026"}),
		competence(emp, "Employees", "Security awareness: phishing, passwords, reporting incidents", []string{"Security awareness 2026"}),
		competence(aud, "Internal auditor", "ISO 27001 lead auditor training and audit experience, independent of the work audited", nil,
			evidence("Sari Salo", "ISO/IEC 27001 Lead Auditor certificate and 40 audits", 2024, time.June)),
	}
	communication := func(subject, when, audience, method string, by isms.RoleID) records.Communication {
		return records.Communication{ID: isms.DeriveID[records.Communication](ns, "communication "+subject), Subject: subject, When: when, Audience: audience, Method: method, By: isms.OwnedByRole(by)}
	}
	r.Communications = []records.Communication{
		communication("The information security policy and its changes", "within 7 days of each approval", "all staff", "e-mail and the intranet", itm),
		communication("Personal data breaches", "within 72 hours of detection", "the data protection authority", "the authority's online form", ceo),
		communication("Security incidents affecting customers", "within 48 hours of detection", "the customers affected", "e-mail to their administrators", itm),
		communication("ISMS performance and the management review's decisions", "after each management review", "all staff", "the monthly all-hands meeting", ceo),
	}
	document := func(title, clause, version string, owner isms.RoleID, approved time.Time, retention, access string) records.Document {
		return records.Document{ID: isms.DeriveID[records.Document](ns, "document "+title), Title: title, Clause: clause, Owner: isms.OwnedByRole(owner),
			Version: version, Approved: approved, Retention: retention, Access: access}
	}
	external := func(title, origin string) records.Document {
		return records.Document{ID: isms.DeriveID[records.Document](ns, "document "+title), Title: title, Owner: isms.OwnedByRole(itm),
			Version: "as published", Retention: "while in force", Access: "all staff, read-only", External: true, Origin: origin}
	}
	r.Documents = []records.Document{
		document("Risk treatment procedure", "6.1.3", "1.0", itm, at(time.November, 16, 12), "3 years after replacement", "all staff read; IT manager edits"),
		document("Access and leaver procedure", "A.5.18", "1.0", itm, at(time.November, 16, 12), "3 years after replacement", "all staff read; IT manager edits"),
		document("Incident response procedure", "A.5.26", "1.0", itm, at(time.November, 16, 12), "3 years after replacement", "all staff read; IT manager edits"),
		document("Operating procedures of production", "8.1", "0.9", itm, at(time.November, 18, 12), "3 years after replacement", "engineering read; IT manager edits"),
		external("GDPR", "Regulation (EU) 2016/679"),
		external("Cloud hosting provider's shared responsibility terms", "the cloud hosting provider's customer agreement"),
	}
	r.Opportunities = []records.Opportunity{{
		ID: isms.DeriveID[records.Opportunity](ns, "opportunity tenders"), Description: "The certificate qualifies us for public tenders",
		Action: "Prepare the tender reference pack once certified", Owner: isms.OwnedByRole(ceo), Due: time.Date(2027, time.December, 31, 0, 0, 0, 0, time.UTC),
	}, {
		ID: isms.DeriveID[records.Opportunity](ns, "opportunity access reviews"), Description: "Quarterly access reviews can be automated from the SSO logs",
		Action: "Script the quarterly access review report", Owner: isms.OwnedByRole(itm), Due: time.Date(2027, time.June, 30, 0, 0, 0, 0, time.UTC),
	}}
	r.Resources = []records.Resource{{
		ID: isms.DeriveID[records.Resource](ns, "resource officer"), Need: "An information security officer",
		Provided: "20 % of the IT manager's time", ApprovedBy: isms.OwnedByRole(ceo), Approved: time.Date(2026, time.September, 15, 0, 0, 0, 0, time.UTC),
	}, {
		ID: isms.DeriveID[records.Resource](ns, "resource consultant"), Need: "ISO 27001 expertise and an independent internal auditor",
		Provided: "An external consultant, 12 days a year", ApprovedBy: isms.OwnedByRole(ceo), Approved: time.Date(2026, time.September, 15, 0, 0, 0, 0, time.UTC),
	}}
	return r
}
