package oscal

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/soa"
)

// SSPOptions configures SSP.
type SSPOptions struct {
	// ProfileHref is where the plan finds the profile it implements;
	// "profile.json" (beside the plan) by default.
	ProfileHref string
	// LastModified overrides the document's last-modified timestamp, as
	// for Profile.
	LastModified time.Time
}

// ControlOwnerRole is the OSCAL role ID of a control owner that is a
// person, or a name the context does not know; a control owned by a role
// of the context names that role instead.
const ControlOwnerRole = "control-owner"

// SSP returns the SoA as an OSCAL system security plan of the
// organisation's ISMS: the system is the ISMS scope (its ID, statement and
// items), with one component, the ISMS itself ("this-system"). Every
// applicable control, entry or additional, is an implemented requirement
// with
//
//   - its ismskit status as the "implementation-status" property and as
//     OSCAL's implementation-status of the component (implemented →
//     implemented, in progress → partial, planned and not started →
//     planned);
//   - its owner as a responsible role: the context's role the SoA names
//     (with the role's holders as parties), or ControlOwnerRole with the
//     person as party;
//   - its reasons as "reason" properties (the code as value, the records it
//     rests on in the remarks);
//   - its evidence as back-matter resources linked with rel "evidence".
//
// The context's roles become metadata roles (IDs made from their names,
// "it-manager") and system users, its people and the organisation
// parties. UUIDs are derived from ismskit's IDs: the plan's from the SoA's
// document ID ("ssp/<document ID>", the same for every edition), a
// requirement's from the control ("ssp/<document ID>/requirement/<control
// ID>"), a party's from the person or organisation ID ("party/<ID>"); see
// the package documentation for the rest.
//
// The SoA and the context must validate and the SoA must apply at least
// one control; the error lists every problem with its path.
func SSP(s soa.SoA, org isms.OrgContext, opts SSPOptions) (SSPDocument, error) {
	var p isms.Problems
	modified, published := soaTimes(&p, s, opts.LastModified)
	p.Merge("context", org.Validate())
	if p.Len() > 0 {
		return SSPDocument{}, p.Err()
	}
	b := sspBuilder{s: s, org: inNameOrder(org), doc: s.Revision.Document.String(), roleIDs: map[isms.RoleID]string{}}
	meta := soaMetadata(s, "System security plan", modified, published, nil)
	meta.Roles, meta.Parties, meta.ResponsibleParties = b.people()
	component := DeriveUUID("ssp/" + b.doc + "/this-system")
	var reqs []ImplementedRequirement
	for _, e := range slices.Concat(s.Entries, s.Additional) {
		if e.Applicable {
			reqs = append(reqs, b.requirement(e, component))
		}
	}
	if len(reqs) == 0 {
		p.Addf("soa.entries", "the SoA applies no control; a system security plan implements at least one")
		return SSPDocument{}, p.Err()
	}
	href := strings.TrimSpace(opts.ProfileHref)
	if href == "" {
		href = "profile.json"
	}
	name := plain(org.Organization.Name)
	if name == "" {
		name = plain(s.Organization)
	}
	system := strings.TrimSpace(name + " ISMS")
	scope := lines(org.Scope.Statement)
	if scope == "" {
		scope = line("The information security management system of " + name + ".")
	}
	sysID := org.Scope.ID.String()
	if org.Scope.ID.IsZero() {
		sysID = org.Organization.ID.String()
	}
	doc := SSPDocument{
		UUID:          DeriveUUID("ssp/" + b.doc),
		Metadata:      meta,
		ImportProfile: ImportProfile{Href: href},
		SystemCharacteristics: SystemCharacteristics{
			SystemIDs:   []SystemID{{IdentifierType: "https://ietf.org/rfc/rfc4122", ID: sysID}},
			SystemName:  system,
			Description: scope,
			SystemInformation: SystemInformation{InformationTypes: []InformationType{{
				UUID: DeriveUUID("ssp/" + b.doc + "/information"), Title: "Information within the ISMS scope",
				Description: "The information, and the assets that hold it, within the scope described under the authorization boundary.",
			}}},
			Status:                Status{State: "operational"},
			AuthorizationBoundary: AuthorizationBoundary{Description: boundary(org.Scope, scope)},
		},
		SystemImplementation: SystemImplementation{
			Users: b.users(),
			Components: []Component{{UUID: component, Type: "this-system", Title: line(system),
				Description: scope, Status: Status{State: "operational"}}},
		},
		ControlImplementation: ControlImplementation{
			Description:             line(fmt.Sprintf("How %s implements the controls its Statement of Applicability (edition %d) applies.", name, s.Revision.Edition)),
			ImplementedRequirements: reqs,
		},
	}
	if len(b.evidence) > 0 {
		doc.BackMatter = &BackMatter{Resources: b.evidence}
	}
	return doc, nil
}

