package soa_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/suppliers"
)

func registerOf(cloud bool) suppliers.Register {
	return suppliers.Register{Suppliers: []suppliers.Supplier{{
		ID: isms.DeriveID[suppliers.Supplier](ns, "host"), Name: "Host Oy", Owner: isms.OwnedByRole(itm), Services: []string{"hosting"}, Cloud: cloud,
		Assessments: []suppliers.Assessment{{Date: day, Method: "questionnaire", Outcome: suppliers.OutcomeAcceptable}},
	}}}
}

func TestPropose_RegisterSupplierFiresTheSupplierRules(t *testing.T) {
	in := bare()
	rules, _ := fired(in, "suppliers")
	assert.NotContains(t, rules, "suppliers")

	in.Suppliers = registerOf(false)
	rules, refs := fired(in, "suppliers")
	assert.Contains(t, rules, "suppliers")
	assert.NotContains(t, rules, "cloud-services", "a supplier that is no cloud service does not fire 5.23")
	assert.Equal(t, []soa.Ref{{ID: "supplier:" + in.Suppliers.Suppliers[0].ID.String(), Label: "Host Oy"}}, refs)

	in.Suppliers = registerOf(true)
	rules, _ = fired(in, "cloud-services")
	assert.Contains(t, rules, "cloud-services")
}

func TestGenerate_SupplierRegisterAndProcessesAreEvidence(t *testing.T) {
	in := input()
	in.Suppliers = registerOf(true)
	in.Processes = processes.Register{Processes: []processes.Process{{
		ID: isms.DeriveID[processes.Process](ns, "access"), Name: "Access control", Owner: isms.OwnedByRole(itm),
		Controls: []controls.ID{"5.15", "5.18"}, LastReview: day,
	}}}
	s, _, err := soa.Generate(in)
	require.NoError(t, err)
	for _, id := range []controls.ID{"5.19", "5.20", "5.21", "5.22", "5.23"} {
		assert.Contains(t, entry(t, s, id).Evidence, controls.Evidence{Title: "Supplier register (1 suppliers)", Location: "supplier register", Date: day}, "control %s", id)
	}
	for _, id := range []controls.ID{"5.15", "5.18"} {
		assert.Contains(t, entry(t, s, id).Evidence, controls.Evidence{Title: "Process: Access control", Location: "process descriptions", Date: day}, "control %s", id)
	}
	assert.NotContains(t, entry(t, s, "5.24").Evidence, controls.Evidence{Title: "Process: Access control", Location: "process descriptions", Date: day})

	in.Suppliers = registerOf(false)
	s, _, err = soa.Generate(in)
	require.NoError(t, err)
	assert.Empty(t, entry(t, s, "5.23").Evidence, "no cloud supplier: the register is no evidence for 5.23")
}

// Trial item 13: the supplier reason names each supplier once and no
// asset as a supplier.
func TestPropose_SupplierReasonNamesDistinctSuppliersNotAssets(t *testing.T) {
	in := bare()
	ms := isms.InterestedParty{ID: isms.DeriveID[isms.InterestedParty](ns, "ms"), Name: "Microsoft 365", Kind: isms.PartySupplier}
	in.Context.Parties = append(in.Context.Parties, ms)
	in.Context.Scope.Interfaces = append(in.Context.Scope.Interfaces,
		isms.Interface{Kind: isms.InterfaceCloudService, Name: "Microsoft 365"},
		isms.Interface{Kind: isms.InterfaceSupplier, Name: "Accounting SaaS"})
	in.Context.Assets = append(in.Context.Assets,
		isms.Asset{ID: isms.DeriveID[isms.Asset](ns, "files"), Name: "Client files", Type: isms.AssetInformation, Supplier: ms.ID},
		isms.Asset{ID: isms.DeriveID[isms.Asset](ns, "tenant"), Name: "Microsoft 365 tenant", Type: isms.AssetService, Supplier: ms.ID})
	in.Suppliers = suppliers.Register{Suppliers: []suppliers.Supplier{{ID: isms.DeriveID[suppliers.Supplier](ns, "acc"), Name: "Accounting SaaS", Cloud: true}}}
	_, refs := fired(in, "suppliers")
	var labels []string
	for _, r := range refs {
		labels = append(labels, r.Label)
	}
	assert.ElementsMatch(t, []string{"Accounting SaaS", "Microsoft 365"}, labels)
}

// TestPropose_ARegisteredSupplierIsNamedOnceByItsRegisterName: a trial's
// SoA listed "Dentsoft Oy" and its interface "Practice-management SaaS",
// "Turun IT-Kumppani Oy" and "IT administration", as four suppliers.
func TestPropose_ARegisteredSupplierIsNamedOnceByItsRegisterName(t *testing.T) {
	in := bare()
	it := isms.InterestedParty{ID: isms.DeriveID[isms.InterestedParty](ns, "it"), Name: "Turun IT-Kumppani", Kind: isms.PartySupplier}
	in.Context.Parties = append(in.Context.Parties, it)
	in.Context.Scope.Interfaces = append(in.Context.Scope.Interfaces,
		isms.Interface{Kind: isms.InterfaceCloudService, Name: "Practice-management SaaS"},
		isms.Interface{Kind: isms.InterfaceSupplier, Name: "IT administration"},
		isms.Interface{Kind: isms.InterfaceSupplier, Name: "Card acquirer"})
	in.Context.Assets = append(in.Context.Assets,
		isms.Asset{ID: isms.DeriveID[isms.Asset](ns, "srv"), Name: "Imaging server", Type: isms.AssetHardware, Supplier: it.ID})
	in.Suppliers = suppliers.Register{Suppliers: []suppliers.Supplier{
		{ID: isms.DeriveID[suppliers.Supplier](ns, "dent"), Name: "Dentsoft Oy", Interface: "practice-management  SaaS", Cloud: true},
		{ID: isms.DeriveID[suppliers.Supplier](ns, "tik"), Name: "Turun IT-Kumppani Oy", Interface: "IT administration", Party: it.ID},
	}}
	labels := func(rule string) []string {
		_, refs := fired(in, rule)
		var out []string
		for _, r := range refs {
			out = append(out, r.Label)
		}
		return out
	}
	assert.ElementsMatch(t, []string{"Card acquirer", "Dentsoft Oy", "Turun IT-Kumppani Oy"}, labels("suppliers"))
	assert.ElementsMatch(t, []string{"Dentsoft Oy"}, labels("cloud-services"))
}
