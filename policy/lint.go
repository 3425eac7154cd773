package policy

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
)

// Lint rule IDs.
const (
	RuleVagueObjective        = "policy/vague-objective"
	RuleObjectiveCount        = "policy/objective-count"
	RulePrincipleCount        = "policy/principle-count"
	RuleUnownedResponsibility = "policy/unowned-responsibility"
	RuleUnansweredRisk        = "policy/unanswered-risk"
	RuleUnlinkedPrinciple     = "policy/unlinked-principle"
	RuleProcedureDetail       = "policy/procedure-detail"
	RuleTooLong               = "policy/too-long"
	RuleMissingSection        = "policy/missing-section"
	RuleNotApproved           = "policy/not-approved"
	RuleReviewOverdue         = "policy/review-overdue"
	// RuleImprovement: the policy has no commitment to continual
	// improvement of the ISMS (clause 5.2 d); an error.
	RuleImprovement = "policy/continual-improvement"
	// RuleAvailability: the policy does not say where it is published (an
	// error, clause 5.2 g), that it is part of onboarding, or how
	// interested parties outside the organisation get it (warnings).
	RuleAvailability = "policy/availability"
	// RuleApprover: the policy was approved by someone other than the role
	// the context makes accountable for policy approval
	// (isms.AreaPolicyApproval), or the context names no such role; a
	// warning, checked only when LintOptions.Context names roles.
	RuleApprover = "policy/approver"
)

// LintOptions tunes Lint. The zero value runs every check that needs only
// the policy.
type LintOptions struct {
	// Context is the organisation's context. When it names any role, Lint
	// also checks that the approver holds the role accountable for policy
	// approval (RuleApprover); a zero Context skips that check.
	Context isms.OrgContext
}

// Length limits: the domain articles want a policy of 1–3 pages that a new
// employee understands in about ten minutes.
const (
	MaxWords       = 1500 // about three pages
	WordsPerMinute = 150  // reading speed of careful reading
)

