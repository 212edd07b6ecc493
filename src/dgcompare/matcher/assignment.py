"""The best one-to-one pairing of two frameworks' principles."""

from __future__ import annotations

import math
from collections.abc import Sequence


def best_assignment(scores: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The one-to-one pairing of rows and columns with the highest total score (Hungarian method).

    The shortest-augmenting-path formulation with row and column potentials, O(n^2 m), after H. W. Kuhn,
    "The Hungarian method for the assignment problem", Naval Research Logistics Quarterly 2 (1955), and
    R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear assignment
    problems", Computing 38 (1987). It minimises, so the scores are negated.

    Returns:
        (row, column) pairs, one per row or column, whichever are fewer.
    """
    if not scores or not scores[0]:
        return []
    transposed = len(scores) > len(scores[0])
    matrix = [list(col) for col in zip(*scores, strict=True)] if transposed else [list(row) for row in scores]
    n, m = len(matrix), len(matrix[0])
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [math.inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], math.inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -matrix[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
    return sorted((c, r) if transposed else (r, c) for r, c in pairs)
