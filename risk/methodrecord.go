package risk

import "github.com/ismskit/ismskit/isms"

// MethodRecordID names one stored version of the risk method.
type MethodRecordID = isms.ID[MethodRecord]

// MethodRecord is one version of the risk method as a storable record.
// A Method has no ID of its own (a method file names a method and its
// version, not a record), so a host stores each version it keeps wrapped
// in a MethodRecord of the kind KindMethod: one record per version, made
// by NewMethodRecord with an ID derived from the method's name and version
// (MethodKey), so saving the same version twice updates one record. Earlier versions are kept so that
// Risk.Trend rates each snapshot with the method of its time.
type MethodRecord struct {
	ID MethodRecordID `json:"id"`
	// Current marks the method the register is assessed with now. An
	// organisation stores at most one current method; the others are
	// earlier versions.
	Current bool   `json:"current,omitempty"`
	Method  Method `json:"method"`
}

// MethodRecord is storable: it has a key and validates itself.
var _ isms.Record[MethodRecord] = MethodRecord{}

// KindMethod is the storable kind of risk method versions, with its stable
// storage name "risk_method" (see isms.Kind).
var KindMethod = isms.NewKind[MethodRecord]("risk_method")

// methodNamespace is the namespace of MethodKey; fixed forever so that
// stored method IDs stay stable across releases.
var methodNamespace = isms.NewNamespace("ismskit risk method")

// MethodKey returns the ID of the record of method m's version: derived
// from m.Name and m.Version, so the same name and version always give the
// same ID.
func MethodKey(m Method) MethodRecordID {
	return isms.DeriveID[MethodRecord](methodNamespace, m.Name+"\x00"+m.Version)
}

// NewMethodRecord wraps one version of the method as a record with its
// derived ID (MethodKey); current marks the method in use now.
func NewMethodRecord(m Method, current bool) MethodRecord {
	return MethodRecord{ID: MethodKey(m), Current: current, Method: m}
}

// Key returns the record's ID.
func (r MethodRecord) Key() MethodRecordID { return r.ID }

// Validate checks the record's ID and the method as Method.Validate does
// (its problems under "method"). A record made otherwise than by
// NewMethodRecord may have any non-zero ID; NewMethodRecord's keeps one
// record per version.
func (r MethodRecord) Validate() error {
	var p isms.Problems
	if r.ID.IsZero() {
		p.Addf("id", "the method record has no ID; make it with risk.NewMethodRecord")
	}
	p.Merge("method", r.Method.Validate())
	return p.Err()
}
