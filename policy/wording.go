package policy

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ismskit/ismskit/isms"
)

// This file holds how Compose words the organisation's own data into
// sentences that read right for any client: case is kept for acronyms and
// proper nouns, the sentence about the organisation has a verb whatever
// its description looks like, the audience is the organisation's own
// (customers, clients, patients), and product names are generalised so
// the policy stays true when tools change.

// wording carries what Compose learnt about the organisation's words.
type wording struct {
	org string
	// proper holds words the organisation writes capitalised where no
	// sentence starts: proper nouns such as "Sage" or "Leeds".
	proper map[string]bool
	// generalise is ComposeInput.GeneraliseProducts.
	generalise bool
}

// gen returns s with product names generalised when the caller asked for
// it (ComposeInput.GeneraliseProducts), else s as the organisation typed it.
func (w wording) gen(s string) string {
	if !w.generalise {
		return s
	}
	return generalise(s)
}

func newWording(c isms.OrgContext) wording {
	w := wording{org: c.Organization.Name, proper: map[string]bool{}}
	var texts []string
	texts = append(texts, c.Organization.Description, c.Scope.Statement)
	for _, it := range c.Scope.Items {
		texts = append(texts, it.Name, it.Justification)
	}
	for _, a := range c.Assets {
		texts = append(texts, a.Name, a.Description)
	}
	for _, p := range c.Parties {
		texts = append(texts, p.Name, p.Needs)
	}
	for _, i := range c.Issues {
		texts = append(texts, i.Description)
	}
	for _, r := range c.Roles {
		texts = append(texts, r.Description)
	}
	for _, t := range texts {
		words := strings.Fields(clip(t))
		for i, word := range words {
			if i == 0 || strings.HasSuffix(words[i-1], ".") || strings.HasSuffix(words[i-1], ":") {
				continue // a sentence starts here, so the capital says nothing
			}
			if titleCase(trimPunct(word)) {
				w.proper[trimPunct(word)] = true
			}
		}
	}
	return w
}

func trimPunct(word string) string {
	return strings.TrimFunc(word, func(r rune) bool { return unicode.IsPunct(r) && r != '-' && r != '&' })
}

