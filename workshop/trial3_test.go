package workshop_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/threats"
	"github.com/ismskit/ismskit/workshop"
)

// Tests for the findings of issue 22's third trial (items 4 — the
// brief's 3 —, 5, 6 and 15), on the trial's own logistics company
// (pohjola_test.go).

func pohjolaRanking(t *testing.T) []workshop.Priority {
	t.Helper()
	reg, err := pohjolaRegister()
	require.NoError(t, err)
	q, err := pohjolaQuant(reg)
	require.NoError(t, err)
	ranked, err := workshop.Prioritise(workshop.PriorityInput{Register: reg, Implementations: pohjolaImplementations(), Quant: &q})
	require.NoError(t, err)
	return ranked
}

// Item 4 (brief item 3): 5.14 (3 points, ~16,500 EUR) ranked #2 above
// 8.5 (10 points, 93,500 EUR) only because two approved plans name it.
func TestPrioritise_RiskReducedOutranksTheNumberOfPlansNamingAControl(t *testing.T) {
	ranked := pohjolaRanking(t)
	p85, _ := priorityOf(ranked, "8.5")
	p82, _ := priorityOf(ranked, "8.2")
	p514, _ := priorityOf(ranked, "5.14")
	p518, _ := priorityOf(ranked, "5.18")
	require.Equal(t, 10, p85.Reduction)
	require.Equal(t, 3, p514.Reduction)
	require.Len(t, p514.Planned, 2)
	assert.Equal(t, 1, p85.Rank, "the most risk reduced, in R-2's approved plan")
	assert.Less(t, p85.Rank, p514.Rank)
	assert.Less(t, p82.Rank, p514.Rank, "7 points off two key risks before 3 points")
	assert.Less(t, p518.Rank, p514.Rank)
	for _, p := range ranked {
		assert.Equal(t, p.Reduction+p.PlannedReduction, p.Score(), p.Control)
		assert.LessOrEqual(t, p.PlannedReduction, p.Reduction, p.Control)
		if len(p.Planned) == 0 {
			assert.Zero(t, p.PlannedReduction, p.Control)
		}
	}
	// Among the ranked, the score never rises down the list while a risk
	// is touched.
	for i := 1; i < len(ranked) && len(ranked[i].Risks) > 0; i++ {
		assert.LessOrEqual(t, ranked[i].Score(), ranked[i-1].Score(), ranked[i].Control)
	}
	// The implemented controls the approved plans still call for (8.13
	// immutable backups on R-4, 8.1 phone PINs on R-5) stay among the
	// first controls wherever they rank, without taking a place.
	first, err := workshop.FirstControls(ranked, 0)
	require.NoError(t, err)
	toDo := 0
	var ids []controls.ID
	for _, f := range first {
		ids = append(ids, f.Control)
		if f.Status != controls.Implemented {
			toDo++
		}
	}
	assert.Equal(t, workshop.DefaultFirstControls, toDo)
	assert.Contains(t, ids, controls.ID("8.13"))
	assert.Contains(t, ids, controls.ID("8.1"))
	assert.Contains(t, ids, controls.ID("5.26"), "6 points off three key risks, though no plan names it")
	assert.NotContains(t, ids, controls.ID("8.16"), "implemented and not in an approved plan: kept only where it ranks")
	var b bytes.Buffer
	require.NoError(t, workshop.WritePrioritiesMarkdown(&b, first, workshop.PrioritiesOptions{}))
	assert.Contains(t, b.String(), workshop.RankingRule)
	assert.Contains(t, b.String(), "An implemented control is listed at its own rank")
}

