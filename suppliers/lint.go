package suppliers

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Lint rule codes (isms.Advice.Code).
const (
	// RulePersonalDataWithoutDPA: the supplier handles personal data but
	// no data processing agreement is in force (GDPR Article 28); an error.
	RulePersonalDataWithoutDPA = "supplier/personal-data-without-dpa"
	// RuleNotificationDeadline: the supplier must notify incidents no
	// sooner than the organisation must itself notify, or, handling
	// personal data, has no notification clause at all; an error. The
	// organisation's own deadline is LintOptions.DutyHours.
	RuleNotificationDeadline = "supplier/notification-deadline"
	// RuleCertificateExpired: a certificate has expired; an error.
	RuleCertificateExpired = "supplier/certificate-expired"
	// RuleCertificateOutOfScope: a certificate's scope does not cover a
	// service the organisation buys; a warning.
	RuleCertificateOutOfScope = "supplier/certificate-out-of-scope"
	// RuleAssessmentOverdue: a critical supplier was never assessed or
	// its next assessment (NextAssessment) has passed, an error; an
	// important supplier's has passed (never assessed: the contract's
	// date), a warning. A standard supplier is not flagged.
	RuleAssessmentOverdue = "supplier/assessment-overdue"
	// RulePrivilegedAccess: privileged access was never reviewed, or not
	// within AccessReviewMonths; an error.
	RulePrivilegedAccess = "supplier/privileged-access-unreviewed"
	// RuleCloudExitPlan: a critical cloud service has no exit plan (5.23);
	// an error.
	RuleCloudExitPlan = "supplier/cloud-without-exit-plan"
	// RuleDatedAfterToday: an assessment, an access review or the
	// contract is dated after the as-of date, an error; such a date is
	// no evidence, so the other rules judge the supplier without it.
	RuleDatedAfterToday = "supplier/dated-after-today"
)

// DutyHours is the organisation's own deadline for notifying a personal
// data breach (GDPR Article 33: 72 hours). Its suppliers must notify it
// sooner, so that it can meet its own deadline.
const DutyHours = 72

// AccessReviewMonths is how old the last review of a supplier's
// privileged access may be.
const AccessReviewMonths = 12

// LintOptions tunes Lint. The zero value uses DutyHours.
type LintOptions struct {
	// DutyHours is the organisation's own notification deadline in hours;
	// 0 means DutyHours (72). A supplier's deadline must be shorter.
	DutyHours int
}

