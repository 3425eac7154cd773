package processes_test

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit/examples/sample"
	"github.com/ismskit/ismskit/processes"
)

// Lint the process descriptions: the sample company's four core processes
// are clean; an incident process whose step only says "follow the policy"
// is flagged.
func Example() {
	reg := sample.Processes()
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	fmt.Println(len(processes.Lint(reg, now, processes.LintOptions{})), "findings")
	reg.Processes[2].Steps = []string{"Handle incidents according to the policy"}
	for _, a := range processes.Lint(reg, now, processes.LintOptions{}) {
		fmt.Println(a.Code, a.Path)
	}
	// Output:
	// 0 findings
	// process/restates-policy processes[2].steps[0]
}
