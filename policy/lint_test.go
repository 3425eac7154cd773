package policy_test

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/policy"
	"github.com/ismskit/ismskit/risk"
)

func has(fs []isms.Advice, rule, path string) (isms.Advice, bool) {
	for _, f := range fs {
		if f.Code == rule && f.Path == path {
			return f, true
		}
	}
	return isms.Advice{}, false
}

func approvedPolicy(t *testing.T) policy.Policy {
	t.Helper()
	p, err := composed().Approve(approval(approve))
	require.NoError(t, err)
	return p
}

// Each rule fires on a policy that breaks it (positive) and stays silent on
// the clean, approved policy (negative).
func TestLint_EveryRule(t *testing.T) {
	for _, f := range policy.Lint(approvedPolicy(t), approve, policy.LintOptions{}) {
		t.Errorf("the clean policy has a finding: %s", f)
	}
	tests := []struct {
		name   string
		break_ func(p *policy.Policy)
		rule   string
		path   string
		sev    isms.Severity
	}{
		{"vague objective", func(p *policy.Policy) { p.Objectives[0] = isms.Objective{Title: "Improve information security"} },
			policy.RuleVagueObjective, "objectives[0]", isms.SeverityError},
		{"too few objectives", func(p *policy.Policy) { p.Objectives = p.Objectives[:2] }, policy.RuleObjectiveCount, "objectives", isms.SeverityWarning},
		{"too many objectives", func(p *policy.Policy) { p.Objectives = append(p.Objectives, p.Objectives...) }, policy.RuleObjectiveCount, "objectives", isms.SeverityWarning},
		{"too few principles", func(p *policy.Policy) { p.Principles = p.Principles[:4] }, policy.RulePrincipleCount, "principles", isms.SeverityWarning},
		{"too many principles", func(p *policy.Policy) { p.Principles = append(p.Principles, p.Principles[:3]...) }, policy.RulePrincipleCount, "principles", isms.SeverityWarning},
		{"responsibility held by the organisation", func(p *policy.Policy) { p.Responsibilities[1].Name = "The organization" },
			policy.RuleUnownedResponsibility, "responsibilities[1]", isms.SeverityError},
		{"responsibility held by nobody", func(p *policy.Policy) { p.Responsibilities[0].Role = isms.RoleID{} },
			policy.RuleUnownedResponsibility, "responsibilities[0]", isms.SeverityError},
		{"no owner", func(p *policy.Policy) { p.Revision.Owner = isms.Owner{} }, policy.RuleUnownedResponsibility, "revision.owner", isms.SeverityError},
		{"key risk nobody answers", func(p *policy.Policy) {
			for i := range p.Principles {
				p.Principles[i].Risks = removeRisk(p.Principles[i].Risks, p.KeyRisks[0].Risk)
			}
		}, policy.RuleUnansweredRisk, "key_risks[0]", isms.SeverityWarning},
		{"principle linked to no risk", func(p *policy.Policy) { p.Principles[2].Risks = nil }, policy.RuleUnlinkedPrinciple, "principles[2]", isms.SeverityWarning},
		{"tool name", func(p *policy.Policy) { p.Principles[1].Statement = "Access is managed in Okta by the IT manager." },
			policy.RuleProcedureDetail, "principles[1].statement", isms.SeverityWarning},
		{"step-by-step", func(p *policy.Policy) { p.Monitoring += " Step 1: open the admin page and click Export." },
			policy.RuleProcedureDetail, "monitoring", isms.SeverityWarning},
		{"exact schedule", func(p *policy.Policy) { p.Responsibilities[1].Duties = "Checks the backups every Monday at 09:00." },
			policy.RuleProcedureDetail, "responsibilities[1].duties", isms.SeverityWarning},
		{"too long", func(p *policy.Policy) { p.Scope += strings.Repeat(" The scope covers everything we do.", 300) }, policy.RuleTooLong, "", isms.SeverityWarning},
		{"missing section", func(p *policy.Policy) { p.Purpose = " " }, policy.RuleMissingSection, "purpose", isms.SeverityError},
		{"missing commitments", func(p *policy.Policy) { p.Commitments = nil }, policy.RuleMissingSection, "commitments", isms.SeverityError},
		{"draft", func(p *policy.Policy) { p.Revision.Status = isms.Draft }, policy.RuleNotApproved, "revision.status", isms.SeverityWarning},
		{"approved by nobody", func(p *policy.Policy) { p.Revision.Approval.Name = "" }, policy.RuleNotApproved, "revision.approval", isms.SeverityError},
		{"review overdue", func(p *policy.Policy) { p.Revision.NextReview = approve.Add(-time.Hour) }, policy.RuleReviewOverdue, "revision.next_review", isms.SeverityError},
		{"no commitment to continual improvement (5.2 d)", func(p *policy.Policy) { p.Improvement = "" }, policy.RuleImprovement, "improvement", isms.SeverityError},
		{"improvement text that commits to nothing", func(p *policy.Policy) { p.Improvement = "We value security." }, policy.RuleImprovement, "improvement", isms.SeverityError},
		{"not published anywhere (5.2 g)", func(p *policy.Policy) { p.Availability.Location = " " }, policy.RuleAvailability, "availability.location", isms.SeverityError},
		{"not part of onboarding", func(p *policy.Policy) { p.Availability.Onboarding = false }, policy.RuleAvailability, "availability.onboarding", isms.SeverityWarning},
		{"no word on interested parties", func(p *policy.Policy) { p.Availability.Parties = "" }, policy.RuleAvailability, "availability.parties", isms.SeverityWarning},
		{"no commitment to requirements (5.2 c)", func(p *policy.Policy) { p.Commitments = nil }, policy.RuleMissingSection, "commitments", isms.SeverityError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := approvedPolicy(t)
			tt.break_(&p)
			f, ok := has(policy.Lint(p, approve, policy.LintOptions{}), tt.rule, tt.path)
			require.True(t, ok, "no %s finding at %q in %v", tt.rule, tt.path, policy.Lint(p, approve, policy.LintOptions{}))
			assert.Equal(t, tt.sev, f.Severity)
			assert.NotEmpty(t, f.Message)
		})
	}
}

