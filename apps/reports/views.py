"""Public pages: statistics (/statistik/), the annual report (/laporan/) and the
satisfaction survey (/statistik/survei/<token>/)."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from apps.core.errors import ApplicationError
from apps.core.exports import XLSX_MIME, csv_text, download_response
from apps.info_requests.models import InformationRequest
from apps.reports import annual
from apps.reports.charts import bar_chart
from apps.reports.forms import SurveyForm
from apps.reports.models import AnnualReport
from apps.reports.services import survey_response_submit
from apps.reports.statistics import (
    FIRST_YEAR,
    LAST_YEAR,
    all_series,
    available_years,
    year_statistics,
)
from apps.reports.survey import read_survey_token


def _year(request, years: list[int]) -> int:
    """The ?year= asked for, if it is one of the years shown; else this year."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return years[0]
    return year if year in years else years[0]


@require_GET
def statistics(request):
    years = available_years(today_year=timezone.localdate().year)
    year = _year(request, years)
    data = year_statistics(year)
    charts = [
        {"series": series, "chart": bar_chart(series)}
        for series in all_series(data).values()
    ]
    return render(
        request,
        "reports/statistics.html",
        {"year": year, "years": years, "stats": data, "charts": charts},
    )


@require_GET
def survey_results(request):
    years = available_years(today_year=timezone.localdate().year)
    year = _year(request, years)
    data = year_statistics(year)
    survey = data["survey"]
    return render(
        request,
        "reports/survey_results.html",
        {
            "year": year,
            "years": years,
            "survey": survey,
            "chart": bar_chart(survey["series"]),
        },
    )


@require_GET
def series_download(request, year: str, key: str, fmt: str):
    year = int(year)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    series = all_series(year_statistics(year)).get(key)
    if series is None:
        raise Http404
    filename = f"statistik-{year}-{key}.{fmt}"
    if fmt == "json":
        response = JsonResponse(
            {"year": year, **series}, json_dumps_params={"indent": 1}
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    text = csv_text(
        headers=["key", "label", "value"],
        rows=[(r["key"], r["label"], r["value"]) for r in series["rows"]],
    )
    return download_response(text, filename=filename, content_type="text/csv")


@require_GET
def annual_list(request):
    reports = AnnualReport.objects.published().only("year", "published_at")
    return render(request, "reports/annual_list.html", {"reports": reports})


def _published(year: int) -> AnnualReport:
    return get_object_or_404(AnnualReport.objects.published(), year=year)


@require_GET
def annual_detail(request, year: int):
    report = _published(year)
    return render(request, "reports/annual_detail.html", {"report": report})


@require_GET
def annual_pdf(request, year: int):
    report = _published(year)
    response = HttpResponse(annual.render_report_pdf(report), "application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="laporan-layanan-informasi-{year}.pdf"'
    )
    return response


@require_GET
def annual_xlsx(request, year: int):
    report = _published(year)
    return download_response(
        annual.render_report_xlsx(report),
        filename=f"laporan-layanan-informasi-{year}.xlsx",
        content_type=XLSX_MIME,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def survey(request, token: str):
    number = read_survey_token(token)
    if number is None:
        raise Http404
    info_request = get_object_or_404(
        InformationRequest.objects.select_related("survey_response"),
        registration_number=number,
    )
    answered = hasattr(info_request, "survey_response")
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and not answered and form.is_valid():
        data = form.cleaned_data
        try:
            survey_response_submit(
                info_request=info_request,
                scores={k: v for k, v in data.items() if k != "comment"},
                comment=data["comment"],
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            return render(request, "reports/survey_thanks.html", {"number": number})
    return render(
        request,
        "reports/survey.html",
        {
            "form": form,
            "number": number,
            "answered": answered,
            "decided": info_request.status == "decided",
        },
    )
