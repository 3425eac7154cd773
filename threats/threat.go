package threats

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/jsonio"
)

// FormatVersion names the threat catalogue file format; a document's
// "format" field must equal it.
const FormatVersion = "ismskit-threats/1"

// Limits on a threat document, so that Decode, New and With do bounded
// work on any input.
const (
	// MaxDocumentBytes is the largest document Decode reads (1 MiB; the
	// embedded catalogue is under 40 KiB).
	MaxDocumentBytes = 1 << 20
	// MaxThreats is the most threats one catalogue holds, counting those
	// added with Catalogue.With.
	MaxThreats = 500
	// MaxIDLen is the longest threat ID, in bytes.
	MaxIDLen = 48
	// MaxName is the longest name, category, source or vulnerability, in bytes.
	MaxName = 200
	// MaxText is the longest description, in bytes.
	MaxText = 2000
	// MaxListItems is the most entries of any list of one threat (asset
	// types, vulnerabilities, controls of one role, features, sources).
	MaxListItems = 32
	// MaxLikelihood is the top of the fixed 1..5 typical-likelihood scale
	// (1 rare … 5 several times a year), mapped onto the organisation's own
	// likelihood scale by position.
	MaxLikelihood = 5
	// MaxFrequency is the highest frequency an estimate may give, in events
	// a year.
	MaxFrequency = 365
	// MaxLoss is the largest loss an estimate may give, in its currency.
	MaxLoss = 1_000_000_000_000
)

// ID identifies a threat: lower-case letters, digits and hyphens, starting
// with a letter, at most MaxIDLen bytes ("phishing", "acme-forklift").
type ID string

// Property is a security property a threat affects; the values are those
// of risk.Property.
type Property string

// The three properties.
const (
	Confidentiality Property = "confidentiality"
	Integrity       Property = "integrity"
	Availability    Property = "availability"
)

var properties = []Property{Confidentiality, Integrity, Availability}

// Feature is something about an organisation that makes a threat relevant.
// A threat that requires features is proposed only to an organisation that
// has all of them; package workshop reads them from the context.
type Feature string

// Features.
const (
	RemoteWork    Feature = "remote_work"    // staff work from home or on the move
	Cloud         Feature = "cloud"          // cloud or SaaS services hold data or run systems
	Supplier      Feature = "supplier"       // suppliers or partners handle data or systems
	PersonalData  Feature = "personal_data"  // personal data of customers, patients or staff
	Development   Feature = "development"    // the organisation builds software
	Office        Feature = "office"         // premises with equipment or records
	OnlineService Feature = "online_service" // an internet-facing service for customers
)

var features = []Feature{RemoteWork, Cloud, Supplier, PersonalData, Development, Office, OnlineService}

// Features lists every Feature in a fixed order.
func Features() []Feature { return slices.Clone(features) }

// Range is a low–high range of a non-negative quantity.
type Range struct {
	Low  decimal.Decimal `json:"low"`
	High decimal.Decimal `json:"high"`
}

// LossRange is a range of loss per event in one currency.
type LossRange struct {
	Low      decimal.Decimal `json:"low"`
	High     decimal.Decimal `json:"high"`
	Currency string          `json:"currency"`
}

// UnsourcedPrefix begins the Source of an estimate that no public report
// backs: a planning assumption, written "unsourced default: " and then
// what the figure is (matched case-insensitively, after leading spaces).
const UnsourcedPrefix = "unsourced default:"

// Estimate is an order-of-magnitude planning range for risk/quant: how
// often the event happens to an SME without the controls (events a year)
// and what one event costs. The figures are ismskit's own rounding, not
// quotes, and an organisation should replace them with its own data.
//
// Source says what the figures rest on. A sourced estimate names the
// report, its year and the figure used ("Verizon DBIR 2024: median BEC
// loss ~50,000 USD …"). An estimate no report backs has a Source beginning
// with UnsourcedPrefix. When only the loss is backed, FrequencySource says
// what the frequency rests on (usually UnsourcedPrefix and the
// assumption), and Source then speaks for the loss alone. Sourced and
// Basis report the difference, and exports print unbacked figures as
// "unsourced default", so they are never shown as a report's.
type Estimate struct {
	Frequency Range     `json:"frequency"`
	Loss      LossRange `json:"loss"`
	Source    string    `json:"source"`
	// FrequencySource, when set, is the source of the frequency alone.
	FrequencySource string `json:"frequency_source,omitempty"`
}

