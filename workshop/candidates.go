package workshop

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/internal/plural"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
	"github.com/ismskit/ismskit/threats"
)

// Limits and defaults of Candidates.
const (
	// DefaultKeyAssets is how many key assets the workshop starts from
	// when Input.KeyAssets is 0 (the articles' 3–5 most important).
	DefaultKeyAssets = 5
	// MaxKeyAssets is the most key assets one call considers.
	MaxKeyAssets = 50
	// DefaultCandidates is how many candidates Candidates returns when
	// Input.Limit is 0.
	DefaultCandidates = 15
	// MaxCandidates is the largest Input.Limit.
	MaxCandidates = 500
	// DefaultPerAsset is how many threats Candidates keeps per asset (and
	// per interface) when Input.PerAsset is 0, so the list covers every key
	// asset instead of one asset's every threat. The threats kept are the
	// strongest by the suggested grade, not by what the controls in place
	// leave (see Candidates).
	DefaultPerAsset = 3
	// MaxPerAsset is the largest Input.PerAsset.
	MaxPerAsset = 50
	// DefaultPerThreat is how many assets or interfaces one threat is
	// proposed for when Input.PerThreat is 0, so that the list names
	// several threats (the articles' 5–10 key threats).
	DefaultPerThreat = 2
	// MaxPerThreat is the largest Input.PerThreat.
	MaxPerThreat = 50
	// MaxSuppliers is the most suppliers Candidates reads from
	// Input.Suppliers.
	MaxSuppliers = 2000
)

// Input is what Candidates reads.
type Input struct {
	Context isms.OrgContext
	// Threats is the catalogue to draw from; nil means threats.SME().
	Threats *threats.Catalogue
	// Method scores the suggestions; a method without bands means
	// risk.DefaultMethod().
	Method risk.Method
	// Implementations are the organisation's control records: implemented
	// controls a threat names are "in place" and reduce the suggestion.
	Implementations []controls.Implementation
	// Register holds the risks already identified; a candidate lists the
	// register's risks on the same asset (Related) and is marked when one
	// already names its threat. A candidate for a supplier or cloud
	// interface lists the risks whose Supplier is that interface's
	// supplier (see Suppliers).
	Register risk.Register
	// Suppliers, when given, links the scope's interfaces to suppliers: a
	// supplier serves the interface its Interface names (letter case and
	// spaces aside) or whose Party is the interface's Party. At most
	// MaxSuppliers.
	Suppliers suppliers.Register
	// KeyAssets is how many of the most critical assets to start from
	// (0 means DefaultKeyAssets; at most MaxKeyAssets).
	KeyAssets int
	// Limit is how many candidates to return (0 means DefaultCandidates;
	// at most MaxCandidates).
	Limit int
	// PerAsset is how many threats to keep per asset or interface (0 means
	// DefaultPerAsset; at most MaxPerAsset).
	PerAsset int
	// PerThreat is how many assets or interfaces one threat is proposed
	// for (0 means DefaultPerThreat; at most MaxPerThreat).
	PerThreat int
	// Features overrides DetectFeatures when not nil.
	Features []threats.Feature
}

// Candidate is one proposed risk for the workshop to confirm, reword or drop.
type Candidate struct {
	// Title is "<threat> — <asset or interface>".
	Title  string     `json:"title"`
	Kind   risk.Kind  `json:"kind"`
	Threat threats.ID `json:"threat"`
	// ThreatName is the threat's name, as a risk's Threat field would hold it.
	ThreatName string       `json:"threat_name"`
	Asset      isms.AssetID `json:"asset,omitzero"`
	AssetName  string       `json:"asset_name,omitempty"`
	// Interface names the supplier or cloud interface of an event-based
	// candidate.
	Interface       string          `json:"interface,omitempty"`
	Owner           isms.Owner      `json:"owner,omitzero"`
	Properties      []risk.Property `json:"properties"`
	Vulnerabilities []string        `json:"vulnerabilities,omitempty"`
	// Suggested is the inherent rating the kit suggests: the threat's
	// typical likelihood and the asset's highest rating among the
	// properties the threat affects, both placed on the method's scales
	// by position.
	Suggested risk.Rating `json:"suggested"`
	Grade     risk.Grade  `json:"grade"`
	// InPlace are the implemented controls the threat names; they reduce
	// the suggestion to AfterInPlace (risk.DeriveResidual, with a control
	// not yet assessed credited as partially effective).
	InPlace      []controls.ID `json:"in_place,omitempty"`
	AfterInPlace risk.Rating   `json:"after_in_place"`
	AfterGrade   risk.Grade    `json:"after_grade"`
	// Missing are the threat's controls not implemented and not marked not
	// applicable: what the workshop could propose as treatment.
	Missing []controls.ID `json:"missing,omitempty"`
	// Related are the refs of register risks on the same asset or, for an
	// interface, of the risks whose Supplier serves it (Input.Suppliers).
	Related []string `json:"related,omitempty"`
	// InRegister is true when a register risk already names the threat
	// for the same asset (or, for an interface, names the threat). For an
	// interface it is also true when a risk of the interface's supplier
	// names no interface threat of the catalogue and this threat is the
	// one of the interface whose properties are closest to the risk's
	// (most shared over all named by either; every tie counts): "the
	// payroll bureau leaks salary data" (confidentiality) is the bureau's
	// supplier breach, "the cloud drive is unavailable" (availability) its
	// cloud outage.
	InRegister bool `json:"in_register,omitempty"`
	// Why says in one line where the proposal comes from: the key asset
	// or interface, and what makes the threat relevant (the features it
	// requires): the candidate's own asset or interface where it shows
	// the feature itself ("interface: Payroll bureau" for a supplier
	// breach there), otherwise the organisation's first fact for it
	// (DetectFeatures).
	Why string `json:"why"`
}

