package sample

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
)

// Records are the sample company's first weeks of evidence: most staff
// trained, the first measurements of its objectives, one incident handled
// in time, and the internal audit planned for September. No management
// review has been held yet, which the readiness report points out.
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
		Auditor: "Sari Salo", Planned: time.Date(2027, time.September, 13, 9, 0, 0, 0, time.UTC),
	}}
	return r
}
