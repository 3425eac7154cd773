package isms

// IsCurrency reports whether code is an ISO 4217 currency code as written:
// three capital letters A–Z ("EUR", not "eur", " EUR" or "€").
func IsCurrency(code string) bool {
	if len(code) != 3 {
		return false
	}
	for i := range 3 {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	return true
}

// CheckCurrency records a problem at path unless IsCurrency(code). Amounts
// in different currencies are never added, so a code that differed only in
// case would split one currency in two.
func CheckCurrency(p *Problems, path, code string) {
	if !IsCurrency(code) {
		p.Addf(path, "currency %s is not an ISO 4217 code: three capital letters, e.g. \"EUR\"", Quote(code))
	}
}
