"""The score: one formula over the components the seeker supplied, for every position at once.

    base  = sum(w_c * x_c for supplied c) / sum(w_c for supplied c)
            (c: skills, title, industry, salary, major)
    score = base * (education_penalty if the position asks for more education than the seeker has, else 1)

Each x_c is in [0, 1] (skills: ``skills.f_beta``; title: best desired-title similarity; industry: 1 or the
affinity; salary and major: see ``columns`` and ``majors``). A component the seeker left out is not part of
either sum, so it neither helps nor dilutes; with no component at all every position scores 0 and the
order is the tie-break's: eligibility, the education asked (nearest the seeker's level first), position id.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from matching.weights import Weights


def combine(
    parts: Mapping[str, np.ndarray | None], education: np.ndarray | None, n_positions: int, weights: Weights
) -> np.ndarray:
    """Scores in [0, 1] from the supplied component arrays (None = not supplied).

    ``education`` holds each position's education factor (1, or ``education_penalty`` where the seeker is
    not eligible), None when the seeker's education is unknown.
    """
    total = np.zeros(n_positions, dtype=np.float64)
    weight_sum = 0.0
    for name, values in parts.items():
        weight = weights.component(name)
        if values is None or weight <= 0:
            continue
        total += weight * values
        weight_sum += weight
    if weight_sum > 0:
        total /= weight_sum
    if education is not None:
        total *= education
    np.maximum(total, 0.0, out=total)  # clip to [0, 1]; np.clip's own checks cost more than the work here
    return np.minimum(total, 1.0, out=total)
