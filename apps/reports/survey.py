"""The survey link an applicant gets once the written notice is issued."""

from django.core import signing
from django.urls import reverse

SALT = "ppid.survey-link"


def survey_token(registration_number: str) -> str:
    return signing.dumps({"n": registration_number}, salt=SALT, compress=True)


def read_survey_token(token: str) -> str | None:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    number = data.get("n") if isinstance(data, dict) else None
    return number if isinstance(number, str) else None


def survey_url(registration_number: str) -> str:
    return reverse("reports:survey", args=[survey_token(registration_number)])
