package suppliers_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/isms"
	"github.com/ismskit/ismskit/suppliers"
)

var (
	ns       = isms.NewNamespace("suppliers test")
	itm      = isms.DeriveID[isms.Role](ns, "IT manager")
	jussi    = isms.DeriveID[isms.Person](ns, "Jussi")
	custData = isms.DeriveID[isms.Asset](ns, "customer data")
	laptops  = isms.DeriveID[isms.Asset](ns, "laptops")
	hrData   = isms.DeriveID[isms.Asset](ns, "hr")
	now      = time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func context() isms.OrgContext {
	return isms.OrgContext{
		Organization: isms.Organization{ID: isms.DeriveID[isms.Organization](ns, "org"), Name: "Org", Scales: isms.DefaultRatingScales()},
		Scope:        isms.Scope{Interfaces: []isms.Interface{{Kind: isms.InterfaceCloudService, Name: "Cloud host"}}},
		People:       []isms.Person{{ID: jussi, Name: "Jussi"}},
		Roles:        []isms.Role{{ID: itm, Name: "IT manager", Holders: []isms.PersonID{jussi}}},
		Assets: []isms.Asset{
			{ID: custData, Name: "Customer data", Type: isms.AssetInformation, Owner: isms.OwnedByRole(itm), Ratings: isms.CIA{Confidentiality: 5, Integrity: 4, Availability: 4}},
			{ID: laptops, Name: "Laptops", Type: isms.AssetHardware, Owner: isms.OwnedByRole(itm), Ratings: isms.CIA{Confidentiality: 2, Integrity: 2, Availability: 2}},
			{ID: hrData, Name: "Employee records", Type: isms.AssetInformation, Owner: isms.OwnedByRole(itm), Ratings: isms.CIA{Confidentiality: 4, Integrity: 3, Availability: 2}},
		},
	}
}

// good is a critical cloud host that passes every lint rule at now.
func good() suppliers.Supplier {
	return suppliers.Supplier{
		ID: isms.DeriveID[suppliers.Supplier](ns, "host"), Name: "Cloud host", Interface: "Cloud host",
		Owner: isms.OwnedByRole(itm), Services: []string{"IaaS hosting"}, Cloud: true,
		Assets: []isms.AssetID{custData},
		Data:   []suppliers.DataCategory{{Name: "customer contacts", Personal: true}},
		Access: []suppliers.Access{{Kind: suppliers.AccessPrivileged, Description: "support break-glass", Reviewed: day(2027, 3, 1)}},
		Contract: suppliers.Contract{Reference: "Hosting agreement", Signed: day(2025, 1, 1), Confidentiality: true,
			ProcessingAgreement: true, NotificationHours: 24, RightToAudit: true, ExitReturn: true},
		Certificates: []suppliers.Certificate{{Scheme: "ISO/IEC 27001", Scope: "IaaS", Covers: []string{"IaaS hosting"}, Issued: day(2025, 9, 1), Expires: day(2028, 8, 31)}},
		Assessments:  []suppliers.Assessment{{Date: day(2027, 1, 15), Method: "certificate review", Outcome: suppliers.OutcomeAcceptable}},
		ExitPlan:     "Nightly export to a second provider; move within 30 days.",
	}
}

func codes(as []isms.Advice) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Code)
	}
	return out
}

func TestSupplier_GoodIsValidAndLintClean(t *testing.T) {
	reg := suppliers.Register{Suppliers: []suppliers.Supplier{good()}}
	require.NoError(t, reg.Validate())
	require.NoError(t, reg.CheckRefs(context()))
	assert.Empty(t, suppliers.Lint(reg, context(), now, suppliers.LintOptions{}))
}

