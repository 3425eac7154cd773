package risk

import (
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/controls"
	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/suppliers"
)

// ID names a risk of the register.
type ID = isms.ID[Risk]

// Risk is storable: it has a key and validates itself.
var _ isms.Record[Risk] = Risk{}

// KindRisk is the storable kind of risks, with its stable storage name
// "risk" (see isms.Kind).
var KindRisk = isms.NewKind[Risk]("risk")

// Kind says how a risk was identified.
type Kind string

// Risk kinds.
const (
	// AssetBased risks name assets of the inventory, a threat and a vulnerability.
	AssetBased Kind = "asset_based"
	// EventBased risks describe a scenario ("a ransomware attack stops the service").
	EventBased Kind = "event_based"
)

// Property is an information security property a risk affects.
type Property string

// Properties.
const (
	Confidentiality Property = "confidentiality"
	Integrity       Property = "integrity"
	Availability    Property = "availability"
)

var properties = []Property{Confidentiality, Integrity, Availability}

// Stage is one of the three assessments a risk carries.
type Stage string

// Stages. Residual is the risk as it stands with the controls in place;
// Target is where treatment should bring it.
const (
	Inherent Stage = "inherent"
	Residual Stage = "residual"
	Target   Stage = "target"
)

// Stages returns the three stages in order.
func Stages() []Stage { return []Stage{Inherent, Residual, Target} }

// Assessment rates a risk at one stage, with who rated it, when and why.
type Assessment struct {
	Rating
	Rationale string        `json:"rationale"`
	Assessor  isms.PersonID `json:"assessor,omitzero"`
	Date      time.Time     `json:"date,omitzero"`
	// MethodVersion is the Method.Version the assessment was made with;
	// Trend rates it with that method, so old results stay comparable.
	MethodVersion string `json:"method_version,omitempty"`
	// Derived marks a residual assessment computed by DeriveResidual. It
	// is a proposal until the risk owner confirms or overrides it
	// (Confirmed).
	Derived bool `json:"derived,omitempty"`
	// Confirmed records the risk owner's confirmation of a derived
	// residual, or the override that replaced it.
	Confirmed *Confirmation `json:"confirmed,omitempty"`
	// AboveReason explains a target assessed higher than the residual, or a
	// residual higher than the inherent risk; without it such an assessment
	// is invalid.
	AboveReason string `json:"above_reason,omitempty"`
}

// IsZero reports whether nothing has been assessed.
func (a Assessment) IsZero() bool { return a.Likelihood == 0 && a.Impact == 0 }

// Proposed reports whether the assessment is a derived rating the risk
// owner has not yet confirmed or overridden.
func (a Assessment) Proposed() bool { return a.Derived && a.Confirmed == nil }

func (a Assessment) clone() Assessment {
	if a.Confirmed != nil {
		c := *a.Confirmed
		a.Confirmed = &c
	}
	return a
}

// Snapshot is a risk's assessments at one point in its history.
type Snapshot struct {
	Inherent Assessment `json:"inherent"`
	Residual Assessment `json:"residual,omitzero"`
	Target   Assessment `json:"target,omitzero"`
	Note     string     `json:"note,omitempty"`
}

// Risk is one information security risk: what could happen, to what, how
// bad it is before and after controls and where treatment should bring it,
// what is done about it, and who answers for it.
type Risk struct {
	ID ID `json:"id"`
	// Ref is the short reference people use, e.g. "R-7"; unique in a register.
	Ref   string `json:"ref"`
	Title string `json:"title"`
	Kind  Kind   `json:"kind"`
	// Assets, Threat and Vulnerability describe an asset-based risk.
	Assets        []isms.AssetID `json:"assets,omitempty"`
	Threat        string         `json:"threat,omitempty"`
	Vulnerability string         `json:"vulnerability,omitempty"`
	// Scenario describes an event-based risk.
	Scenario string `json:"scenario,omitempty"`
	// Supplier optionally names the supplier whose breach, failure or exit
	// is the source of the risk (typically an event-based risk: "the
	// payroll bureau is breached"); Register.CheckSuppliers checks it.
	Supplier     suppliers.ID         `json:"supplier,omitzero"`
	Properties   []Property           `json:"properties,omitempty"`
	Owner        isms.Owner           `json:"owner,omitzero"`
	Requirements []isms.RequirementID `json:"requirements,omitempty"`

	Inherent Assessment `json:"inherent"`
	Residual Assessment `json:"residual,omitzero"`
	Target   Assessment `json:"target,omitzero"`
	// Applied lists the controls in place against the risk, from which the
	// residual may be derived.
	Applied []AppliedControl `json:"applied,omitempty"`

	Treatment  Treatment   `json:"treatment,omitzero"`
	Acceptance *Acceptance `json:"acceptance,omitempty"`
	NextReview time.Time   `json:"next_review,omitzero"`
	// Loss is the quantitative estimate of the risk as it stands, with the
	// controls in place (the residual stage). InherentLoss is the estimate
	// without those controls and TargetLoss the one expected once the
	// treatment plan is carried out; each is optional (see LossAt).
	Loss         *Loss `json:"loss,omitempty"`
	InherentLoss *Loss `json:"inherent_loss,omitempty"`
	TargetLoss   *Loss `json:"target_loss,omitempty"`
	// History keeps every earlier assessment, oldest first.
	History []Snapshot `json:"history,omitempty"`
}

// Key returns the risk's ID; it makes Risk storable in a Repository.
func (r Risk) Key() ID { return r.ID }

