package digest

import (
	"math"
	"testing"
	"time"
)

func sum(t *testing.T, v any) string {
	t.Helper()
	s, err := Sum(v)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSum(t *testing.T) {
	a := sum(t, map[string]int{"a": 1})
	if a != sum(t, map[string]int{"a": 1}) {
		t.Fatal("not deterministic")
	}
	if a == sum(t, map[string]int{"a": 2}) {
		t.Fatal("different content, same hash")
	}
	// Pinned: sha256 of {"a":1}.
	if want := "sha256:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"; a != want {
		t.Fatalf("got %s", a)
	}
}

func TestSum_UnencodableIsAnErrorNotAPanic(t *testing.T) {
	for name, v := range map[string]any{
		"year 10000": time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		"NaN":        math.NaN(),
		"channel":    make(chan int),
	} {
		if _, err := Sum(v); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
