package storetest

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/uuid"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/isms"
)

func isConflict(err error) bool { return errors.Is(err, isms.ErrConflict) }

// modelRecord is what the model expects the store to hold for one ID.
type modelRecord struct {
	n       int
	version isms.Version
}

// machine drives the repository and a map model side by side. Each rapid
// check uses a fresh organisation, so the model starts empty without a new
// repository.
type machine[T isms.Entity[T]] struct {
	s     *suite[T]
	org   isms.OrgID
	pool  []isms.ID[T]
	model map[isms.ID[T]]modelRecord
	// issued remembers every version the store returned per ID, to replay
	// stale ones.
	issued map[isms.ID[T]][]isms.Version
	next   int
}

func (s *suite[T]) stateMachine(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		m := &machine[T]{
			s: s, org: newOrg(),
			model:  map[isms.ID[T]]modelRecord{},
			issued: map[isms.ID[T]][]isms.Version{},
		}
		// A small pool of IDs makes collisions, updates and deletes likely.
		for i := range rapid.IntRange(1, 6).Draw(rt, "pool") {
			var u uuid.UUID
			copy(u[:], rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(rt, "id"))
			u[15] = byte(i) // distinct even when the drawn bytes repeat
			u[0] |= 1       // never the zero ID
			m.pool = append(m.pool, isms.IDFromUUID[T](u))
		}
		rt.Repeat(map[string]func(*rapid.T){
			"create": m.create,
			"update": m.update,
			"delete": m.delete,
			"get":    m.get,
			"list":   m.list,
			"":       m.check,
		})
	})
}

func (m *machine[T]) pick(rt *rapid.T) isms.ID[T] {
	return rapid.SampledFrom(m.pool).Draw(rt, "which")
}

// version draws the current version of id, or a stale or never-issued one.
func (m *machine[T]) version(rt *rapid.T, id isms.ID[T]) isms.Version {
	choices := append([]isms.Version{m.model[id].version, 1 << 40}, m.issued[id]...)
	return rapid.SampledFrom(choices).Draw(rt, "version")
}

func (m *machine[T]) create(rt *rapid.T) {
	id := m.pick(rt)
	m.next++
	v, err := m.s.repo.Put(m.s.ctx, m.org, m.s.fx.Make(id, m.next), 0)
	if _, exists := m.model[id]; exists {
		if !isConflict(err) {
			rt.Fatalf("create of existing %s: want conflict, got %v", id, err)
		}
		return
	}
	if err != nil {
		rt.Fatalf("create %s: %v", id, err)
	}
	m.store(rt, id, m.next, v)
}

func (m *machine[T]) update(rt *rapid.T) {
	id := m.pick(rt)
	want := m.version(rt, id)
	m.next++
	v, err := m.s.repo.Put(m.s.ctx, m.org, m.s.fx.Make(id, m.next), want)
	cur, exists := m.model[id]
	switch {
	case want == 0:
		// Version 0 asks for a create; the create action covers it.
		if exists != isConflict(err) {
			rt.Fatalf("put of %s with version 0: exists=%v, got %v", id, exists, err)
		}
		if !exists {
			if err != nil {
				rt.Fatalf("create %s: %v", id, err)
			}
			m.store(rt, id, m.next, v)
		}
	case !exists:
		if !errors.Is(err, isms.ErrNotFound) {
			rt.Fatalf("update of missing %s: want not found, got %v", id, err)
		}
	case want != cur.version:
		if !isConflict(err) {
			rt.Fatalf("update of %s with stale version %d (current %d): want conflict, got %v", id, want, cur.version, err)
		}
	default:
		if err != nil {
			rt.Fatalf("update of %s at its current version: %v", id, err)
		}
		m.store(rt, id, m.next, v)
	}
}

func (m *machine[T]) delete(rt *rapid.T) {
	id := m.pick(rt)
	want := m.version(rt, id)
	err := m.s.repo.Delete(m.s.ctx, m.org, id, want)
	cur, exists := m.model[id]
	switch {
	case !exists:
		if !errors.Is(err, isms.ErrNotFound) {
			rt.Fatalf("delete of missing %s: want not found, got %v", id, err)
		}
	case want != cur.version:
		if !isConflict(err) {
			rt.Fatalf("delete of %s with stale version: want conflict, got %v", id, err)
		}
	default:
		if err != nil {
			rt.Fatalf("delete of %s: %v", id, err)
		}
		delete(m.model, id)
	}
}

func (m *machine[T]) store(rt *rapid.T, id isms.ID[T], n int, v isms.Version) {
	if v == 0 {
		rt.Fatalf("store returned version 0 for %s", id)
	}
	if slices.Contains(m.issued[id], v) {
		rt.Fatalf("store issued version %d twice for %s", v, id)
	}
	m.issued[id] = append(m.issued[id], v)
	m.model[id] = modelRecord{n: n, version: v}
}

func (m *machine[T]) get(rt *rapid.T) {
	id := m.pick(rt)
	got, err := m.s.repo.Get(m.s.ctx, m.org, id)
	want, exists := m.model[id]
	if !exists {
		if !errors.Is(err, isms.ErrNotFound) {
			rt.Fatalf("get of missing %s: want not found, got %v", id, err)
		}
		return
	}
	if err != nil {
		rt.Fatalf("get %s: %v", id, err)
	}
	if got.Version != want.version || m.s.fx.Count(got.Value) != want.n || got.Value.Key() != id {
		rt.Fatalf("get %s: got version %d n=%d, model has version %d n=%d",
			id, got.Version, m.s.fx.Count(got.Value), want.version, want.n)
	}
}

func (m *machine[T]) list(rt *rapid.T) {
	limit := rapid.IntRange(1, 4).Draw(rt, "limit")
	m.compareListing(rt, limit)
}

// check runs after every step: the full listing equals the model.
func (m *machine[T]) check(rt *rapid.T) {
	m.compareListing(rt, isms.MaxPageLimit)
}

func (m *machine[T]) compareListing(rt *rapid.T, limit int) {
	var got []isms.Stored[T]
	req := isms.PageRequest{Limit: limit}
	for range len(m.pool) + 2 {
		p, err := m.s.repo.List(m.s.ctx, m.org, req)
		if err != nil {
			rt.Fatalf("list: %v", err)
		}
		got = append(got, p.Items...)
		if p.Next == "" {
			break
		}
		req.Cursor = p.Next
	}
	var want []isms.ID[T]
	for id := range m.model {
		want = append(want, id)
	}
	slices.SortFunc(want, isms.ID[T].Compare)
	if len(got) != len(want) {
		rt.Fatalf("listing has %d records, the model %d", len(got), len(want))
	}
	for i, s := range got {
		id := s.Value.Key()
		mr := m.model[id]
		if id != want[i] || s.Version != mr.version || m.s.fx.Count(s.Value) != mr.n {
			rt.Fatalf("listing position %d: got %s version %d, want %s version %d", i, id, s.Version, want[i], mr.version)
		}
	}
}
