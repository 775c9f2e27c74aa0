import pytest

from django.core.management import call_command
from django.test import override_settings

from apps.accounts.models import Unit, User
from apps.accounts.roles import Role
from apps.core.models import BodyProfile


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_load_demo_is_idempotent_and_prints_passwords_in_debug(capsys):
    call_command("load_demo")
    first = capsys.readouterr().out
    counts = (Unit.objects.count(), User.objects.count())
    call_command("load_demo")
    assert (Unit.objects.count(), User.objects.count()) == counts
    assert "kutim-demo-2026" in first
    assert BodyProfile.load().name == "Pemerintah Kabupaten Kutai Timur"
    assert Unit.objects.filter(kind=Unit.Kind.OPD).count() >= 10
    for code in [
        "DISKOMINFO",
        "DISDIKBUD",
        "DINKES",
        "RSUD-KUDUNGGA",
        "BPBD",
        "BAPPEDA",
    ]:
        assert Unit.objects.filter(code=code).exists()
    assert Unit.objects.get(code="KEC-SANGATTA-UTARA").parent.kind == Unit.Kind.BODY
    for role in Role:
        assert User.objects.filter(groups__name=role.value).exists(), role
    assert User.objects.get(username="utama").check_password("kutim-demo-2026")
    _requests_cover_every_status()


def _requests_cover_every_status():
    from django.utils import timezone

    from apps.info_requests.models import InformationRequest, Status, WrittenNotice

    requests = InformationRequest.objects.all()
    assert requests.count() >= 40
    assert set(requests.values_list("status", flat=True)) == set(Status.values)
    assert requests.overdue(timezone.localdate()).exists()
    assert requests.values("channel").distinct().count() >= 10
    assert requests.values("unit").distinct().count() >= 10
    assert set(WrittenNotice.objects.values_list("decision", flat=True)) == {
        "granted",
        "granted_in_part",
        "refused",
        "forwarded",
    }
    assert not WrittenNotice.objects.filter(letter="").exists()


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_load_demo_hides_passwords_without_debug(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "kutim-demo-2026" not in out
    assert "changepassword" in out
    assert not User.objects.get(username="utama").check_password("kutim-demo-2026")
