"""Bringing an article in through the page: file or pasted text, drafts to review, the document page."""

from __future__ import annotations

import io

from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.bank.models import Question
from quizapp.extensions import db
from quizapp.sources.models import SourceDocument
from quizapp.sources.services import highlighted_paragraphs
from tests.seeding.test_seed import CANAL
from tests.support import csrf_token, login


def count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def upload(client: FlaskClient, **data):  # type: ignore[no-untyped-def]
    data.setdefault("csrf_token", csrf_token(client, "/sources/new"))
    return client.post("/sources/new", data=data, content_type="multipart/form-data")


PAGE = (
    "<html><head><title>The Riverside Canal</title></head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/shop'>Shop</a></li>"
    "<li><a href='/about'>About us</a></li></ul></nav>"
    + "".join(f"<p>{p}</p>" for p in CANAL.split("\n\n")[1:])
    + "<div class='cookie-banner'>We use cookies to improve your experience on our website. Accept all cookies?</div>"
    "<footer>© 2025 Canal Society. All rights reserved.</footer></body></html>"
)


def test_upload_makes_drafts_and_a_document_page(teacher_client: FlaskClient) -> None:
    response = upload(teacher_client, file=(io.BytesIO(PAGE.encode()), "canal.html"))
    assert response.status_code == 302
    assert "/bank/review?document=" in response.headers["Location"]
    document = db.session.scalar(select(SourceDocument))
    assert document.format == "html"
    assert "All rights reserved" not in document.cleaned_text
    assert any("All rights reserved" in line for line in document.stripped)
    drafts = db.session.scalars(select(Question).where(Question.document_id == document.id)).all()
    assert drafts
    assert {q.status for q in drafts} == {"draft"}
    queue = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert drafts[0].latest.prompt.split()[0] in queue
    assert all(q.latest.checks for q in drafts)
    assert "What the guards found" in queue
    assert "the answer is in its source sentence" in queue
    page = teacher_client.get(f"/sources/{document.id}").get_data(as_text=True)
    assert "<mark>" in page
    assert "All rights reserved" in page  # shown to the teacher as set aside
    again = upload(teacher_client, file=(io.BytesIO(PAGE.encode()), "canal-copy.html"))
    assert again.status_code == 409  # asks: "already in your sources" (tests/sources/test_duplicates.py)
    assert count(SourceDocument) == 1


def test_pasted_text_is_a_document_too(teacher_client: FlaskClient) -> None:
    response = upload(teacher_client, title="Canal notes", text=CANAL)
    assert response.status_code == 302
    document = db.session.scalar(select(SourceDocument))
    assert document.title == "Canal notes"
    assert "Margaret Hale" in document.cleaned_text


def test_bad_uploads_say_why_and_store_nothing(teacher_client: FlaskClient) -> None:
    cases = [
        ({"file": (io.BytesIO(b"not a pdf at all"), "scan.pdf")}, b"scan.pdf"),
        ({"file": (io.BytesIO(b""), "empty.txt")}, b"empty.txt"),
        ({"file": (io.BytesIO(b"x"), "notes.xyz")}, b"unsupported file type"),
        ({}, b"Choose a file or paste text"),
        ({"text": CANAL, "file": (io.BytesIO(CANAL.encode()), "canal.txt")}, b"Choose a file or paste text"),
    ]
    for data, message in cases:
        response = upload(teacher_client, **data)
        assert response.status_code == 400, message
        assert message in response.data, message
    assert count(SourceDocument) == 0
    assert count(Question) == 0


