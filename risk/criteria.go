package risk

import (
	"strconv"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Criteria are the risk acceptance criteria (clause 6.1.2 a): the appetite
// and who may accept what.
type Criteria struct {
	// Appetite is the ID of the highest band that may be retained without an
	// acceptance. Risks in higher bands are treated, or accepted by an
	// authorized role.
	Appetite string `json:"appetite"`
	// Authorities say which roles may accept which bands, and for how long.
	Authorities []Authority `json:"authorities,omitempty"`
	// OverdueGraceDays is how many days the open actions of a modify
	// treatment may be overdue before the residual risk they leave in
	// place needs an acceptance; 0 means DefaultOverdueGraceDays, and at
	// most MaxOverdueGraceDays.
	OverdueGraceDays int `json:"overdue_grace_days,omitempty"`
}

// Authority lets a role accept risks up to and including a band, for at
// most MaxMonths months at a time. "The IT manager accepts up to Medium for
// 12 months; the CEO accepts up to Critical for 3 months."
type Authority struct {
	Role      isms.RoleID `json:"role"`
	UpTo      string      `json:"up_to"`
	MaxMonths int         `json:"max_months"`
}

func (c Criteria) validate(m Method) error {
	var p isms.Problems
	switch {
	case c.Appetite == "":
		p.Addf("appetite", "the criteria give no risk appetite; add \"criteria\": {\"appetite\": \"<band id>\"} naming the highest band that may be retained without acceptance (one of %s)", bandIDs(m))
	case m.BandIndex(c.Appetite) < 0:
		p.Addf("appetite", "the appetite %q is not one of the method's bands (%s); name the highest band that may be retained without acceptance", c.Appetite, bandIDs(m))
	}
	if c.OverdueGraceDays < 0 || c.OverdueGraceDays > MaxOverdueGraceDays {
		p.Addf("overdue_grace_days", "a grace of %d days for overdue treatment is outside 0..%d (MaxOverdueGraceDays)", c.OverdueGraceDays, MaxOverdueGraceDays)
	}
	if len(c.Authorities) > MaxAuthorities {
		p.Addf("authorities", "the criteria list %d authorities; at most MaxAuthorities (%d)", len(c.Authorities), MaxAuthorities)
		return p.Err()
	}
	for i, a := range c.Authorities {
		path := isms.Index("authorities", i)
		if a.Role.IsZero() {
			p.Addf(isms.JoinPath(path, "role"), "the authority names no role")
		}
		if m.BandIndex(a.UpTo) < 0 {
			p.Addf(isms.JoinPath(path, "up_to"), "band %q is not one of the method's bands", a.UpTo)
		}
		switch {
		case a.MaxMonths < 1:
			p.Addf(isms.JoinPath(path, "max_months"), "an acceptance must expire: give a maximum period of at least 1 month, not %d", a.MaxMonths)
		case a.MaxMonths > MaxAcceptanceMonths:
			p.Addf(isms.JoinPath(path, "max_months"), "a maximum period of %d months is above MaxAcceptanceMonths (%d); an acceptance is reviewed at least every ten years", a.MaxMonths, MaxAcceptanceMonths)
		}
	}
	return p.Err()
}

// bandIDs lists the method's band IDs for messages.
func bandIDs(m Method) string {
	ids := make([]string, 0, len(m.Bands))
	for _, b := range m.Bands {
		ids = append(ids, strconv.Quote(b.ID))
	}
	return strings.Join(ids, ", ")
}

// MayAccept reports whether role may accept a risk in the band of the
// given order, and for how many months at most (the longest period any of
// the role's sufficient authorities grants).
func (m Method) MayAccept(role isms.RoleID, order int) (maxMonths int, ok bool) {
	for _, a := range m.Criteria.Authorities {
		if a.Role == role && m.BandIndex(a.UpTo) >= order {
			ok = true
			maxMonths = max(maxMonths, a.MaxMonths)
		}
	}
	return maxMonths, ok
}

// latestExpiry returns the latest expiry an acceptance made at date may
// have under a maximum period of months.
func latestExpiry(date time.Time, months int) time.Time {
	return date.AddDate(0, months, 0)
}
