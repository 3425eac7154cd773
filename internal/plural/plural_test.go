package plural_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit/internal/plural"
)

func TestN_OneIsSingularEverythingElsePlural(t *testing.T) {
	for _, tt := range []struct {
		n          int
		noun, want string
	}{
		{1, "audit", "1 audit"},
		{2, "audit", "2 audits"},
		{0, "risk", "0 risks"},
		{1, "activity", "1 activity"},
		{22, "activity", "22 activities"},
		{3, "day", "3 days"},
		{2, "process", "2 processes"},
		{2, "box", "2 boxes"},
		{2, "search", "2 searches"},
		{4, "treatment action", "4 treatment actions"},
		{2, "planned activity", "2 planned activities"},
		{-1, "risk", "-1 risks"},
		{2, "", "2 "},
	} {
		assert.Equal(t, tt.want, plural.N(tt.n, tt.noun), "%d %s", tt.n, tt.noun)
	}
}

func TestOf_Irregular(t *testing.T) {
	assert.Equal(t, "1 piece of evidence", plural.Of(1, "piece of evidence", "pieces of evidence"))
	assert.Equal(t, "5 pieces of evidence", plural.Of(5, "piece of evidence", "pieces of evidence"))
	assert.Equal(t, "nonconformity", plural.Noun(1, "nonconformity"))
	assert.Equal(t, "nonconformities", plural.Noun(0, "nonconformity"))
}

func TestPick_AgreesWithTheCount(t *testing.T) {
	assert.Equal(t, "is", plural.Pick(1, "is", "are"))
	assert.Equal(t, "are", plural.Pick(0, "is", "are"))
	assert.Equal(t, "their", plural.Pick(3, "its", "their"))
}
