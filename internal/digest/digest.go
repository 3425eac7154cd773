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
