package risk

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/suppliers"
)

// Register is one organization's risk register: the method it assesses
// with and its risks. It is a plain value; hosts load it from their stores
// (each Risk is storable on its own) and call the queries and checks here.
type Register struct {
	Method Method `json:"method"`
	Risks  []Risk `json:"risks"`
}

// Validate checks the method and every risk (Risk.Validate) and each risk
// against the register's own method, reporting every problem at once with
// paths like "risks[3].residual.likelihood": ratings off the method's
// scales, residual above inherent or target above residual without a
// reason, significant risks (above the appetite) without a deadline, and
// acceptances by roles the criteria do not allow or for longer than they
// allow. IDs and references must be unique. It needs no other record;
// CheckRefs checks the references into the organization's context and the
// catalogue.
func (reg Register) Validate() error {
	_, err := reg.validate()
	return err
}

func normRef(ref string) string { return strings.ToLower(strings.TrimSpace(ref)) }

// Highest compiles the register and returns Compiled.Highest; the error is
// Compile's. A caller asking several questions compiles once instead.
func (reg Register) Highest(n int, s Stage) ([]Ranked, error) {
	c, err := reg.Compile()
	if err != nil {
		return nil, err
	}
	return c.Highest(n, s), nil
}

// ByBand compiles the register and returns Compiled.ByBand.
func (reg Register) ByBand(s Stage, id string) ([]Ranked, error) {
	c, err := reg.Compile()
	if err != nil {
		return nil, err
	}
	return c.ByBand(s, id), nil
}

// Unaccepted compiles the register and returns Compiled.Unaccepted.
func (reg Register) Unaccepted(now time.Time) ([]Unaccepted, error) {
	c, err := reg.Compile()
	if err != nil {
		return nil, err
	}
	return c.Unaccepted(now), nil
}

// HeatMap compiles the register and returns Compiled.HeatMap.
func (reg Register) HeatMap(s Stage) (HeatMap, error) {
	c, err := reg.Compile()
	if err != nil {
		return HeatMap{}, err
	}
	return c.HeatMap(s), nil
}

// Summarize compiles the register and returns Compiled.Summarize.
func (reg Register) Summarize(now time.Time) (Summary, error) {
	c, err := reg.Compile()
	if err != nil {
		return Summary{}, err
	}
	return c.Summarize(now), nil
}

// CheckRefs checks every reference from the register into other records,
// and nothing else (Validate checks the register's own fields): owners of
// risks and actions, assessors, accepting roles and people, and the roles
// of the acceptance criteria must exist in the organization's context;
// assets and requirements in its inventory; and every control named by an
// applied control or a treatment action in the catalogue (Annex A or
// custom). A nil catalogue is reported as a problem, not skipped.
func (reg Register) CheckRefs(org isms.OrgContext, cat *controls.Catalogue) error {
	var p isms.Problems
	refs := org.Refs()
	checkCatalogue(&p, cat)
	for i, a := range reg.Method.Criteria.Authorities {
		if !a.Role.IsZero() && !refs.HasRole(a.Role) {
			p.Addf(isms.JoinPath(isms.Index("method.criteria.authorities", i), "role"), "role %s is not a role of the organization", a.Role)
		}
	}
	for i, r := range reg.Risks {
		r.checkRefs(&p, isms.Index("risks", i), refs, cat)
	}
	return p.Err()
}

// CheckRefs checks one risk against the records it depends on: its
// references into the organization's context and the catalogue (as
// Register.CheckRefs does for each risk) and its ratings, residual and
// target, deadline and acceptance against the method m (as
// Register.Validate does). It is the check for a host that stores risks
// one by one: isms.Create runs Validate, which cannot know the method's
// scales, so a likelihood of 99 on a 1–5 scale is found here.
func (r Risk) CheckRefs(org isms.OrgContext, cat *controls.Catalogue, m Method) error {
	var p isms.Problems
	checkCatalogue(&p, cat)
	if sc, err := m.Scorer(); err != nil {
		p.Merge("method", err)
	} else {
		p.Merge("", sc.checkRatings(r))
	}
	r.checkRefs(&p, "", org.Refs(), cat)
	return p.Err()
}

