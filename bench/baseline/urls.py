from django.db import connection
from django.http import HttpResponse
from django.template import Context, Template
from django.urls import path

PAGE = Template(
    "<!doctype html><html lang=id><head><title>{{ title }}</title></head>"
    "<body><h1>{{ title }}</h1><p>{{ pk }}</p></body></html>"
)


def bare(request):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, title FROM registers_informationitem ORDER BY id LIMIT 1"
        )
        row = cursor.fetchone() or (0, "")
    return HttpResponse(PAGE.render(Context({"pk": row[0], "title": row[1]})))


urlpatterns = [path("", bare)]
