"""Form widgets shared by the portal and the back office."""

from django import forms


class NativeDateInput(forms.DateInput):
    """The browser's date picker, <input type="date">.

    Its value must be an ISO date (2026-01-01) whatever the page's language: the
    browser shows it the reader's way, but drops a value such as the Indonesian
    01-01-2026 and then blocks the form as if the field were empty. Every
    type="date" input of the project uses this widget."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