// Item 5: the first controls went to "IT manager" (the role accountable
// for control implementation) although the approved plans name the
// action owners: 5.14 the CFO (call-back on bank details, due first) and
// the operations director, 6.3 the information security manager.
func TestPlan_FirstControlOwnersAreThePlanActionOwners(t *testing.T) {
	ranked := pohjolaRanking(t)
	first, err := workshop.FirstControls(ranked, 0)
	require.NoError(t, err)
	impls := pohjolaImplementations()
	rm, err := workshop.Plan(workshop.RoadmapInput{Context: pohjolaContext(), Start: pWorkshop, FirstControls: first, Implementations: impls})
	require.NoError(t, err)
	owners := map[controls.ID]string{}
	for _, c := range rm.Controls {
		owners[c.Control] = c.OwnerName
	}
	for id, want := range map[controls.ID]string{
		"5.14": pCFO,  // R-8's action is due a month before R-6's (operations director)
		"5.18": pITM,  // R-2 and R-9 (HR manager) due the same day: the register's order
		"6.3":  pCISO,
		"5.20": pOPS,
		"5.30": pOPS,
		"8.5":  pITM,  // R-2, also the implementation record's owner
		"8.1":  pFLEET,
		"5.26": pITM, // no plan names it: the accountable role for control implementation
	} {
		assert.Equal(t, want, owners[id], id)
	}
	p514, _ := priorityOf(ranked, "5.14")
	assert.Equal(t, isms.OwnedByRole(pRole(pCFO)), p514.ActionOwner)
	p526, _ := priorityOf(ranked, "5.26")
	assert.True(t, p526.ActionOwner.IsZero())

	// Without an action owner, the implementation record's owner comes
	// before the area's.
	for i := range first {
		first[i].ActionOwner = isms.Owner{}
	}
	impls = append(impls, controls.Implementation{ID: isms.DeriveID[controls.Implementation](pns, "5.14"), Control: "5.14", Status: controls.Planned, Owner: pByRole(pOPS)})
	rm, err = workshop.Plan(workshop.RoadmapInput{Context: pohjolaContext(), Start: pWorkshop, FirstControls: first, Implementations: impls})
	require.NoError(t, err)
	for _, c := range rm.Controls {
		switch c.Control {
		case "5.14":
			assert.Equal(t, pOPS, c.OwnerName)
		case "8.1":
			assert.Equal(t, pFLEET, c.OwnerName)
		case "5.20":
			assert.Equal(t, pITM, c.OwnerName)
		}
	}
}

// Item 6: "A supplier is breached — Managed security service" and "Cloud
// service outage — Mobile device management" both said "relevant because
// of interface: WMS SaaS", the first interface found.
func TestCandidates_WhyNamesTheCandidatesOwnInterface(t *testing.T) {
	reg, err := pohjolaRegister()
	require.NoError(t, err)
	cs, err := workshop.Candidates(workshop.Input{Context: pohjolaContext(), Implementations: pohjolaImplementations(), Register: reg,
		Method: reg.Method, Suppliers: pohjolaSuppliers(), Limit: workshop.MaxCandidates, PerThreat: workshop.MaxPerThreat})
	require.NoError(t, err)
	seen := 0
	for _, c := range cs {
		if c.Interface == "" {
			continue
		}
		seen++
		assert.Contains(t, c.Why, "relevant because of interface: "+c.Interface, c.Title)
		if c.Interface != "WMS SaaS" {
			assert.NotContains(t, c.Why, "WMS SaaS", c.Title)
		}
	}
	assert.GreaterOrEqual(t, seen, 6, "every supplier and cloud interface has candidates")
	for _, title := range []string{"A supplier is breached — Managed security service", "Cloud service outage — Mobile device management"} {
		i := slices.IndexFunc(cs, func(c workshop.Candidate) bool { return c.Title == title })
		require.GreaterOrEqual(t, i, 0, title)
	}
	// An asset's own fact comes before the organisation's first one (the
	// requirement on personal data).
	cs, err = workshop.Candidates(workshop.Input{Context: pohjolaContext(), Implementations: pohjolaImplementations(), Register: reg,
		Method: reg.Method, Suppliers: pohjolaSuppliers(), KeyAssets: workshop.MaxKeyAssets, Limit: workshop.MaxCandidates, PerAsset: workshop.MaxPerAsset, PerThreat: workshop.MaxPerThreat})
	require.NoError(t, err)
	own := 0
	for _, c := range cs {
		if c.AssetName != "Employee records" {
			continue
		}
		assert.NotContains(t, c.Why, "requirement:", c.Title)
		if strings.Contains(c.Why, "relevant because of asset: Employee records") {
			own++
		}
	}
	assert.Positive(t, own, "a personal-data threat on Employee records names the asset itself")
}

