package policy

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// Validate checks the policy on its own, reporting every problem at once
// with its field path, so that an empty or broken policy is never stored
// or approved: an ID and a title; a purpose and a scope; at least one
// objective, each measurable (isms.Objective.Validate); at least one
// principle, each with a statement and answering only key risks the
// policy lists; key risks with an ID, a reference and a title; at least
// one responsibility, each naming a role and what it does; commitments
// naming their requirement; an owner that is one of those roles; a valid
// revision block (isms.Revision.Validate) and, for an approved edition, a
// hash that still matches. References into the organisation's context are
// checked by CheckRefs; advice on weak content comes from Lint.
func (p Policy) Validate() error {
	var probs isms.Problems
	p.validateContent(&probs)
	revErr := p.Revision.Validate()
	probs.Merge("revision", revErr)
	if p.Revision.Status == isms.Approved && revErr == nil {
		if err := p.Verify(); errors.Is(err, isms.ErrConflict) {
			probs.Addf("revision.hash", "the content or approval does not match the approved hash; an approved edition must not change (start the next draft with Revise)")
		}
	}
	return probs.Err()
}

// MaxTextLength is the longest text, in bytes, that one field of a policy
// may hold (64 KiB, some 10,000 words where the whole policy should stay
// under MaxWords). Validate refuses a longer text, and Lint reads no
// further, so no input makes checking a policy slow.
const MaxTextLength = 64 << 10

