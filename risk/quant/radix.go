package quant

import "slices"

// radixMin is the length from which sortCents sorts by radix.
const radixMin = 4096

// sortCents returns a sorted copy of non-negative amounts of cents. The
// zero (loss-free) years go first uncompared; long runs of the others (a
// million years) are sorted by an LSD radix sort on 11-bit digits in O(n)
// (one counting pass for every digit, then a pass for each digit that is
// not the same in every amount), short ones by comparison. Sorting is
// sorting: the result is the same either way.
func sortCents(xs []int64) []int64 {
	sorted := make([]int64, len(xs))
	zero := len(xs)
	for _, x := range xs {
		if x != 0 {
			zero--
			sorted[zero] = x
		}
	}
	radixSort(sorted[zero:])
	return sorted
}

// radixSort sorts non-negative xs in place.
func radixSort(xs []int64) {
	if len(xs) < radixMin {
		slices.Sort(xs)
		return
	}
	out := xs
	const bits, digits = 11, 6 // 66 bits ≥ 63
	var count [digits][1 << bits]int
	for _, x := range out {
		u := uint64(x)
		for d := range digits {
			count[d][(u>>(d*bits))&(1<<bits-1)]++
		}
	}
	tmp := make([]int64, len(out))
	for d := range digits {
		c := &count[d]
		if c[(uint64(out[0])>>(d*bits))&(1<<bits-1)] == len(out) {
			continue // every amount has the same digit
		}
		pos := 0
		for i, n := range c {
			c[i] = pos
			pos += n
		}
		for _, x := range out {
			k := (uint64(x) >> (d * bits)) & (1<<bits - 1)
			tmp[c[k]] = x
			c[k]++
		}
		out, tmp = tmp, out
	}
	copy(xs, out)
}
