"""Public pages of the registers: list with facets and search, item, downloads,
the exempt register, and exports of the public register."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from apps.accounts.roles import can_act_on_unit
from apps.core.exports import XLSX_MIME, csv_text, download_response, xlsx_bytes
from apps.core.files import private_file_response
from apps.core.pdf import column_widths, render_pdf
from apps.registers import selectors, services
from apps.registers.filters import InformationItemFilter
from apps.registers.models import Document
from apps.registers.spreadsheet import PUBLIC_HEADERS, PUBLIC_WIDTHS, public_rows

PAGE_SIZE = 20


@require_GET
def item_list(request):
    filterset = InformationItemFilter(request.GET, queryset=selectors.public_items())
    queryset = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.get("q", "").strip()
    items = list(page.object_list)
    selectors.attach_highlights(items, query)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "registers/item_list.html",
        {
            "filter": filterset,
            "page_obj": page,
            "items": items,
            "query": query,
            "querystring": params.urlencode(),
        },
    )


@require_GET
def item_detail(request, pk, slug=None):
    item = get_object_or_404(selectors.public_item_detail(), pk=pk)
    return render(
        request,
        "registers/item_detail.html",
        {"item": item, "documents": list(item.documents.all())},
    )


def _officer_may_download(user, document: Document) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("registers.view_document")
        and can_act_on_unit(user, document.item.unit_id)
    )


@require_GET
def document_download(request, pk):
    """The only way to a document: public only while its item is published and
    not exempt; officers of the unit may open drafts. Anything else is a 404,
    so a guessed number tells nothing."""
    document = get_object_or_404(Document.objects.select_related("item"), pk=pk)
    if not selectors.document_is_public(document) and not _officer_may_download(
        request.user, document
    ):
        raise Http404
    services.document_register_download(document=document)
    if document.is_link:
        return redirect(document.external_url)
    return private_file_response(
        document.file, filename=document.original_filename or f"dokumen-{pk}"
    )


@require_GET
def exemption_list(request):
    page = Paginator(selectors.public_exemptions(), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "registers/exemption_list.html",
        {"page_obj": page, "today": timezone.localdate()},
    )


@require_GET
def register_export(request, fmt):
    filterset = InformationItemFilter(request.GET, queryset=selectors.public_items())
    items = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    items = items.order_by("category", "unit__name", "title", "pk")
    rows = public_rows(items)
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        return download_response(
            xlsx_bytes(
                title="Daftar Informasi Publik",
                headers=PUBLIC_HEADERS,
                rows=rows,
                sheet="DIP",
            ),
            filename=f"daftar-informasi-publik-{stamp}.xlsx",
            content_type=XLSX_MIME,
        )
    if fmt == "csv":
        return download_response(
            "\ufeff" + csv_text(headers=PUBLIC_HEADERS, rows=rows),
            filename=f"daftar-informasi-publik-{stamp}.csv",
            content_type="text/csv; charset=utf-8",
        )
    if fmt == "pdf":
        pdf = render_pdf(
            "registers/pdf/register.html",
            {
                "headers": PUBLIC_HEADERS,
                "widths": column_widths(PUBLIC_WIDTHS),
                "rows": rows,
                "today": timezone.localdate(),
            },
        )
        return download_response(
            pdf,
            filename=f"daftar-informasi-publik-{stamp}.pdf",
            content_type="application/pdf",
        )
    raise Http404
