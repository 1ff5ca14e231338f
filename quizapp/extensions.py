"""Extensions, created unbound and bound to an app in create_app."""

from flask_bootstrap import Bootstrap5
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect

from quizapp.models import db

migrate = Migrate(render_as_batch=True, compare_type=True)
csrf = CSRFProtect()
login_manager = LoginManager()
bootstrap = Bootstrap5()

__all__ = ["bootstrap", "csrf", "db", "login_manager", "migrate"]