// Sourced reports whether a public report backs every figure of the
// estimate: Source (and FrequencySource, when set) does not begin with
// UnsourcedPrefix, in any case.
func (e Estimate) Sourced() bool {
	_, a := unsourced(e.Source)
	_, b := unsourced(e.FrequencySource)
	return !a && !b
}

// LossSourced reports whether a public report backs the loss range (and,
// without a FrequencySource, the frequency too): Source is a report's.
func (e Estimate) LossSourced() bool {
	_, u := unsourced(e.Source)
	return !u
}

// Basis says in a few words what backs the estimate: "report",
// "unsourced default", or, when the two figures differ, e.g. "loss:
// report; frequency: unsourced default".
func (e Estimate) Basis() string {
	word := func(s string) string {
		if _, u := unsourced(s); u {
			return "unsourced default"
		}
		return "report"
	}
	loss := word(e.Source)
	if e.FrequencySource == "" {
		return loss
	}
	if freq := word(e.FrequencySource); freq != loss {
		return "loss: " + loss + "; frequency: " + freq
	}
	return loss
}

// Label is the source as exports print it: Source unchanged when a report
// backs it, otherwise "unsourced default: " and what the default is,
// whatever case and spacing the document used for the prefix; followed,
// when set, by "; frequency: " and FrequencySource printed the same way.
func (e Estimate) Label() string {
	out := label(e.Source)
	if e.FrequencySource != "" {
		out += "; frequency: " + label(e.FrequencySource)
	}
	return out
}

func label(s string) string {
	rest, u := unsourced(s)
	if !u {
		return s
	}
	return UnsourcedPrefix + " " + rest
}

// unsourced returns what follows UnsourcedPrefix in s, trimmed, and
// whether s begins with it.
func unsourced(s string) (string, bool) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if len(s) < len(UnsourcedPrefix) || !strings.EqualFold(s[:len(UnsourcedPrefix)], UnsourcedPrefix) {
		return "", false
	}
	return strings.TrimSpace(s[len(UnsourcedPrefix):]), true
}

// Threat is one threat of the catalogue.
type Threat struct {
	ID          ID     `json:"id"`
	Name        string `json:"name"`
	Category    string `json:"category"`
	Description string `json:"description,omitempty"`
	// AssetTypes are the kinds of asset the threat harms.
	AssetTypes []isms.AssetType `json:"asset_types"`
	Properties []Property       `json:"properties"`
	// Vulnerabilities are the weaknesses it typically exploits.
	Vulnerabilities []string `json:"vulnerabilities,omitempty"`
	// Prevent, Detect and Correct are the controls that make it less
	// likely, find it, and limit or repair the damage.
	Prevent []controls.ID `json:"prevent,omitempty"`
	Detect  []controls.ID `json:"detect,omitempty"`
	Correct []controls.ID `json:"correct,omitempty"`
	// Likelihood is how likely it is for an SME without the controls, on
	// 1..MaxLikelihood.
	Likelihood int `json:"likelihood"`
	// Keywords are phrases that show a register risk is about this threat
	// when its threat or title does not use the threat's name, e.g.
	// "ransomware" or "lost or stolen" (matched case-insensitively).
	Keywords []string `json:"keywords,omitempty"`
	// Requires lists the features an organisation must have for the
	// threat to be proposed; empty means every organisation.
	Requires []Feature `json:"requires,omitempty"`
	// Interface marks a threat that comes through a supplier or cloud
	// service: the workshop proposes it once per such interface of the
	// scope, as an event-based risk.
	Interface bool `json:"interface,omitempty"`
	// Sources names the public taxonomies that describe the threat.
	Sources  []string  `json:"sources,omitempty"`
	Estimate *Estimate `json:"estimate,omitempty"`
}

