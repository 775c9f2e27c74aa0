import threading

import pytest

from django.db import connection, transaction

from apps.core.models import NumberSequence
from apps.core.numbering import format_number, looks_like_number, next_number


@pytest.mark.django_db
def test_numbers_are_sequential_per_kind_and_year():
    assert next_number(kind="request", year=2026, prefix="req") == "REQ-2026-00001"
    assert next_number(kind="request", year=2026, prefix="REQ") == "REQ-2026-00002"
    assert next_number(kind="complaint", year=2026, prefix="CMP") == "CMP-2026-00001"
    assert next_number(kind="request", year=2027, prefix="REQ") == "REQ-2027-00001"
    assert NumberSequence.objects.get(kind="request", year=2026).last_value == 2


@pytest.mark.django_db
def test_a_rolled_back_case_leaves_no_duplicate():
    next_number(kind="request", year=2026, prefix="REQ")

    def submit_then_fail():
        with transaction.atomic():
            next_number(kind="request", year=2026, prefix="REQ")
            raise RuntimeError("form failed after numbering")

    with pytest.raises(RuntimeError):
        submit_then_fail()
    assert next_number(kind="request", year=2026, prefix="REQ") == "REQ-2026-00002"


def test_format_is_url_safe():
    number = format_number(prefix="PPID-KUTIM", year=2026, value=7)
    assert number == "PPID-KUTIM-2026-00007"
    assert "/" not in number
    assert looks_like_number(number)
    assert not looks_like_number("REQ/2026/1")
    assert not looks_like_number("")


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_submissions_get_unique_numbers(postgres_only):
    numbers, errors = [], []
    barrier = threading.Barrier(20)

    def submit():
        try:
            barrier.wait(timeout=10)
            with transaction.atomic():
                numbers.append(next_number(kind="request", year=2026, prefix="REQ"))
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == [f"REQ-2026-{n:05d}" for n in range(1, 21)]
