package policy_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/internal/golden"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
)

func paths(err error) []string {
	var out []string
	for _, v := range isms.ValidationErrors(err) {
		out = append(out, v.Path)
	}
	return out
}

func TestApprove_EditionsAndDuties(t *testing.T) {
	draft := composed()
	collective := approval(approve)
	collective.Name = "the organization"
	_, err := draft.Approve(collective)
	require.ErrorIs(t, err, isms.ErrInvalid)
	assert.Equal(t, []string{"revision.approval.name"}, paths(err))

	empty := policy.Policy{}
	_, err = empty.Approve(approval(approve))
	require.ErrorIs(t, err, isms.ErrInvalid, "an empty policy cannot be approved")
	assert.Contains(t, paths(err), "purpose")

	v1, err := draft.Approve(approval(approve))
	require.NoError(t, err)
	assert.Equal(t, isms.Approved, v1.Revision.Status)
	assert.Equal(t, "Ann (CEO)", v1.Revision.Approval.Name)
	assert.Equal(t, approve.AddDate(1, 0, 0), v1.Revision.NextReview, "reviewed 12 months after approval by default")
	require.NoError(t, v1.Verify())
	require.NoError(t, v1.Validate())
	assert.Equal(t, isms.Draft, draft.Revision.Status, "approval returns a new value")
	assert.Equal(t, "Edition 1 · Owner: IT manager · Approved by: Ann (CEO) · Approved on: 2026-11-16 · Next review: 2027-11-16", v1.RevisionLine())

	later := draft
	later.Revision.NextReview = approve.AddDate(0, 6, 0)
	v1b, err := later.Approve(approval(approve))
	require.NoError(t, err)
	assert.Equal(t, approve.AddDate(0, 6, 0), v1b.Revision.NextReview, "a next review set before approval is kept")

	_, err = v1.Approve(approval(approve))
	assert.Equal(t, []string{"revision.status"}, paths(err), "an approved edition cannot be approved again")

	// The hash covers the content and everything the approval asserts.
	for name, change := range map[string]func(p *policy.Policy){
		"purpose":       func(p *policy.Policy) { p.Purpose = "changed" },
		"approver name": func(p *policy.Policy) { p.Revision.Approval.Name = "Ben (CEO)" },
		"approver":      func(p *policy.Policy) { p.Revision.Approval.By = isms.OwnedByRole(itm) },
		"approval date": func(p *policy.Policy) { p.Revision.Approval.At = approve.AddDate(0, 0, -1) },
		"next review":   func(p *policy.Policy) { p.Revision.NextReview = approve.AddDate(3, 0, 0) },
		"owner":         func(p *policy.Policy) { p.Revision.Owner = isms.OwnedByRole(ceo) },
	} {
		edited := v1
		change(&edited)
		require.ErrorIs(t, edited.Verify(), isms.ErrConflict, name)
		assert.Contains(t, paths(edited.Validate()), "revision.hash", name)
	}
	require.NoError(t, v1.Verify())
}

func TestRevise_StartsTheNextEdition(t *testing.T) {
	v1, err := composed().Approve(approval(approve))
	require.NoError(t, err)
	v2 := policy.Revise(v1, composed(), "objectives updated after the management review")
	assert.Equal(t, 2, v2.Revision.Edition)
	assert.Equal(t, isms.Draft, v2.Revision.Status)
	assert.Equal(t, v1.Revision.Document, v2.Revision.Document)
	assert.Equal(t, v1.Revision.Owner, v2.Revision.Owner)
	assert.True(t, v2.Revision.Approval.IsZero())
	assert.Empty(t, v2.Revision.Hash)
	assert.Equal(t, policy.VersionID(v1.Revision.Document, 2), v2.ID)
	assert.NotEqual(t, v1.ID, v2.ID)
	assert.Equal(t, "objectives updated after the management review", v2.Revision.Changes)
	require.NoError(t, v2.Validate())
	require.NoError(t, v1.Verify())
	assert.Empty(t, v2.Duties(), "a draft creates no duties")
}

func TestDuties_CommunicateAndReview(t *testing.T) {
	v1, err := composed().Approve(approval(approve))
	require.NoError(t, err)
	assert.Equal(t, []isms.Duty{
		{
			ID: isms.DeriveID[isms.Duty](v1.ID.UUID(), "deadline 0"), Title: "Communicate policy edition 1 to all staff",
			Kind: isms.DutyPolicyCommunication, Due: approve.AddDate(0, 0, policy.CommunicationDays), Owner: isms.OwnedByRole(itm),
			Evidence: "every employee told where to find the policy, with a record of how and when", Source: "policy edition 1",
		},
		{
			ID: isms.DeriveID[isms.Duty](v1.ID.UUID(), "deadline 1"), Title: "Review the information security policy (edition 1)",
			Kind: isms.DutyPolicyReview, Due: approve.AddDate(1, 0, 0), Owner: isms.OwnedByRole(itm),
			Evidence: "policy reviewed and the next edition approved, or the review recorded", Source: "policy edition 1",
		},
	}, v1.Duties())
	assert.Empty(t, composed().Duties(), "a draft creates no duties")
}