func TestSupplier_ValidateReportsEveryProblem(t *testing.T) {
	s := suppliers.Supplier{
		Services: []string{" "}, Assets: []isms.AssetID{{}}, Data: []suppliers.DataCategory{{}},
		Access:       []suppliers.Access{{Kind: "vpn"}},
		Contract:     suppliers.Contract{NotificationHours: suppliers.MaxNotificationHours + 1},
		Certificates: []suppliers.Certificate{{Issued: day(2026, 1, 1), Covers: []string{""}}, {Scheme: "SOC 2", Issued: day(2026, 1, 1), Expires: day(2025, 1, 1)}},
		Assessments:  []suppliers.Assessment{{Outcome: "fine"}},
	}
	err := suppliers.Register{Suppliers: []suppliers.Supplier{s, s}}.Validate()
	require.Error(t, err)
	assert.True(t, errors.Is(err, isms.ErrInvalid))
	var paths []string
	for _, v := range isms.ValidationErrors(err) {
		paths = append(paths, v.Path)
	}
	for _, want := range []string{"suppliers[0].id", "suppliers[0].name", "suppliers[0].owner", "suppliers[0].services[0]",
		"suppliers[0].assets[0]", "suppliers[0].data[0].name", "suppliers[0].access[0].kind", "suppliers[0].contract.notification_hours",
		"suppliers[0].certificates[0].scheme", "suppliers[0].certificates[0].expires", "suppliers[0].certificates[0].covers[0]",
		"suppliers[0].certificates[1].expires", "suppliers[0].assessments[0].date", "suppliers[0].assessments[0].method",
		"suppliers[0].assessments[0].outcome"} {
		assert.Contains(t, paths, want)
	}
}

func TestRegister_RepeatedIDAndNameAreErrors(t *testing.T) {
	err := suppliers.Register{Suppliers: []suppliers.Supplier{good(), good()}}.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "suppliers[1].id")
	assert.Contains(t, err.Error(), "suppliers[1].name")
}

func TestRegister_CheckRefsFindsUnknownReferences(t *testing.T) {
	s := good()
	s.Owner = isms.OwnedByRole(isms.DeriveID[isms.Role](ns, "nobody"))
	s.Party = isms.DeriveID[isms.InterestedParty](ns, "nobody")
	s.Assets = append(s.Assets, isms.DeriveID[isms.Asset](ns, "nothing"))
	s.Interface = "Mainframe"
	err := suppliers.Register{Suppliers: []suppliers.Supplier{s}}.CheckRefs(context())
	require.Error(t, err)
	for _, want := range []string{"suppliers[0].owner.role", "suppliers[0].party", "suppliers[0].assets[1]", "suppliers[0].interface"} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestClassify_FollowsTheDocumentedRule(t *testing.T) {
	c := context()
	base := suppliers.Supplier{Name: "X", Services: []string{"s"}}
	with := func(f func(*suppliers.Supplier)) suppliers.Supplier { s := base; f(&s); return s }
	for _, tc := range []struct {
		name string
		s    suppliers.Supplier
		want suppliers.Tier
	}{
		{"nothing", base, suppliers.TierStandard},
		{"low asset", with(func(s *suppliers.Supplier) { s.Assets = []isms.AssetID{laptops} }), suppliers.TierStandard},
		{"upper-half asset", with(func(s *suppliers.Supplier) { s.Assets = []isms.AssetID{hrData} }), suppliers.TierImportant},
		{"top asset", with(func(s *suppliers.Supplier) { s.Assets = []isms.AssetID{custData} }), suppliers.TierCritical},
		{"personal data", with(func(s *suppliers.Supplier) { s.Data = []suppliers.DataCategory{{Name: "salaries", Personal: true}} }), suppliers.TierImportant},
		{"special data", with(func(s *suppliers.Supplier) { s.Data = []suppliers.DataCategory{{Name: "patients", Special: true}} }), suppliers.TierCritical},
		{"remote access", with(func(s *suppliers.Supplier) { s.Access = []suppliers.Access{{Kind: suppliers.AccessRemote}} }), suppliers.TierImportant},
		{"privileged access", with(func(s *suppliers.Supplier) { s.Access = []suppliers.Access{{Kind: suppliers.AccessPrivileged}} }), suppliers.TierCritical},
		{"cloud", with(func(s *suppliers.Supplier) { s.Cloud = true }), suppliers.TierImportant},
		{"unknown asset ignored", with(func(s *suppliers.Supplier) { s.Assets = []isms.AssetID{isms.DeriveID[isms.Asset](ns, "x")} }), suppliers.TierStandard},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := suppliers.Classify(tc.s, c)
			assert.Equal(t, tc.want, got.Tier)
			assert.NotEmpty(t, got.Reasons)
		})
	}
}