// sspBuilder carries what the plan's parts share.
type sspBuilder struct {
	s        soa.SoA
	org      isms.OrgContext
	doc      string
	roleIDs  map[isms.RoleID]string
	evidence []Resource
}

// inNameOrder returns org with its roles and people sorted by name, then
// ID, and each role's holders by ID: the SSP lists them in that order, so
// the same organisation gives the same bytes whatever order its records
// came in (a store returns them in ID order, a workbook in its own).
func inNameOrder(org isms.OrgContext) isms.OrgContext {
	org.Roles = slices.Clone(org.Roles)
	slices.SortStableFunc(org.Roles, func(a, b isms.Role) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID.String(), b.ID.String()))
	})
	for i := range org.Roles {
		org.Roles[i].Holders = slices.Clone(org.Roles[i].Holders)
		slices.SortFunc(org.Roles[i].Holders, func(a, b isms.PersonID) int { return cmp.Compare(a.String(), b.String()) })
	}
	org.People = slices.Clone(org.People)
	slices.SortStableFunc(org.People, func(a, b isms.Person) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID.String(), b.ID.String()))
	})
	return org
}

// people makes the metadata roles, parties and responsible parties.
func (b *sspBuilder) people() ([]Role, []Party, []ResponsibleParty) {
	used := tokens{ControlOwnerRole: true}
	var roles []Role
	var parties []Party
	var resp []ResponsibleParty
	for _, r := range b.org.Roles {
		id := used.unique(slug(r.Name, "role"))
		b.roleIDs[r.ID] = id
		roles = append(roles, Role{ID: id, Title: line(r.Name)})
		var holders []string
		for _, h := range r.Holders {
			holders = append(holders, partyUUID(h.String()))
		}
		if len(holders) > 0 {
			resp = append(resp, ResponsibleParty{RoleID: id, PartyUUIDs: holders})
		}
	}
	roles = append(roles, Role{ID: ControlOwnerRole, Title: "Control owner"})
	org := Party{UUID: partyUUID(b.org.Organization.ID.String()), Type: "organization", Name: plain(b.org.Organization.Name)}
	parties = append(parties, org)
	for _, person := range b.org.People {
		parties = append(parties, Party{UUID: partyUUID(person.ID.String()), Type: "person", Name: plain(person.Name)})
	}
	return roles, parties, resp
}

func partyUUID(id string) string { return DeriveUUID("party/" + id) }

// users makes a system user per role of the context (at least one).
func (b *sspBuilder) users() []SystemUser {
	var out []SystemUser
	for _, r := range b.org.Roles {
		out = append(out, SystemUser{UUID: DeriveUUID("ssp/" + b.doc + "/user/" + r.ID.String()), Title: line(r.Name),
			Description: lines(r.Description), RoleIDs: []string{b.roleIDs[r.ID]}})
	}
	if len(out) == 0 {
		out = append(out, SystemUser{UUID: DeriveUUID("ssp/" + b.doc + "/user/staff"), Title: "Staff within the ISMS scope"})
	}
	return out
}

