package main

// Cell values of the XLSX workbook: cell names, date serials, and a
// cell turned into the JSON value of its column.

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// excelEpoch is day 0 of the spreadsheet date serials (1900 date system,
// for serials from 61, 1900-03-01, on).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelSerial is the date serial of a "YYYY-MM-DD" date from 1900-03-01 on.
func excelSerial(s string) (int, bool) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		return 0, false
	}
	return int((t.Unix() - excelEpoch.Unix()) / 86400), true // not t.Sub: a Duration ends at 292 years
}

var wholeNumber = regexp.MustCompile(`^-?\d+$`)

// convert turns a cell (raw and formatted values) into the JSON value of
// column c, or says what is wrong with it. An empty cell is nil.
func convert(c xcolumn, raw, shown string) (any, string) {
	if strings.TrimSpace(raw) == "" {
		return nil, ""
	}
	if c.list {
		var out []any
		for _, line := range strings.Split(shown, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			v, problem := convert1(c, line, line)
			if problem != "" {
				return nil, problem
			}
			out = append(out, v)
		}
		return out, ""
	}
	return convert1(c, raw, shown)
}

func convert1(c xcolumn, raw, shown string) (any, string) {
	raw = strings.TrimSpace(raw)
	switch c.kind {
	case kInt:
		d, err := decimal.NewFromString(raw)
		if err != nil || !d.IsInteger() || !wholeNumber.MatchString(d.String()) {
			return nil, fmt.Sprintf("%q is not a whole number", clip(shown))
		}
		return json.Number(d.String()), ""
	case kDecimal:
		d, err := decimal.NewFromString(raw)
		if err != nil || strings.ContainsAny(raw, "eE") && (d.Exponent() < -100 || d.Exponent() > 100) {
			return nil, fmt.Sprintf("%q is not a number like 1.5", clip(shown))
		}
		return d.String(), ""
	case kBool:
		switch strings.ToLower(raw) {
		case "1", "true", "yes":
			return true, ""
		case "0", "false", "no":
			return false, ""
		}
		return nil, fmt.Sprintf("%q is not TRUE or FALSE", clip(shown))
	case kDate:
		if f, err := strconv.ParseFloat(raw, 64); err == nil {
			return dateOfSerial(f, shown)
		}
		return strings.TrimSpace(shown), ""
	}
	return shown, ""
}

// dateOfSerial is the date (or date and time, UTC) of a spreadsheet date
// serial from 61 (1900-03-01) to 2958465 (9999-12-31).
func dateOfSerial(f float64, shown string) (any, string) {
	if f < 61 || f >= 2958466 {
		return nil, fmt.Sprintf("%q is not a date from 1900-03-01 to 9999-12-31; type the date as text, like 2027-03-31", clip(shown))
	}
	days := int(f)
	secs := int((f-float64(days))*86400 + 0.5)
	t := excelEpoch.AddDate(0, 0, days).Add(time.Duration(secs) * time.Second)
	if secs == 0 || secs == 86400 {
		return t.Format(time.DateOnly), ""
	}
	return t.Format(time.RFC3339), ""
}