def test_upload_over_the_size_limit_gets_413(app, teacher_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    app.config["MAX_CONTENT_LENGTH"] = 50_000
    response = upload(teacher_client, file=(io.BytesIO(b"a" * 100_000), "big.txt"))
    assert response.status_code == 413
    assert count(SourceDocument) == 0


def test_another_teachers_document_is_404(app, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    upload(teacher_client, title="Canal notes", text=CANAL)
    document = db.session.scalar(select(SourceDocument))
    other = app.test_client()
    login(other, users.other_teacher)
    assert other.get(f"/sources/{document.id}").status_code == 404
    assert "Canal notes" not in other.get("/sources/").get_data(as_text=True)


def test_highlighted_paragraphs_cut_at_every_span() -> None:
    text = "One two three.\n\nFour five."
    paragraphs = highlighted_paragraphs(text, [(0, 7, 1), (4, 14, 2), (16, 20, 3)])
    assert [[(s.text, s.question_ids) for s in p] for p in paragraphs] == [
        [("One ", (1,)), ("two", (1, 2)), (" three.", (2,))],
        [("Four", (3,)), (" five.", ())],
    ]


def test_sentence_in_context_stays_in_its_paragraph() -> None:
    from quizapp.sources.services import sentence_in_context

    text = "Title\n\nFirst sentence here. The quoted one. Last one.\n\nNext paragraph."
    start = text.index("The quoted one.")
    before, quote, after = sentence_in_context(text, start, start + len("The quoted one."))
    assert (before, quote, after) == ("First sentence here. ", "The quoted one.", " Last one.")
    long = "word " * 200 + "KEY." + " more" * 200
    before, _, after = sentence_in_context(long, long.index("KEY."), long.index("KEY.") + 4, reach=50)
    assert before.startswith("…")
    assert after.endswith("…")
    assert len(before) <= 52


def test_a_new_revision_keeps_questions_and_sends_changed_ones_back(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import ARTICLE, QUESTIONS, make_document, make_question, user

    teacher = user(users.teacher)
    document = make_document(teacher)
    unchanged = make_question(teacher, document, QUESTIONS[0])  # quotes the engineer sentence
    changed = make_question(teacher, document, QUESTIONS[1])  # quotes the opening sentence
    db.session.commit()
    revised = ARTICLE.replace("opened in 1821 after nine years", "opened in 1822 after ten years")
    token = csrf_token(teacher_client, f"/sources/{document.id}")
    response = teacher_client.post(
        f"/sources/{document.id}/revision",
        data={"file": (io.BytesIO(revised.encode()), "canal-v2.txt"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    db.session.expire_all()
    newer = db.session.scalar(select(SourceDocument).where(SourceDocument.revision == 2))
    assert newer.lineage_id == document.id
    assert db.session.get(SourceDocument, document.id).is_current is False
    kept = db.session.get(Question, unchanged.id)
    assert kept.status == "approved"
    source = kept.latest.sources[0]
    assert source.document_id == newer.id
    assert newer.cleaned_text[source.start_offset : source.end_offset] == source.quote
    back = db.session.get(Question, changed.id)
    assert back.status == "draft"
    assert "changed in revision 2" in back.review_note
    same = teacher_client.post(
        f"/sources/{newer.id}/revision",
        data={"file": (io.BytesIO(revised.encode()), "again.txt"), "csrf_token": token},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert b"nothing changed" in same.data
    assert count(SourceDocument) == 2


def test_a_long_document_is_drafted_in_the_background_with_progress(app, teacher_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    from quizapp.bank.models import GenerationJob

    app.config["GENERATION_INLINE_WORDS"] = 50
    response = upload(teacher_client, title="Canal notes", text=CANAL)
    assert response.status_code == 302
    assert "/sources/jobs/" in response.headers["Location"]
    job = db.session.scalar(select(GenerationJob))
    db.session.refresh(job)
    assert job.status == "done"
    assert job.progress == 1.0
    assert job.questions_made == count(Question) > 0
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"{job.questions_made} draft question" in page
    status = teacher_client.get(response.headers["Location"], headers={"Accept": "application/json"}).get_json()
    assert status["status"] == "done"
    assert status["questions"] == job.questions_made


def test_a_failed_background_job_says_why_and_keeps_no_draft(
    app, teacher_client: FlaskClient, monkeypatch, users
) -> None:  # type: ignore[no-untyped-def]
    from quizapp.bank import services as bank
    from quizapp.bank.models import GenerationJob

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("the language model is missing")

    monkeypatch.setattr(bank, "run_generator", broken)
    app.config["GENERATION_INLINE_WORDS"] = 50
    response = upload(teacher_client, title="Canal notes", text=CANAL)
    job = db.session.scalar(select(GenerationJob))
    db.session.refresh(job)
    assert job.status == "failed"
    assert "the language model is missing" in job.message
    assert count(Question) == 0
    assert "the language model is missing" in teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    # Left and come back to: the documents list and the document's page link to the job.
    assert "drafting failed" in teacher_client.get("/sources/").get_data(as_text=True)
    assert f"/sources/jobs/{job.id}" in teacher_client.get(f"/sources/{job.document_id}").get_data(as_text=True)
    other = app.test_client()
    login(other, users.other_teacher)
    assert other.get(response.headers["Location"]).status_code == 404


def test_a_background_job_s_bar_only_moves_forward_in_named_steps(
    app, teacher_client: FlaskClient, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from quizapp.bank import generation_jobs

    recorded: list[dict[str, object]] = []
    real_record = generation_jobs._record

    def watch(job_id: int, **values: object) -> None:
        recorded.append(values)
        real_record(job_id, **values)

    monkeypatch.setattr(generation_jobs, "_record", watch)
    app.config["GENERATION_INLINE_WORDS"] = 50
    response = upload(teacher_client, title="Canal notes", text=CANAL)
    bar = [float(values["progress"]) for values in recorded if "progress" in values]  # type: ignore[arg-type]
    stages = [values["stage"] for values in recorded if "stage" in values]
    assert bar == sorted(bar)
    assert len(set(bar)) >= 4  # not 0 then 100
    assert list(dict.fromkeys(stages)) == ["reading", "parse", "candidates", "rank", "storing"]
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Reading each sentence" in page
    assert 'class="small text-body-secondary d-none" id="job-leave"' in page  # done: nothing left to wait for


def test_a_running_job_s_page_names_its_step_in_words_before_any_script(app, teacher_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    from quizapp.bank.models import GenerationJob

    upload(teacher_client, title="Canal notes", text=CANAL)
    document = db.session.scalar(select(SourceDocument))
    job = GenerationJob(owner_id=document.owner_id, document_id=document.id, status="running", stage="parse",
                        progress=0.4)  # fmt: skip
    db.session.add(job)
    db.session.commit()
    page = teacher_client.get(f"/sources/jobs/{job.id}").get_data(as_text=True)
    assert "Working: Reading each sentence (40%)" in page  # the step's words, as job.js writes them
    assert "Working: parse" not in page


def test_one_draft_is_said_in_the_singular(app, teacher_client: FlaskClient, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class One:
        job_id = None
        made = 1

    class Drafter:
        def draft(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            return One()

    monkeypatch.setattr("quizapp.sources.views.document_questions", lambda: Drafter())
    response = upload(teacher_client, title="Canal notes", text=CANAL)
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 draft question is waiting for your review." in page
