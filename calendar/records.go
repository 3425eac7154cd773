package calendar

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
)

// TrainingRound is how close together training records of one course
// count as one round of training: a record completed within TrainingRound
// of the round's first record belongs to that round (31 days).
const TrainingRound = 31 * 24 * time.Hour

// HeldFrom turns an organization's records into the Held values that
// complete its plan (Plan.Hold), sorted by date:
//
//   - each internal audit performed (records.Audit with Performed set;
//     a planned audit is not held) is an InternalAudit on the day
//     performed, named by its title, by its auditor;
//   - each management review (records.ManagementReview) is a
//     ManagementReview on its date, by its attendees;
//   - the training records (records.Training) of one course form rounds
//     (TrainingRound): each round is one Training, held on its first day,
//     named by the course, with the number of people trained.
//
// The other record kinds do not correspond to a planned activity: there
// is no record kind for restore or recovery tests, access or supplier
// reviews, whose completions a host records as Completion (or as a Held
// of their kind). A record without a valid date (see records.Validate) is
// left out. Texts longer than MaxText are cut to it.
func HeldFrom(r records.Records) []Held {
	var out []Held
	ok := func(t time.Time) bool {
		var p isms.Problems
		isms.CheckDate(&p, "", "", t, false)
		return !t.IsZero() && p.Len() == 0
	}
	for _, a := range r.Audits {
		if ok(a.Performed) {
			out = append(out, Held{Kind: InternalAudit, Date: a.Performed, Ref: cut(a.Title), By: cut(a.Auditor)})
		}
	}
	for _, m := range r.Reviews {
		if ok(m.Date) {
			out = append(out, Held{Kind: ManagementReview, Date: m.Date, Ref: "Management review " + m.Date.Format(time.DateOnly),
				By: cut(strings.Join(m.Attendees, ", "))})
		}
	}
	byCourse := map[string][]time.Time{}
	for _, t := range r.Training {
		if ok(t.Completed) {
			byCourse[t.Course] = append(byCourse[t.Course], t.Completed)
		}
	}
	for course, days := range byCourse {
		slices.SortFunc(days, time.Time.Compare)
		for i := 0; i < len(days); {
			j := i + 1
			for j < len(days) && days[j].Sub(days[i]) <= TrainingRound {
				j++
			}
			name := course
			if strings.TrimSpace(name) == "" {
				name = "Security training"
			}
			out = append(out, Held{Kind: Training, Date: days[i], Ref: cut(name), Evidence: fmt.Sprintf("training records of %d people", j-i)})
			i = j
		}
	}
	slices.SortStableFunc(out, func(a, b Held) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Ref, b.Ref))
	})
	return out
}

// cut shortens s to at most MaxText bytes, on a character boundary.
func cut(s string) string {
	if len(s) <= MaxText {
		return s
	}
	n := MaxText
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// Unmatched returns the records (Held) the plan does not account for:
// held near no planned occurrence of their kind (within one interval, see
// Held), or of a kind the plan has no activity of. A record near an
// occurrence another record or a completion already closed is accounted
// for (an extra audit in the year is not a gap in the plan). A record is never
// dropped in silence; the caller reports these (isms/readiness does, under
// clause 8.1), e.g. an extra audit the plan does not show, or a date
// typed in the wrong year.
func (p Plan) Unmatched() []Held {
	_, un := p.resolve()
	return un
}

// heldKey identifies a record: two Held values with the same key are the
// same record.
type heldKey struct {
	kind          Kind
	activity, ref string
	sec           int64
	nsec          int
}

func (h Held) key() heldKey {
	return heldKey{h.Kind, h.Activity, h.Ref, h.Date.Unix(), h.Date.Nanosecond()}
}