// Controls returns every control the threat names, each once, in
// catalogue order.
func (t Threat) Controls() []controls.ID {
	var out []controls.ID
	for _, l := range [][]controls.ID{t.Prevent, t.Detect, t.Correct} {
		for _, id := range l {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	slices.SortFunc(out, controls.CompareIDs)
	return out
}

// Affects reports whether the threat harms assets of type at.
func (t Threat) Affects(at isms.AssetType) bool { return slices.Contains(t.AssetTypes, at) }

func (t Threat) clone() Threat {
	out := t
	out.AssetTypes = slices.Clone(t.AssetTypes)
	out.Properties = slices.Clone(t.Properties)
	out.Vulnerabilities = slices.Clone(t.Vulnerabilities)
	out.Prevent, out.Detect, out.Correct = slices.Clone(t.Prevent), slices.Clone(t.Detect), slices.Clone(t.Correct)
	out.Requires = slices.Clone(t.Requires)
	out.Keywords = slices.Clone(t.Keywords)
	out.Sources = slices.Clone(t.Sources)
	if t.Estimate != nil {
		e := *t.Estimate
		out.Estimate = &e
	}
	return out
}

// Document is the threat catalogue file format.
type Document struct {
	Format  string   `json:"format"`
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Threats []Threat `json:"threats"`
}

// Catalogue is a validated set of threats tied to the controls catalogue
// their control IDs resolve against. It is immutable.
type Catalogue struct {
	name     string
	threats  []Threat
	controls *controls.Catalogue
}

//go:embed data/sme-threats.json
var smeData []byte

var sme = sync.OnceValues(func() (*Catalogue, error) {
	d, err := Decode(bytes.NewReader(smeData))
	if err != nil {
		return nil, err
	}
	return New(d, controls.AnnexA())
})

// SME returns the embedded catalogue of 40 SME threats, resolved against
// controls.AnnexA(). It is parsed once and shared; it panics only if the
// embedded data is corrupt, which the package's tests rule out.
func SME() *Catalogue {
	c, err := sme()
	if err != nil {
		panic("threats: embedded catalogue is invalid: " + err.Error())
	}
	return c
}

// Decode reads a threat document from strict JSON and validates what it
// says on its own (Document.Validate).
func Decode(r io.Reader) (Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentBytes+1))
	if err != nil {
		return Document{}, fmt.Errorf("reading the threat document: %w", err)
	}
	var p isms.Problems
	switch {
	case len(data) > MaxDocumentBytes:
		p.Addf("", "threat document: the input is larger than MaxDocumentBytes (%d bytes)", MaxDocumentBytes)
	case !utf8.Valid(data):
		p.Addf("", "threat document: the input is not valid UTF-8")
	}
	if err := p.Err(); err != nil {
		return Document{}, err
	}
	var d Document
	if err := jsonio.Decode(bytes.NewReader(data), &d, "threat document"); err != nil {
		return Document{}, err
	}
	return d, d.Validate()
}

// Encode writes a document as indented JSON.
func Encode(w io.Writer, d Document) error { return jsonio.Encode(w, d) }

// Validate checks the document on its own: format, ID, name, and every
// threat's fields and limits; control IDs are resolved by New and With.
func (d Document) Validate() error {
	var p isms.Problems
	d.check(&p, 0)
	return p.Err()
}

