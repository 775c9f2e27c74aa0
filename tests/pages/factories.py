import factory
from factory.django import DjangoModelFactory

from apps.pages.models import Menu, Page


class PageFactory(DjangoModelFactory):
    class Meta:
        model = Page
        django_get_or_create = ["slug"]

    title = factory.Sequence(lambda n: f"Halaman {n}")
    slug = factory.Sequence(lambda n: f"halaman-{n}")
    body = "<p>Isi halaman.</p>"
    meta_description = "Ringkasan halaman."
    menu = Menu.NONE
    ordering = 100
    is_published = True

    class Params:
        draft = factory.Trait(is_published=False)
        in_main_menu = factory.Trait(menu=Menu.MAIN)
        in_footer = factory.Trait(menu=Menu.FOOTER)
