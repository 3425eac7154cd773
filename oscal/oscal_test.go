package oscal_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/oscal"
	"github.com/ismskit/ismskit/soa"
)

var exported = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

// sampleSoA is the sample company's approved SoA.
func sampleSoA(t *testing.T) (isms.OrgContext, soa.SoA) {
	t.Helper()
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	s, err := sample.SoA(c, reg)
	require.NoError(t, err)
	return c, s
}

// render builds and writes the three documents.
func render(t *testing.T, c isms.OrgContext, s soa.SoA, cat *controls.Catalogue) (catalog, profile, ssp []byte) {
	t.Helper()
	cd, err := oscal.Catalog(cat, oscal.CatalogOptions{LastModified: exported, Additional: s.Additional})
	require.NoError(t, err)
	pd, err := oscal.Profile(s, oscal.ProfileOptions{})
	require.NoError(t, err)
	sd, err := oscal.SSP(s, c, oscal.SSPOptions{})
	require.NoError(t, err)
	var a, b, d bytes.Buffer
	require.NoError(t, oscal.WriteCatalog(&a, cd, oscal.JSONOptions{}))
	require.NoError(t, oscal.WriteProfile(&b, pd, oscal.JSONOptions{}))
	require.NoError(t, oscal.WriteSSP(&d, sd, oscal.JSONOptions{}))
	return a.Bytes(), b.Bytes(), d.Bytes()
}

func TestDeriveUUID_IsFixedForever(t *testing.T) {
	// Changing these breaks every host's diff of re-exported documents.
	assert.Equal(t, "f401ecd4-b3b4-5384-878e-2683e5d7c279", oscal.Namespace.String())
	assert.Equal(t, "564bc0c7-5eca-5018-ac86-ebdecfd3dd33", oscal.DeriveUUID("catalog/iso27001-2022"))
}

func TestControlID_IsAnOSCALTokenAndKeepsCustomIDs(t *testing.T) {
	for id, want := range map[controls.ID]string{"5.1": "a.5.1", "8.34": "a.8.34", "ACME-3": "ACME-3", "X-1.2": "X-1.2"} {
		assert.Equal(t, want, oscal.ControlID(id), id)
	}
}

func TestCatalog_GroupsPerThemeWithTagsAndOwnGuidance(t *testing.T) {
	doc, err := oscal.Catalog(controls.AnnexA(), oscal.CatalogOptions{LastModified: exported})
	require.NoError(t, err)
	require.Len(t, doc.Groups, 4)
	counts := []int{}
	for _, g := range doc.Groups {
		counts = append(counts, len(g.Controls))
	}
	assert.Equal(t, []int{37, 8, 14, 34}, counts)
	assert.Equal(t, []string{"organizational", "people", "physical", "technological"},
		[]string{doc.Groups[0].ID, doc.Groups[1].ID, doc.Groups[2].ID, doc.Groups[3].ID})
	c88 := doc.Groups[3].Controls[7]
	assert.Equal(t, "a.8.8", c88.ID)
	assert.Equal(t, "Management of technical vulnerabilities", c88.Title)
	assert.Contains(t, c88.Props, oscal.Property{Name: "label", Value: "8.8"})
	assert.Contains(t, c88.Props, oscal.Property{Name: "control_type", NS: oscal.PropNamespace, Value: "Preventive", Class: "attribute"})
	ctl, _ := controls.AnnexA().ByID("8.8")
	assert.Equal(t, ctl.Guidance(), c88.Parts[0].Prose, "ismskit's own guidance")
	assert.Equal(t, "2026-12-01T09:30:00Z", doc.Metadata.LastModified)
	assert.Equal(t, "iso27001-2022", doc.Metadata.Version)
}

