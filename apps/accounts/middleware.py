"""With OFFICER_2FA_REQUIRED, a session signed in with a password alone is no
officer session: it may enrol a device and log out, nothing else."""

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from apps.accounts import two_factor


class TwoFactorGateMiddleware:
    """After OTPMiddleware. Elsewhere than the enrolment page and logout, such a
    session is anonymous (the API's session login and the officers' file
    downloads included); admin pages send it to enrol. API tokens are untouched:
    they are checked by DRF, not by the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            two_factor.two_factor_required()
            and user.is_authenticated
            and not two_factor.is_verified(user)
        ):
            open_paths = {reverse("admin:two_factor"), reverse("admin:logout")}
            if request.path_info not in open_paths:
                login = reverse("admin:login")
                if (
                    request.path_info.startswith(reverse("admin:index"))
                    and request.path_info != login
                    and two_factor.needs_enrolment(user)
                ):
                    return redirect("admin:two_factor")
                request.user = AnonymousUser()
        return self.get_response(request)
