package quant

import "math"

// gen is the simulation's random source: SplitMix64 (a 64-bit Weyl
// sequence through a bijective mixer; it passes BigCrush), with
// ziggurat normal and exponential variates (Marsaglia and Tsang, 2000).
// It is a plain value, with no interface call per draw, and seeding it is
// one assignment, so every year with events can have its own stream.
type gen struct{ s uint64 }

// golden is SplitMix64's Weyl increment γ, 2⁶⁴ divided by the golden
// ratio, rounded to odd.
const golden = 0x9e3779b97f4a7c15

// mix is SplitMix64's output function, a bijective mixer: the stream
// from state s gives mix(s + γ), mix(s + 2γ), ….
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Uint64 returns 64 random bits.
func (g *gen) Uint64() uint64 {
	g.s += golden
	return mix(g.s)
}

// Float64 returns a uniform number in [0, 1), a multiple of 2⁻⁵³.
func (g *gen) Float64() float64 { return float64(g.Uint64()>>11) * 0x1p-53 }

// Ziggurat parameters: the base strip's right edge and its area.
const (
	zigNormR = 3.442619855899
	zigNormV = 9.91256303526217e-3
	zigExpR  = 7.697117470131487
	zigExpV  = 3.949659822581572e-3
)

// Ziggurat tables, built at start-up by Marsaglia and Tsang's recurrence.
var (
	zigKn      [128]uint32
	zigWn, zFn [128]float64
	zigKe      [256]uint32
	zigWe, zFe [256]float64
)

func init() {
	const m1, m2 = 1 << 31, 1 << 32
	dn, tn := zigNormR, zigNormR
	q := zigNormV / math.Exp(-0.5*dn*dn)
	zigKn[0], zigKn[1] = uint32(dn/q*m1), 0
	zigWn[0], zigWn[127] = q/m1, dn/m1
	zFn[0], zFn[127] = 1, math.Exp(-0.5*dn*dn)
	for i := 126; i >= 1; i-- {
		dn = math.Sqrt(-2 * math.Log(zigNormV/dn+math.Exp(-0.5*dn*dn)))
		zigKn[i+1] = uint32(dn / tn * m1)
		tn = dn
		zFn[i] = math.Exp(-0.5 * dn * dn)
		zigWn[i] = dn / m1
	}
	de, te := zigExpR, zigExpR
	q = zigExpV / math.Exp(-de)
	zigKe[0], zigKe[1] = uint32(de/q*m2), 0
	zigWe[0], zigWe[255] = q/m2, de/m2
	zFe[0], zFe[255] = 1, math.Exp(-de)
	for i := 254; i >= 1; i-- {
		de = -math.Log(zigExpV/de + math.Exp(-de))
		zigKe[i+1] = uint32(de / te * m2)
		te = de
		zFe[i] = math.Exp(-de)
		zigWe[i] = de / m2
	}
}

// normFast is the ziggurat's first try at a standard normal from 64
// random bits (the low 39 used): the variate, and whether it is accepted
// (about 98.8 % of tries); otherwise NormFloat64 from the same state
// goes on.
func normFast(u uint64) (float64, bool) {
	j := int32(u)
	i := u >> 32 & 0x7f
	return float64(j) * zigWn[i], uint32(max(j, -j)) < zigKn[i] // j = −2³¹ fails, as it should
}

// expFast is the ziggurat's first try at an exponential variate from 64
// random bits (the low 40 used; the top 24 are free for another use): the
// variate, and whether it is accepted (about 98.9 % of tries); otherwise
// expSlow goes on.
func expFast(u uint64) (float64, bool) {
	j := uint32(u)
	i := uint8(u >> 32)
	return float64(j) * zigWe[i], j < zigKe[i]
}

// NormFloat64 returns a standard normal variate.
func (g *gen) NormFloat64() float64 {
	for {
		u := g.Uint64()
		x, ok := normFast(u)
		if ok {
			return x
		}
		j := int32(u)
		i := u >> 32 & 0x7f
		if i == 0 { // the tail beyond zigNormR
			for {
				x = -math.Log(1-g.Float64()) / zigNormR
				y := -math.Log(1 - g.Float64())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return zigNormR + x
			}
			return -zigNormR - x
		}
		if zFn[i]+g.Float64()*(zFn[i-1]-zFn[i]) < math.Exp(-0.5*x*x) {
			return x
		}
	}
}

// ExpFloat64 returns an exponential variate with rate 1.
func (g *gen) ExpFloat64() float64 {
	u := g.Uint64()
	if x, ok := expFast(u); ok {
		return x
	}
	return g.expSlow(u)
}

// expSlow finishes an exponential variate whose first try, u (already
// drawn from g), expFast did not accept.
func (g *gen) expSlow(u uint64) float64 {
	for {
		j := uint32(u)
		i := uint8(u >> 32)
		x := float64(j) * zigWe[i]
		if j < zigKe[i] {
			return x
		}
		if i == 0 { // the tail beyond zigExpR
			return zigExpR - math.Log(1-g.Float64())
		}
		if zFe[i]+g.Float64()*(zFe[i-1]-zFe[i]) < math.Exp(-x) {
			return x
		}
		u = g.Uint64()
	}
}