func TestCatalog_BadInputIsAnErrorWithPaths(t *testing.T) {
	for name, tc := range map[string]struct {
		cat   *controls.Catalogue
		opts  oscal.CatalogOptions
		paths []string
	}{
		"no catalogue":         {nil, oscal.CatalogOptions{LastModified: exported}, []string{"catalogue"}},
		"no time":              {controls.AnnexA(), oscal.CatalogOptions{}, []string{"options.last_modified"}},
		"a year OSCAL refuses": {controls.AnnexA(), oscal.CatalogOptions{LastModified: time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)}, []string{"options.last_modified"}},
		"a year past 2999":     {controls.AnnexA(), oscal.CatalogOptions{LastModified: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{"options.last_modified"}},
		"bad additional controls": {controls.AnnexA(), oscal.CatalogOptions{LastModified: exported, Additional: []soa.Entry{
			{Control: "5.1", Title: "twice"}, {Control: "ACME-1"}, {Control: "not an id", Title: "x"}}},
			[]string{"options.additional[0].control", "options.additional[1].title", "options.additional[2].control"}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := oscal.Catalog(tc.cat, tc.opts)
			require.ErrorIs(t, err, isms.ErrInvalid)
			var paths []string
			for _, p := range isms.ValidationErrors(err) {
				paths = append(paths, p.Path)
			}
			assert.Equal(t, tc.paths, paths)
		})
	}
}

func TestCatalog_AYearOutsideOSCALNamesTheLimit(t *testing.T) {
	_, err := oscal.Catalog(controls.AnnexA(), oscal.CatalogOptions{LastModified: time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "MinYear")
}

func TestProfile_ExcludedControlsAreLeftOutWithTheirJustification(t *testing.T) {
	_, s := sampleSoA(t)
	doc, err := oscal.Profile(s, oscal.ProfileOptions{})
	require.NoError(t, err)
	require.Len(t, doc.Imports, 1)
	imp := doc.Imports[0]
	assert.Equal(t, "catalog.json", imp.Href)
	assert.Len(t, imp.IncludeControls[0].WithIDs, 88)
	assert.Len(t, imp.ExcludeControls[0].WithIDs, 5)
	assert.NotContains(t, imp.IncludeControls[0].WithIDs, "a.8.11")
	assert.Contains(t, imp.ExcludeControls[0].WithIDs, "a.8.11")
	e, _ := s.Entry("8.11")
	var found bool
	for _, r := range doc.BackMatter.Resources {
		if r.Props[0].Value == "a.8.11" {
			found = true
			assert.Equal(t, e.Justification, r.Description)
			assert.Equal(t, "Excluded: 8.11 Data masking", r.Title)
		}
	}
	assert.True(t, found, "the exclusion of 8.11 is recorded")
	assert.Equal(t, "edition 1", doc.Metadata.Version)
	assert.Equal(t, "2026-11-16T00:00:00Z", doc.Metadata.LastModified, "the approval date, not the clock")
}

func TestProfile_AnInvalidSoAIsAnErrorWithPaths(t *testing.T) {
	_, s := sampleSoA(t)
	s.Entries[3].Reasons = nil // changes an approved edition: the hash no longer matches
	_, err := oscal.Profile(s, oscal.ProfileOptions{})
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "soa.revision.hash")

	_, err = oscal.Profile(soa.SoA{}, oscal.ProfileOptions{})
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "soa.id")
}

func TestSSP_RequirementsCarryStatusOwnerReasonsAndEvidence(t *testing.T) {
	c, s := sampleSoA(t)
	doc, err := oscal.SSP(s, c, oscal.SSPOptions{})
	require.NoError(t, err)
	reqs := doc.ControlImplementation.ImplementedRequirements
	assert.Len(t, reqs, 88)
	byID := map[string]oscal.ImplementedRequirement{}
	for _, r := range reqs {
		byID[r.ControlID] = r
	}
	r := byID["a.5.11"] // done by the IT manager, with evidence
	assert.Equal(t, "implemented", r.ByComponents[0].ImplementationStatus.State)
	assert.Equal(t, "it-manager", r.ResponsibleRoles[0].RoleID)
	assert.Contains(t, r.Props, oscal.Property{Name: "implementation-status", NS: oscal.PropNamespace, Value: "implemented"})
	require.Len(t, r.Links, 1)
	assert.Equal(t, "evidence", r.Links[0].Rel)
	var evidence *oscal.Resource
	for i, res := range doc.BackMatter.Resources {
		if "#"+res.UUID == r.Links[0].Href {
			evidence = &doc.BackMatter.Resources[i]
		}
	}
	require.NotNil(t, evidence, "the link resolves to a back-matter resource")
	assert.Equal(t, "Leaver checklist with laptop and key return", evidence.Title)

	p := byID["a.6.3"] // planned, owned by a person
	assert.Equal(t, "planned", p.ByComponents[0].ImplementationStatus.State)
	assert.Equal(t, oscal.ControlOwnerRole, p.ResponsibleRoles[0].RoleID)
	assert.Len(t, p.ResponsibleRoles[0].PartyUUIDs, 1)
	assert.NotEmpty(t, p.Props[1:], "the reasons")
	assert.Equal(t, oscal.DeriveUUID("ssp/"+s.Revision.Document.String()), doc.UUID)
	assert.Equal(t, "profile.json", doc.ImportProfile.Href)
}