// Lint checks a policy against clause 5.2 and the domain articles' advice
// at time now and returns advice, errors first, each with a code (one of the Rule
// constants), the location and a message a non-specialist understands. It
// works on any policy, valid or not: Validate refuses what cannot be
// stored, Lint says what would not convince an auditor.
func Lint(p Policy, now time.Time, opts LintOptions) []isms.Advice {
	p = clipTexts(p)
	var fs []isms.Advice
	add := func(rule string, sev isms.Severity, path, format string, args ...any) {
		fs = append(fs, isms.Advice{Code: rule, Severity: sev, Path: path, Message: fmt.Sprintf(format, args...)})
	}

	for _, s := range []struct{ path, name, text string }{
		{"purpose", "purpose", p.Purpose}, {"scope", "scope", p.Scope}, {"monitoring", "monitoring and review", p.Monitoring},
	} {
		if strings.TrimSpace(s.text) == "" {
			add(RuleMissingSection, isms.SeverityError, s.path, "the %s section is empty", s.name)
		}
	}
	for _, s := range []struct {
		path, name, hint string
		n                int
	}{
		{"objectives", "information security objectives", "", len(p.Objectives)}, {"principles", "principles", "", len(p.Principles)},
		{"responsibilities", "roles and responsibilities", "", len(p.Responsibilities)},
		{"commitments", "commitment to laws, contracts and requirements", "; clause 5.2 c asks the policy to commit to meeting the applicable requirements, so record them in the context", len(p.Commitments)},
	} {
		if s.n == 0 {
			add(RuleMissingSection, isms.SeverityError, s.path, "the %s section is empty%s", s.name, s.hint)
		}
	}
	switch imp := strings.TrimSpace(p.Improvement); {
	case imp == "":
		add(RuleImprovement, isms.SeverityError, "improvement", "the policy does not commit to continual improvement of the ISMS (clause 5.2 d); add a sentence saying how what monitoring, audits and incidents reveal leads to improvements")
	case !strings.Contains(asciiLower(imp), "improv"):
		add(RuleImprovement, isms.SeverityError, "improvement", "the improvement section does not say the ISMS is improved continually (clause 5.2 d)")
	}
	av := p.Availability
	if strings.TrimSpace(av.Location) == "" {
		add(RuleAvailability, isms.SeverityError, "availability.location", "the policy does not say where it is published (clause 5.2 g); name a place every employee finds it in under two minutes, such as the intranet or the document repository")
	}
	if !av.Onboarding {
		add(RuleAvailability, isms.SeverityWarning, "availability.onboarding", "the policy is not part of onboarding; give it to every new employee when they start")
	}
	if strings.TrimSpace(av.Parties) == "" {
		add(RuleAvailability, isms.SeverityWarning, "availability.parties", "the policy does not say how interested parties outside the organisation, such as customers and auditors, get it (clause 5.2 g)")
	}
	if p.Revision.Owner.IsZero() {
		add(RuleUnownedResponsibility, isms.SeverityError, "revision.owner", "the policy has no owner; name the role that maintains it, such as the IT manager")
	}

	for i, o := range p.Objectives {
		var missing []string
		for _, v := range isms.ValidationErrors(o.Validate()) {
			if v.Path == "metric" || v.Path == "target" || v.Path == "deadline" || v.Path == "owner" {
				missing = append(missing, v.Path)
			}
		}
		if len(missing) > 0 {
			add(RuleVagueObjective, isms.SeverityError, isms.Index("objectives", i), "objective %q is vague: it has no %s; write it as objective, metric, target and deadline, e.g. \"MFA for 100 %% of admin accounts within 3 months\"", o.Title, joinAnd(missing))
		}
	}
	if n := len(p.Objectives); n > 0 && (n < 3 || n > 5) {
		add(RuleObjectiveCount, isms.SeverityWarning, "objectives", "there are %d objectives; 3 to 5 for the next 12 months keep the policy focused", n)
	}
	if n := len(p.Principles); n > 0 && (n < 5 || n > 7) {
		add(RulePrincipleCount, isms.SeverityWarning, "principles", "there are %d principles; 5 to 7 short, stable principles are easier to remember", n)
	}

	for i, r := range p.Responsibilities {
		if r.Role.IsZero() || strings.TrimSpace(r.Name) == "" || isms.IsCollectiveName(r.Name) {
			add(RuleUnownedResponsibility, isms.SeverityError, isms.Index("responsibilities", i),
				"responsibility %q is held by nobody in particular; name a role such as the CEO or the IT manager", cmpOr(r.Name, r.Duties))
		}
	}

	answered := map[risk.ID]bool{}
	for i, pr := range p.Principles {
		for _, id := range pr.Risks {
			answered[id] = true
		}
		if len(pr.Risks) == 0 {
			add(RuleUnlinkedPrinciple, isms.SeverityWarning, isms.Index("principles", i), "principle %q answers none of the key risks; link it to a risk or drop it", pr.Statement)
		}
	}
	for i, k := range p.KeyRisks {
		if !answered[k.Risk] {
			add(RuleUnansweredRisk, isms.SeverityWarning, isms.Index("key_risks", i), "key risk %s %q has no principle answering it", k.Ref, k.Title)
		}
	}

	for _, t := range texts(p) {
		for _, m := range procedureDetail(t.text) {
			add(RuleProcedureDetail, isms.SeverityWarning, t.path, "%q is procedure-level detail; it belongs in a procedure, so the policy stays true when tools and schedules change", m)
		}
	}
	if words := WordCount(RenderText(p)); words > MaxWords {
		add(RuleTooLong, isms.SeverityWarning, "", "the policy has %d words, about %d pages and %d minutes of reading; aim for 1–3 pages that a new employee reads in ten minutes",
			words, (words+499)/500, (words+WordsPerMinute-1)/WordsPerMinute)
	}

	r := p.Revision
	switch {
	case r.Status != isms.Approved:
		add(RuleNotApproved, isms.SeverityWarning, "revision.status", "the policy is a draft; management must approve it before it is published")
	case strings.TrimSpace(r.Approval.Name) == "" || r.Approval.By.IsZero() || r.Approval.At.IsZero():
		add(RuleNotApproved, isms.SeverityError, "revision.approval", "the policy is marked approved but does not say who approved it and when")
	case !r.NextReview.IsZero() && now.After(r.NextReview):
		add(RuleReviewOverdue, isms.SeverityError, "revision.next_review", "the review was due on %s; review the policy and approve the next edition", r.NextReview.Format(time.DateOnly))
	}
	if len(opts.Context.Roles) > 0 && r.Status == isms.Approved {
		lintApprover(p, opts.Context, add)
	}
	isms.SortAdvice(fs)
	return fs
}

// lintApprover warns when the approval does not come from the role
// accountable for policy approval: top management approves the policy
// (clause 5.2), and the context says which role that is.
func lintApprover(p Policy, c isms.OrgContext, add func(rule string, sev isms.Severity, path, format string, args ...any)) {
	owner, name := roleFor(c, isms.AreaPolicyApproval)
	if owner.IsZero() {
		add(RuleApprover, isms.SeverityWarning, "revision.approval.by", "the context names no role accountable for %q, so nobody can tell whether top management approved the policy", isms.AreaPolicyApproval)
		return
	}
	by := p.Revision.Approval.By
	if by.IsZero() || by.Role == owner.Role {
		return // an approval by nobody is RuleNotApproved's
	}
	if !by.Person.IsZero() {
		if role, ok := c.Role(owner.Role); ok && slices.Contains(role.Holders, by.Person) {
			return
		}
	}
	add(RuleApprover, isms.SeverityWarning, "revision.approval.by", "the policy was approved by %s, but the %s is accountable for policy approval; top management (the %s) should approve it",
		cmpOr(p.Revision.Approval.Name, "someone else"), name, name)
}