// Lint checks the register against the supplier controls (5.19–5.23) at
// time now, with the tier of each supplier derived from the context c
// (Classify), and returns advice, errors first, each with a code (one of
// the Rule constants), the path and the reason in words. It works on any
// register, valid or not.
func Lint(reg Register, c isms.OrgContext, now time.Time, opts LintOptions) []isms.Advice {
	duty := opts.DutyHours
	if duty <= 0 {
		duty = DutyHours
	}
	assets, scales := assetIndex(c), c.RatingScales()
	var out []isms.Advice
	for i, s := range reg.Suppliers {
		path := isms.Index("suppliers", i)
		add := func(code string, sev isms.Severity, field, format string, args ...any) {
			out = append(out, isms.Advice{Code: code, Severity: sev, Path: isms.JoinPath(path, field),
				Message: "supplier " + isms.Quote(s.Name) + ": " + fmt.Sprintf(format, args...)})
		}
		s = withoutFutureEvidence(s, now, add)
		tier := classify(s, assets, scales)
		personal := s.PersonalData()
		if personal && !s.Contract.ProcessingAgreement {
			add(RulePersonalDataWithoutDPA, isms.SeverityError, "contract.processing_agreement",
				"it handles personal data (%s) but no data processing agreement is in force; sign one before it processes more", personalNames(s))
		}
		switch h := s.Contract.NotificationHours; {
		case h >= duty:
			add(RuleNotificationDeadline, isms.SeverityError, "contract.notification_hours",
				"it must notify incidents within %d hours, but the organisation itself must notify within %d hours; agree a shorter deadline, such as 24 hours", h, duty)
		case h == 0 && personal:
			add(RuleNotificationDeadline, isms.SeverityError, "contract.notification_hours",
				"it handles personal data but the agreement sets no incident notification deadline; the organisation must notify within %d hours, so agree a shorter one", duty)
		}
		for k, x := range s.Certificates {
			cpath := isms.Index("certificates", k)
			if !x.Expires.IsZero() && !x.Expires.After(now) {
				add(RuleCertificateExpired, isms.SeverityError, isms.JoinPath(cpath, "expires"),
					"its %s certificate expired on %s; ask for the renewed certificate", clip(x.Scheme), x.Expires.Format(time.DateOnly))
			}
			covered := map[string]bool{}
			for _, v := range x.Covers {
				covered[norm(v)] = true
			}
			var missing []string
			for _, svc := range s.Services {
				if !covered[norm(svc)] {
					missing = append(missing, clip(svc))
				}
			}
			if len(missing) > 3 {
				missing = append(missing[:3], fmt.Sprintf("%d more", len(missing)-3))
			}
			if len(missing) > 0 {
				add(RuleCertificateOutOfScope, isms.SeverityWarning, isms.JoinPath(cpath, "covers"),
					"its %s certificate does not cover %s; it is no evidence for what is outside its scope", clip(x.Scheme), strings.Join(missing, ", "))
			}
		}
		if tier.Tier == TierImportant {
			next := s.NextAssessment(tier.Tier)
			_, assessed := s.LastAssessment()
			switch {
			case !assessed && !next.IsZero() && !next.After(now):
				add(RuleAssessmentOverdue, isms.SeverityWarning, "assessments",
					"an important supplier (%s) never assessed since the contract of %s; assess it", strings.Join(tier.Reasons, "; "), next.Format(time.DateOnly))
			case assessed && !next.After(now):
				add(RuleAssessmentOverdue, isms.SeverityWarning, "assessments",
					"an important supplier whose assessment every %d months was due on %s", AssessImportantMonths, next.Format(time.DateOnly))
			}
		}
		if tier.Tier == TierCritical {
			next := s.NextAssessment(tier.Tier)
			_, assessed := s.LastAssessment()
			switch {
			case !assessed && (next.IsZero() || !next.After(now)):
				add(RuleAssessmentOverdue, isms.SeverityError, "assessments",
					"a critical supplier (%s) that was never assessed; assess it now", strings.Join(tier.Reasons, "; "))
			case assessed && !next.After(now):
				add(RuleAssessmentOverdue, isms.SeverityError, "assessments",
					"a critical supplier whose yearly assessment was due on %s", next.Format(time.DateOnly))
			}
			if s.Cloud && strings.TrimSpace(s.ExitPlan) == "" {
				add(RuleCloudExitPlan, isms.SeverityError, "exit_plan",
					"a critical cloud service with no exit plan; say how data would be exported and where the service would move")
			}
		}
		for k, a := range s.Access {
			if a.Kind != AccessPrivileged {
				continue
			}
			switch {
			case a.Reviewed.IsZero():
				add(RulePrivilegedAccess, isms.SeverityError, isms.JoinPath(isms.Index("access", k), "reviewed"),
					"its privileged access was never reviewed; review who holds it and why")
			case a.Reviewed.AddDate(0, AccessReviewMonths, 0).Before(now):
				add(RulePrivilegedAccess, isms.SeverityError, isms.JoinPath(isms.Index("access", k), "reviewed"),
					"its privileged access was last reviewed on %s, more than %d months ago", a.Reviewed.Format(time.DateOnly), AccessReviewMonths)
			}
		}
	}
	isms.SortAdvice(out)
	return out
}

func personalNames(s Supplier) string {
	var names []string
	for _, d := range s.Data {
		if d.Personal || d.Special {
			names = append(names, clip(d.Name))
		}
		if len(names) == 3 {
			names = append(names, "…")
			break
		}
	}
	return strings.Join(names, ", ")
}

// norm is the form in which service names are compared.
func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// clip shortens a text a person typed for a message.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// withoutFutureEvidence returns s without the assessments and access
// reviews dated after now (a typing slip, or a plan recorded as done),
// recording each, and a contract signed after now, with add.
func withoutFutureEvidence(s Supplier, now time.Time, add func(code string, sev isms.Severity, field, format string, args ...any)) Supplier {
	after := func(t time.Time) bool { return t.After(now) }
	var kept []Assessment
	for j, a := range s.Assessments {
		if after(a.Date) {
			add(RuleDatedAfterToday, isms.SeverityError, isms.JoinPath(isms.Index("assessments", j), "date"),
				"an assessment dated %s, after %s, is no evidence yet; correct the date or record it once it is done", a.Date.Format(time.DateOnly), now.Format(time.DateOnly))
			continue
		}
		kept = append(kept, a)
	}
	access := slices.Clone(s.Access)
	for k, a := range access {
		if after(a.Reviewed) {
			add(RuleDatedAfterToday, isms.SeverityError, isms.JoinPath(isms.Index("access", k), "reviewed"),
				"an access review dated %s, after %s, is no evidence yet; correct the date or record it once it is done", a.Reviewed.Format(time.DateOnly), now.Format(time.DateOnly))
			access[k].Reviewed = time.Time{}
		}
	}
	if after(s.Contract.Signed) {
		add(RuleDatedAfterToday, isms.SeverityError, "contract.signed",
			"the contract is dated %s, after %s; correct the date", s.Contract.Signed.Format(time.DateOnly), now.Format(time.DateOnly))
	}
	s.Assessments, s.Access = kept, access
	return s
}
