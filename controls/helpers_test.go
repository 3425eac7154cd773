package controls_test

import "strings"

func splitLower(s string) []string { return strings.Fields(strings.ToLower(s)) }

func containsFold(s, sub string) bool { return strings.Contains(strings.ToLower(s), sub) }
