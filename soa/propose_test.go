package soa_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// bare is an input whose data fires no rule but the baseline.
func bare() soa.Input {
	return soa.Input{Document: isms.DeriveID[isms.Document](ns, "bare"), Catalogue: controls.AnnexA(), Generated: day,
		Context: isms.OrgContext{Organization: isms.Organization{Name: "Bare Oy"}}}
}

// fired returns the rules that fire for in, and the refs of rule id.
func fired(in soa.Input, id string) (rules []string, refs []soa.Ref) {
	for _, p := range soa.Propose(in) {
		if !slices.Contains(rules, p.Rule) {
			rules = append(rules, p.Rule)
		}
		if p.Rule == id && refs == nil {
			refs = p.Refs
		}
	}
	return rules, refs
}

func TestPropose_EachRulePositiveAndNegative(t *testing.T) {
	item := func(k isms.ScopeKind, name, why string, excluded bool) func(*soa.Input) {
		return func(in *soa.Input) {
			in.Context.Scope.Items = append(in.Context.Scope.Items, isms.ScopeItem{Kind: k, Name: name, Justification: why, Excluded: excluded})
		}
	}
	iface := func(k isms.InterfaceKind, name string) func(*soa.Input) {
		return func(in *soa.Input) {
			in.Context.Scope.Interfaces = append(in.Context.Scope.Interfaces, isms.Interface{Kind: k, Name: name})
		}
	}
	req := func(kind isms.RequirementKind, title, source string) func(*soa.Input) {
		return func(in *soa.Input) {
			in.Context.Requirements = append(in.Context.Requirements, isms.Requirement{ID: isms.DeriveID[isms.Requirement](ns, title), Kind: kind, Title: title, Source: source})
		}
	}
	asset := func(typ isms.AssetType, name string) func(*soa.Input) {
		return func(in *soa.Input) {
			in.Context.Assets = append(in.Context.Assets, isms.Asset{ID: isms.DeriveID[isms.Asset](ns, name), Type: typ, Name: name})
		}
	}
	party := func(k isms.PartyKind, name string) func(*soa.Input) {
		return func(in *soa.Input) {
			in.Context.Parties = append(in.Context.Parties, isms.InterestedParty{ID: isms.DeriveID[isms.InterestedParty](ns, name), Kind: k, Name: name})
		}
	}
	both := func(fs ...func(*soa.Input)) func(*soa.Input) {
		return func(in *soa.Input) {
			for _, f := range fs {
				f(in)
			}
		}
	}
	tests := []struct {
		rule     string
		fire     func(*soa.Input)
		label    string
		not      func(*soa.Input) // similar data that must not fire the rule
		controls []controls.ID
	}{
		{"approved-policy", func(in *soa.Input) {
			in.Documents = []soa.Document{{Kind: soa.DocumentPolicy, Title: "Security policy", Edition: 1, Approved: day}}
		}, "Security policy edition 1, approved 2026-11-02", func(in *soa.Input) {
			in.Documents = []soa.Document{{Kind: soa.DocumentPolicy, Title: "Security policy draft"}}
		}, []controls.ID{"5.1"}},
		{"remote-work", item(isms.ScopeLocation, "Home offices", "Most staff work remotely.", false), "Home offices",
			item(isms.ScopeLocation, "Remote work", "Not yet in scope.", true), []controls.ID{"6.7", "7.9", "8.1"}},
		{"premises", item(isms.ScopeLocation, "Oulu office", "Where we work.", false), "Oulu office",
			item(isms.ScopeLocation, "Remote work", "Everyone works from home.", false), []controls.ID{"7.1", "7.2", "7.3", "7.4", "7.7", "7.8", "7.10", "7.14"}},
		{"server-room", item(isms.ScopeSystem, "Server room in the basement", "Runs the file server.", false), "Server room in the basement",
			item(isms.ScopeSystem, "Accounting system", "SaaS.", false), []controls.ID{"7.1", "7.2", "7.4", "7.5", "7.6", "7.8", "7.11", "7.12", "7.13"}},
		{"software-development", item(isms.ScopeBusinessUnit, "Product development", "Builds the app.", false), "Product development",
			item(isms.ScopeBusinessUnit, "Sales", "Sells the app.", false), []controls.ID{"8.4", "8.25", "8.26", "8.27", "8.28", "8.29", "8.31", "8.32", "8.33"}},
		{"suppliers", iface(isms.InterfaceSupplier, "Payroll bureau"), "Payroll bureau",
			iface(isms.InterfaceCustomer, "Customers"), []controls.ID{"5.19", "5.20", "5.21", "5.22"}},
		{"cloud-services", iface(isms.InterfaceCloudService, "Hosting"), "Hosting",
			iface(isms.InterfaceSupplier, "Payroll bureau"), []controls.ID{"5.23"}},
		{"requirements", req(isms.RequirementContractual, "Uptime 99.9 %", "MSA §4"), "Uptime 99.9 %",
			req(isms.RequirementInternal, "Certify by 2027", "Board"), []controls.ID{"5.31", "5.33"}},
		{"personal-data", req(isms.RequirementLegal, "Lawful processing", "GDPR Article 6"), "Lawful processing",
			req(isms.RequirementLegal, "Bookkeeping", "Accounting Act"), []controls.ID{"5.31", "5.34", "8.10"}},
		{"notification-duty", req(isms.RequirementContractual, "Notify customers of incidents within 48 hours", "MSA §9"), "Notify customers of incidents within 48 hours",
			req(isms.RequirementContractual, "Uptime 99.9 %", "MSA §4"), []controls.ID{"5.24", "5.25", "5.26", "6.8"}},
		{"regulator", party(isms.PartyRegulator, "Data protection authority"), "Data protection authority",
			party(isms.PartyCustomer, "Customers"), []controls.ID{"5.5"}},
		{"people", func(in *soa.Input) { in.Context.Organization.Headcount = 12 }, "12 people employed",
			func(*soa.Input) {}, []controls.ID{"6.1", "6.2", "6.3", "6.4", "6.5", "6.6"}},
		{"asset-inventory", asset(isms.AssetInformation, "Customer data"), "1 assets",
			func(*soa.Input) {}, []controls.ID{"5.9", "5.10", "5.11", "5.12", "5.13"}},
		{"endpoints", asset(isms.AssetHardware, "Laptops"), "Laptops",
			asset(isms.AssetInformation, "Customer data"), []controls.ID{"8.1", "7.14"}},
		{"operated-service", both(item(isms.ScopeService, "Booking app", "What customers buy.", false), iface(isms.InterfaceCustomer, "Customers")), "Booking app",
			item(isms.ScopeService, "Booking app", "What customers buy.", false), []controls.ID{"5.29", "5.30", "8.6", "8.14", "8.16"}},
		{"vulnerabilities", func(in *soa.Input) {
			in.Register.Risks = []risk.Risk{{ID: isms.DeriveID[risk.Risk](ns, "R-9"), Ref: "R-9", Title: "Unpatched VPN appliance is exploited"}}
		}, "R-9", func(in *soa.Input) {
			in.Register.Risks = []risk.Risk{{ID: isms.DeriveID[risk.Risk](ns, "R-9"), Ref: "R-9", Title: "A laptop is stolen"}}
		}, []controls.ID{"8.8"}},
		// A process that lists a control proposes it (a trial's SoA said 5.7
		// was "called for by nothing" while its risk management process
		// listed it); a process listing none proposes nothing.
		{"processes", func(in *soa.Input) {
			in.Processes = processes.Register{Processes: []processes.Process{{Name: "Risk management", Controls: []controls.ID{"5.7", "5.24"}}}}
		}, "Risk management", func(in *soa.Input) {
			in.Processes = processes.Register{Processes: []processes.Process{{Name: "Risk management"}}}
		}, []controls.ID{"5.7", "5.24"}},
	}
	var ruleIDs []string
	for _, r := range soa.ProposalRules() {
		ruleIDs = append(ruleIDs, r.ID)
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			require.Contains(t, ruleIDs, tt.rule)
			in := bare()
			tt.fire(&in)
			rules, refs := fired(in, tt.rule)
			require.Contains(t, rules, tt.rule, "the data fires the rule")
			assert.Contains(t, refs, soa.Ref{ID: refs[0].ID, Label: tt.label}, "with the refs that triggered it")
			var got []controls.ID
			for _, p := range soa.Propose(in) {
				if p.Rule == tt.rule {
					got = append(got, p.Control)
				}
			}
			assert.Equal(t, tt.controls, got)
			s, _, err := soa.Generate(in)
			require.NoError(t, err)
			for _, id := range tt.controls {
				e := entry(t, s, id)
				assert.True(t, e.Applicable, "%s is proposed, so applicable until a decision says otherwise", id)
			}

			in = bare()
			tt.not(&in)
			rules, _ = fired(in, tt.rule)
			assert.NotContains(t, rules, tt.rule, "similar data does not fire it")
		})
	}
	assert.Len(t, tests, len(ruleIDs)-1, "a test for every rule but the baseline (TestPropose_Baseline)")
}

