package soa

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/suppliers"
)

// ProposalRule is one row of the table of proposal rules: when the
// organisation's own data shows Trigger, the Controls are proposed as
// applicable with reason Code and the refs of the records that triggered
// it. Excluding one of Blocking while the rule fires is a lint error
// (RuleExclusionContradicted); excluding another of its controls is a
// warning.
type ProposalRule struct {
	ID       string        `json:"id"`
	Code     ReasonCode    `json:"code"`
	Controls []controls.ID `json:"controls"`
	Blocking []controls.ID `json:"blocking,omitempty"`
	// Trigger says in words what fires the rule.
	Trigger string `json:"trigger"`
}

// Proposal is one control a rule proposes, with the rule, its reason
// code and the records that triggered it. Proposals are not decisions:
// Generate makes the control applicable with this reason unless a
// decision or an implementation record says otherwise.
type Proposal struct {
	Control controls.ID `json:"control"`
	Rule    string      `json:"rule"`
	Code    ReasonCode  `json:"code"`
	Refs    []Ref       `json:"refs,omitempty"`
}

// rule is a ProposalRule with its matcher: the refs of the records that
// fire it, none when it does not fire; or, for a rule whose controls come
// from the data (no Controls of its own), perControl: the refs of the
// records that propose each control.
type rule struct {
	ProposalRule
	match      func(in *Input) []Ref
	perControl func(in *Input) map[controls.ID][]Ref
}

// baselineControls lists the controls nearly every organisation applies, whatever
// its size or sector: policy and roles, management responsibility and
// contact with authorities, information transfer, identity and access,
// the incident cycle, continuity, intellectual property, independent
// review and compliance, operating procedures, awareness and event
// reporting, privileged and restricted access, secure authentication,
// malware and vulnerability management, configuration, backup, logging,
// monitoring and clock synchronisation, network security and cryptography.
// Generate proposes each as applicable with reason Baseline; excluding one
// is a lint warning. The list is ismskit's judgement, documented here so a
// consultant can disagree with a decision.
var baselineControls = []controls.ID{
	"5.1", "5.2", "5.4", "5.5", "5.14", "5.15", "5.16", "5.17", "5.18", "5.24", "5.25", "5.26", "5.27", "5.28",
	"5.29", "5.30", "5.32", "5.35", "5.36", "5.37", "6.3", "6.8", "8.2", "8.3", "8.5", "8.7", "8.8", "8.9", "8.13",
	"8.15", "8.16", "8.17", "8.20", "8.24",
}

// BaselineControls returns the controls nearly every organisation applies
// (proposed with reason Baseline), in natural order.
func BaselineControls() []controls.ID { return slices.Clone(baselineControls) }

// Words that fire the text-matching rules, matched case-insensitively on
// word starts.
var (
	remoteWords     = []string{"remote", "home office", "working from home", "work from home", "homeworking", "telework", "hybrid work", "mobile work"}
	serverRoomWords = []string{"server room", "data centre", "data center", "datacentre", "datacenter", "computer room", "comms room", "network room", "equipment room", "server rack", "server cabinet", "network cabinet", "server closet", "server cupboard", "on-premises server"}
	devWords        = []string{"develop", "software engineering", "engineering", "source code", "code repositor", "programming"}
	sourceWords     = []string{"source code", "code repositor", "repository", "codebase"}
	personalWords   = []string{"gdpr", "personal data", "data protection", "privacy", "pii", "hipaa", "patient data", "health data", "personal information"}
	notifyWords     = []string{"notif", "incident notice", "breach notice", "breach report", "report breaches", "report incidents", "report security incidents", "incident report"}
	vulnWords       = []string{"patch", "vulnerab", "cve", "unpatched", "security update"}
)

