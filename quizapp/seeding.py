"""`flask seed`: the documents the app ships with, their questions, and demo accounts to try it.

Idempotent: a second run finds everything in place and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from quizapp.auth import services as accounts
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.bank import services as bank
from quizapp.bank.drafting import draft_documents
from quizapp.quizzes import services as quizzes
from quizapp.quizzes.models import Quiz
from quizapp.sources.models import SourceDocument
from quizapp.sources.services import import_document
from quizapp.statuses import QuestionStatus

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"
SEED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
ALL_DOCUMENTS_TITLE = "Practice: all seed articles"


@dataclass
class SeedResult:
    teacher: User
    student: User
    documents: list[SourceDocument] = field(default_factory=list)
    created_users: list[str] = field(default_factory=list)
    created_documents: list[str] = field(default_factory=list)
    generated: int = 0
    approved: int = 0
    quizzes: list[Quiz] = field(default_factory=list)


def seed_files(seed_dir: Path = SEED_DIR) -> list[Path]:
    """The source documents in the seed folder, in name order (README files are notes, not sources)."""
    return sorted(
        path
        for path in seed_dir.iterdir()
        if path.is_file() and path.suffix.lower() in SEED_SUFFIXES and not path.stem.upper().startswith("README")
    )


def ensure_user(session: Session, username: str, password: str, display_name: str, role: Role) -> tuple[User, bool]:
    user = accounts.find_user(session, username)
    if user is not None:
        return user, False
    user = accounts.create_user(
        session, username=username, password=password, display_name=display_name, role=role, demo=True
    )
    return user, True


def seed(
    session: Session,
    *,
    teacher_username: str,
    student_username: str,
    password: str,
    seed_dir: Path = SEED_DIR,
    generate: bool = True,
    publish: bool = False,
    publish_threshold: float = 0.6,
    model: str | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> SeedResult:
    """Create the demo accounts, import every seed document for the teacher, generate their questions.

    Questions are generated once: documents that already have questions are left
    alone (``bank.drafting``'s rule). With ``publish``, drafts whose confidence reaches the threshold are
    approved and a public practice quiz is built per document and one over all.
    """
    teacher, made_teacher = ensure_user(session, teacher_username, password, "Demo Teacher", Role.TEACHER)
    student, made_student = ensure_user(session, student_username, password, "Demo Student", Role.STUDENT)
    result = SeedResult(teacher=teacher, student=student)
    result.created_users = [u.username for u, made in ((teacher, made_teacher), (student, made_student)) if made]
    for path in seed_files(seed_dir):
        document, created = import_document(session, teacher, path.name, path.read_bytes())
        result.documents.append(document)
        if created:
            result.created_documents.append(path.name)
    if not generate:
        return result
    drafting = draft_documents(session, teacher, result.documents, model=model, progress=progress)
    if drafting.drafts is not None:
        result.generated = len(drafting.drafts.questions)
    if publish:
        _publish(session, result, publish_threshold)
    return result


def _publish(session: Session, result: SeedResult, threshold: float) -> None:
    questions = bank.questions_from_documents(session, [d.id for d in result.documents])
    result.approved = len(bank.approve_confident(questions, result.teacher, threshold))
    session.flush()
    approved = [q for q in questions if q.status == QuestionStatus.APPROVED]
    wanted: list[tuple[str, list]] = [
        (f"Practice: {document.title}", [q for q in approved if q.document_id == document.id])
        for document in result.documents
    ]
    if len(result.documents) > 1:
        wanted.append((ALL_DOCUMENTS_TITLE, approved))
    for title, chosen in wanted:
        quiz = quizzes.find_quiz_by_title(session, result.teacher, title)
        if quiz is None and chosen:
            quiz = quizzes.create_fixed_quiz(
                session,
                result.teacher,
                title=title,
                questions=chosen,
                description="Practice quiz built from the seed articles' approved questions.",
                mode="practice",
                visibility="public",
                publish=True,
            )
        if quiz is not None:
            result.quizzes.append(quiz)