func TestValidate_EachProblemAtItsPath(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(p *policy.Policy)
		want   []string
	}{
		{"no title", func(p *policy.Policy) { p.Title = " " }, []string{"title"}},
		{"no purpose", func(p *policy.Policy) { p.Purpose = "" }, []string{"purpose"}},
		{"no scope", func(p *policy.Policy) { p.Scope = "\n" }, []string{"scope"}},
		{"no objectives", func(p *policy.Policy) {
			p.Objectives = nil
			for i := range p.Principles {
				p.Principles[i].Objectives = nil
			}
		}, []string{"objectives"}},
		{"principle measured by an objective the policy lacks", func(p *policy.Policy) {
			p.Principles[0].Objectives = append(p.Principles[0].Objectives, isms.DeriveID[isms.Objective](ns, "elsewhere"))
		}, []string{"principles[0].objectives[0]"}},
		{"vague objective", func(p *policy.Policy) { p.Objectives[1].Metric, p.Objectives[1].Deadline = "", time.Time{} },
			[]string{"objectives[1].metric", "objectives[1].deadline"}},
		{"objective in year 10000", func(p *policy.Policy) { p.Objectives[0].Deadline = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) },
			[]string{"objectives[0].deadline"}},
		{"no principles", func(p *policy.Policy) { p.Principles = nil }, []string{"principles"}},
		{"principle without statement", func(p *policy.Policy) { p.Principles[2].Statement = "" }, []string{"principles[2].statement"}},
		{"principle answers a risk that is not key", func(p *policy.Policy) { p.KeyRisks = p.KeyRisks[1:] },
			[]string{"principles[0].risks[0]", "principles[3].risks[0]"}},
		{"key risk without ID", func(p *policy.Policy) { p.KeyRisks[0].Risk = risk.ID{} }, nil},
		{"no responsibilities", func(p *policy.Policy) { p.Responsibilities = nil }, []string{"responsibilities", "revision.owner"}},
		{"responsibility of the organisation", func(p *policy.Policy) { p.Responsibilities[2].Name = "The organization" },
			[]string{"responsibilities[2].name"}},
		{"responsibility without role or duties", func(p *policy.Policy) { p.Responsibilities[2].Role, p.Responsibilities[2].Duties = isms.RoleID{}, "" },
			[]string{"responsibilities[2].role", "responsibilities[2].duties"}},
		{"commitment without requirement", func(p *policy.Policy) { p.Commitments[0].Requirement = isms.RequirementID{} },
			[]string{"commitments[0].requirement"}},
		{"no owner", func(p *policy.Policy) { p.Revision.Owner = isms.Owner{} }, []string{"revision.owner"}},
		{"a person as owner", func(p *policy.Policy) { p.Revision.Owner = isms.OwnedByPerson(ben) }, []string{"revision.owner"}},
		{"owner not among the roles", func(p *policy.Policy) { p.Responsibilities = p.Responsibilities[:1] }, []string{"revision.owner"}},
		{"status final", func(p *policy.Policy) { p.Revision.Status = "final" }, []string{"revision.status"}},
		{"no edition", func(p *policy.Policy) { p.Revision.Edition = 0 }, []string{"revision.edition"}},
		{"no ID", func(p *policy.Policy) { p.ID = policy.ID{} }, []string{"id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := composed()
			tt.break_(&p)
			err := p.Validate()
			if tt.want == nil { // the key risk's principles fail too
				assert.Contains(t, paths(err), "key_risks[0].risk")
				return
			}
			require.ErrorIs(t, err, isms.ErrInvalid)
			assert.Equal(t, tt.want, paths(err))
		})
	}
}

func TestCheckRefs_AgainstTheContext(t *testing.T) {
	v1, err := composed().Approve(approval(approve))
	require.NoError(t, err)
	require.NoError(t, v1.CheckRefs(context()))

	other := context()
	other.Roles = other.Roles[:1]               // only the CEO
	other.Requirements = other.Requirements[1:] // without GDPR
	other.Objectives = other.Objectives[1:]     // without the leavers' objective
	assert.Equal(t, []string{
		"responsibilities[1].role", "responsibilities[2].role", "commitments[0].requirement",
		"objectives[0].owner.role", "objectives[1].owner.role", "objectives[2].id", "objectives[2].owner.role",
		"revision.owner.role",
	}, paths(v1.CheckRefs(other)))
	assert.NotEmpty(t, paths(v1.CheckRefs(isms.OrgContext{})), "a zero context resolves nothing, and does not panic")
}

