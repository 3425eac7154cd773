package oscal

import (
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/ismskit/ismskit/controls"
)

// Version is the OSCAL version the documents conform to (metadata
// "oscal-version").
const Version = "1.1.3"

// PropNamespace is the namespace ("ns") of every property and part name
// that ismskit defines rather than OSCAL: the attribute tags, reasons,
// statuses and exclusions.
const PropNamespace = "https://github.com/ismskit/ismskit/ns/oscal"

// Namespace is the UUID namespace of every UUID the builders derive: the
// version 5 UUID of PropNamespace in the URL namespace of RFC 4122. It is
// fixed forever, so the same ismskit IDs give the same OSCAL UUIDs in every
// release and re-exports diff cleanly.
var Namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte(PropNamespace))

// DeriveUUID returns the version 5 UUID of name in Namespace. The builders
// name what they identify after ismskit's own IDs, for example
// "ssp/<SoA document ID>/requirement/<control ID>"; the package
// documentation lists the names.
func DeriveUUID(name string) string {
	return uuid.NewSHA1(Namespace, []byte(name)).String()
}

// ControlID returns the OSCAL ID of a control. OSCAL IDs must start with a
// letter, so an Annex A number gets the prefix "a" and a dot ("5.1" →
// "a.5.1", read "Annex A 5.1"; the 2022 number, not the 2013 one); a
// custom ID ("ACME-3") starts with a capital letter and stays as it is.
// Every control keeps its own ID in the "label" property.
func ControlID(id controls.ID) string {
	s := string(id)
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		return "a." + s
	}
	return s
}

// isToken reports whether s is an OSCAL token (an XML NCName):
// a letter or "_", then letters, digits, ".", "-" or "_".
func isToken(s string) bool {
	for i, r := range s {
		letter := r == '_' || isLetter(r)
		if i == 0 && !letter {
			return false
		}
		if !letter && !isDigit(r) && r != '.' && r != '-' {
			return false
		}
	}
	return s != ""
}

// isLetter and isDigit accept the ASCII letters and digits only: tokens
// ismskit makes are ASCII, and an ASCII token is one under every regular
// expression dialect a validator may use.
func isLetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }
func isDigit(r rune) bool  { return '0' <= r && r <= '9' }

// slug makes a token from a name: lower-case ASCII letters and digits,
// every other run of characters one "-", and fallback when nothing is left
// or the result would not start with a letter.
func slug(name, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if isLetter(r) || isDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	s := b.String()
	if len(s) > 64 {
		s = strings.TrimRight(s[:64], "-")
	}
	if s == "" {
		return fallback
	}
	if !isLetter(rune(s[0])) {
		return fallback + "-" + s
	}
	return s
}

// tokens hands out unique tokens: the second "it-manager" becomes
// "it-manager-2".
type tokens map[string]bool

func (t tokens) unique(s string) string {
	out := s
	for n := 2; t[out]; n++ {
		out = s + "-" + strconv.Itoa(n)
	}
	t[out] = true
	return out
}
