package storetest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// countdownCtx is a context that becomes cancelled after a number of
// looks at it (Err or Done), so a call sees it live at its start and done
// part-way through, at a different point for every budget.
type countdownCtx struct {
	context.Context
	mu     sync.Mutex
	budget int
	done   chan struct{}
	closed bool
}

func newCountdown(budget int) *countdownCtx {
	return &countdownCtx{Context: context.Background(), budget: budget, done: make(chan struct{})}
}

func (c *countdownCtx) tick() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.closed {
		c.budget--
		if c.budget < 0 {
			c.closed = true
			close(c.done)
		}
	}
	return c.closed
}

// Done counts the call and is closed once the countdown reaches zero.
func (c *countdownCtx) Done() <-chan struct{} { c.tick(); return c.done }

// Err counts the call and reports context.Canceled once the countdown reaches zero.
func (c *countdownCtx) Err() error {
	if c.tick() {
		return context.Canceled
	}
	return nil
}

// cancelDuring cancels the context part-way through Put and Delete, at
// every point the store looks at it, and also on a timer while it works.
// Whatever the call reports must be what happened: an error means nothing
// changed, success means the write is stored.
func (s *suite[T]) cancelDuring(t *testing.T) {
	org, id := newOrg(), newID[T]()
	v := s.create(t, org, id, 0)
	n := 0
	check := func(ctx context.Context, label string) {
		t.Helper()
		n++
		nv, err := s.repo.Put(ctx, org, s.fx.Make(id, n), v)
		switch {
		case err == nil:
			s.requireStored(t, org, id, n, nv)
			v = nv
		case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
			got, gerr := s.repo.Get(s.ctx, org, id)
			noError(t, gerr, "Get after a cancelled Put")
			if got.Version != v {
				t.Fatalf("Put cancelled %s reported %v but the record moved to version %d; the contract requires a failed Put to change nothing", label, err, got.Version)
			}
		default:
			t.Fatalf("Put cancelled %s gave %v; the contract requires success or the context's error", label, err)
		}
		del := newID[T]()
		dv := s.create(t, org, del, n)
		derr := s.repo.Delete(ctx, org, del, dv)
		_, gerr := s.repo.Get(s.ctx, org, del)
		switch {
		case derr == nil && !errors.Is(gerr, isms.ErrNotFound):
			t.Fatalf("Delete cancelled %s succeeded but the record is still there (%v); the contract requires it gone", label, gerr)
		case derr != nil && gerr != nil:
			t.Fatalf("Delete cancelled %s reported %v but the record is gone; the contract requires a failed Delete to change nothing", label, derr)
		}
	}
	for budget := range 12 {
		check(newCountdown(budget), "after "+uitoa(isms.Version(budget))+" looks at the context")
	}
	for _, d := range []time.Duration{0, time.Microsecond, 20 * time.Microsecond, 200 * time.Microsecond, time.Millisecond} {
		ctx, cancel := context.WithTimeout(s.ctx, d)
		check(ctx, "by a timer after "+d.String())
		cancel()
	}
}
