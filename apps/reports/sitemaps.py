from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from apps.reports.models import AnnualReport


class StatisticsSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ["reports:statistics", "reports:survey_results", "reports:annual_list"]

    def location(self, item):
        return reverse(item)


class AnnualReportSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.5

    def items(self):
        return AnnualReport.objects.published().only("year", "updated_at")

    def lastmod(self, report):
        return report.updated_at


SITEMAPS = {"statistics": StatisticsSitemap, "annual_reports": AnnualReportSitemap}