func (d Document) check(p *isms.Problems, have int) {
	if d.Format != FormatVersion {
		p.Addf("format", "format %s is not %q", isms.Quote(d.Format), FormatVersion)
	}
	if strings.TrimSpace(d.ID) == "" {
		p.Addf("id", "the document has no ID")
	}
	checkText(p, "id", d.ID, MaxName, "MaxName")
	if strings.TrimSpace(d.Name) == "" {
		p.Addf("name", "the document has no name")
	}
	checkText(p, "name", d.Name, MaxName, "MaxName")
	if n := have + len(d.Threats); n > MaxThreats {
		p.Addf("threats", "%d threats are more than MaxThreats (%d)", n, MaxThreats)
		return
	}
	if len(d.Threats) == 0 {
		p.Addf("threats", "the document has no threats")
	}
	seen := map[ID]int{}
	for i, t := range d.Threats {
		path := isms.Index("threats", i)
		if j, dup := seen[t.ID]; dup && t.ID != "" {
			p.Addf(isms.JoinPath(path, "id"), "threat ID %s is used twice (also at threats[%d])", isms.Quote(string(t.ID)), j)
		}
		seen[t.ID] = i
		t.check(p, path)
	}
}

func (t Threat) check(p *isms.Problems, path string) {
	at := func(f string) string { return isms.JoinPath(path, f) }
	if msg := idProblem(string(t.ID)); msg != "" {
		p.Addf(at("id"), "%s", msg)
	}
	if strings.TrimSpace(t.Name) == "" {
		p.Addf(at("name"), "threat %s has no name", isms.Quote(string(t.ID)))
	}
	checkText(p, at("name"), t.Name, MaxName, "MaxName")
	if strings.TrimSpace(t.Category) == "" {
		p.Addf(at("category"), "threat %s has no category", isms.Quote(string(t.ID)))
	}
	checkText(p, at("category"), t.Category, MaxName, "MaxName")
	checkText(p, at("description"), t.Description, MaxText, "MaxText")
	lists := []struct {
		name string
		n    int
	}{{"asset_types", len(t.AssetTypes)}, {"properties", len(t.Properties)}, {"vulnerabilities", len(t.Vulnerabilities)},
		{"prevent", len(t.Prevent)}, {"detect", len(t.Detect)}, {"correct", len(t.Correct)}, {"requires", len(t.Requires)}, {"sources", len(t.Sources)}, {"keywords", len(t.Keywords)}}
	for _, l := range lists {
		if l.n > MaxListItems {
			p.Addf(at(l.name), "%d entries are more than MaxListItems (%d)", l.n, MaxListItems)
			return
		}
	}
	if len(t.AssetTypes) == 0 {
		p.Addf(at("asset_types"), "threat %s names no asset type", isms.Quote(string(t.ID)))
	}
	types := isms.AssetTypes()
	for i, a := range t.AssetTypes {
		if !slices.Contains(types, a) {
			p.Addf(at(isms.Index("asset_types", i)), "asset type %s is not one of %v", isms.Quote(string(a)), types)
		}
	}
	if len(t.Properties) == 0 {
		p.Addf(at("properties"), "threat %s affects no property; name confidentiality, integrity or availability", isms.Quote(string(t.ID)))
	}
	for i, x := range t.Properties {
		if !slices.Contains(properties, x) {
			p.Addf(at(isms.Index("properties", i)), "property %s is not confidentiality, integrity or availability", isms.Quote(string(x)))
		}
	}
	for i, v := range t.Vulnerabilities {
		if strings.TrimSpace(v) == "" {
			p.Addf(at(isms.Index("vulnerabilities", i)), "the vulnerability is empty")
		}
		checkText(p, at(isms.Index("vulnerabilities", i)), v, MaxName, "MaxName")
	}
	if len(t.Prevent)+len(t.Detect)+len(t.Correct) == 0 {
		p.Addf(at("prevent"), "threat %s names no control; every threat maps to at least one control that prevents, detects or corrects it", isms.Quote(string(t.ID)))
	}
	for _, role := range []struct {
		name string
		ids  []controls.ID
	}{{"prevent", t.Prevent}, {"detect", t.Detect}, {"correct", t.Correct}} {
		for i, id := range role.ids {
			if err := id.Validate(); err != nil {
				p.Addf(at(isms.Index(role.name, i)), "control ID %s is not well formed", isms.Quote(string(id)))
			}
		}
	}
	if t.Likelihood < 1 || t.Likelihood > MaxLikelihood {
		p.Addf(at("likelihood"), "likelihood %d is not between 1 and MaxLikelihood (%d)", t.Likelihood, MaxLikelihood)
	}
	for i, f := range t.Requires {
		if !slices.Contains(features, f) {
			p.Addf(at(isms.Index("requires", i)), "feature %s is not one of %v", isms.Quote(string(f)), features)
		}
	}
	for i, k := range t.Keywords {
		if strings.TrimSpace(k) == "" {
			p.Addf(at(isms.Index("keywords", i)), "the keyword is empty")
		}
		checkText(p, at(isms.Index("keywords", i)), k, MaxName, "MaxName")
	}
	for i, s := range t.Sources {
		if strings.TrimSpace(s) == "" {
			p.Addf(at(isms.Index("sources", i)), "the source is empty")
		}
		checkText(p, at(isms.Index("sources", i)), s, MaxName, "MaxName")
	}
	if e := t.Estimate; e != nil {
		checkRange(p, at("estimate.frequency"), e.Frequency.Low, e.Frequency.High, MaxFrequency, "MaxFrequency")
		checkRange(p, at("estimate.loss"), e.Loss.Low, e.Loss.High, MaxLoss, "MaxLoss")
		isms.CheckCurrency(p, at("estimate.loss.currency"), e.Loss.Currency)
		if strings.TrimSpace(e.Source) == "" {
			p.Addf(at("estimate.source"), "the estimate names no source; name the report, its year and the figure used, or begin with %q and say what the default is", UnsourcedPrefix+" ")
		} else if rest, u := unsourced(e.Source); u && rest == "" {
			p.Addf(at("estimate.source"), "the estimate is marked %q but does not say what the default is", UnsourcedPrefix)
		}
		checkText(p, at("estimate.source"), e.Source, MaxName, "MaxName")
		if rest, u := unsourced(e.FrequencySource); u && rest == "" {
			p.Addf(at("estimate.frequency_source"), "the frequency is marked %q but does not say what the default is", UnsourcedPrefix)
		}
		checkText(p, at("estimate.frequency_source"), e.FrequencySource, MaxName, "MaxName")
	}
}

