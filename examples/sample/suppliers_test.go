package sample_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/suppliers"
)

func TestSuppliers_ValidAndLintClean(t *testing.T) {
	c, reg := sample.Company(), sample.Suppliers()
	require.NoError(t, reg.Validate())
	require.NoError(t, reg.CheckRefs(c))
	assert.Empty(t, suppliers.Lint(reg, c, sample.Workshop, suppliers.LintOptions{}))
	assert.Empty(t, suppliers.Lint(reg, c, sample.Approved, suppliers.LintOptions{}))
	tiers := map[string]suppliers.Tier{}
	for _, s := range reg.Suppliers {
		tiers[s.Name] = suppliers.Classify(s, c).Tier
	}
	assert.Equal(t, map[string]suppliers.Tier{"Cloud hosting provider": suppliers.TierCritical,
		"Office and e-mail suite": suppliers.TierCritical, "Payroll bureau": suppliers.TierImportant}, tiers)
}

func TestProcesses_ValidAndLintClean(t *testing.T) {
	c, reg := sample.Company(), sample.Processes()
	require.NoError(t, reg.Validate())
	require.NoError(t, reg.CheckRefs(c, controls.AnnexA()))
	r, err := sample.Register(c)
	require.NoError(t, err)
	pol, err := sample.Policy(c, r)
	require.NoError(t, err)
	var principles []string
	for _, p := range pol.Principles {
		principles = append(principles, p.Statement)
	}
	assert.Empty(t, processes.Lint(reg, sample.Approved, processes.LintOptions{Policy: principles}))
	for _, k := range processes.Cores() {
		_, ok := reg.ByCore(k)
		assert.True(t, ok, "core process %s", k)
	}
}

func TestSoAInput_RegisterAndProcessesAreEvidence(t *testing.T) {
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	s, conflicts, err := soa.Generate(sample.SoAInput(c, reg))
	require.NoError(t, err)
	assert.Empty(t, conflicts)
	evidence := func(id controls.ID) []string {
		for _, e := range s.Entries {
			if e.Control == id {
				var out []string
				for _, x := range e.Evidence {
					out = append(out, x.Title)
				}
				return out
			}
		}
		return nil
	}
	for _, id := range []controls.ID{"5.19", "5.20", "5.21", "5.22", "5.23"} {
		assert.Contains(t, evidence(id), "Supplier register (3 suppliers)", "control %s", id)
		assert.Contains(t, evidence(id), "Process: Supplier management", "control %s", id)
	}
	assert.Contains(t, evidence("5.15"), "Process: Access control")
	assert.Contains(t, evidence("5.24"), "Process: Incident handling")
}
