package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/threats"
	"github.com/ismskit/ismskit/workshop"
)

func sampleOrg(t *testing.T) Org {
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	st, err := sample.SoA(c, reg)
	require.NoError(t, err)
	return Org{Context: c, Register: reg, Implementations: sample.Implementations(), SoA: &st, Suppliers: sample.Suppliers(), Start: sample.Workshop}
}

// accountancy is a very different organisation: a 12-person accountancy
// firm in one office, with paper files, payroll data of its clients'
// employees, an outsourced IT support company and a cloud accounting
// package, but no software development and no online service of its own.
// It comes to its first workshop with no register.
func accountancy() Org {
	ns := isms.NewNamespace("Ledger & Co Accountants")
	role := func(n string) isms.RoleID { return isms.DeriveID[isms.Role](ns, n) }
	person := func(n string) isms.PersonID { return isms.DeriveID[isms.Person](ns, n) }
	party := func(n string) isms.PartyID { return isms.DeriveID[isms.InterestedParty](ns, n) }
	asset := func(n string) isms.AssetID { return isms.DeriveID[isms.Asset](ns, n) }
	partner, office := role("Managing partner"), role("Office manager")
	it, vendor, ico := party("IT support company"), party("Cloud accounting vendor"), party("ICO")
	return Org{Start: time.Date(2027, 1, 11, 0, 0, 0, 0, time.UTC), Confirm: 6, Context: isms.OrgContext{
		Organization: isms.Organization{ID: isms.DeriveID[isms.Organization](ns, "organisation"), Name: "Ledger & Co Accountants",
			Headcount: 12, Sector: "Accounting and payroll services", Country: "GB", Scales: isms.DefaultRatingScales()},
		Scope: isms.Scope{ID: isms.DeriveID[isms.Scope](ns, "scope"), Statement: "Bookkeeping, tax and payroll services from the Leeds office.",
			Items: []isms.ScopeItem{
				{Kind: isms.ScopeService, Name: "Bookkeeping and tax returns", Justification: "The service clients pay for."},
				{Kind: isms.ScopeService, Name: "Payroll bureau", Justification: "Processes clients' employees' pay and personal data."},
				{Kind: isms.ScopeLocation, Name: "Leeds office", Justification: "All staff work here; paper files are kept here."},
			},
			Interfaces: []isms.Interface{
				{Kind: isms.InterfaceSupplier, Name: "IT support company", Party: it, Exchange: "remote administration of the office PCs"},
				{Kind: isms.InterfaceCloudService, Name: "Cloud accounting package", Party: vendor, Exchange: "clients' ledgers and payroll"},
			},
		},
		Parties: []isms.InterestedParty{
			{ID: it, Name: "IT support company", Kind: isms.PartySupplier, Needs: "Admin access to maintain the PCs."},
			{ID: vendor, Name: "Cloud accounting vendor", Kind: isms.PartySupplier, Needs: "Customers follow the terms of use."},
			{ID: ico, Name: "Information Commissioner's Office", Kind: isms.PartyRegulator, Needs: "Personal data is processed lawfully."},
		},
		Requirements: []isms.Requirement{{ID: isms.DeriveID[isms.Requirement](ns, "gdpr"), Kind: isms.RequirementLegal, Party: ico,
			Title: "UK GDPR: secure processing of personal data", Source: "UK GDPR Article 32", Owner: isms.OwnedByRole(partner), Addressed: true}},
		Assets: []isms.Asset{
			{ID: asset("ledgers"), Name: "Clients' ledgers", Type: isms.AssetInformation, Owner: isms.OwnedByRole(partner),
				Location: "Cloud accounting package", Supplier: vendor, Ratings: isms.CIA{Confidentiality: 5, Integrity: 5, Availability: 3}},
			{ID: asset("payroll"), Name: "Payroll records", Type: isms.AssetInformation, Description: "Personal data of clients' employees.",
				Owner: isms.OwnedByRole(partner), Location: "Cloud accounting package", Supplier: vendor, Ratings: isms.CIA{Confidentiality: 5, Integrity: 4, Availability: 4}},
			{ID: asset("paper"), Name: "Paper client files", Type: isms.AssetInformation, Owner: isms.OwnedByRole(office),
				Location: "Leeds office, filing room", Ratings: isms.CIA{Confidentiality: 4, Integrity: 3, Availability: 2}},
			{ID: asset("pcs"), Name: "Office PCs", Type: isms.AssetHardware, Owner: isms.OwnedByRole(office), Location: "Leeds office",
				Supplier: it, Ratings: isms.CIA{Confidentiality: 3, Integrity: 2, Availability: 3}},
			{ID: asset("mail"), Name: "E-mail", Type: isms.AssetService, Owner: isms.OwnedByRole(office), Location: "Leeds office",
				Ratings: isms.CIA{Confidentiality: 4, Integrity: 3, Availability: 3}},
		},
		People: []isms.Person{{ID: person("Ann Ledger"), Name: "Ann Ledger"}, {ID: person("Tom Reed"), Name: "Tom Reed"}},
		Roles: []isms.Role{
			{ID: partner, Name: "Managing partner", Holders: []isms.PersonID{person("Ann Ledger")}},
			{ID: office, Name: "Office manager", Holders: []isms.PersonID{person("Tom Reed")}},
		},
		Responsibilities: []isms.Responsibility{
			{ID: isms.DeriveID[isms.Responsibility](ns, "scope"), Area: isms.AreaScopeApproval, Accountable: partner},
			{ID: isms.DeriveID[isms.Responsibility](ns, "risk"), Area: isms.AreaRiskAssessment, Accountable: office},
			{ID: isms.DeriveID[isms.Responsibility](ns, "controls"), Area: isms.AreaControlImplementation, Accountable: office},
			{ID: isms.DeriveID[isms.Responsibility](ns, "review"), Area: isms.AreaManagementReview, Accountable: partner},
		},
	}}
}

