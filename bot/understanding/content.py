"""The knowledge content as the understanding layer reads it (words for the language judge,
condition names for the safety model): loaded and validated once per process."""
from __future__ import annotations

from functools import lru_cache

from knowledge.schema import Content


@lru_cache(maxsize=1)
def knowledge_content() -> Content:
    from knowledge.validation import load_content

    return load_content()
