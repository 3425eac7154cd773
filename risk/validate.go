package risk

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/isms"
)

// Validate checks the risk's own fields, without its method or any other
// record, and reports every problem at once with its field path: an ID, a
// reference and a title that are not placeholders, a known kind with what
// it needs (assets, threat and vulnerability, or a scenario), known
// properties, a valid owner, an inherent assessment, every rating either 0
// (not assessed) or within 1..MaxLevelValue, rationales, applied controls,
// a known treatment option with well-formed actions, a well-formed
// acceptance, and dates within the years 1 to 9999.
//
// Whether the ratings are on the method's scales, whether a residual above
// the inherent risk is explained and whether an acceptance is by a role the
// criteria allow depend on the method: Register.Validate checks those for
// a whole register, Risk.CheckRefs for one risk (with its references).
// References to other records are checked by Register.CheckRefs.
func (r Risk) Validate() error {
	var p isms.Problems
	name := r.name()
	add := func(path, format string, args ...any) {
		p.Addf(path, "risk %q: %s", name, fmt.Sprintf(format, args...))
	}
	if r.ID.IsZero() {
		add("id", "has no ID")
	}
	if isms.IsPlaceholder(r.Ref) {
		add("ref", "has no reference such as R-7")
	}
	if isms.IsPlaceholder(r.Title) {
		add("title", "has no title; say in a few words what could happen")
	}
	switch r.Kind {
	case AssetBased:
		if len(r.Assets) == 0 {
			add("assets", "is asset-based but names no asset")
		}
		if strings.TrimSpace(r.Threat) == "" {
			add("threat", "is asset-based but names no threat")
		}
		if strings.TrimSpace(r.Vulnerability) == "" {
			add("vulnerability", "is asset-based but names no vulnerability")
		}
	case EventBased:
		if strings.TrimSpace(r.Scenario) == "" {
			add("scenario", "is event-based but describes no scenario")
		}
	default:
		add("kind", "kind %q is not %q or %q", r.Kind, AssetBased, EventBased)
	}
	if len(r.Properties) == 0 {
		add("properties", "says no property it affects; name confidentiality, integrity or availability")
	}
	for i, pr := range r.Properties {
		if !slices.Contains(properties, pr) {
			add(isms.Index("properties", i), "property %q is not one of %v", pr, properties)
		}
	}
	if err := r.Owner.Validate(); err != nil {
		add("owner", "has no single owner; every risk needs one risk owner, a role or a person (clause 6.1.2)")
	}
	for _, st := range []struct {
		stage string
		a     Assessment
	}{{"inherent", r.Inherent}, {"residual", r.Residual}, {"target", r.Target}} {
		if st.a.IsZero() {
			if st.stage == "inherent" {
				add("inherent", "has no inherent assessment; rate its likelihood and impact")
			}
			continue
		}
		checkAssessment(&p, name, st.stage, st.a, true)
	}
	if len(r.Applied) > MaxAppliedControls {
		add("applied", "%d applied controls are more than MaxAppliedControls (%d)", len(r.Applied), MaxAppliedControls)
	}
	for i, a := range r.Applied[:min(len(r.Applied), MaxAppliedControls)] {
		path := isms.Index("applied", i)
		if strings.TrimSpace(string(a.Control)) == "" {
			add(isms.JoinPath(path, "control"), "an applied control has no ID")
		}
		if !validDimension(a.Reduces) {
			add(isms.JoinPath(path, "reduces"), "control %s: %q is not likelihood, impact or both", a.Control, a.Reduces)
		}
		if a.Effectiveness < 0 || a.Effectiveness > 4 {
			add(isms.JoinPath(path, "effectiveness"), "control %s: effectiveness %d is outside 0..4", a.Control, a.Effectiveness)
		}
	}
	p.Merge("treatment", r.Treatment.validate(name))
	r.checkOwners(&p, name)
	if a := r.Acceptance; a != nil {
		p.Merge("acceptance", a.validate(name))
	}
	isms.CheckDate(&p, "next_review", fmt.Sprintf("risk %q: the next review date", name), r.NextReview, false)
	for _, l := range []struct {
		path string
		l    *Loss
	}{{"inherent_loss", r.InherentLoss}, {"loss", r.Loss}, {"target_loss", r.TargetLoss}} {
		if l.l != nil {
			p.Merge(l.path, l.l.validate(name))
		}
	}
	r.checkCurrencies(&p, name)
	r.checkLossOrder(&p, name)
	for i, sn := range r.History {
		path := isms.Index("history", i)
		for _, st := range []struct {
			stage string
			a     Assessment
		}{{"inherent", sn.Inherent}, {"residual", sn.Residual}, {"target", sn.Target}} {
			if !st.a.IsZero() {
				var q isms.Problems
				checkAssessment(&q, name, st.stage, st.a, false)
				p.Merge(path, q.Err())
			}
		}
	}
	return p.Err()
}

// inBounds reports whether v is a value some risk scale may have.
func inBounds(v int) bool { return v >= 1 && v <= MaxLevelValue }

// checkRating records a rating whose values no risk scale can have: both
// must lie in 1..MaxLevelValue (a zero rating, not assessed, is checked by
// the caller).
func checkRating(p *isms.Problems, name, path, what string, rt Rating) {
	for _, v := range []struct {
		field string
		v     int
	}{{"likelihood", rt.Likelihood}, {"impact", rt.Impact}} {
		switch {
		case v.v == 0:
			p.Addf(isms.JoinPath(path, v.field), "risk %q: the %s has no %s; rate both likelihood and impact", name, what, v.field)
		case !inBounds(v.v):
			p.Addf(isms.JoinPath(path, v.field), "risk %q: the %s %s %d is outside 1..%d, which no risk scale allows", name, what, v.field, v.v, MaxLevelValue)
		}
	}
}

