package deliver_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/internal/deliver"
	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/internal/golden"
)

// hostileText breaks a table, runs a formula, opens a tag and reorders
// text unless every writer escapes it.
const hostileText = "=cmd|' /C calc'!A1 | pipe\nnew line <script>alert(1)</script> \u202eevil"

// The supplier and process deliverables of the sample company, with
// hostile text typed into every free-text field they show.
func TestFiles_SuppliersAndProcessesWithHostileText(t *testing.T) {
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	st, err := sample.SoA(c, reg)
	require.NoError(t, err)
	pol, err := sample.Policy(c, reg)
	require.NoError(t, err)
	sup, procs := sample.Suppliers(), sample.Processes()
	s := &sup.Suppliers[2]
	s.Name = "Payroll " + hostileText
	s.Services = []string{hostileText}
	s.Data[0].Name = hostileText
	s.Access[0].Description = hostileText
	s.Contract.Subprocessors = hostileText
	s.Contract.NotificationHours = 96 // flagged in the lint section
	s.ExitPlan = hostileText
	p := &procs.Processes[0]
	p.Name = "Risk " + hostileText
	p.Purpose, p.Steps, p.Inputs = hostileText, append(p.Steps, hostileText), []string{hostileText}
	files, err := deliver.Files(deliver.Bundle{Context: c, Register: reg, SoA: st, Policy: pol, Suppliers: sup, Processes: procs, AsOf: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	got := map[string][]byte{}
	for _, f := range files {
		got[f.Name] = f.Data
	}
	for _, n := range []string{"suppliers.md", "suppliers.csv", "processes.md"} {
		require.Contains(t, got, n)
		golden.Assert(t, filepath.Join("testdata", "hostile-"+n), got[n])
	}
}
