"""Every database constraint of the project has a test that breaks it at the database
level (tests/db_constraints.py): a new CheckConstraint, UniqueConstraint or unique
field fails here until a test marked @covers(<its name>) refuses a row with it."""

from tests.db_constraints import covering_test_sources, project_constraints


def _covered():
    from tests.db_constraints import COVERED

    sources = covering_test_sources()
    return dict(COVERED), sources


def test_the_listing_sees_the_case_models():
    """The enumeration is not vacuous: it finds each kind of constraint."""
    constraints = project_constraints()
    for key in (
        "inforeq_status_valid",
        "objection_has_ground",
        "complaint_anonymous_has_no_identity",
        "core_numbersequence_uniq",
        "channels_message_provider_id_unique",
        "objections.Objection.number",
        "info_requests.WrittenNotice.request",
    ):
        assert key in constraints
    case_apps = {"info_requests", "objections", "complaints"}
    named = [
        c
        for c in constraints.values()
        if c.name and c.model._meta.app_label in case_apps
    ]
    assert len(named) >= 38  # issue 13 counted 38 in the three case apps


def test_every_constraint_has_a_test():
    covered, _sources = _covered()
    missing = sorted(set(project_constraints()) - set(covered))
    assert not missing, (
        "These database constraints have no test that violates them; add one marked "
        "@covers(...) (tests/db_constraints.py):\n  " + "\n  ".join(missing)
    )


def test_no_test_names_a_constraint_that_is_gone():
    covered, _sources = _covered()
    stale = sorted(set(covered) - set(project_constraints()))
    assert not stale, f"@covers names constraints that no longer exist: {stale}"


def test_each_covering_test_breaks_its_constraint_in_the_database():
    """A @covers test is a collected test and writes through violates()."""
    covered, sources = _covered()
    for key, tests in covered.items():
        for test_id in tests:
            module, qualname = test_id.split("::")
            assert module.split(".")[-1].startswith("test_"), test_id
            assert qualname.split(".")[-1].startswith("test_"), test_id
            source = sources[test_id]
            assert "violates(" in source, f"{test_id} ({key}) never calls violates()"