// proposalRules is the table. Every rule has a test, positive and negative
// (propose_test.go); the order is the order proposals are listed in.
var proposalRules = []rule{
	{ProposalRule: ProposalRule{ID: "approved-policy", Code: ApprovedDocument, Controls: ids("5.1"), Blocking: ids("5.1"),
		Trigger: "an approved information security policy (Input.Documents)"}, match: matchPolicy},
	{ProposalRule: ProposalRule{ID: "remote-work", Code: RemoteWork, Controls: ids("6.7", "7.9", "8.1"), Blocking: ids("6.7"),
		Trigger: "an in-scope item about remote, home or hybrid work"}, match: matchRemote},
	{ProposalRule: ProposalRule{ID: "premises", Code: Premises, Controls: ids("7.1", "7.2", "7.3", "7.4", "7.7", "7.8", "7.10", "7.14"),
		Trigger: "an in-scope location that is premises (an office, site, building), not remote work, or a site asset"}, match: matchPremises},
	{ProposalRule: ProposalRule{ID: "server-room", Code: ServerRoom, Controls: ids("7.1", "7.2", "7.4", "7.5", "7.6", "7.8", "7.11", "7.12", "7.13"), Blocking: ids("7.4"),
		Trigger: "an in-scope location or system that is a server room, data centre or equipment room of the organisation's own"}, match: matchServerRoom},
	{ProposalRule: ProposalRule{ID: "software-development", Code: SoftwareDevelopment, Controls: ids("8.4", "8.25", "8.26", "8.27", "8.28", "8.29", "8.31", "8.32", "8.33"),
		Blocking: ids("8.25", "8.28"),
		Trigger:  "an in-scope service or business unit that develops software, or a source-code asset"}, match: matchDevelopment},
	{ProposalRule: ProposalRule{ID: "suppliers", Code: Suppliers, Controls: ids("5.19", "5.20", "5.21", "5.22"),
		Trigger: "a supplier or cloud service at the scope boundary, an asset a supplier provides or hosts, or a supplier in the register (Input.Suppliers)"}, match: matchSuppliers},
	{ProposalRule: ProposalRule{ID: "cloud-services", Code: CloudServices, Controls: ids("5.23"), Blocking: ids("5.23"),
		Trigger: "a cloud service at the scope boundary or a cloud supplier in the register"}, match: matchCloud},
	{ProposalRule: ProposalRule{ID: "requirements", Code: Requirements, Controls: ids("5.31", "5.33"),
		Trigger: "a legal, regulatory or contractual requirement"}, match: matchRequirements},
	{ProposalRule: ProposalRule{ID: "personal-data", Code: PersonalData, Controls: ids("5.31", "5.34", "8.10"), Blocking: ids("5.34"),
		Trigger: "a requirement about personal data (GDPR, data protection, privacy, patient data)"}, match: matchPersonal},
	{ProposalRule: ProposalRule{ID: "notification-duty", Code: NotificationDuty, Controls: ids("5.24", "5.25", "5.26", "6.8"), Blocking: ids("5.24", "5.26"),
		Trigger: "a requirement to notify someone of incidents or breaches"}, match: matchNotify},
	{ProposalRule: ProposalRule{ID: "regulator", Code: Regulator, Controls: ids("5.5"),
		Trigger: "a regulator among the interested parties"}, match: matchRegulator},
	{ProposalRule: ProposalRule{ID: "people", Code: People, Controls: ids("6.1", "6.2", "6.3", "6.4", "6.5", "6.6"), Blocking: ids("6.3"),
		Trigger: "people employed (a headcount above 0, or people recorded)"}, match: matchPeople},
	{ProposalRule: ProposalRule{ID: "asset-inventory", Code: AssetInventory, Controls: ids("5.9", "5.10", "5.11", "5.12", "5.13"), Blocking: ids("5.9"),
		Trigger: "an asset inventory"}, match: matchInventory},
	{ProposalRule: ProposalRule{ID: "endpoints", Code: Endpoints, Controls: ids("8.1", "7.14"),
		Trigger: "hardware assets such as laptops in the inventory"}, match: matchEndpoints},
	{ProposalRule: ProposalRule{ID: "operated-service", Code: OperatedService, Controls: ids("5.29", "5.30", "8.6", "8.14", "8.16"),
		Trigger: "an in-scope service with customers at the boundary"}, match: matchService},
	{ProposalRule: ProposalRule{ID: "vulnerabilities", Code: Vulnerabilities, Controls: ids("8.8"), Blocking: ids("8.8"),
		Trigger: "an objective or a risk about patching or vulnerabilities"}, match: matchVulnerabilities},
	{ProposalRule: ProposalRule{ID: "processes", Code: Process,
		Trigger: "a process description lists the control (Input.Processes; the controls are the processes' own)"}, perControl: matchProcesses},
	{ProposalRule: ProposalRule{ID: "baseline", Code: Baseline, Controls: baselineControls,
		Trigger: "always: controls nearly every organisation applies (BaselineControls)"}, match: func(*Input) []Ref { return []Ref{} }},
}