// Item 15: 40 drivers with "Drivers' mobile devices" (location "Vehicles")
// did not count as remote work, so no lost-device candidate was proposed.
func TestDetectFeatures_DriversMobileDevicesInVehiclesAreRemoteWork(t *testing.T) {
	has := func(fs []workshop.Found, f threats.Feature) (string, bool) {
		for _, x := range fs {
			if x.Feature == f {
				return x.Because, true
			}
		}
		return "", false
	}
	c := pohjolaContext()
	because, ok := has(workshop.DetectFeatures(c), threats.RemoteWork)
	require.True(t, ok)
	assert.Equal(t, "asset location: Drivers' mobile devices", because)

	reg, err := pohjolaRegister()
	require.NoError(t, err)
	cs, err := workshop.Candidates(workshop.Input{Context: c, Implementations: pohjolaImplementations(), Register: reg, Method: reg.Method,
		Suppliers: pohjolaSuppliers(), KeyAssets: workshop.MaxKeyAssets, Limit: workshop.MaxCandidates, PerAsset: workshop.MaxPerAsset, PerThreat: workshop.MaxPerThreat})
	require.NoError(t, err)
	i := slices.IndexFunc(cs, func(c workshop.Candidate) bool {
		return c.Title == "Lost or stolen laptop or phone — Drivers' mobile devices"
	})
	require.GreaterOrEqual(t, i, 0, "the lost-device candidate is proposed for the drivers' phones")
	assert.True(t, cs[i].InRegister, "R-5 already names it")

	// A hardware asset named for mobile use counts wherever it is kept;
	// office PCs in the office do not.
	for _, tc := range []struct {
		asset isms.Asset
		want  string
	}{
		{isms.Asset{Name: "Mobile phones", Type: isms.AssetHardware, Location: "Head office"}, "mobile asset: Mobile phones"},
		{isms.Asset{Name: "Service van tablets", Type: isms.AssetHardware, Location: "Service vehicles"}, "asset location: Service van tablets"},
		{isms.Asset{Name: "Office PCs", Type: isms.AssetHardware, Location: "Leeds office"}, ""},
		{isms.Asset{Name: "Mobile app", Type: isms.AssetSoftware, Location: "App stores"}, ""},
	} {
		because, ok := has(workshop.DetectFeatures(isms.OrgContext{Assets: []isms.Asset{tc.asset}}), threats.RemoteWork)
		assert.Equal(t, tc.want != "", ok, tc.asset.Name)
		assert.Equal(t, tc.want, because, tc.asset.Name)
	}
}

// TestCandidatesMarkdown_SaysTheListIsCutAndNoDanglingSeparator: a trial
// read "already in the register; " with nothing after it and did not know
// why ransomware on its archive was missing.
func TestCandidatesMarkdown_SaysTheListIsCutAndNoDanglingSeparator(t *testing.T) {
	cs := []workshop.Candidate{{ThreatName: "Cloud service outage", Interface: "Hosting", InRegister: true}}
	var b strings.Builder
	require.NoError(t, workshop.WriteCandidatesMarkdown(&b, cs, workshop.CandidatesOptions{}))
	assert.Contains(t, b.String(), "| already in the register |")
	assert.NotContains(t, b.String(), "register; |")
	assert.Contains(t, b.String(), "Each asset and interface shows its 3 strongest threats")
	b.Reset()
	require.NoError(t, workshop.WriteCandidatesMarkdown(&b, cs, workshop.CandidatesOptions{PerAsset: 1}))
	assert.Contains(t, b.String(), "shows its 1 strongest threat;")
}
