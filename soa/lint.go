package soa

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// Lint rule IDs. Errors block approval (Approve refuses the SoA and lists
// them); warnings and info are recorded in the approved edition
// (SoA.Warnings).
const (
	// RuleUndecided (error): nobody has decided whether the control
	// applies; clause 6.1.3 c asks that no control is overlooked.
	RuleUndecided = "soa/undecided"
	// RuleAdditionalUndescribed (error): a control beyond the catalogue has
	// no title; describe it in Input.Custom.
	RuleAdditionalUndescribed = "soa/additional-undescribed"
	// RuleJustificationMissing (error): an exclusion without a
	// justification, or with a placeholder ("N/A", "TBD").
	RuleJustificationMissing = "soa/justification-missing"
	// RuleJustificationShort (error): an exclusion justified in fewer than
	// MinJustificationWords words.
	RuleJustificationShort = "soa/justification-too-short"
	// RuleJustificationGeneric (error): an exclusion justified by a stock
	// phrase ("not needed", "not relevant", "too small", "not applicable
	// to us") with fewer than MinSpecificWords words of substance beside it.
	RuleJustificationGeneric = "soa/justification-generic"
	// RuleExclusionContradicted: an exclusion of a control the
	// organisation's own data proposes (ProposalRules): an error for a
	// rule's Blocking controls (6.7 with remote work in scope, 8.8 with a
	// patching objective or a vulnerability risk, 5.34 with personal-data
	// requirements, …), a warning for the others.
	RuleExclusionContradicted = "soa/exclusion-contradicted"
	// RuleBaselineExcluded (warning): an exclusion of a control nearly
	// every organisation applies (BaselineControls); the justification
	// must convince an auditor.
	RuleBaselineExcluded = "soa/baseline-excluded"
	// RuleJustificationDescribesControl (error): the justification of an
	// exclusion describes the control being done: 5.7 excluded while the
	// text names a threat-intelligence source (a CERT, an ISAC, a feed).
	RuleJustificationDescribesControl = "soa/justification-describes-control"
	// RuleNotStarted (info): applicable controls whose implementation has
	// not started; the treatment plan should cover them.
	RuleNotStarted = "soa/not-started"
)

// MinJustificationWords is the fewest words an exclusion's justification
// may have (5): "Not needed." and "No." say nothing an auditor can check.
const MinJustificationWords = 5

// MinSpecificWords is the fewest words of substance (not stock phrases or
// filler words) a justification that uses a stock phrase must add (3).
const MinSpecificWords = 3

// MaxLintedText is how much of one justification Lint reads, in bytes
// (4096); a longer text is judged by its beginning, so a hostile 15 MB
// justification costs no more than a real one.
const MaxLintedText = 4096

// genericPhrases say that a control does not apply without saying why.
var genericPhrases = []string{
	"not applicable to us", "not applicable", "not relevant to us", "not relevant", "not needed", "not necessary",
	"not required", "no need", "too small", "we are small", "small company", "small organisation", "small organization",
	"does not apply", "doesn't apply", "out of scope", "not in scope", "no risk", "low risk", "not a priority",
	"not used", "we don't", "we do not", "no budget", "no assessed risk", "business decision", "calls for this control",
}

// fillerWords carry no substance of their own.
var fillerWords = map[string]bool{
	"a": true, "an": true, "the": true, "we": true, "us": true, "our": true, "are": true, "is": true, "be": true, "it": true,
	"this": true, "that": true, "for": true, "to": true, "of": true, "and": true, "or": true, "in": true, "at": true, "on": true,
	"as": true, "so": true, "by": true, "with": true, "control": true, "controls": true, "company": true, "organisation": true,
	"organization": true, "here": true, "currently": true, "really": true, "very": true, "any": true, "all": true, "such": true,
	"have": true, "has": true, "no": true, "not": true, "there": true, "thing": true, "things": true, "case": true,
}

// threatSources are names of threat-intelligence sources: a justification
// of excluding 5.7 that names one says the control is being done.
var threatSources = []string{"cert", "csirt", "ncsc", "cisa", "enisa", "isac", "threat feed", "threat intelligence feed",
	"security advisor", "vendor advisor", "security bulletin", "mailing list", "newsletter", "traficom", "bsi"}

// Lint checks an SoA the way an auditor reads it and returns every
// finding, sorted (errors first): undecided controls, controls beyond the
// catalogue without a title, and every exclusion's justification (missing,
// too short, generic, describing the control being done, or contradicted
// by the organisation's data recorded in Entry.Overridden), plus the
// applicable controls not started. It reads only the SoA, so the same SoA
// always gives the same findings. Approve refuses an SoA with an error
// and records the rest in SoA.Warnings.
func Lint(s SoA) []isms.Advice {
	fs := lint(s)
	isms.SortAdvice(fs)
	return fs
}

