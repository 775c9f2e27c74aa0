"""Public pages of the disclosure log: list and search, answer, redacted files,
and the request form's "mungkin sudah tersedia" hint (JSON)."""

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from apps.accounts.models import Unit
from apps.core.files import private_file_response
from apps.disclosure import selectors, services
from apps.disclosure.models import PublishedDocument
from apps.registers.selectors import highlight, search_terms

PAGE_SIZE = 20
HINT_MIN_CHARS = 8
HINT_MAX_CHARS = 500
REGISTER_HITS = 5


@require_GET
def answer_list(request):
    query = request.GET.get("q", "").strip()[:200]
    queryset = selectors.public_answers()
    unit = None
    if request.GET.get("unit"):
        unit = Unit.objects.active().filter(slug=request.GET["unit"]).first()
        queryset = queryset.filter(unit=unit) if unit else queryset.none()
    queryset = selectors.search_answers(queryset, query)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    answers = list(page.object_list)
    terms = search_terms(query)
    for answer in answers:
        answer.title_html = highlight(answer.title, terms)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "disclosure/answer_list.html",
        {
            "page_obj": page,
            "answers": answers,
            "query": query,
            "unit": unit,
            "units": Unit.objects.active()
            .filter(published_answers__status="published")
            .distinct()
            .order_by("name"),
            "querystring": params.urlencode(),
        },
    )


@require_GET
def answer_detail(request, pk, slug=None):
    answer = get_object_or_404(selectors.public_answer_detail(), pk=pk)
    return render(
        request,
        "disclosure/answer_detail.html",
        {"answer": answer, "documents": list(answer.documents.all())},
    )


@require_GET
def document_download(request, pk):
    """Only redacted copies, and only while their answer is published; a 404
    otherwise, so a guessed number tells nothing."""
    document = get_object_or_404(PublishedDocument, pk=pk)
    if not selectors.document_is_public(document):
        raise Http404
    services.published_document_register_download(document=document)
    return private_file_response(
        document.file, filename=document.filename, as_attachment=False
    )


@require_GET
@cache_control(public=True, max_age=60)
def similar(request):
    """{"items": [...], "answers": [...]} for the text typed so far (GET q)."""
    text = request.GET.get("q", "")[:HINT_MAX_CHARS]
    if len(text.strip()) < HINT_MIN_CHARS:
        found = {"items": [], "answers": []}
    else:
        found = selectors.similar_public(text)
    return JsonResponse(
        {
            "title": _("This may already be available"),
            "items": [
                {
                    "title": item.title,
                    "url": item.get_absolute_url(),
                    "unit": item.unit.name,
                    "kind": _("Public information"),
                }
                for item in found["items"]
            ],
            "answers": [
                {
                    "title": answer.title,
                    "url": answer.get_absolute_url(),
                    "unit": answer.unit.name if answer.unit else "",
                    "kind": _("Answered request"),
                }
                for answer in found["answers"]
            ],
        }
    )


@require_GET
@cache_control(public=True, max_age=60)
def search_json(request):
    """The register page's side list: published answers matching its words."""
    query = request.GET.get("q", "").strip()[:200]
    answers = (
        selectors.search_answers(selectors.public_answers(), query)
        if (search_terms(query))
        else selectors.public_answers().none()
    )
    return JsonResponse(
        {
            "answers": [
                {
                    "title": answer.title,
                    "url": answer.get_absolute_url(),
                    "unit": answer.unit.name if answer.unit else "",
                }
                for answer in answers[:REGISTER_HITS]
            ]
        }
    )
