"""The bank's background jobs: drafting a long document, importing a large question file."""

from __future__ import annotations

from quizapp.background import huey, job_context
from quizapp.bank import generation_jobs, import_jobs


@huey.task()
def draft_questions(job_id: int) -> None:
    """Run a generation job; its progress and outcome are written to the job's row."""
    with job_context():
        generation_jobs.run_job(job_id)


@huey.task()
def import_questions(job_id: int) -> None:
    """Run an import job; its progress and outcome are written to the job's row."""
    with job_context():
        import_jobs.run_job(job_id)
