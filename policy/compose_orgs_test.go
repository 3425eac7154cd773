package policy_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
)

// client is one organisation the composer must write for, and what its
// policy must say.
type client struct {
	name     string
	ctx      isms.OrgContext
	reg      risk.Register
	approver isms.Owner
	// contains are phrases the composed policy must hold (case kept,
	// a verb in the sentence about the organisation, the audience, a
	// metric from the organisation's own objectives).
	contains []string
	// absent are phrases it must not hold (lowercased acronyms, tools).
	absent []string
}

func asset(name string, t isms.AssetType, c int) isms.Asset {
	return isms.Asset{ID: isms.DeriveID[isms.Asset](ns, name), Name: name, Type: t, Owner: isms.OwnedByRole(itm), Ratings: isms.CIA{Confidentiality: c, Integrity: 4, Availability: 4}}
}

func party(name string, k isms.PartyKind) isms.InterestedParty {
	return isms.InterestedParty{ID: isms.DeriveID[isms.InterestedParty](ns, name), Name: name, Kind: k}
}

func clients(t *testing.T) []client {
	// A 10-person accountancy: a noun-phrase description, DATEV and
	// Microsoft 365 in its data, clients not customers.
	acc := context()
	acc.Organization.Name, acc.Organization.Headcount, acc.Organization.Sector = "Ledger & Co", 10, "Accounting"
	acc.Organization.Description = "Bookkeeping, payroll and annual accounts for 80 small businesses, kept in DATEV and Microsoft 365"
	acc.Parties = []isms.InterestedParty{party("Client businesses", isms.PartyCustomer), party("Tax authority", isms.PartyRegulator)}
	acc.Assets = []isms.Asset{asset("DATEV client ledgers", isms.AssetInformation, 5), asset("Microsoft 365 mailboxes", isms.AssetService, 5), asset("Payroll data", isms.AssetInformation, 4)}
	acc.Scope.Statement = "Bookkeeping and payroll for clients, on Microsoft 365 and DATEV."

	// A 180-person clinic group: "A group of …", EHR, PACS and Active
	// Directory, patients.
	clinic := context()
	clinic.Organization.Name, clinic.Organization.Headcount, clinic.Organization.Sector = "Harbour Clinics", 180, "Healthcare"
	clinic.Organization.Description = "A group of four outpatient clinics in Leeds with 60,000 patient visits a year."
	clinic.Parties = []isms.InterestedParty{party("Patients", isms.PartyCustomer), party("Referring GPs", isms.PartyPartner), party("Care Quality Commission", isms.PartyRegulator)}
	clinic.Assets = []isms.Asset{asset("EHR patient records", isms.AssetInformation, 5), asset("PACS images", isms.AssetInformation, 5), asset("Active Directory", isms.AssetService, 5)}
	clinic.Scope.Statement = "Patient care, booking and records at the four clinics, and the IT that supports them."
	clinic.Objectives = append(clinic.Objectives, objective("EHR restore tested", "successful restore tests of the EHR per year", isms.AtLeast, 2, "tests", 12))

	// The sample: a 40-person SaaS whose description is a verb phrase.
	saas := sample.Company()

	// A 200-person multi-site manufacturer: a description of two
	// sentences starting with its name, customers named "Automotive OEMs".
	mfg := context()
	mfg.Organization.Name, mfg.Organization.Headcount, mfg.Organization.Sector = "Brandt Hydraulik GmbH", 200, "Manufacturing"
	mfg.Organization.Description = "Brandt Hydraulik GmbH designs and manufactures hydraulic valves at three sites in Bavaria. Production planning runs on SAP and AWS."
	mfg.Parties = []isms.InterestedParty{party("Automotive OEMs", isms.PartyCustomer), party("Insurer", isms.PartyInsurer)}
	mfg.Assets = []isms.Asset{asset("CAD drawings", isms.AssetInformation, 5), asset("SAP production planning", isms.AssetService, 5), asset("Shop-floor machines", isms.AssetHardware, 3)}
	mfg.Scope.Statement = "Design, production and shipping at the Augsburg, Ulm and Passau sites."

	saasReg, err := sample.Register(saas)
	require.NoError(t, err)
	return []client{
		{"10-person accountancy", acc, register(), isms.OwnedByRole(ceo),
			[]string{"Ledger & Co provides bookkeeping, payroll and annual accounts for 80 small businesses", "DATEV", "so that clients can trust Ledger & Co",
				"share of accounts with MFA: at least 100 %", "the office suite"},
			[]string{"datev", "Microsoft 365"}},
		{"180-person clinic group", clinic, register(), isms.OwnedByRole(ceo),
			[]string{"Harbour Clinics is a group of four outpatient clinics in Leeds", "EHR patient records", "PACS images", "so that patients can trust Harbour Clinics",
				"the directory service", "the Care Quality Commission"},
			[]string{"ehr", "pacs", "Active Directory", "active directory"}},
		{"40-person SaaS (the sample)", saas, saasReg, sample.RoleOwner("CEO"),
			[]string{"Kestrel Cloud Ltd builds and runs a project-planning SaaS", "so that customers can trust Kestrel Cloud Ltd",
				"share of production maintenance accounts with MFA enforced: at least 100 %"},
			nil},
		{"200-person multi-site manufacturer", mfg, register(), isms.OwnedByRole(ceo),
			[]string{"Brandt Hydraulik GmbH designs and manufactures hydraulic valves at three sites in Bavaria. Production planning runs on SAP and the cloud platform. This work depends on the information Brandt Hydraulik GmbH holds.",
				"CAD drawings", "SAP production planning", "so that customers can trust Brandt Hydraulik GmbH"},
			[]string{"AWS", "cad drawings"}},
	}
}

