package suppliers

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit/isms"
)

// Register is the organisation's supplier register. Each Supplier is
// storable on its own (KindSupplier); Register bundles them for checks,
// duties and reports. Its JSON field names are the ones a workbook sheet
// can reuse as column keys.
type Register struct {
	Suppliers []Supplier `json:"suppliers"`
}

// Validate checks every supplier (Supplier.Validate) with paths like
// "suppliers[2].contract.notification_hours", and that no ID or name
// appears twice.
func (reg Register) Validate() error {
	var p isms.Problems
	for i, s := range reg.Suppliers {
		p.Merge(isms.Index("suppliers", i), s.Validate())
	}
	isms.Duplicates(&p, "suppliers", "id", reg.Suppliers,
		func(s Supplier) (ID, bool) { return s.ID, !s.ID.IsZero() },
		func(s Supplier, j int) string { return fmt.Sprintf("ID %s is also the ID of suppliers[%d]", s.ID, j) })
	isms.Duplicates(&p, "suppliers", "name", reg.Suppliers,
		func(s Supplier) (string, bool) { return isms.NameKey(s.Name) },
		func(s Supplier, j int) string {
			return fmt.Sprintf("supplier %s is also suppliers[%d]", isms.Quote(s.Name), j)
		})
	return p.Err()
}

// CheckRefs checks the references from the register into the
// organisation's context c: owners, parties, assets, and the scope
// interface each supplier sits behind. It does not repeat Validate.
func (reg Register) CheckRefs(c isms.OrgContext) error {
	var p isms.Problems
	refs := c.Refs()
	for i, s := range reg.Suppliers {
		p.Merge(isms.Index("suppliers", i), s.checkRefs(refs, c.Scope))
	}
	return p.Err()
}

// CheckRefs checks the supplier's references into the context c.
func (s Supplier) CheckRefs(c isms.OrgContext) error {
	return s.checkRefs(c.Refs(), c.Scope)
}

func (s Supplier) checkRefs(refs isms.Refs, sc isms.Scope) error {
	var p isms.Problems
	refs.CheckOwner(&p, "owner", "", s.Owner)
	if !s.Party.IsZero() && !refs.HasParty(s.Party) {
		p.Addf("party", "interested party %s is not a party of this organisation", s.Party)
	}
	for i, a := range s.Assets {
		if !a.IsZero() && !refs.HasAsset(a) {
			p.Addf(isms.Index("assets", i), "asset %s is not in the asset inventory", a)
		}
	}
	if s.Interface != "" && !hasInterface(sc, s.Interface) {
		p.Addf("interface", "the scope has no interface named %s", isms.Quote(s.Interface))
	}
	return p.Err()
}

func hasInterface(sc isms.Scope, name string) bool {
	for _, it := range sc.Interfaces {
		if strings.EqualFold(strings.TrimSpace(it.Name), strings.TrimSpace(name)) {
			return true
		}
	}
	return false
}

// Supplier returns the supplier with the given ID.
func (reg Register) Supplier(id ID) (Supplier, bool) {
	for _, s := range reg.Suppliers {
		if s.ID == id {
			return s, true
		}
	}
	return Supplier{}, false
}
