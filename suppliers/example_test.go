package suppliers_test

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/suppliers"
)

// Lint a supplier register: a payroll bureau that may take 96 hours to
// report an incident is flagged with the reason, and the register's
// duties include a reminder two months before a certificate expires.
func Example() {
	c, reg := sample.Company(), sample.Suppliers()
	reg.Suppliers[2].Contract.NotificationHours = 96
	for _, s := range reg.Suppliers {
		fmt.Printf("%s: %s\n", s.Name, suppliers.Classify(s, c).Tier)
	}
	for _, a := range suppliers.Lint(reg, c, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), suppliers.LintOptions{}) {
		fmt.Println(a.Code, a.Path)
	}
	for _, d := range reg.Duties(c)[:1] {
		fmt.Println(d.Due.Format(time.DateOnly), d.Title)
	}
	// Output:
	// Cloud hosting provider: critical
	// Office and e-mail suite: critical
	// Payroll bureau: important
	// supplier/notification-deadline suppliers[2].contract.notification_hours
	// 2027-01-30 Ask Office and e-mail suite for its renewed ISO/IEC 27001 certificate (expires 2027-03-31)
}
