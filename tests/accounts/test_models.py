import pytest

from django.core.exceptions import ValidationError

from apps.accounts.models import Unit
from apps.accounts.roles import Role
from tests.db_constraints import covers, violates


@pytest.mark.django_db
class TestUnit:
    def test_tree_and_str(self, units):
        assert units["rsud"].parent == units["dinkes"]
        assert list(units["body"].children.order_by("code")) == [
            units["bpbd"],
            units["dinkes"],
        ]
        assert str(units["dinkes"]) == "Dinas Kesehatan"
        assert units["dinkes"].get_absolute_url() == "/unit/dinkes/"

    def test_unit_cannot_sit_below_itself(self, units):
        body = units["body"]
        body.parent = units["rsud"]
        with pytest.raises(ValidationError) as info:
            body.full_clean()
        assert "parent" in info.value.message_dict

    @covers("accounts.Unit.code")
    def test_code_is_unique(self, units):
        with violates("accounts.Unit.code"):
            Unit.objects.create(code="DINKES", name="x", slug="x", kind="opd")

    @covers("accounts_unit_kind_valid")
    def test_kind_constraint(self, units):
        with violates("accounts_unit_kind_valid"):
            Unit.objects.create(code="X", name="x", slug="x2", kind="ministry")

    def test_changes_are_in_history(self, units):
        unit = units["bpbd"]
        unit.phone = "0549-1"
        unit.save()
        assert unit.history.count() == 2


@pytest.mark.django_db
def test_user_has_role(officer, units):
    user = officer(Role.ATASAN_PPID)
    assert user.has_role(Role.ATASAN_PPID)
    assert not user.has_role(Role.PPID_UTAMA)
    assert str(user).startswith("Petugas Nomor")


def test_custom_user_model_is_active():
    from django.contrib.auth import get_user_model

    assert get_user_model()._meta.label == "accounts.User"