func TestRender_GoldenFiles(t *testing.T) {
	v1, err := composed().Approve(approval(approve))
	require.NoError(t, err)
	var md, html, js bytes.Buffer
	require.NoError(t, policy.WriteMarkdown(&md, v1, policy.MarkdownOptions{}))
	require.NoError(t, policy.WriteHTML(&html, v1, policy.HTMLOptions{}))
	require.NoError(t, policy.WriteJSON(&js, v1, policy.JSONOptions{}))
	golden.Assert(t, filepath.Join("testdata", "policy.md"), md.Bytes())
	golden.Assert(t, filepath.Join("testdata", "policy.html"), html.Bytes())
	golden.Assert(t, filepath.Join("testdata", "policy.json"), js.Bytes())
	assert.Contains(t, md.String(), "# Ledger & Co information security policy")
	assert.Contains(t, html.String(), "<h1>Ledger &amp; Co information security policy</h1>", "HTML is escaped")

	// Read back, the approved edition verifies and renders the same.
	back, err := policy.Decode(bytes.NewReader(js.Bytes()))
	require.NoError(t, err)
	require.NoError(t, back.Verify())
	var again bytes.Buffer
	require.NoError(t, policy.WriteJSON(&again, back, policy.JSONOptions{}))
	assert.Equal(t, js.String(), again.String())
	_, err = policy.Decode(strings.NewReader(strings.Replace(js.String(), `"Ann (CEO)"`, `"Ben (CEO)"`, 1)))
	assert.Equal(t, []string{"revision.hash"}, paths(err), "an edited approval is refused")
}

// Hostile text in the title, a principle, a role name and the approver's
// name cannot break a table, inject HTML or reorder the text.
func TestRender_HostileText(t *testing.T) {
	p := composed()
	p.Title = "Evil | policy\n# =cmd|' /C calc'!A1"
	p.Principles[0].Statement = "line one\nline two | <script>alert(1)</script>"
	p.Responsibilities[1].Name = "IT \u202emanager"
	p.Objectives[0].Title = "=cmd|' /C calc'!A1 | more"
	p.Revision.Changes = "<script>alert(1)</script>\nsecond line"
	p.Revision.Status = isms.Approved
	p.Revision.Approval = approval(approve)
	p.Revision.Approval.Name = "Ann | <b>CEO</b>\n\u202e"
	var md, html bytes.Buffer
	require.NoError(t, policy.WriteMarkdown(&md, p, policy.MarkdownOptions{}))
	require.NoError(t, policy.WriteHTML(&html, p, policy.HTMLOptions{}))
	golden.Assert(t, filepath.Join("testdata", "hostile.md"), md.Bytes())
	golden.Assert(t, filepath.Join("testdata", "hostile.html"), html.Bytes())
	assert.NotContains(t, md.String(), "<script>")
	assert.NotContains(t, md.String(), "\u202e")
	assert.NotContains(t, html.String(), "<script>")
	assert.NotContains(t, html.String(), "<b>CEO")
	for _, line := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| Objective") && !strings.HasPrefix(line, "| Principle") {
			cells := strings.Count(line, "|") - strings.Count(line, `\|`)
			assert.Contains(t, []int{4, 5}, cells, "a table row stays one row: %s", line)
		}
	}
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
		if approved, err := p.Approve(approval(at)); err == nil {
			p = approved
		}
	}
	return p
}

func TestPolicy_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPolicy(t)
		now := approve.AddDate(0, rapid.IntRange(0, 24).Draw(t, "months"), 0)

		// Rendering is deterministic.
		var a, b bytes.Buffer
		require.NoError(t, policy.WriteHTML(&a, p, policy.HTMLOptions{}))
		require.NoError(t, policy.WriteHTML(&b, p, policy.HTMLOptions{}))
		assert.Equal(t, a.String(), b.String())
		assert.Equal(t, policy.RenderText(p), policy.RenderText(p))

		// The lint result survives a JSON round trip.
		raw, err := json.Marshal(p)
		require.NoError(t, err)
		var back policy.Policy
		require.NoError(t, json.Unmarshal(raw, &back))
		assert.Equal(t, policy.Lint(p, now, policy.LintOptions{}), policy.Lint(back, now, policy.LintOptions{}))
		require.NoError(t, back.Verify(), "an approved policy read back from JSON still verifies")

		// Approval fails exactly when the policy does not validate, and
		// never changes the content.
		if p.Revision.Status == isms.Draft {
			approved, err := p.Approve(approval(now))
			if p.Validate() != nil {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, p.Purpose, approved.Purpose)
			assert.Equal(t, p.Objectives, approved.Objectives)
			assert.Equal(t, p.Principles, approved.Principles)
			require.NoError(t, approved.Validate())
		}
	})
}
