import pytest

from django.core.management import call_command

from apps.pages.demo_content import PAGES
from apps.pages.models import Page


@pytest.mark.django_db
def test_load_demo_fills_every_page_once(capsys):
    call_command("load_demo")
    pages = Page.objects.count()
    history = Page.history.count()
    call_command("load_demo")
    assert Page.objects.count() == pages == len(PAGES)
    assert Page.history.count() == history  # nothing rewritten on the second run
    assert Page.objects.published().count() == len(PAGES)
    profile = Page.objects.get(slug="sk-ppid")
    assert "130/K.512/2024" in profile.body
    hours = Page.objects.get(slug="jam-dan-biaya-layanan")
    assert "Senin–Kamis 07.30–16.00 WITA" in hours.body
    howto = Page.objects.get(slug="tata-cara")
    assert howto.body.count('<ol class="steps"') == 2
    assert "UU 27/2022" in Page.objects.get(slug="kebijakan-privasi").meta_description
    assert "Pages: 18 published." in capsys.readouterr().out
