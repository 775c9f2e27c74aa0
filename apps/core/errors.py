"""Errors a service raises when a user asks for something the rules do not allow.

Admin shows them as a message, the API as a 400, the public site as a form error.
"""


class ApplicationError(Exception):
    def __init__(self, message, *, code: str = "invalid", extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.extra = extra or {}

    def __str__(self) -> str:
        return str(self.message)


class TransitionNotAllowed(ApplicationError):
    def __init__(self, message, *, code: str = "transition_not_allowed", **kwargs):
        super().__init__(message, code=code, **kwargs)