func ids(s ...string) []controls.ID {
	out := make([]controls.ID, len(s))
	for i, x := range s {
		out[i] = controls.ID(x)
	}
	return out
}

// ProposalRules returns the table of proposal rules in order.
func ProposalRules() []ProposalRule {
	out := make([]ProposalRule, len(proposalRules))
	for i, r := range proposalRules {
		out[i] = r.ProposalRule
		out[i].Controls = slices.Clone(r.Controls)
		out[i].Blocking = slices.Clone(r.Blocking)
	}
	return out
}

// Propose returns what the organisation's data proposes: one Proposal per
// rule that fires and control of its list that the catalogue has, in rule
// order then control order. The result does not depend on the order of
// any input list. Proposals are not decisions; Generate applies them.
func Propose(in Input) []Proposal {
	var out []Proposal
	for _, r := range proposalRules {
		if r.perControl != nil {
			byID := r.perControl(&in)
			for _, id := range slices.SortedFunc(maps.Keys(byID), controls.CompareIDs) {
				if in.Catalogue != nil && !in.Catalogue.Has(id) {
					continue
				}
				out = append(out, Proposal{Control: id, Rule: r.ID, Code: r.Code, Refs: dedupRefs(byID[id])})
			}
			continue
		}
		refs := r.match(&in)
		if refs == nil {
			continue
		}
		refs = dedupRefs(refs)
		if len(refs) == 0 {
			refs = nil
		}
		for _, id := range r.Controls {
			if in.Catalogue != nil && !in.Catalogue.Has(id) {
				continue
			}
			out = append(out, Proposal{Control: id, Rule: r.ID, Code: r.Code, Refs: slices.Clone(refs)})
		}
	}
	return out
}

func dedupRefs(refs []Ref) []Ref {
	out := slices.Clone(refs)
	slices.SortFunc(out, func(a, b Ref) int { return cmp.Or(cmp.Compare(a.Label, b.Label), cmp.Compare(a.ID, b.ID)) })
	return slices.Compact(out)
}

// has reports whether text contains one of words at the start of a word.
func has(text string, words []string) bool { return find(text, words, false) }

// hasWhole reports whether text contains one of words as whole words.
func hasWhole(text string, words []string) bool { return find(text, words, true) }

func find(text string, words []string, whole bool) bool {
	t := " " + strings.ToLower(strings.Join(strings.Fields(text), " ")) + " "
	for _, w := range words {
		i := 0
		for {
			j := strings.Index(t[i:], w)
			if j < 0 {
				break
			}
			k := i + j
			if !isLetter(t[k-1]) && (!whole || !isLetter(t[k+len(w)])) {
				return true
			}
			i = k + 1
		}
	}
	return false
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80 }

func scopeRef(it isms.ScopeItem) Ref {
	return Ref{ID: "scope:" + string(it.Kind) + ":" + it.Name, Label: it.Name}
}

func inScope(in *Input, keep func(isms.ScopeItem) bool) []Ref {
	var out []Ref
	for _, it := range in.Context.Scope.Items {
		if !it.Excluded && keep(it) {
			out = append(out, scopeRef(it))
		}
	}
	return out
}

func isRemote(it isms.ScopeItem) bool { return has(it.Name+" "+it.Justification, remoteWords) }

