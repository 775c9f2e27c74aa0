"""The Komisi Informasi website checklist (spec section 8, "Website must show").

Each requirement is checked against real data: published pages by slug, URL
names that resolve (apps built later make their items covered by existing),
body-profile fields and the base template. Nothing is ticked by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from apps.core.models import BodyProfile
from apps.pages.models import Page

SOP_SLUGS = (
    "sop-permohonan-informasi",
    "sop-keberatan",
    "sop-sengketa-informasi",
    "sop-pemutakhiran-dip",
    "sop-uji-konsekuensi",
    "sop-pendokumentasian",
)


def _has_viewport_meta() -> bool:
    source = get_template("base.html").template.source
    return 'name="viewport"' in source and "width=device-width" in source


@dataclass(frozen=True)
class Requirement:
    key: str
    label: str
    pages: tuple[str, ...] = ()  # every slug must be a published page
    urls: tuple[str | tuple[str, dict], ...] = ()  # at least one must resolve
    profile_fields: tuple[str, ...] = ()  # every field of the body profile is set
    check: Callable[[], bool] | None = None
    check_label: str = ""


@dataclass
class Result:
    requirement: Requirement
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, url)
    missing: list[str] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return not self.missing


REQUIREMENTS = (
    Requirement(
        "profile",
        _("PPID profile: address, scope and tasks"),
        pages=("profil-ppid",),
        profile_fields=("address",),
    ),
    Requirement(
        "structure",
        _("Organisation structure and officials"),
        pages=("struktur-organisasi",),
        profile_fields=("head_of_ppid",),
    ),
    Requirement("lhkpn", _("Wealth reports of officials (LHKPN)"), pages=("lhkpn",)),
    Requirement("vision", _("Vision and mission"), pages=("visi-misi",)),
    Requirement(
        "decree",
        _("Decree appointing the PPID (SK PPID)"),
        pages=("sk-ppid",),
        profile_fields=("ppid_decree_number",),
    ),
    Requirement(
        "maklumat",
        _("Service pledge (maklumat pelayanan)"),
        pages=("maklumat-pelayanan",),
        profile_fields=("maklumat",),
    ),
    Requirement("standards", _("Service standards"), pages=("standar-layanan",)),
    Requirement(
        "sops",
        _(
            "SOPs: requests, objections, disputes, maintaining the DIP, consequence "
            "test, documentation"
        ),
        pages=SOP_SLUGS,
    ),
    Requirement("regulations", _("Regulations (legal basis)"), pages=("dasar-hukum",)),
    Requirement(
        "howto",
        _("How to request information and file an objection"),
        pages=("tata-cara",),
    ),
    Requirement(
        "hours",
        _("Service hours, schedule and fees"),
        pages=("jam-dan-biaya-layanan",),
        profile_fields=("office_hours",),
    ),
    Requirement(
        "dip",
        _("Up-to-date list of public information (DIP)"),
        urls=("registers:list",),
    ),
    Requirement(
        "dik",
        _("List of exempted information (DIK)"),
        urls=("registers:exempted", "registers:exemptions"),
    ),
    Requirement(
        "categories",
        _("Periodic, immediate and on-request information"),
        urls=(
            ("registers:category", {"category": "berkala"}),
            "registers:periodic",
        ),
    ),
    Requirement(
        "online_request",
        _("Online information request (not only a downloadable form)"),
        urls=("info_requests:submit",),
    ),
    Requirement(
        "online_objection",
        _("Online objection (not only a downloadable form)"),
        urls=("objections:submit",),
    ),
    Requirement("online_complaint", _("Online complaint"), urls=("complaints:submit",)),
    Requirement(
        "status",
        _("Follow-up status of a request"),
        urls=("info_requests:status", "info_requests:lookup"),
    ),
    Requirement(
        "register",
        _("Register of requests"),
        urls=("info_requests:register", "reports:request_register"),
    ),
    Requirement(
        "report",
        _("Public information service report (annual)"),
        urls=("reports:annual_list",),
    ),
    Requirement("statistics", _("Service statistics"), urls=("reports:statistics",)),
    Requirement(
        "survey",
        _("Satisfaction survey (SKM) results"),
        urls=("reports:survey_results",),
    ),
    Requirement(
        "accessibility",
        _("Features for people with disabilities"),
        urls=("portal:display",),
    ),
    Requirement(
        "mobile",
        _("Access on mobile phones"),
        check=_has_viewport_meta,
        check_label=_("the base template declares a responsive viewport"),
    ),
    Requirement(
        "audiovisual",
        _("Audio-visual content"),
        profile_fields=("youtube",),
    ),
    Requirement("faq", _("Frequently asked questions"), pages=("faq",)),
    Requirement(
        "privacy",
        _("Privacy notice (UU 27/2022)"),
        pages=("kebijakan-privasi",),
    ),
)


def _resolve(candidate) -> str | None:
    name, kwargs = candidate if isinstance(candidate, tuple) else (candidate, {})
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _describe(candidate) -> str:
    return candidate[0] if isinstance(candidate, tuple) else candidate


def evaluate(requirements=REQUIREMENTS) -> list[Result]:
    """Every requirement with what shows it and what is missing."""
    slugs = {slug for r in requirements for slug in r.pages}
    pages = {
        page.slug: page
        for page in Page.objects.published()
        .filter(slug__in=slugs)
        .only("slug", "title")
    }
    profile = BodyProfile.load()
    results = []
    for requirement in requirements:
        result = Result(requirement)
        for slug in requirement.pages:
            if slug in pages:
                result.links.append((pages[slug].title, pages[slug].get_absolute_url()))
            else:
                result.missing.append(_("published page “%(slug)s”") % {"slug": slug})
        if requirement.urls:
            resolved = [url for url in map(_resolve, requirement.urls) if url]
            if resolved:
                result.links.append((resolved[0], resolved[0]))
            else:
                names = ", ".join(_describe(c) for c in requirement.urls)
                result.missing.append(_("a page at %(names)s") % {"names": names})
        for name in requirement.profile_fields:
            if not getattr(profile, name):
                verbose = profile._meta.get_field(name).verbose_name
                result.missing.append(
                    _("“%(field)s” in the body profile") % {"field": verbose}
                )
        if requirement.check is not None and not requirement.check():
            result.missing.append(requirement.check_label)
        results.append(result)
    return results
