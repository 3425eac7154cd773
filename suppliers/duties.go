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
				Kind: isms.DutySupplierAssessment, Due: due, Owner: s.Owner,
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
				Kind:  isms.DutyCertificateExpiry, Due: x.Expires.AddDate(0, 0, -CertificateNoticeDays), Owner: s.Owner,
				Evidence: "renewed certificate recorded in the supplier register", Source: s.Name + " " + x.Scheme,
			})
		}
	}
	isms.SortDuties(out)
	return out
}