// Draft returns the candidate as a risk.Risk for the caller to confirm and
// add: no ID or Ref (the register gives them), the inherent assessment
// from the suggestion with the reason, the controls in place as applied
// controls. It is never added to any register by this package.
func (c Candidate) Draft() risk.Risk {
	r := risk.Risk{Title: c.Title, Kind: c.Kind, Threat: c.ThreatName, Vulnerability: strings.Join(c.Vulnerabilities, "; "),
		Properties: slices.Clone(c.Properties), Owner: c.Owner,
		Inherent: risk.Assessment{Rating: c.Suggested, Rationale: "proposed by the workshop kit: " + c.Why}}
	if !c.Asset.IsZero() {
		r.Assets = []isms.AssetID{c.Asset}
	}
	if c.Kind == risk.EventBased {
		r.Scenario = c.ThreatName + " at " + c.Interface
	}
	for _, id := range c.InPlace {
		r.Applied = append(r.Applied, risk.AppliedControl{Control: id, Effectiveness: controls.PartiallyEffective})
	}
	return r
}

func (in Input) defaults() (Input, error) {
	var p isms.Problems
	if in.Threats == nil {
		in.Threats = threats.SME()
	}
	if len(in.Method.Bands) == 0 {
		in.Method = risk.DefaultMethod()
	}
	limit := func(field string, v *int, def, max int, name string) {
		switch {
		case *v < 0 || *v > max:
			p.Addf(field, "%d is not between 0 and %s (%d)", *v, name, max)
		case *v == 0:
			*v = def
		}
	}
	limit("key_assets", &in.KeyAssets, DefaultKeyAssets, MaxKeyAssets, "MaxKeyAssets")
	limit("limit", &in.Limit, DefaultCandidates, MaxCandidates, "MaxCandidates")
	limit("per_asset", &in.PerAsset, DefaultPerAsset, MaxPerAsset, "MaxPerAsset")
	limit("per_threat", &in.PerThreat, DefaultPerThreat, MaxPerThreat, "MaxPerThreat")
	if len(in.Register.Risks) > MaxRisks {
		p.Addf("register.risks", "%d risks are more than MaxRisks (%d)", len(in.Register.Risks), MaxRisks)
	}
	if len(in.Implementations) > MaxImplementations {
		p.Addf("implementations", "%d records are more than MaxImplementations (%d)", len(in.Implementations), MaxImplementations)
	}
	if len(in.Suppliers.Suppliers) > MaxSuppliers {
		p.Addf("suppliers.suppliers", "%d suppliers are more than MaxSuppliers (%d)", len(in.Suppliers.Suppliers), MaxSuppliers)
	}
	for i, f := range in.Features {
		if !slices.Contains(threats.Features(), f) {
			p.Addf(isms.Index("features", i), "feature %s is not one of %v", isms.Quote(string(f)), threats.Features())
		}
	}
	return in, p.Err()
}

