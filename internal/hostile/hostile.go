// Package hostile holds the helpers the hostile-input tests share: Within,
// which turns a hang or a panic into a test failure, and the mutations that
// build a hostile corpus from a valid document (Set a value at a path,
// Replace text, Raw byte edits, Chain). It is used by tests only.
package hostile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// HangGuard is how long Within waits. It is a guard against hangs, not a
// speed check (speed is measured by benchmarks), and generous enough for
// -race on a loaded machine.
const HangGuard = time.Minute

// Within runs f and fails the test if it panics or has not returned within
// HangGuard, so a hang fails the test instead of hanging the run. It
// returns f's error.
func Within(t testing.TB, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panic: %v", r)
			}
		}()
		done <- f()
	}()
	select {
	case err := <-done:
		require.NotContains(t, fmt.Sprint(err), "panic:", "it panicked")
		return err
	case <-time.After(HangGuard):
		t.Fatalf("still running after %s", HangGuard)
		return nil
	}
}

// Mutation turns a valid document into a hostile one.
type Mutation func(t *testing.T, doc []byte) []byte

// Chain applies mutations in order.
func Chain(ms ...Mutation) Mutation {
	return func(t *testing.T, b []byte) []byte {
		for _, m := range ms {
			b = m(t, b)
		}
		return b
	}
}

// Set returns a mutation that sets the value at a dotted path
// ("objectives.0.deadline", list indices as numbers), creating objects on
// the way, and re-encodes the document compactly.
func Set(path string, value any) Mutation {
	return func(t *testing.T, b []byte) []byte {
		t.Helper()
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		var root any
		require.NoError(t, d.Decode(&root))
		keys := strings.Split(path, ".")
		node := root
		for i, k := range keys {
			last := i == len(keys)-1
			switch n := node.(type) {
			case map[string]any:
				if last {
					n[k] = value
				} else {
					if n[k] == nil {
						n[k] = map[string]any{}
					}
					node = n[k]
				}
			case []any:
				j, err := strconv.Atoi(k)
				require.NoError(t, err, path)
				if last {
					n[j] = value
				} else {
					node = n[j]
				}
			default:
				t.Fatalf("%s: %s is not an object or a list", path, k)
			}
		}
		var out bytes.Buffer
		e := json.NewEncoder(&out)
		e.SetEscapeHTML(false)
		require.NoError(t, e.Encode(root))
		return out.Bytes()
	}
}

// Raw returns a mutation of the bytes themselves.
func Raw(f func([]byte) []byte) Mutation {
	return func(_ *testing.T, b []byte) []byte { return f(b) }
}

// Replace returns a mutation that replaces the first old in the compacted
// document, which must hold it.
func Replace(old, new string) Mutation {
	return func(t *testing.T, b []byte) []byte {
		t.Helper()
		var c bytes.Buffer
		require.NoError(t, json.Compact(&c, b))
		require.Contains(t, c.String(), old)
		return bytes.Replace(c.Bytes(), []byte(old), []byte(new), 1)
	}
}
