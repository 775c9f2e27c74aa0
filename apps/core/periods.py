"""Statutory periods, in working days (hari kerja), in one place.

Each constant names its legal source; ../shared/spec/DECISIONS.md settles how
they are counted (day 1 is the first working day after the receipt date).
Tests in tests/core/test_periods.py pin every value.
"""

from django.utils.translation import gettext_lazy as _

# UU 14/2008 Pasal 22(7): written notice (pemberitahuan tertulis) in 10 working days.
REQUEST_NOTICE_DAYS = 10
# UU 14/2008 Pasal 22(8): one extension of at most 7 working days, with written reasons.
REQUEST_EXTENSION_DAYS = 7
# UU 14/2008 Pasal 36(1): objection within 30 working days after the ground arises.
OBJECTION_FILING_DAYS = 30
# UU 14/2008 Pasal 36(2): the superior (Atasan PPID) answers within 30 working days.
OBJECTION_ANSWER_DAYS = 30
# UU 14/2008 Pasal 37(2): dispute to the Komisi Informasi within 14 working days
# after the answer.
DISPUTE_FILING_DAYS = 14
# Perki 1/2013 (KI Jatim standard): the Komisi registers a dispute in 3 working days.
DISPUTE_REGISTRATION_DAYS = 3
# UU 14/2008 Pasal 38(2): the Komisi settles a dispute within 100 working days.
DISPUTE_SETTLEMENT_DAYS = 100
# UU 14/2008 Pasal 47-48: appeal to PTUN/PN within 14 working days after the
# Komisi's decision.
DISPUTE_APPEAL_DAYS = 14
# Perpres 76/2013 practice (SP4N LAPOR!): verify and forward a complaint within
# 3 working days.
COMPLAINT_VERIFICATION_DAYS = 3
# SP4N LAPOR! practice: the unit follows up within 5 working days of forwarding.
COMPLAINT_FOLLOW_UP_DAYS = 5
# UU 14/2008 Pasal 9(4): periodic (berkala) information is refreshed at least
# every 6 months.
BERKALA_REFRESH_MONTHS = 6
# Portal rule: a case is flagged "due soon" this many working days before its due date.
DUE_SOON_DAYS = 2

# UU 14/2008 Pasal 17: the exemptions from open information, letters a to j. The one
# list of them: registers, written notices and statistics take letters from here.
PASAL_17 = {
    "a": _("a: would obstruct law enforcement"),
    "b": _("b: would harm intellectual property or fair competition"),
    "c": _("c: would endanger state defence and security"),
    "d": _("d: would reveal Indonesia's natural wealth"),
    "e": _("e: would harm national economic resilience"),
    "f": _("f: would harm foreign relations"),
    "g": _("g: would reveal authentic private deeds, last wishes or wills"),
    "h": _("h: would reveal personal secrets"),
    "i": _("i: inter- or intra-agency memoranda confidential by nature"),
    "j": _("j: information another law forbids disclosing"),
}
PASAL_17_LETTERS = tuple(PASAL_17)
PASAL_17_CHOICES = list(PASAL_17.items())