// CheckSuppliers checks that every risk's Supplier is in the supplier
// register sup (as CheckRefs checks the context's records).
func (reg Register) CheckSuppliers(sup suppliers.Register) error {
	var p isms.Problems
	var names []string
	for _, s := range sup.Suppliers {
		if len(names) == 5 {
			names = append(names, "…")
			break
		}
		names = append(names, isms.Quote(s.Name)+" "+s.ID.String())
	}
	has := "the register is empty"
	if len(names) > 0 {
		has = "it has " + strings.Join(names, ", ")
	}
	for i, r := range reg.Risks {
		if r.Supplier.IsZero() {
			continue
		}
		if !slices.ContainsFunc(sup.Suppliers, func(s suppliers.Supplier) bool { return s.ID == r.Supplier }) {
			p.Addf(isms.JoinPath(isms.Index("risks", i), "supplier"), "risk %q: supplier %s is not in the supplier register (%s)", r.name(), r.Supplier, has)
		}
	}
	return p.Err()
}

// BySupplier returns the risks whose source is supplier id, in register
// order.
func (reg Register) BySupplier(id suppliers.ID) []Risk {
	var out []Risk
	for _, r := range reg.Risks {
		if r.Supplier == id && !id.IsZero() {
			out = append(out, r)
		}
	}
	return out
}

func checkCatalogue(p *isms.Problems, cat *controls.Catalogue) {
	if cat == nil {
		p.Addf("catalogue", "no control catalogue was given to check the risks' controls against; pass controls.AnnexA() or the organization's own catalogue")
	}
}

// checkRefs records the risk's references that do not resolve in refs or
// cat (nil: not checked), with paths under path.
func (r Risk) checkRefs(p *isms.Problems, path string, refs isms.Refs, cat *controls.Catalogue) {
	name := r.name()
	owner := func(path string, o isms.Owner) { refs.CheckOwner(p, path, fmt.Sprintf("risk %q: ", name), o) }
	control := func(path string, id controls.ID) {
		if cat != nil && !cat.Has(id) {
			p.Addf(path, "risk %q: control %q is not in the catalogue; add it as a custom control or correct the ID", name, id)
		}
	}
	owner(isms.JoinPath(path, "owner"), r.Owner)
	for j, a := range r.Assets {
		if !refs.HasAsset(a) {
			p.Addf(isms.JoinPath(path, isms.Index("assets", j)), "risk %q: asset %s is not in the inventory", name, a)
		}
	}
	for j, q := range r.Requirements {
		if !refs.HasRequirement(q) {
			p.Addf(isms.JoinPath(path, isms.Index("requirements", j)), "risk %q: requirement %s is not a requirement of the organization", name, q)
		}
	}
	for _, st := range []struct {
		stage string
		a     Assessment
	}{{"inherent", r.Inherent}, {"residual", r.Residual}, {"target", r.Target}} {
		if !st.a.Assessor.IsZero() && !refs.HasPerson(st.a.Assessor) {
			p.Addf(isms.JoinPath(path, st.stage+".assessor"), "risk %q: assessor %s is not a person of the organization", name, st.a.Assessor)
		}
	}
	for j, a := range r.Applied {
		control(isms.JoinPath(path, isms.Index("applied", j))+".control", a.Control)
	}
	for j, a := range r.Treatment.Actions {
		apath := isms.JoinPath(path, isms.Index("treatment.actions", j))
		owner(isms.JoinPath(apath, "owner"), a.Owner)
		for k, c := range a.Controls {
			control(isms.JoinPath(apath, isms.Index("controls", k)), c)
		}
	}
	if a := r.Acceptance; a != nil {
		if !a.By.IsZero() && !refs.HasRole(a.By) {
			p.Addf(isms.JoinPath(path, "acceptance.by"), "risk %q: accepting role %s is not a role of the organization", name, a.By)
		}
		if !a.Person.IsZero() && !refs.HasPerson(a.Person) {
			p.Addf(isms.JoinPath(path, "acceptance.person"), "risk %q: accepting person %s is not a person of the organization", name, a.Person)
		}
	}
}
