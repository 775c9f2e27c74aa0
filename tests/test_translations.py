"""The Indonesian catalogue is complete: every message has a translation."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(ROOT.glob("locale/id/LC_MESSAGES/*.po")) + sorted(
    ROOT.glob("apps/*/locale/id/LC_MESSAGES/*.po")
)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_indonesian_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_there_is_an_indonesian_catalogue():
    assert CATALOGUES
