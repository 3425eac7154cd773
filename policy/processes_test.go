package policy_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/processes"
	"github.com/ismskit/ismskit/risk"
)

func composedWithProcesses(t *testing.T) policy.Policy {
	c := sample.Company()
	reg, err := sample.Register(c)
	require.NoError(t, err)
	in := sample.PolicyInput(c, reg)
	in.Processes = sample.Processes()
	p, err := policy.Compose(in)
	require.NoError(t, err)
	return p
}

func TestCompose_LinksPrinciplesToTheProcessesThatCarryThemOut(t *testing.T) {
	p := composedWithProcesses(t)
	require.NoError(t, p.Validate())
	require.NoError(t, p.CheckProcesses(sample.Processes()))
	links := map[string][]string{}
	for _, pr := range p.Principles {
		for _, l := range pr.Processes {
			links[pr.Statement] = append(links[pr.Statement], l.Name)
		}
	}
	assert.Contains(t, links["Security decisions are based on risk and led by management."], "Risk management")
	assert.Contains(t, links["Access is granted on least privilege and removed as soon as it is no longer needed."], "Access control")

	in := sample.PolicyInput(sample.Company(), mustRegister(t))
	in.Processes = processes.Register{}
	without, err := policy.Compose(in)
	require.NoError(t, err)
	for _, pr := range without.Principles {
		assert.Empty(t, pr.Processes, "no process descriptions, no links")
	}
}

func mustRegister(t *testing.T) risk.Register {
	r, err := sample.Register(sample.Company())
	require.NoError(t, err)
	return r
}

func TestCheckProcesses_AProcessNotInTheRegisterIsAnError(t *testing.T) {
	p := composedWithProcesses(t)
	err := p.CheckProcesses(processes.Register{})
	require.Error(t, err)
	assert.ErrorIs(t, err, isms.ErrInvalid)
	assert.Contains(t, err.Error(), ".processes[0].process")
}

func TestValidate_AProcessLinkNeedsItsIDAndName(t *testing.T) {
	p := composedWithProcesses(t)
	p.Principles[0].Processes = append(p.Principles[0].Processes, policy.ProcessLink{})
	err := p.Validate()
	require.Error(t, err)
	n := len(p.Principles[0].Processes) - 1
	assert.Contains(t, err.Error(), isms.JoinPath(isms.Index("principles[0].processes", n), "process"))
	assert.Contains(t, err.Error(), isms.JoinPath(isms.Index("principles[0].processes", n), "name"))
}

func TestMarkdown_ShowsTheProcessesThatCarryThePrinciplesOut(t *testing.T) {
	p := composedWithProcesses(t)
	var b strings.Builder
	require.NoError(t, policy.WriteMarkdown(&b, p, policy.MarkdownOptions{}))
	assert.Contains(t, b.String(), "The processes that carry them out:")
	assert.Contains(t, b.String(), "Access control")
}
