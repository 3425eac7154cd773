package risk

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
)

// Option is a risk treatment decision (clause 6.1.3). The domain articles'
// words are synonyms: treat = Modify, tolerate = Retain, terminate = Avoid,
// transfer = Share; ParseOption accepts both.
type Option string

// Treatment options.
const (
	// Modify reduces the risk with controls ("treat").
	Modify Option = "modify"
	// Retain keeps the risk as it is ("tolerate"); above the appetite it
	// needs an acceptance.
	Retain Option = "retain"
	// Avoid stops the activity that causes the risk ("terminate").
	Avoid Option = "avoid"
	// Share passes part of the risk to another party, e.g. insurance or a
	// supplier ("transfer").
	Share Option = "share"
)

var options = []Option{Modify, Retain, Avoid, Share}

// ParseOption reads a treatment option, accepting the ISO words and their
// synonyms treat, tolerate, terminate and transfer, in any case.
func ParseOption(s string) (Option, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "modify", "treat", "mitigate", "reduce":
		return Modify, nil
	case "retain", "tolerate", "accept":
		return Retain, nil
	case "avoid", "terminate":
		return Avoid, nil
	case "share", "transfer":
		return Share, nil
	}
	return "", fmt.Errorf("%w: treatment option %q is not one of modify (treat), retain (tolerate), avoid (terminate), share (transfer)", isms.ErrInvalid, s)
}

// ActionStatus is where a treatment action stands.
type ActionStatus string

// Action statuses.
const (
	ActionPlanned    ActionStatus = "planned"
	ActionInProgress ActionStatus = "in_progress"
	ActionDone       ActionStatus = "done"
	ActionCancelled  ActionStatus = "cancelled"
)

var actionStatuses = []ActionStatus{ActionPlanned, ActionInProgress, ActionDone, ActionCancelled}

// Action is one step of a treatment plan: what, who, by when, and which
// controls (Annex A or custom) it implements.
type Action struct {
	Title     string        `json:"title"`
	Owner     isms.Owner    `json:"owner"`
	Due       time.Time     `json:"due"`
	Status    ActionStatus  `json:"status"`
	Controls  []controls.ID `json:"controls,omitempty"`
	Completed time.Time     `json:"completed,omitzero"`
}

// Open reports whether the action still has work to do.
func (a Action) Open() bool { return a.Status == ActionPlanned || a.Status == ActionInProgress }

// Overdue reports whether the action is open and its due date has passed at now.
func (a Action) Overdue(now time.Time) bool { return a.Open() && now.After(a.Due) }

// Treatment is the decision about a risk and the plan that carries it out.
type Treatment struct {
	Option    Option `json:"option"`
	Rationale string `json:"rationale,omitempty"`
	// Due is the deadline for the treatment as a whole; when zero, the latest
	// action due date counts (see Deadline).
	Due     time.Time `json:"due,omitzero"`
	Actions []Action  `json:"actions,omitempty"`
	// Approved records the risk owner's approval of the plan (clause 6.1.3
	// f); only the risk owner may approve it.
	Approved *Approval `json:"approved,omitempty"`
	// Cost is what carrying out the plan costs a year (licences, services,
	// effort), if known: with the risk's Loss and TargetLoss it gives the
	// plan's return on security investment (risk/quant).
	Cost *Money `json:"cost,omitempty"`
}

// IsZero reports whether no treatment is decided.
func (t Treatment) IsZero() bool { return t.Option == "" && len(t.Actions) == 0 }

// Deadline returns Due, or the latest due date of the actions.
func (t Treatment) Deadline() time.Time {
	d := t.Due
	for _, a := range t.Actions {
		if d.IsZero() || (t.Due.IsZero() && a.Due.After(d)) {
			d = a.Due
		}
	}
	return d
}

// Complete reports whether every action is done or cancelled.
func (t Treatment) Complete() bool {
	for _, a := range t.Actions {
		if a.Open() {
			return false
		}
	}
	return true
}

func (t Treatment) clone() Treatment {
	out := t
	out.Actions = slices.Clone(t.Actions)
	if t.Approved != nil {
		a := *t.Approved
		out.Approved = &a
	}
	out.Cost = t.Cost.clone()
	for i := range out.Actions {
		out.Actions[i].Controls = slices.Clone(t.Actions[i].Controls)
	}
	return out
}

// validate checks the treatment's own fields; name is the risk's, for the
// messages.
func (t Treatment) validate(name string) error {
	var p isms.Problems
	add := func(path, format string, args ...any) {
		p.Addf(path, "risk %q: %s", name, fmt.Sprintf(format, args...))
	}
	if t.Option != "" && !slices.Contains(options, t.Option) {
		add("option", "treatment option %q is not one of %v", t.Option, options)
	}
	if (t.Option == Modify || t.Option == Avoid || t.Option == Share) && len(t.Actions) == 0 {
		add("actions", "a plan to %s the risk has no actions; list what will be done, by whom and by when", t.Option)
	}
	isms.CheckDate(&p, "due", fmt.Sprintf("risk %q: the treatment due date", name), t.Due, false)
	if t.Cost != nil {
		p.Merge("cost", t.Cost.validate(fmt.Sprintf("risk %q: the treatment's annual cost", name)))
	}
	for i, a := range t.Actions {
		path := isms.Index("actions", i)
		if isms.IsPlaceholder(a.Title) {
			add(isms.JoinPath(path, "title"), "treatment action %d has no title; say what will be done", i+1)
		}
		if err := a.Owner.Validate(); err != nil {
			add(isms.JoinPath(path, "owner"), "action %q has no single owner", a.Title)
		}
		isms.CheckDate(&p, isms.JoinPath(path, "due"), fmt.Sprintf("risk %q: the due date of action %q", name, a.Title), a.Due, true)
		if !slices.Contains(actionStatuses, a.Status) {
			add(isms.JoinPath(path, "status"), "action status %q is not one of %v", a.Status, actionStatuses)
		}
		if a.Status == ActionDone && a.Completed.IsZero() {
			add(isms.JoinPath(path, "completed"), "action %q is done but has no completion date", a.Title)
		}
		isms.CheckDate(&p, isms.JoinPath(path, "completed"), fmt.Sprintf("risk %q: the completion date of action %q", name, a.Title), a.Completed, false)
	}
	return p.Err()
}
