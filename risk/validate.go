package risk

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/isms"
)

// validate checks one risk against the compiled method. Every message
// starts with the risk's reference so a consultant can find it.
func (s *Scorer) validate(r Risk) error {
	var p isms.Problems
	name := r.name()
	add := func(path, format string, args ...any) {
		p.Addf(path, "risk %q: %s", name, fmt.Sprintf(format, args...))
	}
	if r.ID.IsZero() {
		add("id", "has no ID")
	}
	if strings.TrimSpace(r.Ref) == "" {
		add("ref", "has no reference such as R-7")
	}
	if strings.TrimSpace(r.Title) == "" {
		add("title", "has no title")
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
		add("owner", "has no single owner; every risk needs a risk owner (clause 6.1.2)")
	}

	inherent, okI := s.rate(&p, name, "inherent", r.Inherent, true)
	residual, okR := inherent, okI
	if !r.Residual.IsZero() {
		residual, okR = s.rate(&p, name, "residual", r.Residual, false)
		if okI && okR && residual.Compare(inherent) > 0 && isms.IsPlaceholder(r.Residual.AboveReason) {
			add("residual.above_reason", "the residual risk (%s, %d) is above the inherent risk (%s, %d); give a reason or correct it",
				residual.Band.Label, residual.Score, inherent.Band.Label, inherent.Score)
		}
	}
	if !r.Target.IsZero() {
		target, okT := s.rate(&p, name, "target", r.Target, false)
		if okT && okR && target.Compare(residual) > 0 && isms.IsPlaceholder(r.Target.AboveReason) {
			add("target.above_reason", "the target (%s, %d) is above the residual risk (%s, %d); give a reason or lower the target",
				target.Band.Label, target.Score, residual.Band.Label, residual.Score)
		}
	}
	for i, a := range r.Applied {
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
	p.Merge("treatment", r.Treatment.validate())
	if r.Loss != nil {
		p.Merge("loss", r.Loss.validate())
	}

	if okR && s.AboveAppetite(residual) {
		if r.Deadline().IsZero() {
			add("treatment.due", "is %s, above the risk appetite, but has no deadline; set a treatment due date or an acceptance with an expiry", residual.Band.Label)
		}
	}
	if a := r.Acceptance; a != nil {
		s.validateAcceptance(&p, name, r, *a)
	}
	return p.Err()
}

// rate scores one assessment, recording off-scale values and a missing
// rationale.
func (s *Scorer) rate(p *isms.Problems, name, stage string, a Assessment, required bool) (Level, bool) {
	if a.IsZero() {
		if required {
			p.Addf(stage, "risk %q: has no %s assessment; rate its likelihood and impact", name, stage)
		}
		return Level{}, false
	}
	lvl, err := s.Rate(a.Rating)
	for _, v := range isms.ValidationErrors(err) {
		p.Addf(isms.JoinPath(stage, v.Path), "risk %q: %s %s", name, stage, v.Problem)
	}
	if isms.IsPlaceholder(a.Rationale) {
		p.Addf(isms.JoinPath(stage, "rationale"), "risk %q: the %s assessment has no rationale; say why it was rated so", name, stage)
	}
	return lvl, err == nil
}

func (s *Scorer) validateAcceptance(p *isms.Problems, name string, r Risk, a Acceptance) {
	add := func(path, format string, args ...any) {
		p.Addf(isms.JoinPath("acceptance", path), "risk %q: %s", name, fmt.Sprintf(format, args...))
	}
	if a.By.IsZero() {
		add("by", "the acceptance names no role")
	}
	if a.Date.IsZero() {
		add("date", "the acceptance has no date")
	}
	if isms.IsPlaceholder(a.Rationale) {
		add("rationale", "the acceptance gives no rationale")
	}
	if !a.Expires.After(a.Date) {
		add("expires", "the acceptance must expire after it was given")
	}
	lvl, err := s.Rate(a.Accepted)
	if err != nil {
		add("accepted", "the accepted rating is not on the scales: %v", err)
		return
	}
	months, ok := s.method.MayAccept(a.By, lvl.Order)
	switch {
	case !a.By.IsZero() && !ok:
		add("by", "role %s may not accept %s risks under the acceptance criteria", a.By, lvl.Band.Label)
	case ok && a.Expires.After(latestExpiry(a.Date, months)):
		add("expires", "the acceptance runs past the %d months the role may accept %s risks for", months, lvl.Band.Label)
	}
}
