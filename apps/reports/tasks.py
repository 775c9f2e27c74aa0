"""Background work of the reports: the maintained statistics (apps.reports.summary)."""

from django_tasks import task


@task()
def refresh_statistics(*, year: int) -> int:
    """Rebuild `year`'s figures from its cases (after a calendar change)."""
    from apps.reports.summary import refresh_year

    refresh_year(year)
    return year


@task()
def compact_statistics(*, year: int) -> int:
    """Fold `year`'s appended changes into one row per figure."""
    from apps.reports.summary import compact_year

    compact_year(year)
    return year