func matchPolicy(in *Input) []Ref {
	var out []Ref
	for _, d := range in.Documents {
		if d.Kind == DocumentPolicy && !d.Approved.IsZero() {
			out = append(out, d.ref())
		}
	}
	return out
}

func matchRemote(in *Input) []Ref { return inScope(in, isRemote) }

func matchPremises(in *Input) []Ref {
	out := inScope(in, func(it isms.ScopeItem) bool { return it.Kind == isms.ScopeLocation && !isRemote(it) })
	for _, a := range in.Context.Assets {
		if a.Type == isms.AssetSite {
			out = append(out, Ref{ID: a.ID.String(), Label: a.Name})
		}
	}
	return out
}

func matchServerRoom(in *Input) []Ref {
	return inScope(in, func(it isms.ScopeItem) bool {
		return (it.Kind == isms.ScopeLocation || it.Kind == isms.ScopeSystem) && has(it.Name+" "+it.Justification, serverRoomWords)
	})
}

func matchDevelopment(in *Input) []Ref {
	out := inScope(in, func(it isms.ScopeItem) bool {
		return (it.Kind == isms.ScopeService || it.Kind == isms.ScopeBusinessUnit) && has(it.Name+" "+it.Justification, devWords)
	})
	for _, a := range in.Context.Assets {
		if a.Type == isms.AssetSoftware && has(a.Name+" "+a.Description, sourceWords) {
			out = append(out, Ref{ID: a.ID.String(), Label: a.Name})
		}
	}
	return out
}

// registered says which scope interfaces (by name, in lower case) and
// interested parties the supplier register already names, so that a
// supplier is listed once, by its register name.
func registered(in *Input) (interfaces map[string]bool, parties map[isms.PartyID]bool) {
	interfaces, parties = map[string]bool{}, map[isms.PartyID]bool{}
	for _, x := range in.Suppliers.Suppliers {
		if n := strings.ToLower(strings.Join(strings.Fields(x.Interface), " ")); n != "" {
			interfaces[n] = true
		}
		if !x.Party.IsZero() {
			parties[x.Party] = true
		}
	}
	return interfaces, parties
}

func interfaceKey(f isms.Interface) string {
	return strings.ToLower(strings.Join(strings.Fields(f.Name), " "))
}

// matchProcesses gives, for each control a process description lists,
// the processes that list it.
func matchProcesses(in *Input) map[controls.ID][]Ref {
	out := map[controls.ID][]Ref{}
	for _, p := range in.Processes.Processes {
		for _, id := range p.Controls {
			out[id] = append(out[id], Ref{ID: "process:" + p.Name, Label: p.Name})
		}
	}
	return out
}

func matchSuppliers(in *Input) []Ref {
	var out []Ref
	regInterfaces, regParties := registered(in)
	for _, f := range in.Context.Scope.Interfaces {
		if (f.Kind == isms.InterfaceSupplier || f.Kind == isms.InterfaceCloudService) && !regInterfaces[interfaceKey(f)] {
			out = append(out, Ref{ID: "interface:" + f.Name, Label: f.Name})
		}
	}
	// An asset is no supplier: an asset a supplier provides or hosts names
	// the supplier (the interested party), and an asset of type supplier
	// is one.
	for _, a := range in.Context.Assets {
		switch {
		case a.Type == isms.AssetSupplier:
			out = append(out, Ref{ID: a.ID.String(), Label: a.Name})
		case !a.Supplier.IsZero() && regParties[a.Supplier]: // the register names it
		case !a.Supplier.IsZero():
			if p, ok := in.Context.Party(a.Supplier); ok {
				out = append(out, Ref{ID: p.ID.String(), Label: p.Name})
			} else {
				out = append(out, Ref{ID: a.Supplier.String(), Label: "the supplier of " + a.Name})
			}
		}
	}
	for _, x := range in.Suppliers.Suppliers {
		out = append(out, supplierRef(x))
	}
	return distinctLabels(out)
}

