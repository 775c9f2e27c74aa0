"""Complete an unfinished deadline recount (a worker died midway), or start one.

Run every 15 minutes (deploy/): a recount without progress for ten minutes (its
worker crashed or timed out) is carried on from its cursor; a recount making
progress is left to its worker; with nothing unfinished it does nothing.
"""

from django.core.management.base import BaseCommand

from apps.core.deadlines import resume_unfinished, run_recount, schedule_recount


class Command(BaseCommand):
    help = "Complete an unfinished recount of open deadlines (or start one: --all)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Recount every open deadline now, even with nothing unfinished.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Carry on the unfinished recount even if its worker seems alive.",
        )
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, all=False, force=False, batch_size=2000, **options):
        if all:
            run = run_recount(
                schedule_recount(reason="manual recount").pk, batch_size=batch_size
            )
        else:
            run = resume_unfinished(batch_size=batch_size, only_stalled=not force)
        if run is None:
            self.stdout.write("No unfinished deadline recount.")
            return
        self.stdout.write(
            f"Deadline recount {run.pk}: {run.done} of {run.total} cases, "
            f"{run.changed} changed, {run.get_status_display()}."
        )
