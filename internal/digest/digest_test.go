package digest

import "testing"

func TestJSON(t *testing.T) {
	a := JSON(map[string]int{"a": 1})
	if a != JSON(map[string]int{"a": 1}) {
		t.Fatal("not deterministic")
	}
	if a == JSON(map[string]int{"a": 2}) {
		t.Fatal("different content, same hash")
	}
	// Pinned: sha256 of {"a":1}.
	if want := "sha256:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"; a != want {
		t.Fatalf("got %s", a)
	}
}