// Candidates proposes candidate risks: for each of the key assets, the
// threats of the catalogue that harm its type and whose required features
// the organisation has; and for each supplier or cloud interface of the
// scope, the catalogue's interface threats. The proposals are ordered by
// the threat's own strength on the asset or interface: the suggested
// (inherent) grade, then how many of confidentiality, integrity and
// availability it harms, then its likelihood (all highest first), then
// the asset's criticality and the threat ID. Each asset or interface keeps
// its first PerAsset proposals in that order, each threat is proposed for
// at most PerThreat assets or interfaces, and the list is cut at Limit.
// The controls in place do not decide what is proposed: they lower a risk
// but do not make it go away, and a strong threat to a key asset
// (ransomware on the file server) is one the workshop must name and whose
// controls it must judge, not one a weaker threat should replace because
// backups and anti-malware are recorded. AfterInPlace shows what they
// leave. The order is total, so the result is deterministic. The error
// lists every bad input (method, ratings, limits).
func Candidates(in Input) ([]Candidate, error) {
	in, err := in.defaults()
	if err != nil {
		return nil, err
	}
	scorer, err := in.Method.Scorer()
	if err != nil {
		var p isms.Problems
		p.Merge("method", err)
		return nil, p.Err()
	}
	ranked, err := in.Context.KeyAssets(in.KeyAssets)
	if err != nil {
		var p isms.Problems
		p.Merge("context", err)
		return nil, p.Err()
	}
	have := in.Features
	why := map[threats.Feature]string{}
	if have == nil {
		found := DetectFeatures(in.Context)
		have = featureSet(found)
		for _, f := range found {
			why[f.Feature] = f.Because
		}
	}
	impl := map[controls.ID]controls.Implementation{}
	for _, im := range in.Implementations {
		impl[im.Control] = im
	}
	scales := in.Context.RatingScales()
	catalogue := in.Threats.Threats()
	texts := make([]string, len(in.Register.Risks))
	for i, r := range in.Register.Risks {
		texts[i] = riskText(r)
	}
	type item struct {
		c     Candidate
		group int // asset rank, or len(ranked)+interface index
	}
	var all []item
	// fromSupplier[i] are the register risks sourced from a supplier of
	// interface i; itfThreats[i] the interface threats proposed for it.
	fromSupplier := make([][]int, len(in.Context.Scope.Interfaces))
	itfThreats := make([][]threats.Threat, len(in.Context.Scope.Interfaces))
	for i, itf := range in.Context.Scope.Interfaces {
		serving := map[suppliers.ID]bool{}
		for _, sp := range in.Suppliers.Suppliers {
			byName := sp.Interface != "" && strings.EqualFold(strings.Join(strings.Fields(sp.Interface), " "), strings.Join(strings.Fields(itf.Name), " "))
			if byName || !itf.Party.IsZero() && sp.Party == itf.Party {
				serving[sp.ID] = true
			}
		}
		for j, r := range in.Register.Risks {
			if !r.Supplier.IsZero() && serving[r.Supplier] {
				fromSupplier[i] = append(fromSupplier[i], j)
			}
		}
		for _, t := range catalogue {
			if t.Interface && hasAll(have, t.Requires) && (itf.Kind == isms.InterfaceCloudService || !slices.Contains(t.Requires, threats.Cloud)) {
				itfThreats[i] = append(itfThreats[i], t)
			}
		}
	}
	// build adds the candidate of threat t; own are the features the asset
	// or interface shows by itself, named in its reason before the
	// organisation's first fact for the feature.
	build := func(t threats.Threat, group int, c Candidate, impact int, reason string, itf int, own []Found) error {
		c.Threat, c.ThreatName = t.ID, t.Name
		c.Properties = props(t.Properties)
		c.Vulnerabilities = slices.Clone(t.Vulnerabilities)
		c.Suggested = risk.Rating{Likelihood: onScale(in.Method.Likelihood, t.Likelihood-1, threats.MaxLikelihood-1), Impact: impact}
		var applied []risk.AppliedControl
		for _, id := range t.Controls() {
			im, ok := impl[id]
			switch {
			case ok && im.Status == controls.Implemented:
				c.InPlace = append(c.InPlace, id)
				e := im.Effectiveness
				if e == controls.NotAssessed {
					e = controls.PartiallyEffective
				}
				applied = append(applied, risk.AppliedControl{Control: id, Effectiveness: e})
			case ok && im.Status == controls.NotApplicable:
			default:
				c.Missing = append(c.Missing, id)
			}
		}
		var err error
		if c.Grade, err = scorer.Rate(c.Suggested); err != nil {
			return err
		}
		if c.AfterInPlace, err = risk.DeriveResidual(in.Method, c.Suggested, applied, in.Threats.Controls()); err != nil {
			return err
		}
		if c.AfterGrade, err = scorer.Rate(c.AfterInPlace); err != nil {
			return err
		}
		for i, r := range in.Register.Risks {
			sameAsset := !c.Asset.IsZero() && slices.Contains(r.Assets, c.Asset)
			if sameAsset && !slices.Contains(c.Related, r.Ref) {
				c.Related = append(c.Related, r.Ref)
			}
			if (sameAsset || c.Asset.IsZero()) && namedIn(texts[i], t) {
				c.InRegister = true
			}
		}
		if itf >= 0 {
			for _, j := range fromSupplier[itf] {
				r := in.Register.Risks[j]
				if !slices.Contains(c.Related, r.Ref) {
					c.Related = append(c.Related, r.Ref)
				}
				if namedIn(texts[j], t) || closestThreat(r, texts[j], t, itfThreats[itf]) {
					c.InRegister = true
				}
			}
		}
		slices.Sort(c.Related)
		var req []string
		for _, f := range t.Requires {
			b := why[f]
			if i := slices.IndexFunc(own, func(o Found) bool { return o.Feature == f }); i >= 0 {
				b = own[i].Because
			}
			if b == "" {
				b = string(f)
			}
			if !slices.Contains(req, b) {
				req = append(req, b)
			}
		}
		c.Why = reason
		if len(req) > 0 {
			c.Why += "; relevant because of " + strings.Join(req, ", ")
		}
		if len(c.InPlace) > 0 {
			c.Why += fmt.Sprintf("; %s in place", plural.N(len(c.InPlace), "control"))
		}
		all = append(all, item{c, group})
		return nil
	}
	var p isms.Problems
	for rank, ra := range ranked {
		a := ra.Asset
		for _, t := range catalogue {
			if t.Interface || !t.Affects(a.Type) || !hasAll(have, t.Requires) || paper(a) != physical(t) && (paper(a) || t.ID == "paper-records") {
				continue
			}
			impact := onScaleFrom(in.Method.Impact, scales, a.Ratings, t.Properties)
			c := Candidate{Title: t.Name + " — " + a.Name, Kind: risk.AssetBased, Asset: a.ID, AssetName: a.Name, Owner: a.Owner}
			reason := fmt.Sprintf("key asset %d of %d (%s, %s)", rank+1, len(ranked), a.Type, ciaText(a.Ratings))
			if err := build(t, rank, c, impact, reason, -1, assetFeatures(a)); err != nil {
				p.Addf(isms.JoinPath(isms.Index("assets", rank), string(t.ID)), "%v", err)
			}
		}
	}
	for i, itf := range in.Context.Scope.Interfaces {
		if itf.Kind != isms.InterfaceCloudService && itf.Kind != isms.InterfaceSupplier && itf.Kind != isms.InterfacePartner {
			continue
		}
		impact, owner := interfaceImpact(in.Method.Impact, scales, in.Context, itf)
		// A cloud outage is a cloud service's, not a payroll bureau's
		// (itfThreats).
		for _, t := range itfThreats[i] {
			c := Candidate{Title: t.Name + " — " + itf.Name, Kind: risk.EventBased, Interface: itf.Name, Owner: owner}
			reason := fmt.Sprintf("%s interface %s", strings.ReplaceAll(string(itf.Kind), "_", " "), itf.Name)
			if itf.Exchange != "" {
				reason += " (" + itf.Exchange + ")"
			}
			if err := build(t, len(ranked)+i, c, impact, reason, i, interfaceFeatures(itf)); err != nil {
				p.Addf(isms.Index("scope.interfaces", i), "%v", err)
			}
		}
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	order := func(a, b item) int {
		return cmp.Or(-a.c.Grade.Compare(b.c.Grade), -cmp.Compare(len(a.c.Properties), len(b.c.Properties)),
			-cmp.Compare(a.c.Suggested.Likelihood, b.c.Suggested.Likelihood),
			cmp.Compare(a.group, b.group), strings.Compare(string(a.c.Threat), string(b.c.Threat)))
	}
	slices.SortFunc(all, order)
	perGroup, perThreat := map[int]int{}, map[threats.ID]int{}
	out := make([]Candidate, 0, in.Limit)
	for _, it := range all {
		if perGroup[it.group] >= in.PerAsset || perThreat[it.c.Threat] >= in.PerThreat || len(out) >= in.Limit {
			continue
		}
		perGroup[it.group]++
		perThreat[it.c.Threat]++
		out = append(out, it.c)
	}
	return out, nil
}

// closestThreat reports whether t is, among an interface's threats, the
// one whose properties are closest to the risk's, for a risk that names
// none of them: the most properties shared over the properties named by
// either (ties all count).
func closestThreat(r risk.Risk, text string, t threats.Threat, among []threats.Threat) bool {
	if len(r.Properties) == 0 {
		return false
	}
	score := func(x threats.Threat) (shared, union int) {
		set := map[string]bool{}
		for _, p := range r.Properties {
			set[string(p)] = true
		}
		union = len(set)
		for _, p := range x.Properties {
			if set[string(p)] {
				shared++
			} else {
				union++
			}
		}
		return shared, union
	}
	ts, tu := score(t)
	if ts == 0 {
		return false
	}
	for _, x := range among {
		if namedIn(text, x) {
			return false // the risk names its threat; only that one counts
		}
		xs, xu := score(x)
		if xs*tu > ts*xu {
			return false
		}
	}
	return true
}

// riskText is what a register risk says about its threat: its Threat field
// and title, in lower case.
func riskText(r risk.Risk) string { return strings.ToLower(r.Threat + " " + r.Title) }

// namedIn reports whether a risk's text (riskText) names the threat
// (threats.Threat.Names: its ID, name or a keyword).
func namedIn(text string, t threats.Threat) bool { return t.Names(text) }

func props(ps []threats.Property) []risk.Property {
	out := make([]risk.Property, len(ps))
	for i, p := range ps {
		out[i] = risk.Property(p)
	}
	return out
}

// onScale places the position pos of 0..span on s, rounding half up.
func onScale(s risk.Scale, pos, span int) int {
	n := len(s.Levels)
	if n == 0 {
		return 0
	}
	if span <= 0 {
		return s.Levels[n-1].Value
	}
	i := (2*pos*(n-1) + span) / (2 * span)
	return s.Levels[min(max(i, 0), n-1)].Value
}

// onScaleFrom places the asset's highest rating among the properties onto
// the impact scale, by position on the rating scales.
func onScaleFrom(impact risk.Scale, scales isms.RatingScales, r isms.CIA, ps []threats.Property) int {
	best := -1
	var bestSpan int
	try := func(sc isms.Scale, v int) {
		span := len(sc.Levels) - 1
		pos := sc.Rank(v)
		if best < 0 || span > 0 && bestSpan > 0 && pos*bestSpan > best*span {
			best, bestSpan = pos, span
		}
	}
	for _, p := range ps {
		switch p {
		case threats.Confidentiality:
			try(scales.Confidentiality, r.Confidentiality)
		case threats.Integrity:
			try(scales.Integrity, r.Integrity)
		case threats.Availability:
			try(scales.Availability, r.Availability)
		}
	}
	if best < 0 {
		best, bestSpan = 1, 2
	}
	return onScale(impact, best, bestSpan)
}

// interfaceImpact is the impact for a threat through an interface: the
// highest peak rating among the assets the interface's party supplies, or
// the middle of the scale when none is linked; the owner is that asset's.
func interfaceImpact(impact risk.Scale, scales isms.RatingScales, c isms.OrgContext, itf isms.Interface) (int, isms.Owner) {
	all := []threats.Property{threats.Confidentiality, threats.Integrity, threats.Availability}
	best, found := -1, false
	var owner isms.Owner
	for _, a := range c.Assets {
		linked := !itf.Party.IsZero() && a.Supplier == itf.Party || itf.Party.IsZero() && mentions(a.Location, strings.ToLower(itf.Name))
		if !linked {
			continue
		}
		v := onScaleFrom(impact, scales, a.Ratings, all)
		if !found || impact.Rank(v) > impact.Rank(best) {
			best, owner, found = v, a.Owner, true
		}
	}
	if !found {
		return onScale(impact, 1, 2), owner
	}
	return best, owner
}

func ciaText(r isms.CIA) string {
	return fmt.Sprintf("C%d I%d A%d", r.Confidentiality, r.Integrity, r.Availability)
}

// paper reports whether an information asset is on paper (its name,
// description or location says paper, printed, binder or filing): such an
// asset meets only physical and environmental threats, and only a paper
// asset meets the catalogue's "paper-records" threat.
func paper(a isms.Asset) bool {
	return a.Type == isms.AssetInformation && mentions(a.Name+" "+a.Description+" "+a.Location, "paper", "printed", "binder", "filing")
}

func physical(t threats.Threat) bool {
	return t.Category == "physical" || t.Category == "environmental"
}
