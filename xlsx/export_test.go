package xlsx

// Clean is clean, for the tests.
var Clean = clean
