"""Every few minutes (cron): send again the notifications that failed, once their
pause is over (a worker that defers tasks does it by itself)."""

from django.core.management.base import BaseCommand

from apps.core.tasks import retry_deliveries


class Command(BaseCommand):
    help = "Retry failed notification deliveries whose pause is over."

    def handle(self, *args, **options):
        result = retry_deliveries.enqueue()
        if result.is_finished:
            self.stdout.write(f"Deliveries sent again: {result.return_value}")
        else:
            self.stdout.write(f"Retry queued as task {result.id}.")