func TestSSP_AnInvalidContextIsAnErrorWithPaths(t *testing.T) {
	c, s := sampleSoA(t)
	c.Organization.ID = isms.OrgID{}
	_, err := oscal.SSP(s, c, oscal.SSPOptions{})
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "context.organization.id")
}

func TestDocuments_SameInputSameBytesAndUUIDsAcrossEditions(t *testing.T) {
	c, s := sampleSoA(t)
	a1, b1, c1 := render(t, c, s, controls.AnnexA())
	a2, b2, c2 := render(t, c, s, controls.AnnexA())
	assert.Equal(t, a1, a2)
	assert.Equal(t, b1, b2)
	assert.Equal(t, c1, c2)

	next := soa.Revise(s, s)
	require.Equal(t, 2, next.Revision.Edition)
	d1, err := oscal.SSP(s, c, oscal.SSPOptions{})
	require.NoError(t, err)
	d2, err := oscal.SSP(next, c, oscal.SSPOptions{})
	require.NoError(t, err)
	assert.Equal(t, d1.UUID, d2.UUID, "the plan's UUID follows the document, not the edition")
	assert.Equal(t, d1.ControlImplementation.ImplementedRequirements[0].UUID, d2.ControlImplementation.ImplementedRequirements[0].UUID)
	assert.Equal(t, "edition 2", d2.Metadata.Version)
}

// TestSSP_TheOrderOfRolesAndPeopleDoesNotChangeTheBytes: the consultant's
// -db run reads the context back from a store in ID order and wrote an SSP
// with roles, parties and responsible parties in another order than the
// run without a store; the same organisation now gives the same bytes.
func TestSSP_TheOrderOfRolesAndPeopleDoesNotChangeTheBytes(t *testing.T) {
	c, s := sampleSoA(t)
	_, _, want := render(t, c, s, controls.AnnexA())
	shuffled := c
	shuffled.Roles = slices.Clone(c.Roles)
	shuffled.People = slices.Clone(c.People)
	slices.Reverse(shuffled.Roles)
	slices.Reverse(shuffled.People)
	for i := range shuffled.Roles {
		shuffled.Roles[i].Holders = slices.Clone(shuffled.Roles[i].Holders)
		slices.Reverse(shuffled.Roles[i].Holders)
	}
	_, _, got := render(t, shuffled, s, controls.AnnexA())
	assert.Equal(t, string(want), string(got))
	assert.Equal(t, c.Roles[0].Name, sample.Company().Roles[0].Name, "the caller's context is not reordered")
}

func TestWriters_RefuseADocumentWithoutUUID(t *testing.T) {
	var b bytes.Buffer
	err := oscal.WriteCatalog(&b, oscal.CatalogDocument{}, oscal.JSONOptions{})
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), "catalog.uuid")
	err = oscal.WriteProfile(&b, oscal.ProfileDocument{}, oscal.JSONOptions{})
	assert.Contains(t, err.Error(), "profile.imports")
	err = oscal.WriteSSP(&b, oscal.SSPDocument{}, oscal.JSONOptions{})
	assert.Contains(t, err.Error(), "system-security-plan.import-profile.href")
	assert.Zero(t, b.Len(), "nothing is written")
}

