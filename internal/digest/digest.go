// Package digest computes the content hashes that approved documents (the
// SoA, the policy) carry, so that a changed approved version is noticed.
package digest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Sum returns "sha256:" and the hex SHA-256 of v's JSON encoding. It fails
// when v does not encode (a date beyond year 9999, a channel, a cycle).
func Sum(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:]), nil
}

// JSON is Sum for values known to encode; it panics otherwise.
//
// Deprecated: use Sum, which returns the error. Kept until soa and policy
// move to isms.Revision.
func JSON(v any) string {
	s, err := Sum(v)
	if err != nil {
		panic("digest: value does not encode: " + err.Error())
	}
	return s
}