// checkAssessment checks one assessment's own fields.
func checkAssessment(p *isms.Problems, name, stage string, a Assessment, rationale bool) {
	checkRating(p, name, stage, stage+" assessment", a.Rating)
	if rationale && isms.IsPlaceholder(a.Rationale) {
		p.Addf(isms.JoinPath(stage, "rationale"), "risk %q: the %s assessment has no rationale; say why it was rated so", name, stage)
	}
	isms.CheckDate(p, isms.JoinPath(stage, "date"), fmt.Sprintf("risk %q: the %s assessment date", name, stage), a.Date, false)
}

// validate checks an acceptance's own fields; whether its role may accept
// the risk depends on the method (Scorer.validate).
func (a Acceptance) validate(name string) error {
	var p isms.Problems
	add := func(path, format string, args ...any) {
		p.Addf(path, "risk %q: %s", name, fmt.Sprintf(format, args...))
	}
	if a.By.IsZero() {
		add("by", "the acceptance names no role")
	}
	isms.CheckDate(&p, "date", fmt.Sprintf("risk %q: the acceptance date", name), a.Date, true)
	if isms.IsPlaceholder(a.Rationale) {
		add("rationale", "the acceptance gives no rationale")
	}
	isms.CheckDate(&p, "expires", fmt.Sprintf("risk %q: the acceptance expiry", name), a.Expires, true)
	if !a.Expires.IsZero() && !a.Expires.After(a.Date) {
		add("expires", "the acceptance must expire after it was given")
	}
	if a.Accepted == (Rating{}) {
		add("accepted", "the acceptance does not say which rating it accepts")
	} else {
		checkRating(&p, name, "accepted", "accepted rating", a.Accepted)
	}
	return p.Err()
}

// checkRatings checks what in one risk depends on the compiled method
// (Risk.Validate checks the rest): ratings on the method's scales,
// residual and target against inherent, deadlines above the appetite and
// the acceptance against the criteria. Every message starts with the
// risk's reference so a consultant can find it.
func (s *Scorer) checkRatings(r Risk) error {
	var p isms.Problems
	name := r.name()
	add := func(path, format string, args ...any) {
		p.Addf(path, "risk %q: %s", name, fmt.Sprintf(format, args...))
	}

	inherent, okI := s.rate(&p, name, "inherent", r.Inherent)
	residual, okR := inherent, okI
	if !r.Residual.IsZero() {
		residual, okR = s.rate(&p, name, "residual", r.Residual)
		if okI && okR && residual.Compare(inherent) > 0 && isms.IsPlaceholder(r.Residual.AboveReason) {
			add("residual.above_reason", "the residual risk (%s, %d) is above the inherent risk (%s, %d); give a reason or correct it",
				residual.Band.Label, residual.Score, inherent.Band.Label, inherent.Score)
		}
	}
	if !r.Target.IsZero() {
		target, okT := s.rate(&p, name, "target", r.Target)
		if okT && okR && target.Compare(residual) > 0 && isms.IsPlaceholder(r.Target.AboveReason) {
			add("target.above_reason", "the target (%s, %d) is above the residual risk (%s, %d); give a reason or lower the target",
				target.Band.Label, target.Score, residual.Band.Label, residual.Score)
		}
	}
	if okR && s.AboveAppetite(residual) {
		if r.Deadline().IsZero() {
			add("treatment.due", "is %s, above the risk appetite, but has no deadline; set a treatment due date or an acceptance with an expiry", residual.Band.Label)
		}
	}
	if a := r.Acceptance; a != nil {
		s.validateAcceptance(&p, name, *a)
	}
	return p.Err()
}

// rate grades one assessment on the method's scales, recording values that
// are not levels of the scales. A zero assessment, or one with values no
// scale allows (Risk.Validate reports those), is not graded.
func (s *Scorer) rate(p *isms.Problems, name, stage string, a Assessment) (Grade, bool) {
	if a.IsZero() || !inBounds(a.Likelihood) || !inBounds(a.Impact) {
		return Grade{}, false
	}
	g, err := s.Rate(a.Rating)
	for _, v := range isms.ValidationErrors(err) {
		p.Addf(isms.JoinPath(stage, v.Path), "risk %q: %s %s", name, stage, v.Problem)
	}
	return g, err == nil
}

// validateAcceptance checks the acceptance against the method: the accepted
// rating is on the scales, and the role may accept that band for that long.
func (s *Scorer) validateAcceptance(p *isms.Problems, name string, a Acceptance) {
	add := func(path, format string, args ...any) {
		p.Addf(isms.JoinPath("acceptance", path), "risk %q: %s", name, fmt.Sprintf(format, args...))
	}
	if !inBounds(a.Accepted.Likelihood) || !inBounds(a.Accepted.Impact) {
		return // Risk.Validate reports it
	}
	g, err := s.Rate(a.Accepted)
	if err != nil {
		add("accepted", "the accepted rating is not on the scales: %v", err)
		return
	}
	months, ok := s.method.MayAccept(a.By, g.Order)
	switch {
	case !a.By.IsZero() && !ok:
		add("by", "role %s may not accept %s risks under the acceptance criteria", a.By, g.Band.Label)
	case ok && !a.Date.IsZero() && a.Expires.After(latestExpiry(a.Date, months)):
		add("expires", "the acceptance runs past the %d months the role may accept %s risks for", months, g.Band.Label)
	}
}