func TestLint_ProcedureDetailNeedsWholeWords(t *testing.T) {
	p := approvedPolicy(t)
	p.Purpose = "We protect data in the cloud and across Jiratown's gateway." // "aws" inside "laws" must not match either
	p.Scope = "Applies to all laws and contracts."
	_, found := has(policy.Lint(p, approve, policy.LintOptions{}), policy.RuleProcedureDetail, "purpose")
	assert.False(t, found)
	_, found = has(policy.Lint(p, approve, policy.LintOptions{}), policy.RuleProcedureDetail, "scope")
	assert.False(t, found)
}

func TestLint_MessageSaysWhatIsVague(t *testing.T) {
	p := approvedPolicy(t)
	p.Objectives[1].Metric, p.Objectives[1].Deadline = "", time.Time{}
	f, ok := has(policy.Lint(p, approve, policy.LintOptions{}), policy.RuleVagueObjective, "objectives[1]")
	require.True(t, ok)
	assert.Contains(t, f.Message, "it has no metric and deadline")
}

func removeRisk(ids []risk.ID, drop risk.ID) []risk.ID {
	var out []risk.ID
	for _, id := range ids {
		if id != drop {
			out = append(out, id)
		}
	}
	return out
}

func TestWordCount_IgnoresMarkup(t *testing.T) {
	assert.Equal(t, 4, policy.WordCount("| Objective | Metric |\n|---|---|\n| MFA 100 % |"))
}

// TestLint_TextThatChangesLengthWhenLowercased: Lint found tool names in
// the lowercased text and quoted the original at the same byte offsets; a
// letter whose lowercase is longer ("Ⱥ") made that a slice out of range
// (a panic), and one whose lowercase is shorter ("İ") quoted the wrong
// bytes.
func TestLint_TextThatChangesLengthWhenLowercased(t *testing.T) {
	for _, purpose := range []string{"ȺȺȺȺȺȺ uses aws", "İİİİİİ uses aws", "ȺȺȺȺ uses AWS and Slack"} {
		p := composed()
		p.Purpose = purpose
		var quoted []string
		require.NotPanics(t, func() {
			for _, f := range policy.Lint(p, approve, policy.LintOptions{}) {
				if f.Code == policy.RuleProcedureDetail && f.Path == "purpose" {
					quoted = append(quoted, f.Message)
				}
			}
		}, purpose)
		require.NotEmpty(t, quoted, purpose)
		for _, q := range quoted {
			assert.True(t, utf8.ValidString(q), q)
			assert.Regexp(t, `"(aws|AWS|Slack)"`, q, purpose)
		}
	}
}

// TestWordCount_SameAsSplittingOnSpace: WordCount reads the text once; it
// counts what strings.Fields and removing the entities counted.
func TestWordCount_SameAsSplittingOnSpace(t *testing.T) {
	entity := regexp.MustCompile(`&(?:amp|lt|gt);`)
	reference := func(text string) int {
		n := 0
		for _, f := range strings.Fields(text) {
			f = entity.ReplaceAllString(f, "")
			if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				n++
			}
		}
		return n
	}
	rapid.Check(t, func(t *rapid.T) {
		parts := rapid.SliceOf(rapid.SampledFrom([]string{"a", "Ä", "7", " ", "\n", "\u00a0", "|", "-", "&", "amp;", "&amp;", "&lt;", "gt;", "\xff", "R&amp;D"})).Draw(t, "parts")
		text := strings.Join(parts, "")
		if got, want := policy.WordCount(text), reference(text); got != want {
			t.Fatalf("WordCount(%q) = %d, want %d", text, got, want)
		}
	})
}

