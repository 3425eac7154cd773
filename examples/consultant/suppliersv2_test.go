package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
)

// TestResolve_SuppliersAndProcessesByName: the sample workbook's three
// suppliers and four processes, written with names, resolve to the
// sample company's register and processes: the same assets, owners and
// content (only the IDs differ, derived from the workbook's keys).
func TestResolve_SuppliersAndProcessesByName(t *testing.T) {
	w, err := decodeWorkbook(strings.NewReader(string(mustRead(t, "sample-workbook.json"))))
	require.NoError(t, err)
	wb, _, err := resolve(w)
	require.NoError(t, err)
	want, wantP := sample.Suppliers(), sample.Processes()
	require.Len(t, wb.Suppliers.Suppliers, len(want.Suppliers))
	require.Len(t, wb.Processes.Processes, len(wantP.Processes))
	name := func(c isms.OrgContext, id isms.AssetID) string {
		for _, a := range c.Assets {
			if a.ID == id {
				return a.Name
			}
		}
		return "?"
	}
	company := sample.Company()
	for i, s := range wb.Suppliers.Suppliers {
		w := want.Suppliers[i]
		assert.Equal(t, w.Name, s.Name)
		assert.Equal(t, company.OwnerName(w.Owner), wb.Context.OwnerName(s.Owner))
		require.Len(t, s.Assets, len(w.Assets))
		for j := range s.Assets {
			assert.Equal(t, name(company, w.Assets[j]), name(wb.Context, s.Assets[j]))
		}
		s.ID, s.Owner, s.Assets, s.Party = w.ID, w.Owner, w.Assets, w.Party
		assert.Equal(t, w, s)
	}
	for i, p := range wb.Processes.Processes {
		w := wantP.Processes[i]
		p.ID, p.Owner = w.ID, w.Owner
		assert.Equal(t, w, p)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}

// TestRun_SupplierAndProcessMistakesAreListedAtTheirWorkbookPaths: a
// misspelt asset, owner, party, interface and evidence kind, a supplier
// given twice, an unknown access kind, a control not in the catalogue and
// an Annex A control written "A.5.24" are each one
// problem at its workbook path, with "did you mean" where one is close,
// and nothing is written.
func TestRun_SupplierAndProcessMistakesAreListedAtTheirWorkbookPaths(t *testing.T) {
	tree := sampleTree(t)
	s0 := at(tree, "suppliers", 0).(map[string]any)
	at(s0, "assets").([]any)[0] = "Customer projekt data"
	s0["owner"] = "IT manger"
	s0["party"] = "Cloud hostng provider"
	s0["interface"] = "Cloud hosting providr"
	s1 := at(tree, "suppliers", 1).(map[string]any)
	s1["name"] = "Cloud hosting provider"
	s2 := at(tree, "suppliers", 2).(map[string]any)
	at(s2, "access", 0).(map[string]any)["kind"] = "vpn"
	p0 := at(tree, "processes", 0).(map[string]any)
	at(p0, "evidence").([]any)[0] = "rsk"
	p1 := at(tree, "processes", 1).(map[string]any)
	at(p1, "controls").([]any)[0] = "5.99"
	at(tree, "processes", 2, "controls").([]any)[0] = "A.5.24"
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-in", writeTree(t, tree), "-out", out}, &stdout, &stderr))
	msg := stderr.String()
	for _, want := range []string{
		`suppliers[0].assets[0]: "Cloud hosting provider": no asset is named "Customer projekt data"; did you mean "Customer project data"?`,
		`suppliers[0].owner: "Cloud hosting provider": no role is named "IT manger" and no person; did you mean "IT manager"?`,
		`suppliers[0].party: no party is named "Cloud hostng provider"; did you mean "Cloud hosting provider"?`,
		`suppliers[0].interface: no scope interface is named "Cloud hosting providr"; did you mean "Cloud hosting provider"?`,
		`suppliers[1].name: supplier "Cloud hosting provider" is given twice (also at suppliers[0].name)`,
		`suppliers[2].access[0].kind: "Payroll bureau": access kind "vpn" is not one of`,
		`processes[0].evidence[0]: "Risk management": "rsk" is not a kind of record; did you mean "risk"?`,
		`processes[1].controls[0]: "Access control": control "5.99" is not in the catalogue; check the number ("5.1")`,
		`processes[2].controls[0]: "Incident handling": control "A.5.24" is not in the catalogue; write "5.24" (Annex A controls are written without "A.")`,
	} {
		assert.Contains(t, msg, want)
	}
	assert.NotRegexp(t, `[0-9a-f]{8}-[0-9a-f]{4}-`, msg, "no UUID in a message")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "nothing is written")
}

// TestRun_SampleWorkbookWritesTheSupplierRegisterAndProcesses: the
// sample workbook's suppliers and processes reach the deliverables (the
// register as suppliers.md and suppliers.csv, processes.md) and the plan
// (the office suite's certificate renewal ahead of its expiry, the
// processes' yearly reviews).
func TestRun_SampleWorkbookWritesTheSupplierRegisterAndProcesses(t *testing.T) {
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-in", "sample-workbook.json", "-out", out}, &stdout, &stderr), stderr.String())
	for f, want := range map[string]string{
		"suppliers.md": "Payroll bureau", "suppliers.csv": "Office and e-mail suite", "processes.md": "Supplier management",
	} {
		b, err := os.ReadFile(filepath.Join(out, f))
		require.NoError(t, err, f)
		assert.Contains(t, string(b), want, f)
	}
	ics, err := os.ReadFile(filepath.Join(out, "calendar.ics"))
	require.NoError(t, err)
	assert.Contains(t, string(ics), "Office and e-mail suite")
	assert.Contains(t, string(ics), "Access control")
}

// TestRun_V1WorkbookReadsWithoutSuppliers: an ismskit-workbook/1 file,
// which has no suppliers or processes, still builds.
func TestRun_V1WorkbookReadsWithoutSuppliers(t *testing.T) {
	out := filepath.Join(t.TempDir(), "client")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-in", v1Sample, "-out", out}, &stdout, &stderr), stderr.String())
	_, err := os.Stat(filepath.Join(out, "suppliers.md"))
	assert.True(t, os.IsNotExist(err), "no register, no suppliers.md")
}

// TestRun_TooManySuppliersOrProcessesAreRefusedWhole: a supplier register
// or a list of processes longer than MaxListItems is one problem naming
// the limit, quickly, and nothing is written.
func TestRun_TooManySuppliersOrProcessesAreRefusedWhole(t *testing.T) {
	for _, section := range []string{"suppliers", "processes"} {
		t.Run(section, func(t *testing.T) {
			tree := sampleTree(t)
			items := make([]any, MaxListItems+1)
			for i := range items {
				items[i] = map[string]any{"name": fmt.Sprintf("S%d", i), "owner": "Nobody at all"}
			}
			tree[section] = items
			runHostile(t, writeTree(t, tree), section+": 10001 entries; a workbook list holds at most 10000 (MaxListItems)")
		})
	}
}
