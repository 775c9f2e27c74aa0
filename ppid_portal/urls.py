from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from apps.core import views as core_views
from apps.portal import seo

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("livez", core_views.livez, name="livez"),
    path("metrics", core_views.metrics, name="metrics"),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("apps.api.urls")),
    path("captcha/", include("captcha.urls")),
    path("informasi/", include("apps.registers.urls")),
    path("permohonan/", include("apps.info_requests.urls")),
    path("pengaduan/", include("apps.complaints.urls")),
    path("keberatan/", include("apps.objections.urls")),
    path("halaman/", include("apps.pages.urls")),
    path("verifikasi/", include("apps.letters.urls")),
    path("webhooks/", include("apps.channels.urls")),
    path("", include("apps.disclosure.urls")),
    path("", include("apps.reports.urls")),
    path("", include("apps.portal.urls")),
]

# JSON under /api/, Django's pages elsewhere; 503 when the database is down.
handler400 = "apps.core.http_errors.bad_request"
handler403 = "apps.core.http_errors.permission_denied"
handler404 = "apps.core.http_errors.page_not_found"
handler500 = "apps.core.http_errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
