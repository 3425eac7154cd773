package isms

import (
	"sync"
	"time"
)

// Clock tells the current time. Engines never read the wall clock
// themselves: anything "now"-dependent takes a time or a Clock, so tests and
// reports are reproducible.
type Clock interface {
	Now() time.Time
}

// SystemClock is the Clock of production code: it reads time.Now.
type SystemClock struct{}

// Now returns the wall-clock time.
func (SystemClock) Now() time.Time { return time.Now() }

// ClockFunc adapts a function to the Clock interface.
type ClockFunc func() time.Time

// Now calls f.
func (f ClockFunc) Now() time.Time { return f() }

// FixedClock is a Clock for tests and reproducible runs: it returns the time
// it was set to until moved with Set or Advance. It is safe for concurrent
// use; the zero value reads as the zero time.
type FixedClock struct {
	mu sync.Mutex
	t  time.Time
}

// NewFixedClock returns a FixedClock set to t.
func NewFixedClock(t time.Time) *FixedClock {
	return &FixedClock{t: t}
}

// Now returns the time the clock is set to.
func (c *FixedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *FixedClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// Advance moves the clock forward by d (backward when d is negative).
func (c *FixedClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