// owner resolves the name an entry shows as its owner to a responsible
// role: a role of the context, a person, or the name alone.
func (b *sspBuilder) owner(name string) (ResponsibleRole, bool) {
	if strings.TrimSpace(name) == "" {
		return ResponsibleRole{}, false
	}
	for _, r := range b.org.Roles {
		if r.Name == name {
			rr := ResponsibleRole{RoleID: b.roleIDs[r.ID]}
			for _, h := range r.Holders {
				rr.PartyUUIDs = append(rr.PartyUUIDs, partyUUID(h.String()))
			}
			return rr, true
		}
	}
	for _, person := range b.org.People {
		if person.Name == name {
			return ResponsibleRole{RoleID: ControlOwnerRole, PartyUUIDs: []string{partyUUID(person.ID.String())}}, true
		}
	}
	return ResponsibleRole{RoleID: ControlOwnerRole, Remarks: lines("The SoA names " + name + " as the owner; the context has no role or person of that name.")}, true
}

// states maps ismskit's statuses to OSCAL's implementation states.
var states = map[controls.Status]string{
	controls.Implemented: "implemented",
	controls.InProgress:  "partial",
	controls.Planned:     "planned",
	controls.NotStarted:  "planned",
}

// requirement makes the implemented requirement of an applicable entry.
func (b *sspBuilder) requirement(e soa.Entry, component string) ImplementedRequirement {
	base := "ssp/" + b.doc + "/requirement/" + string(e.Control)
	req := ImplementedRequirement{UUID: DeriveUUID(base), ControlID: ControlID(e.Control)}
	status := e.Status
	if status == "" {
		status = controls.NotStarted
	}
	req.Props = append(req.Props, Property{Name: "implementation-status", NS: PropNamespace, Value: plain(string(status))})
	for _, r := range e.Reasons {
		prop := Property{Name: "reason", NS: PropNamespace, Value: plain(string(r.Code))}
		if text := reasonText(r); text != "" {
			prop.Remarks = line(text)
		}
		req.Props = append(req.Props, prop)
	}
	if rr, ok := b.owner(e.Owner); ok {
		req.ResponsibleRoles = []ResponsibleRole{rr}
	}
	for i, ev := range e.Evidence {
		id := DeriveUUID(base + "/evidence/" + strconv.Itoa(i))
		r := Resource{UUID: id, Title: line(ev.Title), Description: line("Location: " + ev.Location)}
		if !ev.Date.IsZero() {
			if d, ok := timestamp(ev.Date); ok {
				r.Props = []Property{{Name: "evidence-date", NS: PropNamespace, Value: d}}
			}
		}
		if u, err := url.Parse(strings.TrimSpace(ev.Location)); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
			r.RLinks = []RLink{{Href: u.String()}}
		}
		b.evidence = append(b.evidence, r)
		req.Links = append(req.Links, Link{Href: "#" + id, Rel: "evidence", Text: line(ev.Title)})
	}
	state := states[status]
	if state == "" {
		state = "planned"
	}
	var desc []string
	desc = append(desc, fmt.Sprintf("Status: %s.", strings.ReplaceAll(string(status), "_", " ")))
	if o := plain(e.Owner); o != "" {
		desc = append(desc, "Owner: "+o+".")
	}
	if len(e.Reasons) > 0 {
		var why []string
		for _, r := range e.Reasons {
			why = append(why, reasonText(r))
		}
		desc = append(desc, "Applicable because: "+strings.Join(why, "; ")+".")
	}
	req.ByComponents = []ByComponent{{ComponentUUID: component, UUID: DeriveUUID(base + "/this-system"),
		Description: line(strings.Join(desc, " ")), ImplementationStatus: &ImplementationStatus{State: state}}}
	return req
}

// boundary describes the scope: its statement, then what is in and out.
func boundary(s isms.Scope, statement string) string {
	var in, out []string
	for _, it := range s.Items {
		item := "- " + line(string(it.Kind)+": "+it.Name)
		if it.Excluded {
			out = append(out, item)
		} else {
			in = append(in, item)
		}
	}
	text := statement
	if len(in) > 0 {
		text += "\n\nIn scope:\n\n" + strings.Join(in, "\n")
	}
	if len(out) > 0 {
		text += "\n\nOut of scope:\n\n" + strings.Join(out, "\n")
	}
	return text
}