// lint returns the findings in entry order.
func lint(s SoA) []isms.Advice {
	var fs []isms.Advice
	var notStarted []string
	for _, list := range []struct {
		name    string
		entries []Entry
	}{{"entries", s.Entries}, {"additional", s.Additional}} {
		for i, e := range list.entries {
			path := isms.Index(list.name, i)
			fs = append(fs, lintEntry(path, e, list.name == "additional")...)
			if e.Applicable && (e.Status == controls.NotStarted || e.Status == "") {
				notStarted = append(notStarted, string(e.Control))
			}
		}
	}
	if len(notStarted) > 0 {
		fs = append(fs, isms.Advice{Code: RuleNotStarted, Severity: isms.SeverityInfo, Path: "entries",
			Message: fmt.Sprintf("%d applicable controls have not started (%s); plan them in the risk treatment plan with an owner and a date", len(notStarted), clipList(notStarted))})
	}
	return fs
}

func lintEntry(path string, e Entry, additional bool) []isms.Advice {
	var fs []isms.Advice
	add := func(code string, sev isms.Severity, at, format string, args ...any) {
		fs = append(fs, isms.Advice{Code: code, Severity: sev, Path: at, Message: fmt.Sprintf(format, args...)})
	}
	name := strings.TrimSpace(string(e.Control) + " " + e.Title)
	if additional && strings.TrimSpace(e.Title) == "" {
		add(RuleAdditionalUndescribed, isms.SeverityError, isms.JoinPath(path, "title"),
			"%s is beyond the catalogue and has no title; describe it (soa.CustomControl: title and description) so the SoA says what it is", e.Control)
	}
	if e.Undecided {
		add(RuleUndecided, isms.SeverityError, path,
			"%s is undecided: nothing in the ISMS calls for it and nobody has excluded it; decide whether it applies (a soa.Decision, with a real justification if it does not)", name)
		return fs
	}
	if !e.Excluded() {
		return fs
	}
	jpath := isms.JoinPath(path, "justification")
	text := e.Justification
	if len(text) > MaxLintedText {
		text = text[:MaxLintedText]
	}
	words := wordsOf(text)
	switch {
	case isms.IsPlaceholder(text):
		add(RuleJustificationMissing, isms.SeverityError, jpath, "%s is excluded without a justification; say why it does not apply to this organisation", name)
	case len(words) < MinJustificationWords:
		add(RuleJustificationShort, isms.SeverityError, jpath, "%s is excluded with %q, fewer than %d words; say what in the organisation makes the control unnecessary", name, clip(text), MinJustificationWords)
	case isGeneric(text, words):
		add(RuleJustificationGeneric, isms.SeverityError, jpath, "%s is excluded with a stock phrase (%q); an auditor needs the fact that makes it unnecessary (no such activity, who does it instead, where it is covered)", name, clip(text))
	}
	if e.Control == "5.7" && hasWhole(text, threatSources) {
		add(RuleJustificationDescribesControl, isms.SeverityError, jpath, "%s is excluded, but the justification names a threat-intelligence source (%q): following one is the control; apply it and record the source as evidence", name, clip(text))
	}
	for _, r := range e.Overridden {
		rl, ok := ruleFor(r.Code)
		if !ok {
			continue
		}
		if r.Code == Baseline {
			add(RuleBaselineExcluded, isms.SeverityWarning, path, "%s is excluded, though nearly every organisation applies it; make sure the justification convinces an auditor", name)
			continue
		}
		sev := isms.SeverityWarning
		if slices.Contains(rl.Blocking, e.Control) {
			sev = isms.SeverityError
		}
		add(RuleExclusionContradicted, sev, path, "%s is excluded, but the organisation's data calls for it (%s: %s); apply it, or change the data", name, rl.Trigger, labels(r.Refs))
	}
	return fs
}

func ruleFor(code ReasonCode) (rule, bool) {
	for _, r := range proposalRules {
		if r.Code == code {
			return r, true
		}
	}
	return rule{}, false
}

// wordsOf splits text into lower-case words of letters and digits.
func wordsOf(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
}

// isGeneric reports whether text leans on a stock phrase and says little
// else: fewer than MinSpecificWords words that are neither filler nor part
// of the stock phrases.
func isGeneric(text string, words []string) bool {
	if !has(text, genericPhrases) {
		return false
	}
	stock := map[string]bool{}
	for _, p := range genericPhrases {
		for _, w := range wordsOf(p) {
			stock[w] = true
		}
	}
	specific := 0
	for _, w := range words {
		if !fillerWords[w] && !stock[w] && len(w) > 2 {
			specific++
		}
	}
	return specific < MinSpecificWords
}

func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "…"
	}
	return s
}

func clipList(ids []string) string {
	if len(ids) > 20 {
		return strings.Join(ids[:20], ", ") + fmt.Sprintf(" and %d more", len(ids)-20)
	}
	return strings.Join(ids, ", ")
}

// Blocking returns the lint errors that keep the SoA from approval.
func Blocking(s SoA) []isms.Advice {
	var out []isms.Advice
	for _, f := range Lint(s) {
		if f.Severity == isms.SeverityError {
			out = append(out, f)
		}
	}
	return out
}
