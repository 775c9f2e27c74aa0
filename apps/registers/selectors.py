"""Register reads shared by the public site, the home page, the API and exports."""

from __future__ import annotations

import datetime as dt
import re

from django.db import connection
from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from apps.registers.models import (
    Announcement,
    Document,
    ExemptInformation,
    InformationItem,
)

# Markers PostgreSQL puts around matches; they cannot occur in normal text, so the
# headline can be HTML-escaped first and the markers turned into <mark> after.
_START, _STOP = "\x02", "\x03"
SNIPPET_CHARS = 240


def public_items() -> QuerySet[InformationItem]:
    """Published items, newest first, each with its number of documents.

    The count is a correlated subquery, not a GROUP BY over the documents: it is
    computed for the rows of the page only, and the paginator's COUNT (which
    drops unused annotations) stays a plain count of items (issue 18, item 2).
    """
    documents = (
        Document.objects.filter(item=OuterRef("pk"))
        .order_by()
        .values("item")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return (
        InformationItem.objects.published()
        .select_related("unit")
        .annotate(
            document_count=Coalesce(Subquery(documents, output_field=IntegerField()), 0)
        )
        .order_by("-published_at", "-pk")
    )


def public_item_detail() -> QuerySet[InformationItem]:
    return (
        InformationItem.objects.published()
        .select_related("unit")
        .prefetch_related(
            Prefetch("documents", queryset=Document.objects.order_by("pk"))
        )
    )


def document_is_public(document: Document) -> bool:
    return InformationItem.objects.published().filter(pk=document.item_id).exists()


def search_terms(query: str) -> list[str]:
    return [t for t in re.findall(r"\w+", query.lower()) if len(t) > 1][:10]


def search_items(queryset: QuerySet, query: str) -> QuerySet:
    """Full text over title, summary, tags and document text, best match first.

    PostgreSQL: the stored tsvector ('simple' config) with a GIN index, plus
    trigram word similarity on the title for typos. SQLite: every word must
    occur (icontains) in one of the fields.
    """
    terms = search_terms(query)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank
        from django.db.models import F

        search_query = SearchQuery(
            " ".join(terms), config="simple", search_type="plain"
        )
        prefix_query = SearchQuery(
            " & ".join(f"{t}:*" for t in terms), config="simple", search_type="raw"
        )
        return (
            queryset.filter(
                Q(search_vector=search_query)
                | Q(search_vector=prefix_query)
                | Q(title__trigram_word_similar=" ".join(terms))
            )
            .annotate(rank=SearchRank(F("search_vector"), prefix_query))
            .order_by("-rank", "-published_at", "-pk")
        )
    condition = Q()
    for term in terms:
        condition &= (
            Q(title__icontains=term)
            | Q(summary__icontains=term)
            | Q(tags__icontains=term)
            | Q(document_text__icontains=term)
        )
    return queryset.filter(condition)


def highlight(text: str, terms: list[str]) -> SafeString:
    """Escape `text` and wrap each occurrence of a term in <mark>."""
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped


def _snippet(text: str, terms: list[str]) -> str:
    lowered = text.lower()
    positions = [lowered.find(t) for t in terms if lowered.find(t) >= 0]
    if not positions:
        return text[:SNIPPET_CHARS]
    start = max(0, min(positions) - SNIPPET_CHARS // 3)
    snippet = text[start : start + SNIPPET_CHARS]
    return (
        ("… " if start else "")
        + snippet
        + (" …" if start + SNIPPET_CHARS < len(text) else "")
    )


def attach_highlights(items: list[InformationItem], query: str) -> None:
    """Set item.title_html and item.snippet_html for one page (one query on PG)."""
    terms = search_terms(query)
    if not items:
        return
    headlines: dict[int, str] = {}
    if terms and connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchHeadline, SearchQuery
        from django.db.models import Value
        from django.db.models.functions import Concat, Left

        prefix_query = SearchQuery(
            " | ".join(f"{t}:*" for t in terms), config="simple", search_type="raw"
        )
        rows = InformationItem.objects.filter(pk__in=[i.pk for i in items]).annotate(
            headline=SearchHeadline(
                Concat("summary", Value(" "), Left("document_text", 20000)),
                prefix_query,
                config="simple",
                start_sel=_START,
                stop_sel=_STOP,
                max_words=35,
                min_words=15,
            )
        )
        headlines = dict(rows.values_list("pk", "headline"))
    for item in items:
        item.title_html = highlight(item.title, terms)
        if item.pk in headlines:
            escaped = str(escape(headlines[item.pk]))
            item.snippet_html = mark_safe(  # noqa: S308 - escaped just above
                escaped.replace(_START, "<mark>").replace(_STOP, "</mark>")
            )
        else:
            source = item.summary
            if terms and not any(t in source.lower() for t in terms):
                source = item.document_text or source
            item.snippet_html = highlight(_snippet(source, terms), terms)


def public_exemptions() -> QuerySet[ExemptInformation]:
    return ExemptInformation.objects.active().select_related("unit")


def home_registers(*, now: dt.datetime, latest: int = 5) -> dict:
    """What the home page shows: active serta-merta announcements, latest items."""
    announcements = list(
        Announcement.objects.active(now)
        .select_related("item")
        .annotate(
            severity_rank=Case(
                When(severity=Announcement.Severity.DANGER, then=0),
                When(severity=Announcement.Severity.WARNING, then=1),
                default=2,
            )
        )
        .order_by("severity_rank", "-starts_at")[:5]
    )
    latest_items = list(
        InformationItem.objects.published()
        .select_related("unit")
        .order_by("-published_at", "-pk")[:latest]
    )
    return {"announcements": announcements, "latest_items": latest_items}
