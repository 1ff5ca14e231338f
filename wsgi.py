"""Entry point for WSGI servers: ``gunicorn wsgi:app``.

Served this way the app counts as production (and refuses the default secret
key) unless QUIZAPP_ENV says otherwise.
"""

import os

from quizapp import create_app

app = create_app({"PRODUCTION": os.environ.get("QUIZAPP_ENV", "production").strip().lower() == "production"})