// hostileText is what a person may type: a newline, a pipe, a formula, a
// tag and a right-to-left override.
const hostileText = "Line one\nline | two =cmd|' /C calc'!A1 <script>alert(1)</script> \u202eevil"

// hostile returns the sample's SoA as a draft with hostile text in a
// title, a justification, an owner, an evidence and an additional control,
// and the context with a hostile organisation name.
func hostile(t *testing.T) (isms.OrgContext, soa.SoA) {
	t.Helper()
	c, s := sampleSoA(t)
	c.Organization.Name = "Kestrel | <b>Cloud</b>\nLtd \u202e"
	s.Organization = c.Organization.Name
	s.Revision = isms.Revision{Document: s.Revision.Document, Edition: 1, Status: isms.Draft}
	s.Warnings = nil
	s.Entries[0].Title = "Policies " + hostileText
	for i, e := range s.Entries {
		if e.Excluded() {
			s.Entries[i].Justification = "We have no such thing at all. " + hostileText
			break
		}
	}
	s.Entries[2].Owner = "=cmd|' /C calc'!A1"
	s.Entries[2].Evidence = append(s.Entries[2].Evidence, controls.Evidence{Title: hostileText, Location: "https://example.com/a b|c"})
	s.Additional = []soa.Entry{{Control: "ACME-1", Theme: "Custom <script>", Title: "Our own " + hostileText, Description: hostileText,
		Applicable: true, Reasons: []soa.Reason{{Code: soa.BusinessNeed, Note: hostileText}}, Status: controls.Planned, Owner: hostileText}}
	require.NoError(t, s.Validate())
	return c, s
}

func TestDocuments_HostileTextMatchesGolden(t *testing.T) {
	c, s := hostile(t)
	catalog, profile, ssp := render(t, c, s, controls.AnnexA())
	for name, data := range map[string][]byte{"catalog": catalog, "profile": profile, "ssp": ssp} {
		assert.NotContains(t, string(data), "<script", name)
		assert.NotContains(t, string(data), "\u202e", name)
		var v map[string]any
		require.NoError(t, json.Unmarshal(data, &v), name)
		for _, value := range strings.Split(string(data), "\"value\": ") {
			assert.NotContains(t, strings.SplitN(value, "\n", 2)[0], `\n`, "a property value holds no line break")
		}
	}
	// The goldens keep the parts hostile text reaches, not 10,000 lines of
	// sample data.
	golden.Assert(t, filepath.Join("testdata", "hostile-profile.json"), profile)
	golden.Assert(t, filepath.Join("testdata", "hostile-ssp-requirements.json"), part(t, ssp, "system-security-plan", 0, 2))
	golden.Assert(t, filepath.Join("testdata", "hostile-catalog-additional.json"), part(t, catalog, "catalog", 4, 5))
}

// part cuts the SSP's first implemented requirements, or the catalog's
// groups, from a document, indented.
func part(t *testing.T, data []byte, root string, from, to int) []byte {
	t.Helper()
	var doc map[string]map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &doc))
	var list []json.RawMessage
	var meta json.RawMessage = doc[root]["metadata"]
	if root == "catalog" {
		require.NoError(t, json.Unmarshal(doc[root]["groups"], &list))
	} else {
		var ci struct {
			Reqs []json.RawMessage `json:"implemented-requirements"`
		}
		require.NoError(t, json.Unmarshal(doc[root]["control-implementation"], &ci))
		list = append(ci.Reqs[from:to], ci.Reqs[len(ci.Reqs)-1])
		from, to = 0, len(list)
	}
	out, err := json.MarshalIndent(map[string]any{"metadata": meta, "items": list[from:to]}, "", "  ")
	require.NoError(t, err)
	return append(out, '\n')
}

func TestErrors_AreValidationErrors(t *testing.T) {
	_, err := oscal.Catalog(nil, oscal.CatalogOptions{})
	var v *isms.ValidationError
	assert.True(t, errors.As(err, &v))
}