// TestLint_LongTextIsBoundedWork: a 15 MB purpose (what a workbook under
// its size limit can carry) used to take about six seconds in Lint's
// regular expressions; Validate refuses it naming MaxTextLength, and Lint
// reads only the first MaxTextLength bytes of every text, so it finds the
// same as for the clipped text (and the benchmark shows the work bounded).
func TestLint_LongTextIsBoundedWork(t *testing.T) {
	p := composed()
	p.Purpose = strings.Repeat("the quick brown fox jumps over ", 500_000)
	clipped := p
	clipped.Purpose = p.Purpose[:policy.MaxTextLength]
	assert.Equal(t, policy.Lint(clipped, approve, policy.LintOptions{}), policy.Lint(p, approve, policy.LintOptions{}))
	err := p.Validate()
	require.ErrorIs(t, err, isms.ErrInvalid)
	require.Len(t, isms.ValidationErrors(err), 1)
	assert.Equal(t, "purpose", isms.ValidationErrors(err)[0].Path)
	assert.Contains(t, err.Error(), "MaxTextLength")
	p.Purpose = p.Purpose[:policy.MaxTextLength]
	require.NoError(t, p.Validate(), "exactly MaxTextLength is allowed")
}

// BenchmarkLint_15MBPurpose: go test -run '^$' -bench Lint_15MB ./policy
func BenchmarkLint_15MBPurpose(b *testing.B) {
	p := composed()
	p.Purpose = strings.Repeat("the quick brown fox jumps over ", 500_000)
	for b.Loop() {
		policy.Lint(p, approve, policy.LintOptions{})
	}
}

func TestLint_ImprovementAndAvailabilityAreInTheComposedPolicy(t *testing.T) {
	p := composed()
	assert.Contains(t, p.Improvement, "improving its information security management system continually")
	assert.Equal(t, "in the management system's document repository", p.Availability.Location)
	assert.True(t, p.Availability.Onboarding)
	text := policy.RenderText(p)
	assert.Contains(t, text, "## 8. Availability and communication")
	assert.Contains(t, text, "where every employee can find it in under two minutes")
	assert.Contains(t, text, "part of onboarding")
	for _, f := range policy.Lint(p, approve, policy.LintOptions{}) {
		assert.NotContains(t, []string{policy.RuleImprovement, policy.RuleAvailability}, f.Code, "%s", f)
	}
}

func TestCompose_AvailabilityGivenIsKept(t *testing.T) {
	p, err := policy.Compose(policy.ComposeInput{Context: context(), Register: register(),
		Availability: policy.Availability{Location: "on the intranet's ISMS page", Parties: "Clients receive it with the engagement letter."}})
	require.NoError(t, err)
	assert.Equal(t, policy.Availability{Location: "on the intranet's ISMS page", Onboarding: true, Parties: "Clients receive it with the engagement letter."}, p.Availability)
}

// TestLint_ApproverIsTopManagement: with the context, Lint warns when the
// approver is not the role accountable for policy approval (positive) and
// is silent when it is, by role or by a person holding it (negative).
func TestLint_ApproverIsTopManagement(t *testing.T) {
	c := context()
	opts := policy.LintOptions{Context: c}
	byRole := func(o isms.Owner) policy.Policy {
		p, err := composed().Approve(c.Approval(o, approve))
		require.NoError(t, err)
		return p
	}
	assert.Empty(t, policy.Lint(byRole(isms.OwnedByRole(ceo)), approve, opts), "the CEO approves")
	assert.Empty(t, policy.Lint(byRole(isms.OwnedByPerson(ann)), approve, opts), "Ann holds the CEO role")

	byITManager := byRole(isms.OwnedByRole(itm))
	f, ok := has(policy.Lint(byITManager, approve, opts), policy.RuleApprover, "revision.approval.by")
	require.True(t, ok)
	assert.Equal(t, isms.SeverityWarning, f.Severity)
	assert.Contains(t, f.Message, "the CEO is accountable for policy approval")
	assert.Empty(t, policy.Lint(byITManager, approve, policy.LintOptions{}), "zero options: today's checks only")
	_, ok = has(policy.Lint(byRole(isms.OwnedByPerson(ben)), approve, opts), policy.RuleApprover, "revision.approval.by")
	assert.True(t, ok, "Ben does not hold the CEO role")

	noArea := c
	noArea.Responsibilities = noArea.Responsibilities[1:]
	f, ok = has(policy.Lint(byRole(isms.OwnedByRole(ceo)), approve, policy.LintOptions{Context: noArea}), policy.RuleApprover, "revision.approval.by")
	require.True(t, ok, "a context that names no approver")
	assert.Contains(t, f.Message, isms.AreaPolicyApproval)

	_, ok = has(policy.Lint(composed(), approve, opts), policy.RuleApprover, "revision.approval.by")
	assert.False(t, ok, "a draft has no approver to check")
}
