"""Bringing an article in: a file, or pasted text."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

PASTE_MAX = 500_000


class UploadForm(FlaskForm):
    file = FileField("A file (.txt, .md, .html, .pdf or .docx)")
    title = StringField("Title for pasted text", validators=[Optional(), Length(max=300)])
    text = TextAreaField("…or paste the article's text", validators=[Optional(), Length(max=PASTE_MAX)])
    submit = SubmitField("Read it and draft questions")

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        has_file = bool(self.file.data and getattr(self.file.data, "filename", ""))
        has_text = bool((self.text.data or "").strip())
        if has_file == has_text:
            self.file.errors = [*self.file.errors, "Choose a file or paste text (one of the two)."]
            return False
        return True
