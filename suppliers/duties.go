package suppliers

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// CertificateNoticeDays is how many days before a certificate expires its
// renewal reminder falls due, so that the renewed certificate is asked for
// while the old one is still valid.
const CertificateNoticeDays = 60

// Duties returns the register's dated duties, with the tier of each
// supplier derived from the context c: each supplier's next assessment
// (isms.DutySupplierAssessment, due at NextAssessment for its tier) and a
// reminder CertificateNoticeDays before each certificate expires
// (isms.DutyCertificateExpiry), owned by the supplier's owner, with the
// supplier's name as Source, sorted by isms.SortDuties. IDs derive from the
// supplier's ID, so they are stable from run to run.
func (reg Register) Duties(c isms.OrgContext) []isms.Duty {
	assets, scales := assetIndex(c), c.RatingScales()
	var out []isms.Duty
	for _, s := range reg.Suppliers {
		ns := s.ID.UUID()
		tier := classify(s, assets, scales).Tier
		if due := s.NextAssessment(tier); !due.IsZero() {
			out = append(out, isms.Duty{
				ID: isms.DeriveID[isms.Duty](ns, "assessment"), Title: fmt.Sprintf("Assess supplier %s (%s)", clip(s.Name), tier),
				Kind: isms.DutySupplierAssessment, Due: clampDue(due), Owner: s.Owner,
				Evidence: "assessment with its outcome recorded in the supplier register", Source: s.Name,
			})
		}
		for i, x := range s.Certificates {
			if x.Expires.IsZero() {
				continue
			}
			out = append(out, isms.Duty{
				ID:    isms.DeriveID[isms.Duty](ns, fmt.Sprintf("certificate %d", i)),
				Title: fmt.Sprintf("Ask %s for its renewed %s certificate (expires %s)", clip(s.Name), clip(x.Scheme), x.Expires.Format(time.DateOnly)),
				Kind:  isms.DutyCertificateExpiry, Due: clampDue(x.Expires.AddDate(0, 0, -CertificateNoticeDays)), Owner: s.Owner,
				Evidence: "renewed certificate recorded in the supplier register", Source: s.Name + " " + x.Scheme,
			})
		}
	}
	isms.SortDuties(out)
	return out
}

// Due dates are kept within the years a file can carry (1–9999): an
// assessment in 9999 is next due on the last day of 9999, not in 10000,
// and a reminder before an expiry in January of year 1 falls on its second
// day (the first, midnight UTC, is Go's zero time: "no date").
var (
	firstDay = time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
)

func clampDue(t time.Time) time.Time {
	switch {
	case t.Before(firstDay):
		return firstDay
	case t.After(lastDay):
		return lastDay
	}
	return t
}