// titleCase reports whether word is one capital followed by lower-case
// letters only ("Customer", not "EHR", "SaaS" or "365").
func titleCase(word string) bool {
	r, size := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return false
	}
	if size == len(word) {
		return word == "A" // the article; "I" or "X" may be names
	}
	for _, r := range word[size:] {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// lower returns a phrase that starts a sentence in the organisation's data
// as it reads inside a sentence: the first word loses its capital only
// when it is an ordinary word. Acronyms ("EHR", "PACS", "DATEV"), mixed
// case ("SaaS"), proper nouns the organisation capitalises elsewhere
// ("Sage"), multi-word names ("Active Directory", "Microsoft 365") and the
// organisation's own name keep their case.
func (w wording) lower(s string) string {
	if s == "" || (w.org != "" && strings.HasPrefix(s, w.org)) {
		return s
	}
	first, rest, _ := strings.Cut(s, " ")
	word := trimPunct(first)
	if !titleCase(word) || w.proper[word] {
		return s
	}
	if next, _, _ := strings.Cut(rest, " "); next != "" {
		if titleCase(trimPunct(next)) || startsWithDigit(next) {
			return s // "Active Directory", "Microsoft 365", "Care Quality Commission"
		}
	}
	return lowerWord(s)
}

// lowerWord lowers the first letter of s when its first word is an
// ordinary capitalised word ("Runs", "A"), never an acronym or mixed case.
func lowerWord(s string) string {
	first, _, _ := strings.Cut(s, " ")
	if !titleCase(trimPunct(first)) {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

// thirdPersonVerbs start a description that is a verb phrase ("Builds and
// runs a SaaS …"), so the organisation's name can precede it.
var thirdPersonVerbs = []string{
	"advises", "assembles", "audits", "brings", "builds", "cares", "connects", "constructs", "creates", "delivers",
	"designs", "develops", "distributes", "does", "employs", "engineers", "exports", "fabricates", "handles", "has",
	"helps", "hosts", "imports", "installs", "insures", "is", "keeps", "leases", "lends", "maintains", "makes",
	"manages", "manufactures", "offers", "operates", "organises", "organizes", "owns", "performs", "prepares",
	"processes", "produces", "provides", "publishes", "renovates", "repairs", "represents", "runs", "sells", "serves",
	"ships", "specialises", "specializes", "stores", "supplies", "supports", "teaches", "trades", "trains",
	"transports", "treats", "works", "writes",
}

// determiners follow a verb, rarely a plural noun: "Services the …" is
// rare, "Runs a …" common.
var determiners = []string{"a", "an", "the", "its", "their", "our", "some", "about", "over", "more", "all", "every"}

// pronouns start a description written as its own sentence.
var pronouns = []string{"we", "our", "it", "its", "they", "this", "these"}

// about turns the organisation's description into the opening of the
// purpose: one grammatical sentence or more, ending with a period, whether
// the description is a verb phrase ("Builds and runs …"), a noun phrase
// ("Bookkeeping, payroll and annual accounts for …", "A group of …"),
// sentences of its own ("We run three clinics. …") or a sentence that
// starts with the organisation's name.
func (w wording) about(desc string) string {
	desc = strings.TrimSpace(desc)
	if desc == "" {
		return ""
	}
	body := strings.TrimRight(desc, ". ")
	words := strings.Fields(body)
	first := strings.ToLower(trimPunct(words[0]))
	next := ""
	if len(words) > 1 {
		next = strings.ToLower(trimPunct(words[1]))
	}
	multi := strings.Contains(body, ". ")
	switch {
	case multi || slices.Contains(pronouns, first):
		return body + ". This work depends on the information " + w.org + " holds."
	case w.org != "" && strings.HasPrefix(strings.ToLower(body), strings.ToLower(w.org)):
		return body + "; its work depends on the information it holds."
	case slices.Contains(thirdPersonVerbs, first) || (strings.HasSuffix(first, "s") && !strings.HasSuffix(first, "ss") && (slices.Contains(determiners, next) || startsWithDigit(next))):
		return w.org + " " + lowerWord(body) + "; its work depends on the information it holds."
	case first == "a" || first == "an" || first == "the":
		return w.org + " is " + lowerWord(body) + "; its work depends on the information it holds."
	}
	if namesWhatItIs(body) {
		article := "a "
		if strings.ContainsRune("aeiouAEIOU", rune(body[0])) {
			article = "an "
		}
		return w.org + " is " + article + w.lower(body) + "; its work depends on the information it holds."
	}
	return w.org + " provides " + w.lower(body) + "; its work depends on the information it holds."
}

// organisationNouns name what an organisation is ("accounting firm",
// "dental practice"): a noun phrase ending in one says what the
// organisation is, so the sentence reads "<Org> is a/an …".
var organisationNouns = []string{
	"firm", "company", "practice", "clinic", "agency", "consultancy", "business", "bureau", "office", "partnership",
	"studio", "provider", "manufacturer", "maker", "supplier", "distributor", "retailer", "wholesaler", "shop", "store",
	"group", "cooperative", "co-operative", "charity", "foundation", "association", "school", "college", "hospital",
	"pharmacy", "laboratory", "lab", "startup", "start-up", "enterprise", "organisation", "organization", "operator",
	"contractor", "integrator", "house", "surgery", "centre", "center", "institute", "carrier", "broker", "insurer",
}

// namesWhatItIs reports whether a noun-phrase description names what the
// organisation is: the phrase before its first colon, comma or
// preposition ends in an organisation noun ("Authorised accounting firm
// in Tampere: …", "Small dental practice with two dentists").
func namesWhatItIs(body string) bool {
	head := strings.ToLower(body)
	if i := strings.IndexAny(head, ":;,(–—"); i >= 0 {
		head = head[:i]
	}
	words := strings.Fields(head)
	for i, word := range words {
		if slices.Contains([]string{"in", "for", "with", "at", "on", "from", "based", "that", "which", "serving", "of", "and", "offering", "specialising", "specializing"}, word) {
			words = words[:i]
			break
		}
	}
	if len(words) == 0 {
		return false
	}
	return slices.Contains(organisationNouns, trimPunct(words[len(words)-1]))
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// audienceWords are the words organisations use for the people they serve,
// tried in this order in the names of customer parties.
var audienceWords = []string{"patient", "client", "customer", "member", "student", "resident", "citizen", "passenger", "tenant", "guest", "user"}

// audience names who must be able to trust the organisation: the words of
// its customer parties' names ("Patients", "Client businesses"), else one
// its sector suggests, else "customers".
func audience(c isms.OrgContext) string {
	var found []string
	for _, p := range c.Parties {
		if p.Kind != isms.PartyCustomer {
			continue
		}
		name := strings.ToLower(p.Name)
		for _, a := range audienceWords {
			if strings.Contains(name, a) && !slices.Contains(found, a+"s") {
				found = append(found, a+"s")
				break
			}
		}
	}
	if len(found) > 2 {
		found = found[:2]
	}
	if len(found) > 0 {
		return joinAnd(found)
	}
	sector := strings.ToLower(c.Organization.Sector + " " + c.Organization.Description)
	for _, s := range []struct {
		words    []string
		audience string
	}{
		{[]string{"health", "clinic", "medical", "hospital", "dental", "physio", "patient", "care home", "therap"}, "patients"},
		{[]string{"accountan", "bookkeep", "payroll", "legal", "law firm", "solicitor", "consult", "advis", "tax", "audit"}, "clients"},
	} {
		for _, word := range s.words {
			if strings.Contains(sector, word) {
				return s.audience
			}
		}
	}
	return "customers"
}

// generic names what a product named in the organisation's data is, so
// the composed policy states the principle and stays true when the tool
// changes; the tool itself belongs in procedures.
var generic = map[string]string{
	"microsoft 365": "office suite", "office 365": "office suite", "google workspace": "office suite",
	"gmail": "email service", "outlook": "email service", "sharepoint": "file-sharing service", "onedrive": "file-sharing service",
	"dropbox": "file-sharing service", "slack": "chat service", "zoom": "video-call service", "teamviewer": "remote-support tool",
	"jira": "work-tracking tool", "confluence": "wiki", "okta": "directory service", "entra id": "directory service",
	"azure ad": "directory service", "active directory": "directory service", "aws": "cloud platform", "azure": "cloud platform",
	"google cloud": "cloud platform", "github": "code-hosting service", "gitlab": "code-hosting service",
	"bitbucket": "code-hosting service", "jamf": "device-management service", "intune": "device-management service",
	"crowdstrike": "endpoint protection", "sentinelone": "endpoint protection", "1password": "password manager",
	"lastpass": "password manager", "bitwarden": "password manager", "zendesk": "helpdesk", "salesforce": "CRM",
	"veeam": "backup software",
}

// generalise replaces the product names Lint calls procedure detail with
// what they are: "on AWS" becomes "on the cloud platform", "the Microsoft
// 365 tenant" "the office suite tenant".
func generalise(s string) string {
	for {
		lower := asciiLower(s)
		at, name := -1, ""
		for _, n := range toolNames {
			if i := wordIndex(lower, n); i >= 0 && (at < 0 || i < at || (i == at && len(n) > len(name))) {
				at, name = i, n
			}
		}
		if at < 0 {
			return s
		}
		repl := generic[name]
		if repl == "" {
			repl = "software"
		}
		before := strings.Fields(lower[:at])
		if len(before) == 0 || !slices.Contains([]string{"the", "a", "an", "our", "its", "their", "your", "his", "her", "this", "that"}, before[len(before)-1]) {
			repl = "the " + repl
		}
		if at > 0 && strings.HasSuffix(strings.TrimSpace(s[:at]), ".") {
			repl = upperFirst(repl) // a sentence inside the text starts here; the caller decides for the first
		}
		s = s[:at] + repl + s[at+len(name):]
	}
}
