from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from apps.disclosure.models import PublishedAnswer


class PublishedAnswerSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return PublishedAnswer.objects.published().only("pk", "title", "updated_at")

    def lastmod(self, answer):
        return answer.updated_at


class DisclosurePagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["disclosure:list", "disclosure:opendata"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"answers": PublishedAnswerSitemap, "disclosure": DisclosurePagesSitemap}
