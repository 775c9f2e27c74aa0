import factory
from factory.django import DjangoModelFactory

from django.contrib.auth.hashers import get_hasher, make_password
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


_HASHES: dict[tuple[str, str], str] = {}


def _password_hash(raw: str) -> str:
    """make_password, once per password and hasher: the default PBKDF2 costs about
    0.25 s of CPU, and most tests make two or three officers who never type it.
    The hash is real (logging in with the password checks it); tests that switch
    to a fast hasher get a hash of that hasher."""
    key = (get_hasher().algorithm, raw)
    if key not in _HASHES:
        _HASHES[key] = make_password(raw)
    return _HASHES[key]


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
    password = factory.django.Password(
        "correct-horse-battery", transform=_password_hash
    )

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=str(extracted)))

    @factory.post_generation
    def units(self, create, extracted, **kwargs):
        if extracted:
            self.units.set(extracted)
