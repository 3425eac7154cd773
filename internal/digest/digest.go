// Package digest computes the content hashes that approved documents (the
// SoA, the policy) carry, so that a changed approved version is noticed.
package digest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// JSON returns "sha256:" and the hex SHA-256 of v's JSON encoding. v must be
// plain data (no channels, functions or cycles); it panics otherwise, which
// only a programming error can cause.
func JSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("digest: value does not encode: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}
