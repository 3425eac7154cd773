package records

import (
	"strings"
	"time"

	"github.com/ismskit/ismskit/isms"
)

// Notification is one notification an incident owes an authority or
// customers (GDPR Article 33: 72 hours), with when it was sent. Requirement
// links the interested party's requirement that imposes it.
type Notification struct {
	Recipient   string             `json:"recipient"`
	Requirement isms.RequirementID `json:"requirement,omitzero"`
	// WithinHours is the deadline, counted from detection.
	WithinHours int       `json:"within_hours"`
	Sent        time.Time `json:"sent,omitzero"`
}

// Deadline is when the notification is due for an incident detected at detected.
func (n Notification) Deadline(detected time.Time) time.Time {
	return detected.Add(time.Duration(n.WithinHours) * time.Hour)
}

// Late reports whether the notification was sent after its deadline, or
// was not sent and the deadline has passed at now.
func (n Notification) Late(detected, now time.Time) bool {
	d := n.Deadline(detected)
	if n.Sent.IsZero() {
		return now.After(d)
	}
	return n.Sent.After(d)
}

// MaxNotificationHours is the longest notification deadline a record may
// give (one year); a longer one is a typing error.
const MaxNotificationHours = 24 * 366

// Incident is a security incident with the times that deadlines are
// checked against: detected, recorded, first handled, closed.
type Incident struct {
	ID           IncidentID `json:"id"`
	Title        string     `json:"title"`
	Detected     time.Time  `json:"detected"`
	Recorded     time.Time  `json:"recorded,omitzero"`
	Handled      time.Time  `json:"handled,omitzero"`
	Closed       time.Time  `json:"closed,omitzero"`
	PersonalData bool       `json:"personal_data,omitempty"`
	Notes        string     `json:"notes,omitempty"`
	// Notifications are those the incident owes, each with its deadline.
	Notifications []Notification `json:"notifications,omitempty"`
}

// Key returns the incident's ID.
func (i Incident) Key() IncidentID { return i.ID }

// Validate checks that the times are in order.
func (i Incident) Validate() error {
	var p isms.Problems
	if i.ID.IsZero() {
		p.Addf("id", "the incident has no ID")
	}
	if strings.TrimSpace(i.Title) == "" {
		p.Addf("title", "the incident has no title")
	}
	if i.Detected.IsZero() {
		p.Addf("detected", "incident %q has no detection time", i.Title)
	}
	for _, t := range []struct {
		name string
		at   time.Time
	}{{"recorded", i.Recorded}, {"handled", i.Handled}, {"closed", i.Closed}} {
		if !t.at.IsZero() && t.at.Before(i.Detected) {
			p.Addf(t.name, "incident %q was %s before it was detected", i.Title, t.name)
		}
	}
	for k, n := range i.Notifications {
		path := isms.Index("notifications", k)
		if isms.IsPlaceholder(n.Recipient) {
			p.Addf(isms.JoinPath(path, "recipient"), "the notification names no recipient")
		}
		if n.WithinHours < 1 || n.WithinHours > MaxNotificationHours {
			p.Addf(isms.JoinPath(path, "within_hours"), "deadline %d hours: a notification deadline is 1 to MaxNotificationHours (%d) hours", n.WithinHours, MaxNotificationHours)
		}
		if !n.Sent.IsZero() && n.Sent.Before(i.Detected) {
			p.Addf(isms.JoinPath(path, "sent"), "the notification to %q was sent before the incident was detected", n.Recipient)
		}
		isms.CheckDate(&p, isms.JoinPath(path, "sent"), "the sending time", n.Sent, false)
	}
	isms.CheckDate(&p, "detected", "the detection time", i.Detected, false)
	isms.CheckDate(&p, "recorded", "the recording time", i.Recorded, false)
	isms.CheckDate(&p, "handled", "the handling time", i.Handled, false)
	isms.CheckDate(&p, "closed", "the closing time", i.Closed, false)
	return p.Err()
}
