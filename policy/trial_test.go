package policy_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
)

// metrics returns every principle's metric of a composed policy.
func metrics(p policy.Policy) string {
	var out []string
	for _, pr := range p.Principles {
		out = append(out, pr.Metric)
	}
	return strings.Join(out, "\n")
}

// Trial item 5: the policy's metrics state the rhythm of the plan it is
// given (acc reviews risks twice a year, the clinic tests recovery once a
// year), and say no rhythm at all when none is given.
func TestCompose_MetricsFollowThePlansCadences(t *testing.T) {
	for _, c := range []struct {
		name     string
		cadences policy.Cadences
		want     []string
		absent   []string
	}{
		{"acc: risks and access twice a year", policy.Cadences{RiskReview: 6, AccessReview: 6, RecoveryTest: 12, SupplierReview: 12},
			[]string{"key risks reviewed twice a year"}, []string{"every quarter", "4 times a year"}},
		{"clinic: recovery tests once a year", policy.Cadences{RiskReview: 3, AccessReview: 3, RecoveryTest: 12, SupplierReview: 24},
			[]string{"key risks reviewed every quarter", "recovery tests passed every year"}, []string{"twice a year"}},
		{"no cadences: neutral", policy.Cadences{},
			[]string{"key risks reviewed as the ISMS plan schedules"}, []string{"every quarter", "twice a year", "4 times a year", "every year"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := policy.ComposeInput{Context: context(), Register: register(), Cadences: c.cadences}
			p, err := policy.Compose(in)
			require.NoError(t, err)
			m := metrics(p)
			for _, w := range c.want {
				assert.Contains(t, m, w)
			}
			for _, w := range c.absent {
				assert.NotContains(t, m, w)
			}
		})
	}
}

func TestCompose_CadenceOutOfRangeIsAnError(t *testing.T) {
	for _, months := range []int{-1, policy.MaxCadenceMonths + 1} {
		_, err := policy.Compose(policy.ComposeInput{Context: context(), Register: register(), Cadences: policy.Cadences{RecoveryTest: months}})
		require.ErrorIs(t, err, isms.ErrInvalid)
		assert.Contains(t, err.Error(), "cadences.recovery_test")
	}
}

// Trial item 6: the client's own names stay as typed unless the caller
// asks Compose to generalise product names.
func TestCompose_KeepsTheClientsProductNamesUnlessAsked(t *testing.T) {
	c := context()
	c.Scope.Statement = "Bookkeeping and payroll on Microsoft 365."
	c.Roles[1].Description = "Administers Microsoft 365 and the laptops"
	p, err := policy.Compose(policy.ComposeInput{Context: c, Register: register()})
	require.NoError(t, err)
	assert.Contains(t, p.Scope, "Microsoft 365")
	assert.NotContains(t, p.Scope, "office suite")
	text := policy.RenderText(p)
	assert.Contains(t, text, "Administers Microsoft 365")
	assert.NotContains(t, text, "office suite")

	p, err = policy.Compose(policy.ComposeInput{Context: c, Register: register(), GeneraliseProducts: true})
	require.NoError(t, err)
	assert.Contains(t, p.Scope, "the office suite")
	assert.Contains(t, policy.RenderText(p), "Administers the office suite")
}

// Trial item 7: a description that is a noun phrase naming what the
// organisation is reads as "<Org> is a/an …", not "<Org> provides …".
func TestCompose_OpeningSentenceOfTheTrialClients(t *testing.T) {
	for desc, want := range map[string]string{
		"Authorised accounting firm in Tampere: bookkeeping, payroll and tax returns for 140 small businesses": "Ledger & Co is an authorised accounting firm in Tampere: bookkeeping, payroll and tax returns for 140 small businesses; its work depends",
		"a group of three private clinics in Turku":                                                            "Ledger & Co is a group of three private clinics in Turku; its work",
		"Small dental practice with two dentists":                                                              "Ledger & Co is a small dental practice with two dentists;",
		"Bookkeeping and payroll for 80 businesses":                                                            "Ledger & Co provides bookkeeping and payroll for 80 businesses;",
	} {
		c := context()
		c.Organization.Description = desc
		p, err := policy.Compose(policy.ComposeInput{Context: c, Register: register()})
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(p.Purpose, want), "%q gave %q", desc, p.Purpose)
		assert.NotContains(t, p.Purpose, "provides authorised")
	}
}

func TestWriteHTML_ShowsTheProcessLinks(t *testing.T) {
	p, err := policy.Compose(policy.ComposeInput{Context: context(), Register: register()})
	require.NoError(t, err)
	require.NotEmpty(t, p.Principles)
	p.Principles[0].Processes = []policy.ProcessLink{{Name: "Access control process"}}
	var b bytes.Buffer
	require.NoError(t, policy.WriteHTML(&b, p, policy.HTMLOptions{}))
	assert.Contains(t, b.String(), "The processes that carry them out")
	assert.Contains(t, b.String(), "Access control process")
}