// Each lint rule: a change to the clean supplier that fires it (positive)
// and a near miss that does not (negative).
func TestLint_EachRuleFiresAndHasANearMiss(t *testing.T) {
	for _, tc := range []struct {
		name string
		code string
		fire func(*suppliers.Supplier)
		miss func(*suppliers.Supplier)
	}{
		{"personal data without DPA", suppliers.RulePersonalDataWithoutDPA,
			func(s *suppliers.Supplier) { s.Contract.ProcessingAgreement = false },
			func(s *suppliers.Supplier) {
				s.Contract.ProcessingAgreement = false
				s.Data = []suppliers.DataCategory{{Name: "invoices"}}
			}},
		{"96-hour notification clause", suppliers.RuleNotificationDeadline,
			func(s *suppliers.Supplier) { s.Contract.NotificationHours = 96 },
			func(s *suppliers.Supplier) { s.Contract.NotificationHours = 48 }},
		{"72 hours is not sooner than the organisation's 72", suppliers.RuleNotificationDeadline,
			func(s *suppliers.Supplier) { s.Contract.NotificationHours = 72 },
			func(s *suppliers.Supplier) { s.Contract.NotificationHours = 71 }},
		{"no notification clause with personal data", suppliers.RuleNotificationDeadline,
			func(s *suppliers.Supplier) { s.Contract.NotificationHours = 0 },
			func(s *suppliers.Supplier) { s.Contract.NotificationHours = 0; s.Data = nil }},
		{"certificate expired", suppliers.RuleCertificateExpired,
			func(s *suppliers.Supplier) { s.Certificates[0].Expires = now.AddDate(0, 0, -1) },
			func(s *suppliers.Supplier) { s.Certificates[0].Expires = now.AddDate(0, 0, 1) }},
		{"certificate out of scope", suppliers.RuleCertificateOutOfScope,
			func(s *suppliers.Supplier) { s.Services = append(s.Services, "Managed database") },
			func(s *suppliers.Supplier) {
				s.Services = append(s.Services, "Managed database")
				s.Certificates[0].Covers = append(s.Certificates[0].Covers, "managed  DATABASE")
			}},
		{"critical supplier overdue", suppliers.RuleAssessmentOverdue,
			func(s *suppliers.Supplier) { s.Assessments[0].Date = now.AddDate(-1, 0, -1) },
			func(s *suppliers.Supplier) { s.Assessments[0].Date = now.AddDate(-1, 0, 1) }},
		{"critical supplier never assessed", suppliers.RuleAssessmentOverdue,
			func(s *suppliers.Supplier) { s.Assessments = nil },
			func(s *suppliers.Supplier) { // a standard supplier need not be assessed yet
				s.Assessments, s.Assets, s.Access, s.Data, s.Cloud = nil, nil, nil, nil, false
			}},
		{"important supplier never assessed since its contract", suppliers.RuleAssessmentOverdue,
			func(s *suppliers.Supplier) { // personal data but no privileged access: important
				s.Assessments, s.Access, s.Assets = nil, nil, nil
				s.Contract.Signed = now.AddDate(-2, 0, 0)
			},
			func(s *suppliers.Supplier) {
				s.Access, s.Assets = nil, nil
				s.Assessments[0].Date = now.AddDate(-1, 0, 0) // assessed a year ago: due in 24 months
			}},
		{"privileged access never reviewed", suppliers.RulePrivilegedAccess,
			func(s *suppliers.Supplier) { s.Access[0].Reviewed = time.Time{} },
			func(s *suppliers.Supplier) {
				s.Access[0].Reviewed = time.Time{}
				s.Access[0].Kind = suppliers.AccessRemote
			}},
		{"privileged access review too old", suppliers.RulePrivilegedAccess,
			func(s *suppliers.Supplier) { s.Access[0].Reviewed = now.AddDate(-1, 0, -1) },
			func(s *suppliers.Supplier) { s.Access[0].Reviewed = now.AddDate(-1, 0, 1) }},
		{"critical cloud without exit plan", suppliers.RuleCloudExitPlan,
			func(s *suppliers.Supplier) { s.ExitPlan = " " },
			func(s *suppliers.Supplier) { s.ExitPlan = " "; s.Cloud = false }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fire, miss := good(), good()
			tc.fire(&fire)
			tc.miss(&miss)
			got := suppliers.Lint(suppliers.Register{Suppliers: []suppliers.Supplier{fire}}, context(), now, suppliers.LintOptions{})
			require.Contains(t, codes(got), tc.code)
			for _, a := range got {
				if a.Code == tc.code {
					assert.Contains(t, a.Message, `supplier "Cloud host"`)
					assert.NotEmpty(t, a.Path)
				}
			}
			assert.NotContains(t, codes(suppliers.Lint(suppliers.Register{Suppliers: []suppliers.Supplier{miss}}, context(), now, suppliers.LintOptions{})), tc.code)
		})
	}
}

