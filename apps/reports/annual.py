"""The annual report (Laporan Layanan Informasi Publik, Perki 1/2021 Pasal 56) as PDF
and XLSX: the six sections of spec §7, narrative from the officers, figures from
apps.reports.statistics."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from apps.core import periods
from apps.core.exports import xlsx_bytes
from apps.core.pdf import OFFICIAL_LANGUAGE, official_document, render_pdf
from apps.reports.models import AnnualReport
from apps.reports.statistics import all_series, year_statistics


def _figures(data: dict) -> list[tuple[str, object]]:
    """The headline numbers of section 3 (UU 14/2008 Pasal 12)."""
    req, time = data["requests"], data["timeliness"]
    outcomes = {r["key"]: r["value"] for r in all_series(data)["outcomes"]["rows"]}
    return [
        (_("Requests received"), req["received"]),
        (_("Written notices issued"), time["decided"]),
        (_("Granted in full"), outcomes.get("granted", 0)),
        (_("Granted in part"), outcomes.get("granted_in_part", 0)),
        (_("Refused"), outcomes.get("refused", 0)),
        (_("Forwarded to the body that holds it"), outcomes.get("forwarded", 0)),
        (_("Still open"), req["open"]),
        (_("Withdrawn"), req["withdrawn"]),
        (
            _("Extended (%(days)s more working days)")
            % {"days": periods.REQUEST_EXTENSION_DAYS},
            req["extended"],
        ),
        (_("Median working days to the written notice"), time["median_working_days"]),
        (_("90th percentile of working days"), time["p90_working_days"]),
        (_("Mean working days"), time["mean_working_days"]),
        (_("Longest time (working days)"), time["max_working_days"]),
        (
            _("Answered within %(days)s working days (%%)")
            % {"days": periods.REQUEST_NOTICE_DAYS},
            time["within_10_percent"],
        ),
    ]


def report_context(report: AnnualReport, data: dict | None = None) -> dict:
    data = data if data is not None else year_statistics(report.year)
    series = all_series(data)
    return {
        "report": report,
        "stats": data,
        "figures": _figures(data),
        "request_series": [
            series[key]
            for key in ("months", "channels", "units", "refusal_reasons", "pasal17")
        ],
        "objection_series": data["objections"]["series"] if data["objections"] else [],
        "complaints": series["complaints"],
        "survey": data["survey"],
    }


@official_document
def render_report_pdf(report: AnnualReport, data=None, letter=None) -> bytes:
    """The report as PDF; `letter` (LetterMeta) when it is issued: number, the
    "disahkan oleh" block and the verification code (a draft preview has none)."""
    context = report_context(report, data)
    return render_pdf("pdf/reports/annual_report.html", {**context, "letter": letter})


def _display(value) -> object:
    return "-" if value is None else value


@official_document
def render_report_xlsx(report: AnnualReport, data=None) -> bytes:
    context = report_context(report, data)
    rows: list[list] = []
    narrative = [
        ("1", _("Service policy"), report.policy),
        ("2", _("Facilities and infrastructure"), report.facilities),
        ("2", _("Staff and their qualifications"), report.staff),
        ("2", _("Budget and its use"), report.budget),
    ]
    rows += [[s, label, text or "-"] for s, label, text in narrative]
    rows += [["3", label, _display(value)] for label, value in context["figures"]]
    for series in context["request_series"]:
        rows += [
            ["3", f"{series['title']}: {row['label']}", row["value"]]
            for row in series["rows"]
        ]
    if context["objection_series"]:
        for series in context["objection_series"]:
            rows += [
                ["4", f"{series['title']}: {row['label']}", row["value"]]
                for row in series["rows"]
            ]
    else:
        rows.append(["4", _("Objections and disputes"), _("Not yet available")])
    rows.append(
        ["4", _("Notes on objections and disputes"), report.dispute_notes or "-"]
    )
    rows += [
        ["3", f"{context['complaints']['title']}: {row['label']}", row["value"]]
        for row in context["complaints"]["rows"]
    ]
    survey = context["survey"]
    rows.append(["3", _("Satisfaction survey responses"), survey["responses"]])
    rows.append(["3", _("Satisfaction index (25-100)"), _display(survey["index"])])
    rows.append(["5", _("Internal and external obstacles"), report.obstacles or "-"])
    rows.append(
        ["6", _("Recommendations and follow-up"), report.recommendations or "-"]
    )
    return xlsx_bytes(
        title=_("Public information service report %(year)s") % {"year": report.year},
        headers=[_("Section"), _("Item"), _("Value")],
        rows=rows,
        sheet=str(report.year),
    )


def frozen_figures(report: AnnualReport) -> dict:
    """The figures of the report's year as they stand now, in Indonesian."""
    with translation.override(OFFICIAL_LANGUAGE):
        return year_statistics(report.year)


def official_title(report: AnnualReport) -> str:
    with translation.override(OFFICIAL_LANGUAGE):
        return str(report)
