"""Optional sentence embeddings: a dense text similarity blended into the sparse one.

The engine needs no model and works well without one; where a sentence-embedding model is
installed on disk, `SMEX_EMBEDDING_MODEL` names its directory and `smex match` and the
platform use it. Candidates still come from the sparse inverted index (no all-pairs work);
the model only re-scores them, so a pair whose texts say the same thing in different words
gets the text credit that shared terms would have given it.

An embedder is any callable from texts to an (n, d) array of unit-length rows, so the
engine does not depend on a library: `load_embedder` wraps sentence-transformers when it is
installed, and tests use a small deterministic one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from smexchange.matching.types import Profile

Embedder = Callable[[Sequence[str]], np.ndarray]

ENVIRONMENT_VARIABLE = "SMEX_EMBEDDING_MODEL"
# Sentence models give unrelated business texts a cosine of about 0.2-0.35 and paraphrases
# 0.6 and more: below the floor counts as nothing, at the ceiling as a full textual answer.
DENSE_FLOOR = 0.35
DENSE_CEILING = 0.75


class EmbeddingModelError(Exception):
    """The configured model cannot be loaded; the message says why."""


def load_embedder(path: str | os.PathLike[str]) -> Embedder:
    """A sentence-transformers model from a local directory, on the CPU, as an embedder."""
    directory = Path(path)
    if not directory.is_dir():
        raise EmbeddingModelError(f"{ENVIRONMENT_VARIABLE}: {directory} is not a directory")
    try:
        from sentence_transformers import SentenceTransformer  # optional, heavy: only when asked for
    except ImportError:
        raise EmbeddingModelError(
            f"{ENVIRONMENT_VARIABLE} is set but sentence-transformers is not installed"
        ) from None
    model = SentenceTransformer(str(directory), device="cpu")

    def embed(texts: Sequence[str]) -> np.ndarray:
        vectors = model.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

    return embed


def embedder_from_environment() -> Embedder | None:
    """The model `SMEX_EMBEDDING_MODEL` names, or None when it is unset or empty."""
    path = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    return load_embedder(path) if path else None


def seek_text(profile: Profile) -> str:
    return " ".join(item.text for item in profile.seeks if item.text)


def offer_text(profile: Profile) -> str:
    texts = [item.text for item in profile.offers if item.text]
    return " ".join([*texts, profile.description] if texts else [profile.description]).strip()


def embed_texts(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Unit rows for `texts`; an empty text gets a zero row (it answers nothing)."""
    rows = np.zeros((len(texts), 0), dtype=np.float32)
    filled = [index for index, text in enumerate(texts) if text.strip()]
    if filled:
        vectors = np.asarray(embedder([texts[index] for index in filled]), dtype=np.float32)
        rows = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
        rows[filled] = vectors
    return rows


def dense_cosine(left: np.ndarray, right: np.ndarray, saturation: float) -> np.ndarray:
    """Row-wise similarity of paired unit rows, mapped onto the sparse cosine's scale."""
    if left.shape[1] == 0 or right.shape[1] == 0:
        return np.zeros(len(left))
    raw = np.einsum("ij,ij->i", left, right)
    scaled: np.ndarray = np.clip((raw - DENSE_FLOOR) / (DENSE_CEILING - DENSE_FLOOR), 0.0, 1.0) * saturation
    return scaled
