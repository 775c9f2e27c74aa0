"""`manage.py drf_create_token USERNAME`: DRF's command, for hashed API keys.

Prints the new key once (the portal stores only its digest). A user who has a
key keeps it unless `--reset` replaces it: the old key cannot be shown again.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from apps.accounts.models import ApiToken
from apps.accounts.tokens import api_token_issue


class Command(BaseCommand):
    help = "Make an API token for a user and print it once."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "-r",
            "--reset",
            action="store_true",
            dest="reset_token",
            help="Replace the user's existing token with a new one.",
        )

    def handle(self, *args, username, reset_token=False, **options):
        users = get_user_model()._default_manager
        try:
            user = users.get_by_natural_key(username)
        except users.model.DoesNotExist:
            raise CommandError(
                f"Cannot create the Token: user {username} does not exist"
            ) from None
        existing = ApiToken.objects.filter(user=user).first()
        if existing is not None and not reset_token:
            raise CommandError(
                f"User {username} already has a token ({existing.prefix}…), which "
                "cannot be shown again; --reset replaces it with a new one."
            )
        key = api_token_issue(user=user)
        self.stdout.write(f"Generated token {key} for user {username}")
        self.stdout.write("Store it now: it is not shown again.")
