"""`flask seed`: the documents the app ships with, and demo accounts to try it.

Idempotent: a second run finds everything in place and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from quizapp.auth import services as accounts
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.sources.models import SourceDocument
from quizapp.sources.services import import_document

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"
SEED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


@dataclass
class SeedResult:
    teacher: User
    student: User
    documents: list[SourceDocument] = field(default_factory=list)
    created_users: list[str] = field(default_factory=list)
    created_documents: list[str] = field(default_factory=list)


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
    return accounts.create_user(
        session, username=username, password=password, display_name=display_name, role=role
    ), True


def seed(
    session: Session,
    *,
    teacher_username: str,
    student_username: str,
    password: str,
    seed_dir: Path = SEED_DIR,
) -> SeedResult:
    """Create the demo teacher and student (if missing) and import every seed document for the teacher."""
    teacher, made_teacher = ensure_user(session, teacher_username, password, "Demo Teacher", Role.TEACHER)
    student, made_student = ensure_user(session, student_username, password, "Demo Student", Role.STUDENT)
    result = SeedResult(teacher=teacher, student=student)
    result.created_users = [u.username for u, made in ((teacher, made_teacher), (student, made_student)) if made]
    for path in seed_files(seed_dir):
        document, created = import_document(session, teacher, path.name, path.read_bytes())
        result.documents.append(document)
        if created:
            result.created_documents.append(path.name)
    return result
