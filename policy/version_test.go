package policy_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
)

func TestApprove_VersionsAndDeadlines(t *testing.T) {
	draft := composed()
	_, err := draft.Approve("the organization", approve)
	require.ErrorIs(t, err, isms.ErrInvalid)

	v1, err := draft.Approve("Ann (CEO)", approve)
	require.NoError(t, err)
	assert.Equal(t, policy.Approved, v1.Status)
	assert.Equal(t, approve.AddDate(1, 0, 0), v1.NextReview, "reviewed 12 months after approval by default")
	require.NoError(t, v1.Verify())
	assert.Equal(t, []policy.Deadline{
		{Title: "Communicate policy version 1 to all staff", Due: approve.AddDate(0, 0, 7), Owner: "IT manager"},
		{Title: "Review the information security policy (version 1)", Due: approve.AddDate(1, 0, 0), Owner: "IT manager"},
	}, v1.Deadlines())
	assert.Empty(t, draft.Deadlines(), "a draft creates no duties")
	assert.Equal(t, "Version 1 · Owner: IT manager · Approved by: Ann (CEO) · Approved on: 2026-11-16 · Next review: 2027-11-16", v1.VersionLine())

	_, err = v1.Approve("Ann", approve)
	require.Error(t, err, "an approved version cannot be approved again")
	edited := v1
	edited.Purpose = "changed"
	require.ErrorIs(t, edited.Verify(), isms.ErrConflict)

	v2 := policy.Revise(v1, composed(), "objectives updated after the management review")
	assert.Equal(t, 2, v2.Version)
	assert.Equal(t, policy.Draft, v2.Status)
	assert.Equal(t, v1.Document, v2.Document)
	assert.NotEqual(t, v1.ID, v2.ID)
	assert.Equal(t, "objectives updated after the management review", v2.Changes)
	require.NoError(t, v1.Verify())
}

func TestRender_GoldenFiles(t *testing.T) {
	v1, err := composed().Approve("Ann (CEO)", approve)
	require.NoError(t, err)
	var md, html bytes.Buffer
	require.NoError(t, policy.WriteMarkdown(&md, v1))
	require.NoError(t, policy.WriteHTML(&html, v1))
	golden.Assert(t, filepath.Join("testdata", "policy.md"), md.Bytes())
	golden.Assert(t, filepath.Join("testdata", "policy.html"), html.Bytes())
	assert.Contains(t, md.String(), "# Ledger & Co information security policy")
	assert.Contains(t, html.String(), "<h1>Ledger &amp; Co information security policy</h1>", "HTML is escaped")
}

// genPolicy draws a variation of the composed policy: objectives and
// principles dropped or reordered, text changed, approved or not.
func genPolicy(t *rapid.T) policy.Policy {
	p := composed()
	p.Objectives = rapid.Permutation(p.Objectives).Draw(t, "objectives")[:rapid.IntRange(0, len(p.Objectives)).Draw(t, "nobj")]
	p.Principles = rapid.Permutation(p.Principles).Draw(t, "principles")[:rapid.IntRange(0, len(p.Principles)).Draw(t, "npr")]
	p.Purpose = rapid.StringMatching(`[A-Za-z &<>|,.]{0,80}`).Draw(t, "purpose")
	if rapid.Bool().Draw(t, "approve") {
		at := approve.AddDate(0, 0, rapid.IntRange(0, 400).Draw(t, "days"))
		p, _ = p.Approve("Ann (CEO)", at)
	}
	return p
}

func TestPolicy_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPolicy(t)
		now := approve.AddDate(0, rapid.IntRange(0, 24).Draw(t, "months"), 0)

		// Rendering is deterministic.
		var a, b bytes.Buffer
		require.NoError(t, policy.WriteHTML(&a, p))
		require.NoError(t, policy.WriteHTML(&b, p))
		assert.Equal(t, a.String(), b.String())
		assert.Equal(t, policy.RenderText(p), policy.RenderText(p))

		// The lint result survives a JSON round trip.
		raw, err := json.Marshal(p)
		require.NoError(t, err)
		var back policy.Policy
		require.NoError(t, json.Unmarshal(raw, &back))
		assert.Equal(t, policy.Lint(p, now), policy.Lint(back, now))
		require.NoError(t, back.Verify(), "an approved policy read back from JSON still verifies")

		// Approving never changes the content.
		if p.Status == policy.Draft {
			approved, err := p.Approve("Ann (CEO)", now)
			require.NoError(t, err)
			assert.Equal(t, p.ContentHash(), approved.ContentHash())
			assert.Equal(t, p.Purpose, approved.Purpose)
			assert.Equal(t, p.Objectives, approved.Objectives)
			assert.Equal(t, p.Principles, approved.Principles)
		}
	})
}

func TestCalendarItems_FromDeadlines(t *testing.T) {
	v1, err := composed().Approve("Ann (CEO)", approve)
	require.NoError(t, err)
	items := v1.CalendarItems("Europe/Helsinki")
	require.Len(t, items, 2)
	for _, a := range items {
		require.NoError(t, a.Validate())
	}
	assert.Equal(t, "Review the information security policy (version 1)", items[1].Title)
	assert.Empty(t, composed().CalendarItems("Europe/Helsinki"), "a draft has no deadlines")
}