func TestPropose_Baseline(t *testing.T) {
	s, _, err := soa.Generate(bare())
	require.NoError(t, err)
	var applicable []controls.ID
	for _, e := range s.Entries {
		if e.Applicable {
			assert.Equal(t, []soa.ReasonCode{soa.Baseline}, codes(e))
			applicable = append(applicable, e.Control)
		} else {
			assert.True(t, e.Undecided, "%s: no data calls for it, nobody excluded it", e.Control)
		}
	}
	assert.Equal(t, soa.BaselineControls(), applicable, "with no data, the baseline is applicable and the rest undecided")
	custom, err := controls.New(controls.Document{})
	if err == nil {
		assert.Empty(t, soa.Propose(soa.Input{Catalogue: custom}), "a catalogue without the baseline's controls gets no proposal for them")
	}
}

func TestPropose_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t)
		in.Context.Scope.Items = rapid.SliceOfN(rapid.Custom(func(t *rapid.T) isms.ScopeItem {
			return isms.ScopeItem{Kind: rapid.SampledFrom([]isms.ScopeKind{isms.ScopeLocation, isms.ScopeService, isms.ScopeBusinessUnit, isms.ScopeSystem}).Draw(t, "kind"),
				Name:          rapid.SampledFrom([]string{"Remote work", "Tampere office", "Server room", "Development", "Support", "Data centre"}).Draw(t, "name"),
				Justification: "why", Excluded: rapid.Bool().Draw(t, "excluded")}
		}), 0, 5).Draw(t, "items")
		in.Context.Scope.Interfaces = rapid.SliceOfN(rapid.Custom(func(t *rapid.T) isms.Interface {
			return isms.Interface{Kind: rapid.SampledFrom([]isms.InterfaceKind{isms.InterfaceSupplier, isms.InterfaceCloudService, isms.InterfaceCustomer}).Draw(t, "ikind"),
				Name: rapid.SampledFrom([]string{"A", "B", "C"}).Draw(t, "iname")}
		}), 0, 4).Draw(t, "interfaces")

		p := soa.Propose(in)
		shuffledIn := shuffled(t, in)
		shuffledIn.Context.Scope.Items = rapid.Permutation(in.Context.Scope.Items).Draw(t, "item_order")
		shuffledIn.Context.Scope.Interfaces = rapid.Permutation(in.Context.Scope.Interfaces).Draw(t, "iface_order")
		assert.Equal(t, p, soa.Propose(in), "proposals are deterministic")
		assert.Equal(t, p, soa.Propose(shuffledIn), "and independent of input order")

		s, _, err := soa.Generate(in)
		require.NoError(t, err)
		again, _, err := soa.Generate(shuffledIn)
		require.NoError(t, err)
		assert.Equal(t, s, again)

		// A decision always wins over a proposal.
		for _, pr := range p {
			if _, decided := decisionFor(in, pr.Control); decided {
				continue
			}
			e := entry2(t, s, pr.Control)
			if e.Risks != nil || hasImplNA(in, pr.Control) {
				continue
			}
			in2 := in
			in2.Decisions = append(slices.Clone(in.Decisions), soa.Decision{Control: pr.Control, Justification: "A specific reason an auditor can check in our records."})
			in2.Implementations = slices.DeleteFunc(slices.Clone(in.Implementations), func(im controls.Implementation) bool { return im.Control == pr.Control })
			if slices.ContainsFunc(in.Links, func(l soa.Link) bool { return slices.Contains(l.Controls, pr.Control) }) {
				continue
			}
			s2, _, err := soa.Generate(in2)
			require.NoError(t, err)
			e2 := entry2(t, s2, pr.Control)
			assert.True(t, e2.Excluded(), "%s: the decision wins over proposal %s", pr.Control, pr.Rule)
			assert.Contains(t, e2.Overridden, soa.Reason{Code: pr.Code, Refs: pr.Refs}, "and the overridden proposal is kept for lint")
			break
		}

		// Approval never changes content.
		for _, e := range s.Additional {
			if e.Title == "" {
				in.Custom = append(in.Custom, soa.CustomControl{ID: e.Control, Title: "Custom control " + string(e.Control)})
			}
		}
		for _, id := range s.Undecided() {
			in.Decisions = append(in.Decisions, soa.Decision{Control: id, Justification: "No such activity, system or premises inside the scope of this ISMS."})
		}
		s, conflicts, err := soa.Generate(in)
		require.NoError(t, err)
		if len(conflicts) > 0 {
			return
		}
		for _, f := range soa.Blocking(s) {
			require.Equal(t, soa.RuleExclusionContradicted, f.Code, "every control decided, with a specific justification: only a drawn exclusion the data contradicts may block")
			return
		}
		v1, err := s.Approve(in.Catalogue, approval(approvedAt))
		require.NoError(t, err)
		assert.Equal(t, s.Entries, v1.Entries, "approval never changes the entries")
		assert.Equal(t, s.Additional, v1.Additional)
		assert.True(t, soa.Diff(s, v1).Empty())
	})
}

