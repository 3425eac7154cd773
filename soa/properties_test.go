package soa_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// genInput draws consistent inputs: treatments and links name Annex A
// controls (and now and then a custom one), every linked or decided-
// applicable control has an implementation record that is planned or
// further, and no decision or record excludes a control that is needed.
func genInput(t *rapid.T) soa.Input {
	cat := controls.AnnexA()
	all := cat.Controls()
	pick := func(label string) controls.ID { return rapid.SampledFrom(all).Draw(t, label).ID() }
	in := soa.Input{Document: isms.DeriveID[isms.Document](ns, "gen"), Context: orgContext(), Catalogue: cat, Register: risk.Register{Method: risk.DefaultMethod()}, Generated: day}

	needed := map[controls.ID]bool{}
	for k := range rapid.IntRange(0, 6).Draw(t, "risks") {
		var acts []risk.Action
		for range rapid.IntRange(1, 3).Draw(t, "actions") {
			ids := []controls.ID{pick("control")}
			if rapid.IntRange(0, 9).Draw(t, "custom") == 0 {
				ids = append(ids, controls.ID(fmt.Sprintf("ACME-%d", rapid.IntRange(1, 3).Draw(t, "acme"))))
			}
			acts = append(acts, act(rapid.SampledFrom([]risk.ActionStatus{risk.ActionPlanned, risk.ActionInProgress, risk.ActionDone}).Draw(t, "status"), ids...))
			for _, id := range ids {
				needed[id] = true
			}
		}
		in.Register.Risks = append(in.Register.Risks, rsk(fmt.Sprintf("R-%d", k+1), acts))
	}
	recorded := map[controls.ID]bool{}
	record := func(id controls.ID, s controls.Status) {
		if !recorded[id] {
			recorded[id] = true
			in.Implementations = append(in.Implementations, impl(id, s))
		}
	}
	for range rapid.IntRange(0, 4).Draw(t, "links") {
		q := rapid.SampledFrom([]isms.RequirementID{gdpr, msa}).Draw(t, "requirement")
		id := pick("linked")
		if !needed[id] {
			record(id, rapid.SampledFrom([]controls.Status{controls.Planned, controls.InProgress, controls.Implemented}).Draw(t, "linked_status"))
		}
		needed[id] = true
		in.Links = append(in.Links, soa.Link{Requirement: q, Controls: []controls.ID{id}})
	}
	for range rapid.IntRange(0, 8).Draw(t, "records") {
		id := pick("recorded")
		s := rapid.SampledFrom([]controls.Status{controls.NotStarted, controls.Planned, controls.InProgress, controls.Implemented, controls.NotApplicable}).Draw(t, "record_status")
		if needed[id] && (s == controls.NotApplicable || s == controls.NotStarted) {
			continue
		}
		record(id, s)
	}
	decided := map[controls.ID]bool{}
	for range rapid.IntRange(0, 6).Draw(t, "decisions") {
		id := pick("decided")
		if decided[id] {
			continue
		}
		im := slices.IndexFunc(in.Implementations, func(x controls.Implementation) bool { return x.Control == id })
		if rapid.Bool().Draw(t, "include") {
			if im < 0 {
				record(id, controls.Planned)
			} else if s := in.Implementations[im].Status; s == controls.NotApplicable || s == controls.NotStarted {
				continue
			}
			in.Decisions = append(in.Decisions, soa.Decision{Control: id, Applicable: true, Justification: "customers expect it"})
		} else {
			if needed[id] || (im >= 0 && in.Implementations[im].Status != controls.NotApplicable && in.Implementations[im].Status != controls.NotStarted && in.Implementations[im].Status != controls.Planned) {
				continue
			}
			in.Decisions = append(in.Decisions, soa.Decision{Control: id, Justification: "No such activity within the scope."})
		}
		decided[id] = true
	}
	return in
}

func shuffled(t *rapid.T, in soa.Input) soa.Input {
	out := in
	out.Register.Risks = rapid.Permutation(in.Register.Risks).Draw(t, "risk_order")
	out.Implementations = rapid.Permutation(in.Implementations).Draw(t, "impl_order")
	out.Links = rapid.Permutation(in.Links).Draw(t, "link_order")
	out.Decisions = rapid.Permutation(in.Decisions).Draw(t, "decision_order")
	return out
}

func TestGenerate_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genInput(t)
		s, conflicts, err := soa.Generate(in)
		require.NoError(t, err)
		assert.Empty(t, conflicts, "consistent inputs give no conflicts")
		require.NoError(t, s.Validate(), "an SoA generated from valid inputs passes its own validation")
		require.NoError(t, s.CheckRefs(in.Catalogue), "and matches its catalogue")

		again, _, err := soa.Generate(shuffled(t, in))
		require.NoError(t, err)
		assert.Equal(t, s, again, "generation is deterministic and independent of input order")

		for _, r := range in.Register.Risks {
			for _, a := range r.Treatment.Actions {
				for _, id := range a.Controls {
					if e, ok := s.Entry(id); ok {
						assert.True(t, e.Applicable, "%s is relied on by %s but not applicable", id, r.Ref)
					} else {
						t.Fatalf("%s missing from the entries and the additional controls", id)
					}
				}
			}
		}
	})
}

func TestDiff_Properties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, _, err := soa.Generate(genInput(t))
		require.NoError(t, err)
		b, _, err := soa.Generate(genInput(t))
		require.NoError(t, err)
		assert.True(t, soa.Diff(a, a).Empty(), "a version does not differ from itself")
		applied := soa.Apply(a, soa.Diff(a, b))
		assert.True(t, soa.Diff(applied, b).Empty(), "applying the changes to a yields b:\n%s", soa.Diff(applied, b).Summary())
		assert.Equal(t, len(b.Entries), len(applied.Entries))
	})
}