// At returns the assessment that applies at a stage: the residual falls
// back to the inherent assessment while no residual is recorded, and the
// target falls back to the residual.
func (r Risk) At(s Stage) Assessment {
	switch s {
	case Target:
		if !r.Target.IsZero() {
			return r.Target
		}
		fallthrough
	case Residual:
		if !r.Residual.IsZero() {
			return r.Residual
		}
	}
	return r.Inherent
}

// LossAt returns the loss estimate at stage s, falling back as At does:
// the residual (Loss) to the inherent estimate, the target to the
// residual. It is nil when no estimate applies.
func (r Risk) LossAt(s Stage) *Loss {
	switch s {
	case Target:
		if r.TargetLoss != nil {
			return r.TargetLoss
		}
		fallthrough
	case Residual:
		if r.Loss != nil {
			return r.Loss
		}
	}
	return r.InherentLoss
}

// Current returns the assessment of the risk as it stands: At(Residual).
func (r Risk) Current() Assessment { return r.At(Residual) }

// Controls returns every control ID the risk refers to, from applied
// controls and treatment actions, each once, in natural order.
func (r Risk) Controls() []controls.ID {
	var out []controls.ID
	add := func(id controls.ID) {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	for _, a := range r.Applied {
		add(a.Control)
	}
	for _, a := range r.Treatment.Actions {
		for _, c := range a.Controls {
			add(c)
		}
	}
	slices.SortFunc(out, controls.CompareIDs)
	return out
}

// Reassess returns a copy of r with the assessment of stage s replaced by
// a, and r's assessments kept as a Snapshot in History so the trend stays
// visible. r itself is not changed.
func (r Risk) Reassess(s Stage, a Assessment, note string) Risk {
	out := r.clone()
	out.History = append(out.History, Snapshot{Inherent: r.Inherent, Residual: r.Residual, Target: r.Target, Note: note})
	switch s {
	case Inherent:
		out.Inherent = a
	case Residual:
		out.Residual = a
	case Target:
		out.Target = a
	}
	return out
}

func (r Risk) clone() Risk {
	out := r
	out.Assets = slices.Clone(r.Assets)
	out.Properties = slices.Clone(r.Properties)
	out.Requirements = slices.Clone(r.Requirements)
	out.Applied = slices.Clone(r.Applied)
	out.Treatment = r.Treatment.clone()
	out.Inherent, out.Residual, out.Target = r.Inherent.clone(), r.Residual.clone(), r.Target.clone()
	if r.Acceptance != nil {
		a := *r.Acceptance
		if a.OwnerAgreement != nil {
			g := *a.OwnerAgreement
			a.OwnerAgreement = &g
		}
		out.Acceptance = &a
	}
	out.Loss, out.InherentLoss, out.TargetLoss = r.Loss.clone(), r.InherentLoss.clone(), r.TargetLoss.clone()
	out.History = slices.Clone(r.History)
	return out
}

// Deadline returns when something must next happen about the risk: the
// treatment deadline, or, for a retained risk, the acceptance expiry.
func (r Risk) Deadline() (t time.Time) {
	if d := r.Treatment.Deadline(); !d.IsZero() {
		return d
	}
	if r.Acceptance != nil {
		return r.Acceptance.Expires
	}
	return t
}

// Point is one step of a risk's trend.
type Point struct {
	Date   time.Time `json:"date"`
	Rating Rating    `json:"rating"`
	Grade  Grade     `json:"grade"`
	// MethodVersion is the version of the method that rated the point.
	MethodVersion string `json:"method_version,omitempty"`
	// MethodChanged says the method moved the rating, not the risk: the
	// rating is the same as the point before, but the method of its time
	// gives it another band.
	MethodChanged bool `json:"method_changed,omitempty"`
	// Rerated says the assessment names a method version that was not
	// given, so it was rated with the current method.
	Rerated bool `json:"rerated,omitempty"`
}

// Trend returns the grade of stage s over the risk's history, oldest first,
// ending with the current assessment. Each assessment is rated with the
// method of its time: the scorer among methods whose Method.Version is its
// MethodVersion; an assessment without a version is rated with methods[0]
// (the current method), as is one whose version is not given (marked
// Rerated). A point whose rating did not change but whose band did is
// marked MethodChanged. Snapshots whose rating is off their method's scales
// are skipped; with no methods the trend is empty.
func (r Risk) Trend(s Stage, methods ...*Scorer) []Point {
	if len(methods) == 0 || methods[0] == nil {
		return nil
	}
	out := make([]Point, 0, len(r.History)+1)
	for k := 0; k <= len(r.History); k++ {
		sn := Risk{Inherent: r.Inherent, Residual: r.Residual, Target: r.Target}
		if k < len(r.History) {
			h := &r.History[k]
			sn = Risk{Inherent: h.Inherent, Residual: h.Residual, Target: h.Target}
		}
		a := sn.At(s)
		sc, rerated := methods[0], false
		if a.MethodVersion != "" && a.MethodVersion != sc.method.Version {
			rerated = true
			for _, m := range methods[1:] {
				if m != nil && m.method.Version == a.MethodVersion {
					sc, rerated = m, false
					break
				}
			}
		}
		g, err := sc.Rate(a.Rating)
		if err != nil {
			continue
		}
		p := Point{Date: a.Date, Rating: a.Rating, Grade: g, MethodVersion: sc.method.Version, Rerated: rerated}
		if n := len(out); n > 0 && out[n-1].Rating == p.Rating && out[n-1].MethodVersion != p.MethodVersion && out[n-1].Grade.Band.ID != g.Band.ID {
			p.MethodChanged = true
		}
		out = append(out, p)
	}
	return out
}

// name returns how messages refer to the risk: its Ref, or its title.
func (r Risk) name() string {
	if strings.TrimSpace(r.Ref) != "" {
		return r.Ref
	}
	return r.Title
}
