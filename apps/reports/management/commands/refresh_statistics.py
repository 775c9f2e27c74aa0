"""Rebuild the maintained statistics of every year from the cases (nightly in
deploy/): heals what writes that bypass the model signals (bulk updates, raw SQL,
restores) may have left out; idempotent."""

from django.core.management.base import BaseCommand

from apps.reports.summary import refresh_year, years_with_requests


class Command(BaseCommand):
    help = "Rebuild the maintained request statistics of every year (or --year)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, action="append")

    def handle(self, *args, year=None, **options):
        for each in year or years_with_requests():
            refresh_year(each)
            self.stdout.write(f"Statistics of {each} rebuilt.")
