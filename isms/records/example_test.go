package records_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/isms/records"
)

// Record the evidence of a running ISMS, check it on its own and against
// the organisation's people and objectives, and judge an objective's
// progress from its measurements.
func Example() {
	ns := isms.NewNamespace("Example Ltd")
	ann := isms.DeriveID[isms.Person](ns, "Ann")
	ben := isms.DeriveID[isms.Person](ns, "Ben")
	mfa := isms.Objective{
		ID: isms.DeriveID[isms.Objective](ns, "mfa"), Title: "MFA on every admin account",
		Metric:   "share of admin accounts with MFA enforced",
		Target:   isms.Target{Comparator: isms.AtLeast, Value: decimal.NewFromInt(100), Unit: "%"},
		Deadline: time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC),
	}
	org := isms.OrgContext{
		People:     []isms.Person{{ID: ann, Name: "Ann"}, {ID: ben, Name: "Ben"}},
		Objectives: []isms.Objective{mfa},
	}
	now := time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)
	recs := records.Records{
		Training: []records.Training{{
			ID: isms.DeriveID[records.Training](ns, "ann-2027"), Person: ann,
			Course: "Security awareness", Completed: now.AddDate(0, -1, 0),
		}},
		Measurements: []records.Measurement{{
			ID: isms.DeriveID[records.Measurement](ns, "mfa-april"), Objective: mfa.ID,
			Date: now.AddDate(0, 0, -2), Value: decimal.NewFromInt(80),
		}},
	}
	if err := recs.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	if err := recs.CheckRefs(org); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("trained:", records.TrainingCoverage(org.People, recs.Training, now).Mul(decimal.NewFromInt(100)).String()+" %")
	progress, latest := records.ProgressOf(mfa, recs.Measurements, now)
	fmt.Println("MFA:", progress, "at", latest.Value.String()+" %")
	// Output:
	// trained: 50 %
	// MFA: behind at 80 %
}
