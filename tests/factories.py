import factory
from factory.django import DjangoModelFactory

from django.contrib.auth.models import Group

from apps.accounts.models import Unit, User


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ["code"]

    kind = Unit.Kind.OPD
    code = factory.Sequence(lambda n: f"UNIT{n}")
    name = factory.LazyAttribute(lambda o: f"Unit {o.code}")
    slug = factory.LazyAttribute(lambda o: o.code.lower())


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"officer{n}")
    first_name = "Petugas"
    last_name = factory.Sequence(lambda n: f"Nomor {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.go.id")
    is_staff = True
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=str(extracted)))

    @factory.post_generation
    def units(self, create, extracted, **kwargs):
        if extracted:
            self.units.set(extracted)
