package risk

import (
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Acceptance records that a role accepted a risk as it stood (clause 6.1.3
// f: risk owners accept the residual risk). The role must be allowed by the
// criteria to accept the risk's band; when it is not the risk owner (By is
// not the owning role and Person not the owning person), the owner's
// agreement is recorded in OwnerAgreement. It covers only the state it
// accepted and only until it expires; after that the risk returns to review.
type Acceptance struct {
	By        isms.RoleID   `json:"by"`
	Person    isms.PersonID `json:"person,omitzero"`
	Date      time.Time     `json:"date"`
	Rationale string        `json:"rationale"`
	// Accepted is the rating the acceptance was given for; a reassessment to
	// another rating leaves the risk unaccepted.
	Accepted Rating    `json:"accepted"`
	Expires  time.Time `json:"expires"`
	// OwnerAgreement is the risk owner's agreement to an acceptance given
	// by another (authorised) role.
	OwnerAgreement *Approval `json:"owner_agreement,omitempty"`
}

// Expired reports whether the acceptance has expired at now.
func (a Acceptance) Expired(now time.Time) bool { return !now.Before(a.Expires) }

// AcceptanceProblem says why an acceptance does not cover a risk; "" means
// it does.
type AcceptanceProblem string

// Acceptance problems.
const (
	AcceptanceMissing      AcceptanceProblem = "missing"
	AcceptanceExpired      AcceptanceProblem = "expired"
	AcceptanceStale        AcceptanceProblem = "stale"        // the risk was reassessed since
	AcceptanceUnauthorized AcceptanceProblem = "unauthorized" // the role may not accept this band
	AcceptanceTooLong      AcceptanceProblem = "too_long"     // expiry beyond the role's maximum period
	// AcceptanceWithoutOwner: given by a role other than the risk owner,
	// without the owner's agreement.
	AcceptanceWithoutOwner AcceptanceProblem = "without_owner_agreement"
)

// checkAcceptance says whether r's acceptance covers its current grade at now.
func (s *Scorer) checkAcceptance(r *Risk, current Grade, now time.Time) AcceptanceProblem {
	a := r.Acceptance
	switch {
	case a == nil:
		return AcceptanceMissing
	case a.Accepted != r.Current().Rating:
		return AcceptanceStale
	}
	months, ok := s.method.MayAccept(a.By, current.Order)
	switch {
	case !ok:
		return AcceptanceUnauthorized
	case !r.acceptedByOwner(a) && a.OwnerAgreement == nil:
		return AcceptanceWithoutOwner
	case a.Expires.After(latestExpiry(a.Date, months)):
		return AcceptanceTooLong
	case a.Expired(now):
		return AcceptanceExpired
	}
	return ""
}
