package schematest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/oscal"
	"github.com/ismskit/ismskit/soa"
)

const schemaFile = "oscal_complete_schema-1.1.3.json"

// schema compiles NIST's schema once, with format assertions on (draft 07
// leaves them optional; the check is stricter with them).
var schema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(filepath.Join("testdata", schemaFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(schemaFile, doc); err != nil {
		return nil, err
	}
	return c.Compile(schemaFile)
})

func validate(t *testing.T, data []byte) error {
	t.Helper()
	sch, err := schema()
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	return sch.Validate(inst)
}

// documents builds the three documents of the sample company, changed by
// mutate when it is not nil.
func documents(t *testing.T, mutate func(*isms.OrgContext, *soa.SoA)) map[string][]byte {
	t.Helper()
	company := sample.Company()
	reg, err := sample.Register(company)
	require.NoError(t, err)
	statement, err := sample.SoA(company, reg)
	require.NoError(t, err)
	if mutate != nil {
		mutate(&company, &statement)
		require.NoError(t, statement.Validate())
	}
	cat, err := oscal.Catalog(controls.AnnexA(), oscal.CatalogOptions{LastModified: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Additional: statement.Additional})
	require.NoError(t, err)
	prof, err := oscal.Profile(statement, oscal.ProfileOptions{})
	require.NoError(t, err)
	ssp, err := oscal.SSP(statement, company, oscal.SSPOptions{})
	require.NoError(t, err)
	out := map[string][]byte{}
	var b bytes.Buffer
	require.NoError(t, oscal.WriteCatalog(&b, cat, oscal.JSONOptions{}))
	out["catalog"] = bytes.Clone(b.Bytes())
	b.Reset()
	require.NoError(t, oscal.WriteProfile(&b, prof, oscal.JSONOptions{}))
	out["profile"] = bytes.Clone(b.Bytes())
	b.Reset()
	require.NoError(t, oscal.WriteSSP(&b, ssp, oscal.JSONOptions{}))
	out["system-security-plan"] = bytes.Clone(b.Bytes())
	return out
}

func TestSampleDocuments_ValidateAgainstTheOSCALSchema(t *testing.T) {
	for root, data := range documents(t, nil) {
		t.Run(root, func(t *testing.T) {
			require.NoError(t, validate(t, data))
		})
	}
}

func TestDocumentWithoutUUID_FailsTheOSCALSchema(t *testing.T) {
	for root, data := range documents(t, nil) {
		t.Run(root, func(t *testing.T) {
			var doc map[string]map[string]any
			require.NoError(t, json.Unmarshal(data, &doc))
			delete(doc[root], "uuid")
			broken, err := json.Marshal(doc)
			require.NoError(t, err)
			err = validate(t, broken)
			require.Error(t, err)
			require.Contains(t, err.Error(), "uuid")
		})
	}
}

// hostileText is what a person may type: a newline, a pipe, a formula, a
// tag, a right-to-left override, and white space at both ends.
const hostileText = " \tLine one\nline | two =cmd|' /C calc'!A1 <script>alert(1)</script> \u202eevil\u2028 "

func TestHostileDocuments_ValidateAgainstTheOSCALSchema(t *testing.T) {
	docs := documents(t, func(c *isms.OrgContext, s *soa.SoA) {
		c.Organization.Name = "Kestrel | <b>Cloud</b>\nLtd \u202e"
		c.Roles[0].Name = "\u202e" + hostileText
		s.Organization = c.Organization.Name
		s.Revision = isms.Revision{Document: s.Revision.Document, Edition: 1, Status: isms.Draft}
		s.Warnings = nil
		s.Entries[0].Title = hostileText
		for i, e := range s.Entries {
			if e.Excluded() {
				s.Entries[i].Justification = "We have no such thing at all. " + hostileText
			}
		}
		s.Entries[2].Owner = hostileText
		s.Entries[2].Evidence = append(s.Entries[2].Evidence, controls.Evidence{Title: hostileText, Location: "https://example.com/a b|c"})
		s.Additional = []soa.Entry{{Control: "ACME-1", Theme: "<script>", Title: hostileText, Description: hostileText,
			Applicable: true, Reasons: []soa.Reason{{Code: soa.BusinessNeed, Note: hostileText, Refs: []soa.Ref{{ID: "x", Label: hostileText}}}},
			Status: controls.Planned, Owner: hostileText}}
	})
	for root, data := range docs {
		t.Run(root, func(t *testing.T) {
			require.NoError(t, validate(t, data))
		})
	}
}

// TestSchemaChecksPatterns shows the validator enforces OSCAL's string
// patterns, so the hostile test above proves something.
func TestSchemaChecksPatterns(t *testing.T) {
	for root, data := range documents(t, nil) {
		var doc map[string]map[string]any
		require.NoError(t, json.Unmarshal(data, &doc))
		doc[root]["metadata"].(map[string]any)["version"] = "edition\n1"
		broken, err := json.Marshal(doc)
		require.NoError(t, err)
		require.Error(t, validate(t, broken), root)
	}
}
