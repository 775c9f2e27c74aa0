"""Reads of the disclosure log shared by its pages, the register search, the
request form's "mungkin sudah tersedia" hint, the unit pages and open data."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet

from apps.disclosure.models import PublishedAnswer, PublishedDocument
from apps.registers.selectors import search_terms

SIMILAR_LIMIT = 5


def public_answers() -> QuerySet[PublishedAnswer]:
    return (
        PublishedAnswer.objects.published()
        .select_related("unit")
        .annotate(document_count=Count("documents"))
        .order_by("-published_at", "-pk")
    )


def public_answer_detail() -> QuerySet[PublishedAnswer]:
    return (
        PublishedAnswer.objects.published()
        .select_related("unit")
        .prefetch_related(
            Prefetch("documents", queryset=PublishedDocument.objects.order_by("pk"))
        )
    )


def document_is_public(document: PublishedDocument) -> bool:
    return PublishedAnswer.objects.published().filter(pk=document.answer_id).exists()


def search_answers(queryset: QuerySet, query: str) -> QuerySet:
    """Like apps.registers.selectors.search_items: the stored tsvector and title
    trigram similarity on PostgreSQL; every word somewhere on SQLite."""
    terms = search_terms(query)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank
        from django.db.models import F

        prefix_query = SearchQuery(
            " & ".join(f"{t}:*" for t in terms), config="simple", search_type="raw"
        )
        return (
            queryset.filter(
                Q(search_vector=prefix_query)
                | Q(title__trigram_word_similar=" ".join(terms))
            )
            .annotate(rank=SearchRank(F("search_vector"), prefix_query))
            .order_by("-rank", "-published_at", "-pk")
        )
    condition = Q()
    for term in terms:
        condition &= Q(title__icontains=term) | Q(search_text__icontains=term)
    return queryset.filter(condition)


def _any_word(queryset: QuerySet, terms: list[str], fields: list[str]) -> QuerySet:
    """Rows with any of the words (SQLite), most words first, for the hint."""
    from django.db.models import Case, IntegerField, Value, When

    condition, score = Q(), Value(0)
    for term in terms:
        matched = Q()
        for field in fields:
            matched |= Q(**{f"{field}__icontains": term})
        condition |= matched
        score = score + Case(
            When(matched, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    return queryset.filter(condition).annotate(score=score).order_by("-score", "-pk")


def _similar(queryset, terms, *, vector: str, title: str, fields: list[str]):
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import (
            SearchQuery,
            SearchRank,
            TrigramWordSimilarity,
        )
        from django.db.models import F

        # Any word (|): a citizen types a sentence, the item names a few of them.
        any_query = SearchQuery(
            " | ".join(f"{t}:*" for t in terms), config="simple", search_type="raw"
        )
        text = " ".join(terms)
        return (
            queryset.annotate(
                rank=SearchRank(F(vector), any_query),
                similarity=TrigramWordSimilarity(text, title),
            )
            .filter(Q(**{vector: any_query}) | Q(similarity__gte=0.4))
            .order_by("-rank", "-similarity", "-pk")
        )
    return _any_word(queryset, terms, fields)


# Words too common in requests to say that two of them ask the same thing.
STOPWORDS = frozenset(
    [
        "dan",
        "atau",
        "yang",
        "di",
        "ke",
        "dari",
        "untuk",
        "tentang",
        "tahun",
        "data",
        "informasi",
        "dokumen",
        "mohon",
        "minta",
        "saya",
        "kami",
        "the",
        "of",
        "and",
        "for",
        "to",
        "in",
    ]
)


def similar_terms(text: str) -> list[str]:
    return [t for t in search_terms(text) if t not in STOPWORDS and len(t) > 2]


def similar_public(text: str, *, limit: int = SIMILAR_LIMIT) -> dict[str, list]:
    """Register items and published answers that may already answer `text`."""
    from apps.registers.models import InformationItem

    terms = similar_terms(text)
    if not terms:
        return {"items": [], "answers": []}
    items = _similar(
        InformationItem.objects.published().select_related("unit"),
        terms,
        vector="search_vector",
        title="title",
        fields=["title", "summary", "tags", "document_text"],
    )[:limit]
    answers = _similar(
        PublishedAnswer.objects.published().select_related("unit"),
        terms,
        vector="search_vector",
        title="title",
        fields=["title", "search_text"],
    )[:limit]
    return {"items": list(items), "answers": list(answers)}


def possible_duplicates(info_request, *, days: int = 90, limit: int = 10):
    """Other requests that may ask the same: the same applicant (NIK, e-mail or
    phone) or similar text, open or received in the last `days`."""
    from apps.info_requests.models import InformationRequest

    since = info_request.received_at - dt.timedelta(days=days)
    recent = InformationRequest.objects.exclude(pk=info_request.pk).filter(
        Q(received_at__gte=since) | Q(status__in=_open_statuses())
    )
    same = Q(pk__in=[])
    for field in ("nik", "email", "phone"):
        value = getattr(info_request, field)
        if value:
            same |= Q(**{field: value})
    same_applicant = list(recent.filter(same).order_by("-received_at")[:limit])
    terms = similar_terms(info_request.information_requested)
    similar = []
    if terms:
        queryset = recent.exclude(pk__in=[r.pk for r in same_applicant])
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import TrigramWordSimilarity

            similar = list(
                queryset.annotate(
                    similarity=TrigramWordSimilarity(
                        " ".join(terms[:12]), "information_requested"
                    )
                )
                .filter(similarity__gte=0.5)
                .order_by("-similarity", "-received_at")[:limit]
            )
        else:
            matches = _any_word(queryset, terms, ["information_requested"])
            threshold = max(2, (len(terms) + 1) // 2)
            similar = [r for r in matches[: limit * 3] if r.score >= threshold][:limit]
    return {"same_applicant": same_applicant, "similar_text": similar}


def _open_statuses():
    from apps.info_requests.models import OPEN_STATUSES

    return OPEN_STATUSES


def unit_figures(unit, year: int) -> dict:
    """A unit's own figures for `year`, counted as the statistics page counts
    them (apps.reports.statistics.timeliness): requests received, median working
    days to the written notice, share noticed within 10 working days, objections."""
    from apps.core.workdays import Calendar, receipt_date
    from apps.info_requests.models import InformationRequest
    from apps.objections.models import Objection
    from apps.reports.statistics import timeliness

    rows = list(
        InformationRequest.objects.filter(unit=unit, received_at__year=year)
        .order_by()
        .values("received_at", "decided_at")
    )
    calendar = Calendar()
    # The histogram {working days to the notice: requests} the statistics count.
    days = Counter(
        calendar.count_between(
            receipt_date(row["received_at"]), receipt_date(row["decided_at"])
        )
        for row in rows
        if row["decided_at"] is not None
    )
    figures = timeliness(days)
    return {
        "year": year,
        "requests": len(rows),
        "decided": figures["decided"],
        "median_days": figures["median_working_days"],
        "in_time_percent": figures["within_10_percent"],
        "objections": Objection.objects.filter(
            unit=unit, received_at__year=year
        ).count(),
        "published_answers": PublishedAnswer.objects.published()
        .filter(unit=unit)
        .count(),
    }


PUBLISHED_COUNT_KEY = "disclosure:published-count:{year}"
PUBLISHED_COUNT_SECONDS = 3600


def published_count(year: int) -> int:
    """Published answers whose notice was issued in `year`; cached (the
    statistics page keeps its query budget), forgotten on publish/unpublish."""
    from django.core.cache import cache

    return cache.get_or_set(
        PUBLISHED_COUNT_KEY.format(year=year),
        lambda: (
            PublishedAnswer.objects.published().filter(decided_on__year=year).count()
        ),
        PUBLISHED_COUNT_SECONDS,
    )


def forget_published_count(year: int) -> None:
    from django.core.cache import cache

    cache.delete(PUBLISHED_COUNT_KEY.format(year=year))