// allTexts lists every text field of the policy with its path: the free
// text Lint reads and the names and titles.
func allTexts(p Policy) []located {
	out := append([]located{{"organization", p.Organization}, {"title", p.Title}}, texts(p)...)
	for i, pr := range p.Principles {
		out = append(out, located{isms.JoinPath(isms.Index("principles", i), "metric"), pr.Metric})
		for j, l := range pr.Processes {
			out = append(out, located{isms.JoinPath(isms.JoinPath(isms.Index("principles", i), isms.Index("processes", j)), "name"), l.Name})
		}
	}
	for i, k := range p.KeyRisks {
		path := isms.Index("key_risks", i)
		out = append(out, located{isms.JoinPath(path, "ref"), k.Ref}, located{isms.JoinPath(path, "title"), k.Title}, located{isms.JoinPath(path, "band"), k.Band})
	}
	for i, r := range p.Responsibilities {
		out = append(out, located{isms.JoinPath(isms.Index("responsibilities", i), "name"), r.Name})
	}
	for i, c := range p.Commitments {
		path := isms.Index("commitments", i)
		out = append(out, located{isms.JoinPath(path, "title"), c.Title}, located{isms.JoinPath(path, "source"), c.Source})
	}
	out = append(out, located{"availability.location", p.Availability.Location}, located{"revision.changes", p.Revision.Changes})
	return out
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// validateContent checks everything but the revision block itself, and the
// policy's own rule for the owner.
func (p Policy) validateContent(probs *isms.Problems) {
	if p.ID.IsZero() {
		probs.Addf("id", "the policy has no ID; give it VersionID(document, edition)")
	}
	if blank(p.Title) {
		probs.Addf("title", "the policy has no title")
	}
	if blank(p.Purpose) {
		probs.Addf("purpose", "the purpose section is empty; say why the organisation protects its information")
	}
	if blank(p.Scope) {
		probs.Addf("scope", "the scope section is empty; say what the policy covers")
	}
	if len(p.Objectives) == 0 {
		probs.Addf("objectives", "the policy has no information security objectives; set 3 to 5 measurable ones")
	}
	for i, o := range p.Objectives {
		probs.Merge(isms.Index("objectives", i), o.Validate()) // includes the deadline's year
	}
	keyRisks := map[risk.ID]bool{}
	for i, k := range p.KeyRisks {
		path := isms.Index("key_risks", i)
		if k.Risk.IsZero() {
			probs.Addf(isms.JoinPath(path, "risk"), "key risk %q names no risk of the register", k.Ref)
		}
		if blank(k.Ref) || blank(k.Title) {
			probs.Addf(path, "a key risk needs its reference and title as the policy cites them")
		}
		keyRisks[k.Risk] = true
	}
	if len(p.Principles) == 0 {
		probs.Addf("principles", "the policy has no principles; state 5 to 7 that answer the key risks")
	}
	for i, pr := range p.Principles {
		path := isms.Index("principles", i)
		if blank(pr.Statement) {
			probs.Addf(isms.JoinPath(path, "statement"), "the principle has no statement")
		}
		for j, id := range pr.Risks {
			if !keyRisks[id] {
				probs.Addf(isms.JoinPath(path, isms.Index("risks", j)), "the principle answers risk %s, which is not one of the policy's key risks", id)
			}
		}
		for j, id := range pr.Objectives {
			if !slices.ContainsFunc(p.Objectives, func(o isms.Objective) bool { return o.ID == id }) {
				probs.Addf(isms.JoinPath(path, isms.Index("objectives", j)), "the principle is measured by objective %s, which is not one of the policy's objectives", id)
			}
		}
		for j, l := range pr.Processes {
			lp := isms.JoinPath(path, isms.Index("processes", j))
			if l.Process.IsZero() {
				probs.Addf(isms.JoinPath(lp, "process"), "the process link names no process")
			}
			if blank(l.Name) {
				probs.Addf(isms.JoinPath(lp, "name"), "the process link needs the process's name as the policy cites it")
			}
		}
	}
	if len(p.Responsibilities) == 0 {
		probs.Addf("responsibilities", "the policy names no roles and responsibilities")
	}
	for i, r := range p.Responsibilities {
		path := isms.Index("responsibilities", i)
		if r.Role.IsZero() {
			probs.Addf(isms.JoinPath(path, "role"), "responsibility %q names no role", r.Name)
		}
		switch {
		case blank(r.Name):
			probs.Addf(isms.JoinPath(path, "name"), "the responsibility does not name its role")
		case isms.IsCollectiveName(r.Name):
			probs.Addf(isms.JoinPath(path, "name"), "%q makes nobody accountable; name a role such as the CEO or the IT manager", r.Name)
		}
		if blank(r.Duties) {
			probs.Addf(isms.JoinPath(path, "duties"), "say what the %s does for information security", r.Name)
		}
	}
	for i, c := range p.Commitments {
		path := isms.Index("commitments", i)
		if c.Requirement.IsZero() {
			probs.Addf(isms.JoinPath(path, "requirement"), "commitment %q names no requirement", c.Title)
		}
		if blank(c.Title) {
			probs.Addf(isms.JoinPath(path, "title"), "the commitment has no title")
		}
	}
	for _, t := range allTexts(p) {
		if len(t.text) > MaxTextLength {
			probs.Addf(t.path, "the text is %d bytes long; a policy text is at most MaxTextLength (%d KiB), and a policy 1–3 pages", len(t.text), MaxTextLength>>10)
		}
	}
	o := p.Revision.Owner
	switch {
	case o.IsZero():
		probs.Addf("revision.owner", "the policy has no owner; name the role that maintains it, such as the IT manager")
	case !o.Person.IsZero():
		probs.Addf("revision.owner", "name a role, not a person, as the policy's owner, so ownership survives staff changes")
	case p.OwnerName() == "":
		probs.Addf("revision.owner", "the owner's role is not listed under roles and responsibilities; list it there so the policy names its owner")
	}
}

// CheckRefs checks the policy's references into the organisation's
// context: the roles of the responsibilities, the requirements of the
// commitments, the objectives and their owners, and the owner and approver
// of the revision block must all be the organisation's. It does not repeat
// Validate. A zero context knows nothing, so every reference fails.
func (p Policy) CheckRefs(org isms.OrgContext) error {
	var probs isms.Problems
	refs := org.Refs()
	for i, r := range p.Responsibilities {
		if !r.Role.IsZero() && !refs.HasRole(r.Role) {
			probs.Addf(isms.JoinPath(isms.Index("responsibilities", i), "role"), "role %q (%s) is not a role of this organisation", r.Name, r.Role)
		}
	}
	for i, c := range p.Commitments {
		if !c.Requirement.IsZero() && !refs.HasRequirement(c.Requirement) {
			probs.Addf(isms.JoinPath(isms.Index("commitments", i), "requirement"), "commitment %q names requirement %s, which is not a requirement of this organisation", c.Title, c.Requirement)
		}
	}
	for i, o := range p.Objectives {
		path := isms.Index("objectives", i)
		if !o.ID.IsZero() && !refs.HasObjective(o.ID) {
			probs.Addf(isms.JoinPath(path, "id"), "objective %q is not an objective of this organisation; add it to the context first", o.Title)
		}
		refs.CheckOwner(&probs, isms.JoinPath(path, "owner"), fmt.Sprintf("objective %q: ", o.Title), o.Owner)
	}
	refs.CheckOwner(&probs, "revision.owner", "the policy's ", p.Revision.Owner)
	refs.CheckOwner(&probs, "revision.approval.by", "approval: ", p.Revision.Approval.By)
	return probs.Err()
}
