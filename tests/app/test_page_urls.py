"""Templates' constant URLs and Bootstrap's tags are built once per process, and are the same as Flask builds."""

from __future__ import annotations

from flask import Flask, render_template_string, url_for

from quizapp import create_app
from quizapp.page_urls import PageUrls
from tests.attempts.test_pages import start
from tests.attempts.test_request_cost import exam_of_length
from tests.support import app_config

CALLS = [
    ("static", {"filename": "app.css"}),
    ("static", {"filename": "attempt.js"}),
    ("bootstrap.static", {"filename": "css/bootstrap.min.css"}),
    ("dashboard.index", {}),
    ("auth.login", {"next": "/attempts/1/q/0"}),
    ("attempts.autosave", {"attempt_id": 7}),
    ("attempts.autosave", {"attempt_id": 8}),
    ("attempts.post_question", {"attempt_id": 7, "position": 2}),
    ("attempts.question", {"attempt_id": 2_147_483_647, "position": 0}),
    ("attempts.question", {"attempt_id": 12, "position": 3, "page": 2}),  # a number in the query string
    ("attempts.question", {"attempt_id": 12, "position": 3, "_anchor": "q3"}),
    ("attempts.review", {"attempt_id": 12, "show": "missed"}),
]
MOUNTS = ("http://localhost/", "http://localhost/school/", "http://localhost/other/")


def make_app() -> Flask:
    return create_app(app_config("sqlite://"))


def test_every_url_is_flasks_own_under_every_mount_path_in_any_order() -> None:
    app = make_app()
    page_url = app.jinja_env.globals["url_for"]
    assert isinstance(page_url, PageUrls)
    for _round in range(2):  # the second round is served from what the first kept
        for base in MOUNTS + tuple(reversed(MOUNTS)):
            with app.test_request_context("/", base_url=base):
                for endpoint, values in CALLS:
                    assert page_url(endpoint, **values) == url_for(endpoint, **values)
    kept = {(mount, endpoint, filename) for (mount, endpoint, filename) in page_url.kept}
    assert ("/school", "static", "app.css") in kept
    assert not [key for key in kept if key[1] in ("auth.login", "attempts.autosave", "attempts.post_question")]
    numbered = {key: parts for key, parts in page_url.numbered.items() if key[0] == "/school"}
    assert numbered[("/school", "attempts.question", ("attempt_id", "position"))] == (
        "/school/attempts/",
        "attempt_id",
        "/q/",
        "position",
        "",
    )
    assert {endpoint for _mount, endpoint, _names in numbered} == {
        "attempts.autosave",
        "attempts.post_question",
        "attempts.question",
    }


def test_constant_and_numbered_urls_are_built_once() -> None:
    app = make_app()
    page_url = app.jinja_env.globals["url_for"]
    built: list[str] = []
    flask_build = page_url.build
    page_url.build = lambda endpoint, **values: built.append(endpoint) or flask_build(endpoint, **values)
    page = "{{ url_for('static', filename='app.css') }} {{ url_for('dashboard.index') }} " * 3
    page += "{{ url_for('attempts.autosave', attempt_id=5) }} {{ url_for('attempts.autosave', attempt_id=6) }}"
    with app.test_request_context("/"):
        first = render_template_string(page)
        second = render_template_string(page)
    assert first == second
    assert "/attempts/5/autosave /attempts/6/autosave" in first
    assert sorted(built) == ["attempts.autosave", "dashboard.index", "static"]


def test_a_url_whose_stand_in_numbers_cannot_be_found_once_each_is_built_every_time() -> None:
    app = make_app()
    page_url = app.jinja_env.globals["url_for"]
    with app.test_request_context("/"):
        page_url.numbered[("", "attempts.autosave", ("attempt_id",))] = None
        assert page_url("attempts.autosave", attempt_id=5) == "/attempts/5/autosave"
        # Not a whole number (or a negative one): built by Flask, never cut.
        assert page_url("attempts.autosave", attempt_id="5") == "/attempts/5/autosave"
        assert page_url("attempts.question", attempt_id=5, position=True) == url_for(
            "attempts.question", attempt_id=5, position=True
        )
    assert ("", "attempts.question", ("attempt_id", "position")) not in page_url.numbered


def test_urls_outside_a_request_are_not_kept() -> None:
    app = create_app(app_config("sqlite://", SERVER_NAME="school.example", PREFERRED_URL_SCHEME="https"))
    page_url = app.jinja_env.globals["url_for"]
    with app.app_context():
        assert page_url("dashboard.index") == "https://school.example/"
    assert page_url.kept == {}


def test_bootstrap_tags_are_kept_per_mount_path_and_match_bootstrap_flask() -> None:
    app = make_app()
    tags = app.jinja_env.globals["bootstrap"]
    for base in MOUNTS * 2:
        with app.test_request_context("/", base_url=base):
            assert tags.load_css() == tags.bootstrap.load_css()
            assert tags.load_js() == tags.bootstrap.load_js()
            assert tags.load_js(with_popper=False) == tags.bootstrap.load_js(with_popper=False)
    assert len(tags.kept) == 2 * len(MOUNTS)
    with app.test_request_context("/", base_url="http://localhost/school/"):
        assert 'href="/school/bootstrap/static/css/bootstrap.min.css"' in tags.load_css()


def test_the_question_page_shows_the_same_urls_as_before(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz = exam_of_length(users.teacher, 2, "URLs")
    attempt_id = start(student_client, quiz.id).id
    first = student_client.get(f"/attempts/{attempt_id}/q/0").get_data(as_text=True)
    again = student_client.get(f"/attempts/{attempt_id}/q/0").get_data(as_text=True)
    for url in (
        '<link rel="stylesheet" href="/bootstrap/static/css/bootstrap.min.css">',
        'href="/static/app.css"',
        f'data-save-url="/attempts/{attempt_id}/autosave"',
        '<script src="/static/attempt.js"></script>',
        '<script src="/bootstrap/static/js/bootstrap.min.js"></script>',
    ):
        assert url in first
        assert url in again