func decisionFor(in soa.Input, id controls.ID) (soa.Decision, bool) {
	for _, d := range in.Decisions {
		if d.Control == id {
			return d, true
		}
	}
	return soa.Decision{}, false
}

func hasImplNA(in soa.Input, id controls.ID) bool {
	return slices.ContainsFunc(in.Implementations, func(im controls.Implementation) bool {
		return im.Control == id && im.Status == controls.NotApplicable
	})
}

func entry2(t *rapid.T, s soa.SoA, id controls.ID) soa.Entry {
	e, ok := s.Entry(id)
	if !ok {
		t.Fatalf("no entry for %s", id)
	}
	return e
}

// A process that lists a control the catalogue does not have is an error
// at its path, as an implementation record's is (a trial's "A.7.2" and
// "9.99" were dropped without a word).
func TestGenerate_AProcessControlNotInTheCatalogueIsAnError(t *testing.T) {
	in := bare()
	in.Processes = processes.Register{Processes: []processes.Process{{Name: "Facilities", Controls: []controls.ID{"7.2", "A.7.2", "9.99"}}}}
	_, _, err := soa.Generate(in)
	require.ErrorIs(t, err, isms.ErrInvalid)
	var paths []string
	for _, v := range isms.ValidationErrors(err) {
		paths = append(paths, v.Path)
	}
	assert.Equal(t, []string{"processes[0].controls[1]", "processes[0].controls[2]"}, paths)
}