func TestLint_NinetySixHourClauseGivesTheReason(t *testing.T) {
	s := good()
	s.Contract.NotificationHours = 96
	got := suppliers.Lint(suppliers.Register{Suppliers: []suppliers.Supplier{s}}, context(), now, suppliers.LintOptions{})
	require.Len(t, got, 1)
	assert.Equal(t, "suppliers[0].contract.notification_hours", got[0].Path)
	assert.Contains(t, got[0].Message, "96 hours")
	assert.Contains(t, got[0].Message, "within 72 hours")
}

func TestLint_DutyHoursOptionSetsTheOrganisationsDeadline(t *testing.T) {
	s := good()
	s.Contract.NotificationHours = 36
	reg := suppliers.Register{Suppliers: []suppliers.Supplier{s}}
	assert.Empty(t, suppliers.Lint(reg, context(), now, suppliers.LintOptions{}))
	assert.Equal(t, []string{suppliers.RuleNotificationDeadline}, codes(suppliers.Lint(reg, context(), now, suppliers.LintOptions{DutyHours: 24})))
}

func TestDuties_CertificateReminderFallsBeforeExpiry(t *testing.T) {
	s := good()
	expires := day(2027, 9, 30)
	s.Certificates[0].Expires = expires
	ds := suppliers.Register{Suppliers: []suppliers.Supplier{s}}.Duties(context())
	require.Len(t, ds, 2)
	var cert isms.Duty
	for _, d := range ds {
		if d.Kind == isms.DutyCertificateExpiry {
			cert = d
		}
	}
	require.Equal(t, isms.DutyCertificateExpiry, cert.Kind)
	assert.True(t, cert.Due.Before(expires), "the reminder is due before the certificate expires")
	assert.Equal(t, expires.AddDate(0, 0, -suppliers.CertificateNoticeDays), cert.Due)
	assert.Contains(t, cert.Title, "2027-09-30")
}

func TestDuties_AssessmentDueByTier(t *testing.T) {
	s := good() // critical: yearly
	s.Certificates = nil
	ds := suppliers.Register{Suppliers: []suppliers.Supplier{s}}.Duties(context())
	require.Len(t, ds, 1)
	require.Equal(t, isms.DutySupplierAssessment, ds[0].Kind)
	assert.Equal(t, day(2028, 1, 15), ds[0].Due)
	assert.Equal(t, s.Owner, ds[0].Owner)

	s.Assets, s.Access, s.Data, s.Cloud = nil, nil, nil, false // standard: every three years
	ds = suppliers.Register{Suppliers: []suppliers.Supplier{s}}.Duties(context())
	assert.Equal(t, day(2030, 1, 15), ds[0].Due)
	again := suppliers.Register{Suppliers: []suppliers.Supplier{s}}.Duties(context())
	assert.Equal(t, ds, again, "duty IDs are stable")
}

