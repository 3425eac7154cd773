package calendar

// Months returns the recurrence's interval in whole months: Interval for
// a monthly rule, 12 × Interval for a yearly one, and 0 for any other
// (once, daily, weekly), which has no interval in months. It is how a
// document that promises a rhythm (the policy's "key risks reviewed every
// quarter") reads the plan's.
func (r Recurrence) Months() int {
	n := max(r.Interval, 1)
	switch r.Repeat {
	case Monthly:
		return n
	case Yearly:
		return 12 * n
	}
	return 0
}

// IntervalMonths returns the interval in months of the plan's first
// activity of kind k (Recurrence.Months), or 0 when the plan has none.
func (p Plan) IntervalMonths(k Kind) int {
	for _, a := range p.Activities {
		if a.Kind == k {
			return a.Recurrence.Months()
		}
	}
	return 0
}
