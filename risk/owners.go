package risk

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Approval records who approved something, and when: a method version, a
// treatment plan (by the risk owner, clause 6.1.3 f), or the risk owner's
// agreement to an acceptance given by another role.
type Approval struct {
	By   isms.Owner `json:"by"`
	Date time.Time  `json:"date"`
}

func (a Approval) validate(what string) error {
	var p isms.Problems
	if err := a.By.Validate(); err != nil {
		p.Addf("by", "%s names no single approver; give a role or a person", what)
	}
	isms.CheckDate(&p, "date", what+" date", a.Date, true)
	return p.Err()
}

// Confirmation records the risk owner's decision on a derived residual
// rating: DeriveResidual proposes, the owner confirms it or overrides it
// with a rationale (DESIGN §4.10: proposals are not decisions). Until
// then the residual is a proposal (Assessment.Proposed) and reports say so.
type Confirmation struct {
	By        isms.Owner `json:"by"`
	Date      time.Time  `json:"date"`
	Rationale string     `json:"rationale"`
	// Proposed is the derived rating the owner replaced; zero when the
	// owner confirmed the derived rating as it was.
	Proposed Rating `json:"proposed,omitzero"`
}

// DefaultOverdueGraceDays is the grace Criteria.OverdueGraceDays defaults
// to: a modify treatment whose open actions are more than 30 days overdue
// leaves the current residual risk in place, so it needs an acceptance.
const DefaultOverdueGraceDays = 30

// MaxOverdueGraceDays is the longest grace, in days, Criteria.OverdueGraceDays
// may give an overdue treatment (one year).
const MaxOverdueGraceDays = 365

// grace returns the criteria's grace for overdue treatment actions.
func (c Criteria) grace() time.Duration {
	d := c.OverdueGraceDays
	if d == 0 {
		d = DefaultOverdueGraceDays
	}
	return time.Duration(d) * 24 * time.Hour
}

// ownedBy reports whether o is the risk's owner.
func (r *Risk) ownedBy(o isms.Owner) bool { return !o.IsZero() && o == r.Owner }

// acceptedByOwner reports whether an acceptance was given by the risk
// owner: its role is the owning role, or its person the owning person.
func (r *Risk) acceptedByOwner(a *Acceptance) bool {
	return (!r.Owner.Role.IsZero() && a.By == r.Owner.Role) || (!r.Owner.Person.IsZero() && a.Person == r.Owner.Person)
}

// checkOwners records decisions taken by someone other than the risk
// owner: a treatment plan approval and a residual confirmation must be the
// owner's; an acceptance by another role needs the owner's agreement.
func (r Risk) checkOwners(p *isms.Problems, name string) {
	add := func(path, format string, args ...any) {
		p.Addf(path, "risk %q: %s", name, fmt.Sprintf(format, args...))
	}
	if a := r.Treatment.Approved; a != nil {
		p.Merge("treatment.approved", a.validate(fmt.Sprintf("risk %q: the treatment plan approval", name)))
		if !a.By.IsZero() && !r.ownedBy(a.By) {
			add("treatment.approved.by", "the treatment plan is approved by someone other than the risk owner; the risk owner approves it (clause 6.1.3 f)")
		}
	}
	if c := r.Residual.Confirmed; c != nil {
		if err := c.By.Validate(); err != nil {
			add("residual.confirmed.by", "the residual confirmation names no single owner")
		} else if !r.ownedBy(c.By) {
			add("residual.confirmed.by", "the residual rating is confirmed by someone other than the risk owner")
		}
		isms.CheckDate(p, "residual.confirmed.date", fmt.Sprintf("risk %q: the residual confirmation date", name), c.Date, true)
		if isms.IsPlaceholder(c.Rationale) {
			add("residual.confirmed.rationale", "the residual confirmation gives no rationale")
		}
		if c.Proposed != (Rating{}) {
			checkRating(p, name, "residual.confirmed.proposed", "proposed residual", c.Proposed)
		}
	}
	if a := r.Acceptance; a != nil {
		if g := a.OwnerAgreement; g != nil {
			p.Merge("acceptance.owner_agreement", g.validate(fmt.Sprintf("risk %q: the owner's agreement", name)))
			if !g.By.IsZero() && !r.ownedBy(g.By) {
				add("acceptance.owner_agreement.by", "the agreement to the acceptance is not the risk owner's")
			}
		}
	}
}
