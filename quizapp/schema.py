"""Imports every feature's models so that ``db.metadata`` holds the whole schema.

Alembic's autogenerate and the tests that compare models with migrations rely on it.
"""

from quizapp.api.models import ApiToken
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.audit.models import AuditEvent
from quizapp.auth.models import PasswordResetToken, User
from quizapp.bank.models import (
    GenerationJob,
    Question,
    QuestionFlag,
    QuestionSource,
    QuestionVersion,
    Tag,
    question_tags,
)
from quizapp.classes.models import ClassMember, SchoolClass
from quizapp.live.models import LiveAnswer, LiveParticipant, LiveSession
from quizapp.lti.models import (
    LtiContext,
    LtiDeployment,
    LtiIdentity,
    LtiLaunchValue,
    LtiPlatform,
    LtiResourceLink,
    LtiToolKey,
)
from quizapp.models import db
from quizapp.practice.models import ReviewCard
from quizapp.quizzes.models import Quiz, QuizAssignment, QuizQuestion, QuizRule
from quizapp.sources.models import SourceDocument

metadata = db.metadata

__all__ = [
    "ApiToken",
    "Attempt",
    "AttemptAnswer",
    "AuditEvent",
    "ClassMember",
    "GenerationJob",
    "LiveAnswer",
    "LiveParticipant",
    "LiveSession",
    "LtiContext",
    "LtiDeployment",
    "LtiIdentity",
    "LtiLaunchValue",
    "LtiPlatform",
    "LtiResourceLink",
    "LtiToolKey",
    "PasswordResetToken",
    "Question",
    "QuestionFlag",
    "QuestionSource",
    "QuestionVersion",
    "Quiz",
    "QuizAssignment",
    "QuizQuestion",
    "QuizRule",
    "ReviewCard",
    "SchoolClass",
    "SourceDocument",
    "Tag",
    "User",
    "metadata",
    "question_tags",
]