func TestWriteMarkdown_ListsTheRisksEachSupplierIsTheSourceOf(t *testing.T) {
	s := good()
	other := isms.NewID[suppliers.Supplier]()
	reg := suppliers.Register{Suppliers: []suppliers.Supplier{s}}
	var with, without bytes.Buffer
	require.NoError(t, suppliers.WriteMarkdown(&with, reg, suppliers.MarkdownOptions{Context: context(),
		Risks: map[suppliers.ID][]string{s.ID: {"R-3 Outage", "R-7 *breach* | <b>"}, other: {"R-9 not in the register"}}}))
	require.NoError(t, suppliers.WriteMarkdown(&without, reg, suppliers.MarkdownOptions{Context: context()}))
	assert.Contains(t, with.String(), "## Risks that come from suppliers\n\n- **"+s.Name+"**: R-3 Outage; R-7 *breach* \\| &lt;b>\n")
	assert.NotContains(t, with.String(), "R-9", "a supplier not in the register is not listed")
	assert.NotContains(t, without.String(), "Risks that come from suppliers")
}

func TestLint_ImportantSupplierNeverAssessedIsAWarningAndTheTableSaysOverdue(t *testing.T) {
	s := good()
	s.Assessments, s.Access, s.Assets = nil, nil, nil
	s.Contract.Signed = now.AddDate(-2, 0, 0)
	reg := suppliers.Register{Suppliers: []suppliers.Supplier{s}}
	got := suppliers.Lint(reg, context(), now, suppliers.LintOptions{})
	require.Len(t, got, 1)
	assert.Equal(t, suppliers.RuleAssessmentOverdue, got[0].Code)
	assert.Equal(t, isms.SeverityWarning, got[0].Severity)
	assert.Contains(t, got[0].Message, "an important supplier")
	var md bytes.Buffer
	require.NoError(t, suppliers.WriteMarkdown(&md, reg, suppliers.MarkdownOptions{Context: context(), AsOf: now}))
	assert.Contains(t, md.String(), s.Contract.Signed.Format(time.DateOnly)+" (never assessed) **overdue** |")
	assert.Contains(t, md.String(), "1 supplier. ")
}

func TestLint_FutureDatedEvidenceCountsForNothing(t *testing.T) {
	s := good() // critical: privileged access and a top-rated asset
	s.Assessments[0].Date = now.AddDate(0, 3, 0)
	s.Access[0].Reviewed = now.AddDate(0, 0, 1)
	got := suppliers.Lint(suppliers.Register{Suppliers: []suppliers.Supplier{s}}, context(), now, suppliers.LintOptions{})
	var paths []string
	for _, a := range got {
		paths = append(paths, a.Code+" "+a.Path)
	}
	assert.ElementsMatch(t, []string{
		suppliers.RuleDatedAfterToday + " suppliers[0].assessments[0].date",
		suppliers.RuleDatedAfterToday + " suppliers[0].access[0].reviewed",
		suppliers.RuleAssessmentOverdue + " suppliers[0].assessments",
		suppliers.RulePrivilegedAccess + " suppliers[0].access[0].reviewed",
	}, paths, "a critical supplier whose only check is dated in the future was never checked")

	s = good()
	s.Assessments[0].Date, s.Access[0].Reviewed = now, now
	assert.Empty(t, suppliers.Lint(suppliers.Register{Suppliers: []suppliers.Supplier{s}}, context(), now, suppliers.LintOptions{}), "today is not the future")
}

func TestNextAssessment_AConditionalOutcomeIsFollowedUpSooner(t *testing.T) {
	s := good()
	last := s.Assessments[0].Date
	for _, tc := range []struct {
		outcome suppliers.Outcome
		months  int
	}{{suppliers.OutcomeAcceptable, suppliers.AssessCriticalMonths}, {suppliers.OutcomeConditional, suppliers.FollowUpConditionalMonths},
		{suppliers.OutcomeUnacceptable, suppliers.FollowUpUnacceptableMonths}} {
		s.Assessments[0].Outcome = tc.outcome
		assert.Equal(t, last.AddDate(0, tc.months, 0), s.NextAssessment(suppliers.TierCritical), string(tc.outcome))
	}
}