type located struct{ path, text string }

// clip returns at most the first MaxTextLength bytes of text: Lint looks
// no further into a text Validate would refuse, so its work stays bounded.
func clip(text string) string {
	if len(text) > MaxTextLength {
		return text[:MaxTextLength]
	}
	return text
}

// clipTexts returns a copy of p whose every text is clipped: Lint's work,
// rendering and counting words included, stays bounded whatever p holds.
func clipTexts(p Policy) Policy {
	c := p.clone()
	for _, s := range []*string{&c.Organization, &c.Title, &c.Purpose, &c.Scope, &c.Monitoring, &c.Improvement, &c.Availability.Location, &c.Availability.Parties, &c.Revision.Changes} {
		*s = clip(*s)
	}
	for i := range c.Objectives {
		o := &c.Objectives[i]
		o.Title, o.Metric, o.Target.Unit = clip(o.Title), clip(o.Metric), clip(o.Target.Unit)
	}
	for i := range c.KeyRisks {
		k := &c.KeyRisks[i]
		k.Ref, k.Title, k.Band = clip(k.Ref), clip(k.Title), clip(k.Band)
	}
	for i := range c.Principles {
		pr := &c.Principles[i]
		pr.Statement, pr.Metric = clip(pr.Statement), clip(pr.Metric)
	}
	for i := range c.Responsibilities {
		r := &c.Responsibilities[i]
		r.Name, r.Duties = clip(r.Name), clip(r.Duties)
	}
	for i := range c.Commitments {
		cm := &c.Commitments[i]
		cm.Title, cm.Source = clip(cm.Title), clip(cm.Source)
	}
	return c
}

// texts lists the policy's free text with its location.
func texts(p Policy) []located {
	out := []located{{"purpose", p.Purpose}, {"scope", p.Scope}, {"monitoring", p.Monitoring}, {"improvement", p.Improvement},
		{"availability.parties", p.Availability.Parties}}
	for i, pr := range p.Principles {
		out = append(out, located{isms.JoinPath(isms.Index("principles", i), "statement"), pr.Statement})
	}
	for i, r := range p.Responsibilities {
		out = append(out, located{isms.JoinPath(isms.Index("responsibilities", i), "duties"), r.Duties})
	}
	return out
}

// Product names and phrasings that belong in procedures, not in a policy.
var (
	toolNames = []string{
		"microsoft 365", "office 365", "google workspace", "gmail", "outlook", "sharepoint", "onedrive", "slack", "jira",
		"confluence", "okta", "entra id", "azure ad", "active directory", "aws", "azure", "google cloud", "github", "gitlab",
		"bitbucket", "jamf", "intune", "crowdstrike", "sentinelone", "1password", "lastpass", "bitwarden", "dropbox",
		"zendesk", "salesforce", "veeam", "teamviewer", "zoom",
	}
	procedurePatterns = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\bstep \d+\b`),
		regexp.MustCompile(`(?i)\bclick(?:s|ing)?\b`),
		regexp.MustCompile(`(?i)\b(?:go|navigate) to\b`),
		regexp.MustCompile(`\b\d{1,2}:\d{2}\b`),
		regexp.MustCompile(`(?i)\bevery (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`),
		regexp.MustCompile(`(?i)\b(?:daily|nightly) at\b`),
	}
)

func procedureDetail(text string) []string {
	var out []string
	lower := asciiLower(text) // same length as text, so offsets carry over
	for _, name := range toolNames {
		if i := wordIndex(lower, name); i >= 0 {
			out = append(out, text[i:i+len(name)])
		}
	}
	for _, re := range procedurePatterns {
		if m := re.FindString(text); m != "" {
			out = append(out, m)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// asciiLower lowercases the ASCII letters of s only. Unlike
// strings.ToLower it keeps every byte offset ("İ" or "Ⱥ" change length when
// lowercased), so a match in the result can be quoted from s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// wordIndex finds name in s as whole words.
func wordIndex(s, name string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], name)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(name)
		if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			return i
		}
		from = i + 1
	}
}

func isWordByte(c byte) bool {
	return c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

// entities are the HTML entities cells.Markdown writes for &, < and >,
// without their "&".
var entities = []string{"amp;", "lt;", "gt;"}

// WordCount counts the words of a rendered text: whitespace-separated
// tokens with at least one letter or digit, so Markdown's table pipes and
// dashes, and the entity of an escaped "&", are not counted. It reads the
// text once, without copying it.
func WordCount(text string) int {
	n, counted := 0, false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			counted = false
		case r == '&':
			for _, e := range entities {
				if strings.HasPrefix(text[i+1:], e) {
					size += len(e)
					break
				}
			}
		case !counted && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			n, counted = n+1, true
		}
		i += size
	}
	return n
}
