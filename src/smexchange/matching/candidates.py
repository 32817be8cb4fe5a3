"""Candidate generation: sparse products of seek and offer vectors, cut to the best few per row.

For a block of query rows, `seek @ offersᵀ` gives how well each indexed
profile's offers answer the rows' requests, and `offers @ seeksᵀ` the
reverse. Only pairs that share a type-conditioned feature are ever touched
(the products walk the inverted lists of the rows' features), so the work is
the sum of the lengths of those lists, not all pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass(frozen=True)
class Candidates:
    """Pairs (rows[i], columns[i]) with their seek-offer cosines in both directions."""

    rows: np.ndarray
    columns: np.ndarray
    cosine_ab: np.ndarray
    cosine_ba: np.ndarray


def _lookup(matrix: sp.csr_matrix, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """matrix[rows[i], columns[i]] for a CSR matrix with sorted indices, zero where absent."""
    width = matrix.shape[1]
    row_of_entry = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(matrix.indptr))
    keys = row_of_entry * width + matrix.indices
    wanted = rows.astype(np.int64) * width + columns
    position = np.searchsorted(keys, wanted)
    position[position >= len(keys)] = 0
    found = len(keys) > 0
    hit = (keys[position] == wanted) if found else np.zeros(len(wanted), dtype=bool)
    return np.where(hit, matrix.data[position] if found else 0.0, 0.0).astype(np.float64)


def _top_per_row(matrix: sp.csr_matrix, keep: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of the `keep` largest entries of each row; ties go to the lower column."""
    counts = np.diff(matrix.indptr)
    short = np.repeat(counts <= keep, counts)
    rows = [np.repeat(np.arange(matrix.shape[0]), counts)[short]]
    columns = [matrix.indices[short]]
    for row in np.flatnonzero(counts > keep):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        values = matrix.data[start:end]
        # Partition, not sort: rows of a large directory hold thousands of entries.
        threshold = np.partition(values, len(values) - keep)[len(values) - keep]
        above = np.flatnonzero(values > threshold)
        tied = np.flatnonzero(values == threshold)[: keep - len(above)]
        rows.append(np.full(len(above) + len(tied), row))
        columns.append(matrix.indices[start:end][np.concatenate([above, tied])])
    return np.concatenate(rows).astype(np.int64), np.concatenate(columns).astype(np.int64)


def generate(
    seeks: sp.csr_matrix,
    offers: sp.csr_matrix,
    offers_t: sp.csr_matrix,
    seeks_t: sp.csr_matrix,
    *,
    keep: int,
    exclude: np.ndarray | None = None,
    allowed: np.ndarray | None = None,
) -> Candidates:
    """The best `keep` candidates of each query row.

    `seeks`/`offers` hold the query rows; `offers_t`/`seeks_t` are the indexed
    profiles' matrices transposed (features by profiles: the inverted lists).
    `exclude[i]` is a column never to return for row i (the profile itself), or -1;
    `allowed`, a boolean array over columns, keeps only those columns.
    """
    forward = (seeks @ offers_t).tocsr()
    backward = (offers @ seeks_t).tocsr()
    forward.sort_indices()
    backward.sort_indices()
    total = (forward + backward).tocsr()
    if exclude is not None:
        total = _drop(total, exclude)
    if allowed is not None:
        total.data[~allowed[total.indices]] = 0.0
    total.eliminate_zeros()
    total.sort_indices()
    rows, columns = _top_per_row(total, keep)
    return Candidates(rows, columns, _lookup(forward, rows, columns), _lookup(backward, rows, columns))


def _drop(matrix: sp.csr_matrix, exclude: np.ndarray) -> sp.csr_matrix:
    row_of_entry = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    matrix.data[matrix.indices == exclude[row_of_entry]] = 0.0
    return matrix


def cap_postings(inverted: sp.csr_matrix, limit: int) -> sp.csr_matrix:
    """Keep the `limit` heaviest profiles of each inverted list (rows are features).

    A feature shared by thousands of profiles ("supplier of furniture" in a
    100,000-profile directory) would otherwise make every query touch all of
    them; its heaviest entries are the profiles for which it matters most.
    Ties are broken by a fixed scramble of the profile's row, so that no
    region of the input is favoured.
    """
    counts = np.diff(inverted.indptr)
    if not len(counts) or counts.max(initial=0) <= limit:
        return inverted
    feature = np.repeat(np.arange(inverted.shape[0]), counts)
    scramble = (inverted.indices.astype(np.uint64) * np.uint64(2654435761)) % np.uint64(2**32)
    order = np.lexsort((scramble, -inverted.data, feature))
    rank = np.arange(len(order)) - np.repeat(inverted.indptr[:-1], counts)
    keep = np.zeros(len(order), dtype=bool)
    keep[order[rank < limit]] = True
    capped = sp.csr_matrix((inverted.data * keep, inverted.indices, inverted.indptr), shape=inverted.shape)
    capped.eliminate_zeros()
    return capped
