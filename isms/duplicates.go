package isms

import "strings"

// Duplicates records a problem for every item of items (a list at path)
// whose key an earlier item already has, at path[i].field, with the message
// say(item, j) naming the earlier item's index j. Items whose key reports
// false (no key: an empty name, a zero ID, which their own Validate
// reports) are not compared. It is the one "no X twice" rule of every
// register: IDs, names, references.
func Duplicates[T any, K comparable](p *Problems, path, field string, items []T, key func(T) (K, bool), say func(item T, j int) string) {
	seen := make(map[K]int, len(items))
	for i, it := range items {
		k, ok := key(it)
		if !ok {
			continue
		}
		if j, dup := seen[k]; dup {
			p.Addf(JoinPath(Index(path, i), field), "%s", say(it, j))
			continue
		}
		seen[k] = i
	}
}

// NameKey is the key two names collide on: trimmed and in lower case;
// false for a blank name.
func NameKey(name string) (string, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	return n, n != ""
}
