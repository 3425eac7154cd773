package main

import (
	"bytes"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/suppliers"
)

// riskByRef finds the risk ref of a resolved workbook.
func riskByRef(t *testing.T, wb Workbook, ref string) risk.Risk {
	t.Helper()
	i := slices.IndexFunc(wb.Risks, func(r risk.Risk) bool { return r.Ref == ref })
	require.GreaterOrEqual(t, i, 0, ref)
	return wb.Risks[i]
}

// TestResolve_ARiskNamesItsSupplierAndItsLossesAndCost: a v2 risk names
// its supplier by the supplier's name, and carries its inherent, residual
// and target losses and the plan's annual cost into the register.
func TestResolve_ARiskNamesItsSupplierAndItsLossesAndCost(t *testing.T) {
	wb, _, err := resolve(sampleV2(t))
	require.NoError(t, err)
	r3 := riskByRef(t, wb, "R-3")
	i := slices.IndexFunc(wb.Suppliers.Suppliers, func(s suppliers.Supplier) bool { return s.Name == "Cloud hosting provider" })
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, wb.Suppliers.Suppliers[i].ID, r3.Supplier)
	reg := risk.Register{Risks: wb.Risks}
	assert.Equal(t, []string{"R-3"}, refsOf(reg.BySupplier(r3.Supplier)))

	r4 := riskByRef(t, wb, "R-4")
	require.NotNil(t, r4.InherentLoss)
	require.NotNil(t, r4.TargetLoss)
	require.NotNil(t, r4.Treatment.Cost)
	assert.Equal(t, "2", r4.InherentLoss.ARO.String())
	assert.Equal(t, "0.5", r4.Loss.ARO.String())
	assert.Equal(t, "0.2", r4.TargetLoss.ARO.String())
	assert.Equal(t, "12000.00 EUR", r4.Treatment.Cost.String())
}

func refsOf(rs []risk.Risk) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Ref)
	}
	return out
}

// TestRun_AnUnknownRiskSupplierGetsADidYouMean: a risk's supplier that is
// not in the workbook's suppliers is a problem at its path, with the
// closest name.
func TestRun_AnUnknownRiskSupplierGetsADidYouMean(t *testing.T) {
	tree := sampleTree(t)
	at(tree, "risks", 2).(map[string]any)["supplier"] = "Cloud hostng provider"
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "has 1 problem;")
	assert.Contains(t, stderr.String(), `risks[2].supplier: "R-3": no supplier is named "Cloud hostng provider"; did you mean "Cloud hosting provider"?`)

	delete(tree, "suppliers")
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), `no supplier is named "Cloud hostng provider" (the workbook defines none)`)
}

// TestRun_ARiskCostInAnotherCurrencyIsAProblemAtItsPath: the plan's cost
// and the losses share one currency, and a negative cost is refused.
func TestRun_ARiskCostInAnotherCurrencyIsAProblemAtItsPath(t *testing.T) {
	tree := sampleTree(t)
	at(tree, "risks", 3, "treatment", "cost").(map[string]any)["currency"] = "USD"
	at(tree, "risks", 3, "target_loss", "sle").(map[string]any)["amount"] = "-5"
	var stdout, stderr bytes.Buffer
	require.Error(t, run([]string{"-check", "-in", writeTree(t, tree)}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "risks[3].treatment.cost.currency:")
	assert.Contains(t, stderr.String(), "currency USD differs from EUR")
	assert.Contains(t, stderr.String(), "risks[3].target_loss.sle.amount:")
}

// TestXLSX_ARiskSupplierLossesAndCostRoundTrip: the new risk fields are
// columns of the Risks sheet, read back the same, and the supplier
// column's drop-down offers the workbook's suppliers, not its parties.
func TestXLSX_ARiskSupplierLossesAndCostRoundTrip(t *testing.T) {
	wb := sampleV2(t)
	data := toXLSX(t, wb)
	back, _, err := readWorkbookXLSX(data)
	require.NoError(t, err)
	assert.Equal(t, "Cloud hosting provider", back.Risks[2].Supplier)
	require.NotNil(t, back.Risks[3].TargetLoss)
	require.NotNil(t, back.Risks[3].Treatment.Cost)
	assert.Equal(t, "12000", back.Risks[3].Treatment.Cost.Amount.String())
	assert.Equal(t, "2", back.Risks[3].InherentLoss.ARO.String())

	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("Risks")
	require.NoError(t, err)
	for _, h := range []string{"supplier", "inherent_loss.aro", "target_loss.sle.amount", "treatment.cost.amount", "treatment.cost.currency"} {
		assert.Contains(t, rows[0], h)
	}
	col := slices.Index(rows[0], "supplier")
	name, err := excelize.ColumnNumberToName(col + 1)
	require.NoError(t, err)
	dvs, err := f.GetDataValidations("Risks")
	require.NoError(t, err)
	var list string
	for _, dv := range dvs {
		if dv.Sqref == name+"2:"+name+"10001" {
			list = dv.Formula1
		}
	}
	require.NotEmpty(t, list, "the supplier column has a drop-down")
	lists, err := f.GetRows(SheetLists)
	require.NoError(t, err)
	var header []string
	if len(lists) > 0 {
		header = lists[0]
	}
	assert.Contains(t, header, "suppliers")
}