// verbless finds the sentence the composer used to write for a noun-phrase
// description: "<Org> <noun phrase> and depends on …".
var verbless = regexp.MustCompile(`and depends on the information`)

func TestCompose_ReadsRightForFourDifferentClients(t *testing.T) {
	for _, c := range clients(t) {
		t.Run(c.name, func(t *testing.T) {
			draft, err := policy.Compose(policy.ComposeInput{Document: isms.DeriveID[isms.Document](ns, c.name), Context: c.ctx, Register: c.reg, GeneraliseProducts: true})
			require.NoError(t, err)
			text := policy.RenderText(draft)
			for _, want := range c.contains {
				assert.Contains(t, text, want)
			}
			for _, not := range c.absent {
				assert.NotContains(t, text, not)
			}
			assert.NotRegexp(t, verbless, draft.Purpose)
			assert.NotContains(t, draft.Purpose, "..", "one period ends a sentence")
			assert.NotEmpty(t, draft.Improvement)
			assert.True(t, draft.Availability.Onboarding)

			p, err := draft.Approve(c.ctx.Approval(c.approver, approve))
			require.NoError(t, err)
			require.NoError(t, p.CheckRefs(c.ctx))
			for _, f := range policy.Lint(p, approve, policy.LintOptions{Context: c.ctx}) {
				t.Errorf("the composed policy trips ismskit's own lint: %s", f)
			}
		})
	}
}

// TestCompose_DescriptionsOfEveryShapeGiveASentenceWithAVerb: a verb
// phrase, a noun phrase with and without an article, sentences of their
// own, and a sentence starting with the organisation's name.
func TestCompose_DescriptionsOfEveryShapeGiveASentenceWithAVerb(t *testing.T) {
	for desc, want := range map[string]string{
		"Builds and runs a SaaS for 300 customers.":                           "Ledger & Co builds and runs a SaaS for 300 customers; its work depends on the information it holds.",
		"Bookkeeping, payroll and annual accounts for 80 small businesses":    "Ledger & Co provides bookkeeping, payroll and annual accounts for 80 small businesses; its work depends",
		"An accountancy in Leeds.":                                            "Ledger & Co is an accountancy in Leeds; its work",
		"We keep the books of 80 firms. Clients send receipts by email.":      "We keep the books of 80 firms. Clients send receipts by email. This work depends on the information Ledger & Co holds.",
		"Ledger & Co is a 10-person accountancy.":                             "Ledger & Co is a 10-person accountancy; its work depends",
		"Runs EHR and PACS systems for clinics":                               "Ledger & Co runs EHR and PACS systems for clinics;",
		"DATEV-based payroll for 80 small businesses":                         "Ledger & Co provides DATEV-based payroll",
		"Payroll services for 80 small businesses, all run on Microsoft 365.": "Ledger & Co provides payroll services for 80 small businesses, all run on the office suite;",
	} {
		c := context()
		c.Organization.Description = desc
		p, err := policy.Compose(policy.ComposeInput{Context: c, Register: register(), GeneraliseProducts: true})
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(p.Purpose, want), "%q gave %q", desc, p.Purpose)
		for _, f := range policy.Lint(p, approve, policy.LintOptions{}) {
			assert.NotEqual(t, policy.RuleProcedureDetail, f.Code, "%s", f)
		}
	}
}

// TestCompose_AOneWordPartyNameIsAName: a trial's policy read "the
// valvira" for the Finnish health regulator Valvira.
func TestCompose_AOneWordPartyNameIsAName(t *testing.T) {
	c := clients(t)[0]
	ctx := c.ctx
	ctx.Parties = append(slices.Clone(ctx.Parties),
		isms.InterestedParty{ID: isms.DeriveID[isms.InterestedParty](ns, "valvira"), Name: "Valvira", Kind: isms.PartyRegulator},
		isms.InterestedParty{ID: isms.DeriveID[isms.InterestedParty](ns, "patients"), Name: "Patients", Kind: isms.PartyCustomer})
	draft, err := policy.Compose(policy.ComposeInput{Document: isms.DeriveID[isms.Document](ns, "valvira"), Context: ctx, Register: c.reg})
	require.NoError(t, err)
	assert.Contains(t, draft.Availability.Parties, "Valvira")
	assert.NotContains(t, draft.Availability.Parties, "the valvira")
	assert.NotContains(t, draft.Availability.Parties, "the Valvira")
	assert.Contains(t, draft.Availability.Parties, "patients", "a plural is a common noun")
}
