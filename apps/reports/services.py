"""Writes of the reports app: publishing the annual report (draft → published →
draft) and recording a satisfaction survey response (once per request)."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.errors import ApplicationError
from apps.core.workflow import record_transition
from apps.info_requests.models import InformationRequest, Status
from apps.letters.models import DocumentKind
from apps.letters.services import issue_document
from apps.reports import annual
from apps.reports.models import (
    AnnualReport,
    AnnualReportVersion,
    SkmElement,
    SurveyResponse,
)

# The report's publication is a flag; its audit rows name these two states.
DRAFT, PUBLISHED = "draft", "published"


def _refuse_published(report: AnnualReport) -> None:
    if report.published:
        raise ApplicationError(
            _("The report for %(year)s is already published.") % {"year": report.year},
            code="already_published",
        )


def annual_report_publish(
    *, report: AnnualReport, actor, now: dt.datetime | None = None
) -> AnnualReport:
    """draft → published: the report is frozen as a new version (its narrative,
    its figures as JSON, the PDF issued with number, signer and verification code,
    the XLSX) and the public pages show that version from now on; data recorded
    later never change it. A second version needs a change note. Should another
    officer publish the same report meanwhile, the document issued here stays in
    the register of issued documents unused (the number is not reused)."""
    now = now or timezone.now()
    report = AnnualReport.objects.get(pk=report.pk)
    _refuse_published(report)
    number = report.versions.count() + 1
    if number > 1 and not report.change_note.strip():
        raise ApplicationError(
            _(
                "Say what this version corrects (field 'what this version "
                "corrects') before publishing the report for %(year)s again."
            )
            % {"year": report.year},
            code="change_note_needed",
        )
    # Rendered before the row is locked (no PDF under a lock).
    figures = annual.frozen_figures(report)
    xlsx = annual.render_report_xlsx(report, figures)
    document = issue_document(
        kind=DocumentKind.ANNUAL_REPORT,
        subject=annual.official_title(report),
        render=lambda letter: annual.render_report_pdf(report, figures, letter),
        case=report,
        actor=actor,
        when=now,
        filename=f"laporan-{report.year}-v{number}.pdf",
    )
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        _refuse_published(report)
        version = AnnualReportVersion(
            report=report,
            version=number,
            published_at=now,
            published_by=actor if actor and actor.is_authenticated else None,
            change_note=report.change_note.strip() if number > 1 else "",
            narrative=report.narrative(),
            figures=figures,
            document=document,
            xlsx_sha256=hashlib.sha256(xlsx).hexdigest(),
        )
        version.xlsx.save(
            f"laporan-{report.year}-v{number}.xlsx", ContentFile(xlsx), save=False
        )
        version.save()
        report.published = True
        report.published_at = now
        report.published_by = actor if actor and actor.is_authenticated else None
        report.change_note = ""  # the next correction says what it corrects
        report.full_clean()
        report.save(
            update_fields=["published", "published_at", "published_by", "change_note"]
        )
        record_transition(
            report,
            from_status=DRAFT,
            to_status=PUBLISHED,
            actor=actor,
            at=report.published_at,
        )
    return report


def annual_report_unpublish(*, report: AnnualReport, actor=None) -> AnnualReport:
    """published → draft: withdrawn from the public pages (e.g. to correct it)."""
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        if not report.published:
            raise ApplicationError(
                _("The report for %(year)s is not published.") % {"year": report.year},
                code="not_published",
            )
        report.published = False
        report.published_at = None
        report.published_by = None
        report.save(update_fields=["published", "published_at", "published_by"])
        record_transition(report, from_status=PUBLISHED, to_status=DRAFT, actor=actor)
    return report


def survey_response_submit(
    *,
    info_request: InformationRequest,
    scores: dict[str, int],
    comment: str = "",
    now: dt.datetime | None = None,
) -> SurveyResponse:
    """One response per request, only after its written notice (status decided)."""
    missing = [
        code for code in SkmElement.values if scores.get(code) not in range(1, 5)
    ]
    if missing:
        raise ValidationError(
            {code: [_("Choose a score from 1 to 4.")] for code in missing}
        )
    with transaction.atomic():
        info_request = InformationRequest.objects.select_for_update().get(
            pk=info_request.pk
        )
        if info_request.status != Status.DECIDED:
            raise ApplicationError(
                _("The survey opens once the written notice has been issued."),
                code="not_decided",
            )
        if SurveyResponse.objects.filter(request=info_request).exists():
            raise ApplicationError(
                _("This request's survey has already been answered. Thank you!"),
                code="already_answered",
            )
        response = SurveyResponse(
            request=info_request,
            submitted_at=now or timezone.now(),
            comment=comment.strip(),
            **{code: scores[code] for code in SkmElement.values},
        )
        response.full_clean(exclude=["request"])
        try:
            with transaction.atomic():
                response.save()
        except IntegrityError:
            raise ApplicationError(
                _("This request's survey has already been answered. Thank you!"),
                code="already_answered",
            ) from None
    return response
