"""The statistics charts draw in Indonesian too: SVG numbers keep their dot."""

import pytest

from django.utils import translation

from apps.reports.charts import bar_chart
from tests.html_checks import machine_value_problems


def test_bar_chart_coordinates_are_dot_decimal_strings_in_indonesian():
    series = {"rows": [{"value": 7, "label": "a"}, {"value": 3, "label": "b"}]}
    with translation.override("id"):
        chart = bar_chart(series)
    assert chart["bars"][1]["width"] == "137.1"  # 320 * 3 / 7
    assert chart["bars"][1]["value_x"] == "403.1"  # 260 + 137.1 + 6
    assert chart["width"] == "640"
    assert chart["height"] == "52"


def test_value_beside_a_bar_is_written_for_the_reader():
    series = {"rows": [{"value": 86.11, "label": "Indeks"}]}
    with translation.override("id"):
        assert bar_chart(series)["bars"][0]["value"] == "86,11"
    with translation.override("en"):
        assert bar_chart(series)["bars"][0]["value"] == "86.11"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/statistik/?year=2026", "/statistik/survei/?year=2026"]
)
def test_every_svg_number_is_valid_in_indonesian(client, year_2026, path):
    response = client.get(path)
    html = response.content.decode()
    assert '<html lang="id"' in html
    problems, checked = machine_value_problems(html)
    assert problems == []
    assert checked["svg"] > 20
    assert 'width="87,' not in html
    assert "86,11" in html  # people still read Indonesian decimals


@pytest.mark.django_db
def test_csv_and_json_keep_dot_decimals_in_indonesian(client, year_2026):
    csv_text = client.get("/statistik/2026/survey.csv").content.decode()
    assert "87.5" in csv_text
    assert "87,5" not in csv_text
    data = client.get("/statistik/2026/survey.json").json()
    assert 87.5 in [row["value"] for row in data["rows"]]
