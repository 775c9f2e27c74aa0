from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from apps.accounts.models import Unit


class HomeSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["portal:home"]

    def location(self, item):
        return reverse(item)


class UnitSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Unit.objects.active().only("slug").order_by("pk")


SITEMAPS = {"home": HomeSitemap, "units": UnitSitemap}
