#!/usr/bin/env python
import os
import sys

# Commands that only read and write source files (migrations, translation
# catalogues) need no deployment secrets: run them with the development
# settings unless DEBUG is set explicitly. Everything else (migrate, runserver,
# collectstatic, ...) keeps the strict production defaults.
SOURCE_ONLY_COMMANDS = {"makemigrations", "makemessages", "compilemessages"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppid_portal.settings")
    if len(sys.argv) > 1 and sys.argv[1] in SOURCE_ONLY_COMMANDS:
        os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