// distinctLabels keeps the first ref of each name (case and spacing
// ignored), so a supplier at the scope boundary, in the context and in
// the register is named once.
func distinctLabels(refs []Ref) []Ref {
	seen := map[string]bool{}
	var out []Ref
	for _, r := range refs {
		key := strings.ToLower(strings.Join(strings.Fields(r.Label), " "))
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, r)
	}
	return out
}

func supplierRef(x suppliers.Supplier) Ref {
	return Ref{ID: "supplier:" + x.ID.String(), Label: x.Name}
}

func matchCloud(in *Input) []Ref {
	var out []Ref
	regInterfaces, _ := registered(in)
	for _, f := range in.Context.Scope.Interfaces {
		if f.Kind == isms.InterfaceCloudService && !regInterfaces[interfaceKey(f)] {
			out = append(out, Ref{ID: "interface:" + f.Name, Label: f.Name})
		}
	}
	for _, x := range in.Suppliers.Suppliers {
		if x.Cloud {
			out = append(out, supplierRef(x))
		}
	}
	return distinctLabels(out)
}

func requirementsWhere(in *Input, keep func(isms.Requirement) bool) []Ref {
	var out []Ref
	for _, q := range in.Context.Requirements {
		if q.Kind != isms.RequirementInternal && keep(q) {
			out = append(out, Ref{ID: q.ID.String(), Label: q.Title})
		}
	}
	return out
}

func reqText(q isms.Requirement) string { return q.Title + " " + q.Source + " " + q.Description }

func matchRequirements(in *Input) []Ref {
	return requirementsWhere(in, func(isms.Requirement) bool { return true })
}

func matchPersonal(in *Input) []Ref {
	return requirementsWhere(in, func(q isms.Requirement) bool { return has(reqText(q), personalWords) })
}

func matchNotify(in *Input) []Ref {
	return requirementsWhere(in, func(q isms.Requirement) bool { return has(reqText(q), notifyWords) })
}

func matchRegulator(in *Input) []Ref {
	var out []Ref
	for _, p := range in.Context.Parties {
		if p.Kind == isms.PartyRegulator {
			out = append(out, Ref{ID: p.ID.String(), Label: p.Name})
		}
	}
	return out
}

func matchPeople(in *Input) []Ref {
	if n := in.Context.Organization.Headcount; n > 0 {
		return []Ref{{ID: "headcount", Label: fmt.Sprintf("%d people employed", n)}}
	}
	if n := len(in.Context.People); n > 0 {
		return []Ref{{ID: "people", Label: fmt.Sprintf("%d people recorded", n)}}
	}
	return nil
}

func matchInventory(in *Input) []Ref {
	if n := len(in.Context.Assets); n > 0 {
		return []Ref{{ID: "assets", Label: fmt.Sprintf("%d assets", n)}}
	}
	return nil
}

func matchEndpoints(in *Input) []Ref {
	var out []Ref
	for _, a := range in.Context.Assets {
		if a.Type == isms.AssetHardware {
			out = append(out, Ref{ID: a.ID.String(), Label: a.Name})
		}
	}
	return out
}

func matchService(in *Input) []Ref {
	customers := slices.ContainsFunc(in.Context.Scope.Interfaces, func(f isms.Interface) bool { return f.Kind == isms.InterfaceCustomer }) ||
		slices.ContainsFunc(in.Context.Parties, func(p isms.InterestedParty) bool { return p.Kind == isms.PartyCustomer })
	if !customers {
		return nil
	}
	return inScope(in, func(it isms.ScopeItem) bool { return it.Kind == isms.ScopeService })
}

func matchVulnerabilities(in *Input) []Ref {
	var out []Ref
	for _, o := range in.Context.Objectives {
		if has(o.Title+" "+o.Metric, vulnWords) {
			out = append(out, Ref{ID: o.ID.String(), Label: o.Title})
		}
	}
	for _, r := range in.Register.Risks {
		if has(r.Title+" "+r.Scenario, vulnWords) {
			out = append(out, Ref{ID: r.ID.String(), Label: r.Ref})
		}
	}
	return out
}
