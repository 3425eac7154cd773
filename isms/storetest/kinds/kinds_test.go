package kinds_test

import (
	"slices"
	"testing"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/memstore"
	"github.com/ismskit/ismskit/isms/storetest"
	"github.com/ismskit/ismskit/isms/storetest/kinds"
)

// Every kind has a distinct stable name.
func TestAll_NamesAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range kinds.All() {
		if seen[k.Name()] {
			t.Errorf("kind %q is listed twice", k.Name())
		}
		seen[k.Name()] = true
	}
	if len(seen) != 30 {
		t.Errorf("%d kinds listed, want the 30 types with a Key method", len(seen))
	}
}

// The reference store passes the suite for every kind.
func TestMemstore_PassesForEveryKind(t *testing.T) {
	st := memstore.NewStore()
	storetest.RunStore(t, func(testing.TB) isms.Tables { return st }, kinds.All()...)
}

// The stable storage names never change once released: this list is the
// documented one (package doc), in All's order.
func TestAll_StableNames(t *testing.T) {
	want := []string{
		"organization", "scope", "issue", "interested_party", "requirement", "asset",
		"person", "role", "responsibility", "objective",
		"implementation", "activity", "risk", "risk_method", "policy", "soa", "soa_selection",
		"training", "audit", "management_review", "nonconformity", "incident", "measurement",
		"competence_requirement", "communication", "document", "opportunity", "resource",
		"supplier", "process",
	}
	var got []string
	for _, k := range kinds.All() {
		got = append(got, k.Name())
	}
	if !slices.Equal(got, want) {
		t.Errorf("kinds.All() names\n%q\nwant the documented stable names\n%q", got, want)
	}
}
