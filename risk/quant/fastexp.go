package quant

import "math"

// expBits is log₂ of the size of the exp table.
const expBits = 8

// expTable holds 2^(j/256) for j in [0, 256).
var expTable = func() (t [1 << expBits]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / (1 << expBits))
	}
	return t
}()

// Cody–Waite split of ln 2 / 256: hi has trailing zero bits, so k·hi is
// exact for every k the range below gives.
const (
	expInvLn2N = (1 << expBits) / math.Ln2
	expLn2NHi  = 0x1.62e42fee00000p-9  // ln 2 / 256, high 31 bits
	expLn2NLo  = 0x1.a39ef35793c76p-41 // the rest
	expShift   = 0x1.8p52              // adding it rounds to an integer
)

// fastExp is e^x by a table of 2^(j/256) and a degree-4 polynomial on
// |r| ≤ ln 2 / 512 (its truncation error is below 4e-17): within 4e-16 of
// math.Exp (relative), about twice as fast. Outside (−700, 700), and for
// NaN, it is math.Exp.
func fastExp(x float64) float64 {
	if !(x > -700 && x < 700) {
		return math.Exp(x)
	}
	return expIn(x)
}

// expIn is fastExp for x in (−700, 700), small enough to be inlined into
// the simulation loop.
func expIn(x float64) float64 {
	kf := x*expInvLn2N + expShift - expShift
	k := int64(kf)
	r := x - kf*expLn2NHi - kf*expLn2NLo
	r2 := r * r
	s := math.Float64frombits(math.Float64bits(expTable[uint8(k)]) + uint64(k>>expBits<<52))
	return s + s*(r+r2*(0.5+r*(1.0/6)+r2*(1.0/24))) // s·e^r
}