func checkRange(p *isms.Problems, path string, low, high decimal.Decimal, limit int64, name string) {
	lim := decimal.NewFromInt(limit)
	switch {
	case low.IsNegative() || high.IsNegative():
		p.Addf(path, "the range %s–%s is negative", low, high)
	case high.GreaterThan(lim):
		p.Addf(path, "the high end %s is more than %s (%d)", high.Truncate(2), name, limit)
	case low.GreaterThan(high):
		p.Addf(path, "the low end %s is above the high end %s", low.Truncate(2), high.Truncate(2))
	case high.IsZero():
		p.Addf(path, "the range is zero; leave the estimate out instead")
	}
}

func checkText(p *isms.Problems, path, s string, max int, limit string) {
	switch {
	case len(s) > max:
		p.Addf(path, "the text is %d bytes, more than %s (%d)", len(s), limit, max)
	case !utf8.ValidString(s):
		p.Addf(path, "the text is not valid UTF-8")
	}
}

func idProblem(s string) string {
	switch {
	case s == "":
		return "the threat has no ID"
	case len(s) > MaxIDLen:
		return fmt.Sprintf("threat ID is %d bytes, more than MaxIDLen (%d)", len(s), MaxIDLen)
	case s[0] < 'a' || s[0] > 'z':
		return fmt.Sprintf("threat ID %s must start with a lower-case letter", isms.Quote(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return fmt.Sprintf("threat ID %s may hold only lower-case letters, digits and hyphens", isms.Quote(s))
		}
	}
	return ""
}

// New builds a catalogue from a document, resolving every control ID
// against cat (controls.AnnexA() when nil). The error lists every problem.
func New(d Document, cat *controls.Catalogue) (*Catalogue, error) {
	if cat == nil {
		cat = controls.AnnexA()
	}
	return (&Catalogue{controls: cat}).with(d)
}

// With returns a new catalogue holding c's threats and those of d (custom
// threats), resolved against the same controls catalogue. A threat of d may
// not reuse an ID of c. c is unchanged.
func (c *Catalogue) With(d Document) (*Catalogue, error) {
	if c == nil {
		return nil, fmt.Errorf("threats: With on a nil catalogue: %w", isms.ErrInvalid)
	}
	return c.with(d)
}

func (c *Catalogue) with(d Document) (*Catalogue, error) {
	var p isms.Problems
	d.check(&p, len(c.threats))
	if p.Len() == 0 {
		for i, t := range d.Threats {
			path := isms.Index("threats", i)
			if _, ok := c.ByID(t.ID); ok {
				p.Addf(isms.JoinPath(path, "id"), "threat ID %s is already in the catalogue", isms.Quote(string(t.ID)))
			}
			for _, role := range []struct {
				name string
				ids  []controls.ID
			}{{"prevent", t.Prevent}, {"detect", t.Detect}, {"correct", t.Correct}} {
				for j, id := range role.ids {
					if !c.controls.Has(id) {
						p.Addf(isms.JoinPath(path, isms.Index(role.name, j)), "threat %s names control %s, which is not in the catalogue %s",
							isms.Quote(string(t.ID)), isms.Quote(string(id)), isms.Quote(c.controls.String()))
					}
				}
			}
		}
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	out := &Catalogue{name: c.name, controls: c.controls, threats: make([]Threat, 0, len(c.threats)+len(d.Threats))}
	if out.name == "" {
		out.name = d.Name
	} else {
		out.name += " + " + d.Name
	}
	out.threats = append(out.threats, c.threats...)
	for _, t := range d.Threats {
		out.threats = append(out.threats, t.clone())
	}
	slices.SortStableFunc(out.threats, func(a, b Threat) int { return strings.Compare(string(a.ID), string(b.ID)) })
	return out, nil
}

// Name is the catalogue's name (documents added with With are joined by " + ").
func (c *Catalogue) Name() string { return c.name }

// Len is the number of threats.
func (c *Catalogue) Len() int { return len(c.threats) }

// Threats returns copies of every threat, in ID order.
func (c *Catalogue) Threats() []Threat {
	out := make([]Threat, len(c.threats))
	for i, t := range c.threats {
		out[i] = t.clone()
	}
	return out
}

// ByID returns the threat with the ID.
func (c *Catalogue) ByID(id ID) (Threat, bool) {
	i, ok := slices.BinarySearchFunc(c.threats, id, func(t Threat, id ID) int { return strings.Compare(string(t.ID), string(id)) })
	if !ok {
		return Threat{}, false
	}
	return c.threats[i].clone(), true
}

// Controls is the controls catalogue the threats' control IDs resolve against.
func (c *Catalogue) Controls() *controls.Catalogue { return c.controls }

// Addressing returns the IDs of the threats that name control id, in ID order.
func (c *Catalogue) Addressing(id controls.ID) []ID {
	var out []ID
	for _, t := range c.threats {
		if slices.Contains(t.Prevent, id) || slices.Contains(t.Detect, id) || slices.Contains(t.Correct, id) {
			out = append(out, t.ID)
		}
	}
	return out
}

func sortStrings(s []string) { slices.Sort(s) }

// Names reports whether text (a risk's threat and title) is about the
// threat: it holds the threat's ID, its name or one of its keywords,
// compared case-insensitively.
func (t Threat) Names(text string) bool {
	text = strings.ToLower(text)
	if strings.Contains(text, string(t.ID)) || strings.Contains(text, strings.ToLower(t.Name)) {
		return true
	}
	for _, k := range t.Keywords {
		if k = strings.ToLower(strings.TrimSpace(k)); k != "" && strings.Contains(text, k) {
			return true
		}
	}
	return false
}
