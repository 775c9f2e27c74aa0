"""The LAPOR! sheet: complaints in columns officers key into lapor.go.id.

Identity columns follow the confidentiality rule: only the PPID Utama gets the
identity of a confidential reporter; anonymous reporters have none.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from apps.complaints.selectors import identity_visible, reporter_label


def lapor_headers() -> list[str]:
    return [
        _("Tracking number"),
        _("Received"),
        _("Channel"),
        _("Classification"),
        _("Title"),
        _("Description"),
        _("Date of the event"),
        _("Place of the event"),
        _("Latitude"),
        _("Longitude"),
        _("Unit concerned"),
        _("Status"),
        _("Anonymous"),
        _("Confidential"),
        _("Reporter"),
        _("NIK"),
        _("Phone"),
        _("E-mail"),
        _("LAPOR! tracking ID"),
        _("LAPOR! status"),
    ]


def lapor_rows(queryset, user):
    yes, no = _("yes"), _("no")
    for complaint in queryset.select_related("unit").iterator(chunk_size=500):
        show = identity_visible(user, complaint)
        yield [
            complaint.number,
            timezone.localtime(complaint.received_at).strftime("%Y-%m-%d %H:%M"),
            complaint.get_channel_display(),
            complaint.get_classification_display(),
            complaint.title,
            complaint.description,
            complaint.event_date.isoformat() if complaint.event_date else "",
            complaint.event_place,
            str(complaint.latitude) if complaint.latitude is not None else "",
            str(complaint.longitude) if complaint.longitude is not None else "",
            complaint.unit.name if complaint.unit else "",
            complaint.get_status_display(),
            yes if complaint.is_anonymous else no,
            yes if complaint.is_confidential else no,
            reporter_label(user, complaint),
            complaint.reporter_nik if show else "",
            complaint.reporter_phone if show else "",
            complaint.reporter_email if show else "",
            complaint.lapor_tracking_id,
            complaint.lapor_status,
        ]