func TestBuild_SampleGolden(t *testing.T) {
	files, err := Build(sampleOrg(t))
	require.NoError(t, err)
	require.Equal(t, []string{"candidates.md", "first-controls.md", "roadmap.html", "roadmap.ics", "roadmap.md", "threats.csv"}, Names(files))
	for _, name := range Names(files) {
		golden.Assert(t, filepath.Join("testdata", "sample", name), files[name])
	}
	again, err := Build(sampleOrg(t))
	require.NoError(t, err)
	assert.Equal(t, files, again, "deterministic")
}

func TestBuild_AccountancyGolden(t *testing.T) {
	o := accountancy()
	require.NoError(t, o.Context.Validate())
	files, err := Build(o)
	require.NoError(t, err)
	for _, name := range Names(files) {
		golden.Assert(t, filepath.Join("testdata", "accountancy", name), files[name])
	}
}

func TestBuild_AVeryDifferentOrganisationGetsDifferentSensibleProposals(t *testing.T) {
	_, saas, err := build(sampleOrg(t))
	require.NoError(t, err)
	acc := accountancy()
	_, firm, err := build(acc)
	require.NoError(t, err)

	found := workshop.DetectFeatures(acc.Context)
	var fs []threats.Feature
	for _, f := range found {
		fs = append(fs, f.Feature)
	}
	assert.Equal(t, []threats.Feature{threats.Cloud, threats.Supplier, threats.PersonalData, threats.Office}, fs,
		"no remote work, no development, no online service")

	threatsOf := func(r Result) []threats.ID {
		var out []threats.ID
		for _, c := range r.Candidates {
			out = append(out, c.Threat)
		}
		return out
	}
	saasT, firmT := threatsOf(saas), threatsOf(firm)
	assert.NotEqual(t, saasT, firmT)
	for _, dev := range []threats.ID{"source-code-leak", "web-app-attack", "untested-change", "device-lost", "malicious-dependency"} {
		assert.NotContains(t, firmT, dev, "an accountancy without development or remote work is not offered %s", dev)
	}
	// The SaaS company's proposals name its source code; with every
	// proposal, its development threats too.
	assert.True(t, slices.ContainsFunc(saas.Candidates, func(c workshop.Candidate) bool { return c.AssetName == "Source code" }))
	saasAll, err := workshop.Candidates(workshop.Input{Context: sampleOrg(t).Context, Limit: workshop.MaxCandidates, PerAsset: workshop.MaxPerAsset, PerThreat: workshop.MaxPerThreat})
	require.NoError(t, err)
	assert.True(t, slices.ContainsFunc(saasAll, func(c workshop.Candidate) bool { return c.Threat == "source-code-leak" }))
	firmAll, err := workshop.Candidates(workshop.Input{Context: acc.Context, Limit: workshop.MaxCandidates, PerThreat: workshop.MaxPerThreat, PerAsset: workshop.MaxPerAsset})
	require.NoError(t, err)
	var all []threats.ID
	for _, c := range firmAll {
		all = append(all, c.Threat)
	}
	assert.Contains(t, all, threats.ID("paper-records"), "paper files in an office")
	assert.Contains(t, all, threats.ID("break-in"))
	for _, c := range firm.Candidates {
		assert.Empty(t, c.InPlace, "no controls recorded yet")
	}

	require.NotEmpty(t, firm.First)
	require.LessOrEqual(t, len(firm.First), 10)
	var saasFirst, firmFirst []string
	for _, p := range saas.First {
		saasFirst = append(saasFirst, string(p.Control))
	}
	for _, p := range firm.First {
		firmFirst = append(firmFirst, string(p.Control))
		assert.True(t, strings.Contains(p.Reason, "W-"), "the accountancy's controls answer its confirmed workshop risks: %s", p.Reason)
	}
	assert.NotEqual(t, saasFirst, firmFirst)

	assert.Equal(t, acc.Start, firm.Roadmap.Start)
	assert.True(t, firm.Roadmap.Stage2.After(saas.Roadmap.Stage2))
	assert.Contains(t, firm.Roadmap.Gaps, isms.AreaInternalAudit, "nobody is accountable for internal audit yet")
	assert.Empty(t, saas.Roadmap.Gaps)
	assert.True(t, slices.ContainsFunc(firm.Roadmap.Milestones, func(m workshop.Milestone) bool { return m.OwnerName == "Office manager" }))
}

func TestConfirm_NeverTouchesTheCallersRegister(t *testing.T) {
	o := accountancy()
	o.Register = risk.Register{Method: risk.DefaultMethod()}
	_, _, err := build(o)
	require.NoError(t, err)
	assert.Empty(t, o.Register.Risks)
}

func TestRun_WritesTheFiles(t *testing.T) {
	dir := t.TempDir()
	var out, errs bytes.Buffer
	require.NoError(t, run([]string{"-out", dir}, &out, &errs))
	assert.Equal(t, 6, strings.Count(out.String(), "\n"))
	data, err := os.ReadFile(filepath.Join(dir, "roadmap.md"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "Stage 2 certification audit")
	page, err := os.ReadFile(filepath.Join(dir, "roadmap.html"))
	require.NoError(t, err)
	assert.Contains(t, string(page), "<td>Stage 2 certification audit</td>")
	assert.Error(t, run([]string{"extra"}, &out, &errs))
	assert.Error(t, run([]string{"-nope"}, &out, &errs))
}
