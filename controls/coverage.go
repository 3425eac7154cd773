package controls

// Counts tallies controls by implementation status. Missing counts controls
// that are not started or have no record at all; Planned counts planned
// controls and InProgress those being implemented.
type Counts struct {
	Total         int `json:"total"`
	Implemented   int `json:"implemented"`
	InProgress    int `json:"in_progress"`
	Planned       int `json:"planned"`
	Missing       int `json:"missing"`
	NotApplicable int `json:"not_applicable"`
}

func (c *Counts) add(s Status) {
	c.Total++
	switch s {
	case Implemented:
		c.Implemented++
	case InProgress:
		c.InProgress++
	case Planned:
		c.Planned++
	case NotApplicable:
		c.NotApplicable++
	default:
		c.Missing++
	}
}

// ThemeCounts is the coverage of one theme.
type ThemeCounts struct {
	Theme  Theme  `json:"theme"`
	Counts Counts `json:"counts"`
}

// TagCounts is the coverage of the controls carrying one tag.
type TagCounts struct {
	Kind   Kind   `json:"kind"`
	Tag    Tag    `json:"tag"`
	Counts Counts `json:"counts"`
}

// Coverage summarizes how far an organization is with a catalogue: overall,
// per theme (in catalogue order) and per tag (in vocabulary order).
type Coverage struct {
	All    Counts        `json:"all"`
	Themes []ThemeCounts `json:"themes"`
	Tags   []TagCounts   `json:"tags"`
}

// Cover computes the coverage of cat by impls. Records of controls the
// catalogue does not have are ignored (Implementations.CheckRefs reports
// them); when a control has several records the last one counts
// (Implementations.Validate reports that). A nil catalogue has no coverage.
func Cover(cat *Catalogue, impls []Implementation) Coverage {
	if cat == nil {
		return Coverage{}
	}
	status := make(map[ID]Status, len(impls))
	for _, im := range impls {
		status[im.Control] = im.Status
	}
	var cov Coverage
	themes := map[Theme]*Counts{}
	for _, t := range cat.vocab.themes {
		cov.Themes = append(cov.Themes, ThemeCounts{Theme: t})
	}
	for i := range cov.Themes {
		themes[cov.Themes[i].Theme] = &cov.Themes[i].Counts
	}
	cov.Tags = make([]TagCounts, len(cat.vocab.tags))
	for i, t := range cat.vocab.tags {
		cov.Tags[i] = TagCounts{Kind: cat.vocab.kindOf[i], Tag: t}
	}
	for _, ctl := range cat.controls {
		s := status[ctl.id]
		cov.All.add(s)
		themes[ctl.theme].add(s)
		for i := range cat.vocab.tags {
			if ctl.tags.has(i) {
				cov.Tags[i].Counts.add(s)
			}
		}
	}
	// Present tags grouped by kind, in declaration order.
	var ordered []TagCounts
	for _, k := range cat.vocab.kinds {
		for _, t := range k.Values {
			ordered = append(ordered, cov.Tags[cat.vocab.index[t]])
		}
	}
	cov.Tags = ordered
	return cov
}
