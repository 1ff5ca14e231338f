"""Domain errors: a rule refused an action. ``str(error)`` is shown to the user.

Services raise these; ``quizapp.errors`` maps them to pages and statuses in one place.
"""


class DomainError(Exception):
    status_code = 400


class NotFound(DomainError):
    """Does not exist, or is not the user's: both must look the same from outside."""

    status_code = 404


class Forbidden(DomainError):
    status_code = 403


class Conflict(DomainError):
    status_code = 409
