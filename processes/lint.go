package processes

import (
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Lint rule codes (isms.Advice.Code).
const (
	// RuleNoOwner: the process has no owner; an error (the domain articles:
	// every critical process has an owner).
	RuleNoOwner = "process/no-owner"
	// RuleNoSteps: the process lists no steps; an error.
	RuleNoSteps = "process/no-steps"
	// RuleNoEvidence: the process names no record kind that proves it
	// runs; an error.
	RuleNoEvidence = "process/no-evidence"
	// RuleRestatesPolicy: a step merely restates the policy ("follow the
	// policy", or a step that repeats a policy statement given in
	// LintOptions.Policy) instead of saying who does what; a warning.
	RuleRestatesPolicy = "process/restates-policy"
	// RuleReviewOverdue: the process was never reviewed or not within
	// ReviewMonths; a warning.
	RuleReviewOverdue = "process/review-overdue"
	// RuleCoreMissing: one of the core processes (Cores) is not described;
	// a warning.
	RuleCoreMissing = "process/core-missing"
	// RuleLeavers: the access control process has no step for leavers
	// (access removed within 24 hours of the end of employment); a warning.
	RuleLeavers = "process/access-leavers"
)

// ReviewMonths is how often a process description is reviewed: at least
// yearly, as the domain articles ask.
const ReviewMonths = 12

// restateOverlap is the share of a step's words that, all found in one
// policy statement, make the step a restatement of the policy. Steps of
// fewer than restateMinWords words are not compared.
const (
	restateOverlap  = 0.8
	restateMinWords = 4
)

// LintOptions tunes Lint. The zero value runs every rule; the policy
// comparison needs Policy.
type LintOptions struct {
	// Policy holds the policy's statements (its principles, say), so that
	// a step that only repeats one of them is flagged (RuleRestatesPolicy).
	Policy []string
}

// Lint checks the process descriptions at time now and returns advice,
// errors first, each with a code (one of the Rule constants), the path and
// the reason. It works on any register, valid or not.
func Lint(reg Register, now time.Time, opts LintOptions) []isms.Advice {
	var out []isms.Advice
	policy := make([]map[string]bool, 0, len(opts.Policy))
	for _, s := range opts.Policy {
		policy = append(policy, wordSet(s))
	}
	for i, x := range reg.Processes {
		path := isms.Index("processes", i)
		add := func(code string, sev isms.Severity, field, format string, args ...any) {
			out = append(out, isms.Advice{Code: code, Severity: sev, Path: isms.JoinPath(path, field),
				Message: x.Label() + ": " + fmt.Sprintf(format, args...)})
		}
		if x.Owner.IsZero() {
			add(RuleNoOwner, isms.SeverityError, "owner", "it has no owner; name the role that runs it and answers for it")
		}
		if len(x.Steps) == 0 {
			add(RuleNoSteps, isms.SeverityError, "steps", "it lists no steps; write the few steps people actually follow")
		}
		if len(x.Evidence) == 0 {
			add(RuleNoEvidence, isms.SeverityError, "evidence", "it names no record that proves it runs; list the record kinds it produces, such as %s", strings.Join(EvidenceKinds()[:3], ", "))
		}
		for k, s := range x.Steps {
			if restates(s, policy) {
				add(RuleRestatesPolicy, isms.SeverityWarning, isms.Index("steps", k),
					"step %s only restates the policy; say who does what and by when", isms.Quote(s))
			}
		}
		switch {
		case x.LastReview.IsZero():
			add(RuleReviewOverdue, isms.SeverityWarning, "last_review", "it was never reviewed; review it at least every %d months", ReviewMonths)
		case x.LastReview.AddDate(0, ReviewMonths, 0).Before(now):
			add(RuleReviewOverdue, isms.SeverityWarning, "last_review", "it was last reviewed on %s, more than %d months ago", x.LastReview.Format(time.DateOnly), ReviewMonths)
		}
		if x.Core == CoreAccessControl && !mentionsLeavers(x.Steps) {
			add(RuleLeavers, isms.SeverityWarning, "steps", "no step removes the access of people who leave; add one, such as \"access removed within 24 hours of the end of employment\"")
		}
	}
	for _, k := range cores {
		if _, ok := reg.ByCore(k); !ok {
			out = append(out, isms.Advice{Code: RuleCoreMissing, Severity: isms.SeverityWarning, Path: "processes",
				Message: fmt.Sprintf("no process describes %s, one of the core processes every SME is expected to describe", strings.ReplaceAll(string(k), "_", " "))})
		}
	}
	isms.SortAdvice(out)
	return out
}

// deferWords mark a step that only defers to the policy.
var deferWords = []string{"follow the policy", "comply with the policy", "according to the policy", "in accordance with the policy", "as the policy says", "per the policy", "as per policy", "follow policy", "comply with policy"}

func restates(step string, policy []map[string]bool) bool {
	low := strings.ToLower(strings.Join(strings.Fields(step), " "))
	for _, w := range deferWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	words := wordList(step)
	if len(words) < restateMinWords {
		return false
	}
	for _, set := range policy {
		hit := 0
		for _, w := range words {
			if set[w] {
				hit++
			}
		}
		if float64(hit) >= restateOverlap*float64(len(words)) {
			return true
		}
	}
	return false
}

// wordList returns the lower-case words of s, letters and digits only.
func wordList(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range wordList(s) {
		out[w] = true
	}
	return out
}

var leaverWords = []string{"leaver", "leaves", "leaving", "departing", "termination", "end of employment", "offboard"}

func mentionsLeavers(steps []string) bool {
	for _, s := range steps {
		low := strings.ToLower(s)
		for _, w := range leaverWords {
			if strings.Contains(low, w) {
				return true
			}
		}
	}
	return false
}
