"""Nearest-neighbour matching of buurten on standardised baseline figures. Pure: arrays and DataFrames in and out.

How an area of several buurten is matched: every member buurt gets its own k nearest buurten and the area's
group is the pool of them, each member's neighbours carrying that member's weight. Matching the area's averaged
profile instead would look for buurten resembling a mix that exists nowhere (a poor and a well-off buurt average
to a middling one that is like neither), and the area's own value is itself a weighted mean of its buurten, so a
group built member by member is the like-for-like counterpart.

A brute-force search in numpy: a few targets against ~13,000 buurten on a handful of indicators is a
millisecond, and importing scikit-learn would cost the build more than the search itself.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd


def standardise(profiles: pd.DataFrame, reference: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """z-scores of `profiles` (rows: buurten, columns: indicators) with the mean and sd of `reference`.

    A column with no spread in the reference would divide by zero; it carries no information, so it gets sd 1.
    """
    mean = reference.mean()
    sd = reference.std(ddof=0).replace(0.0, 1.0)
    return (profiles - mean) / sd, mean, sd


def nearest(targets: np.ndarray, candidates: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Row numbers and distances of the k nearest candidates of every target, nearest first.

    Distance is the root mean square difference per column (Euclidean / sqrt(columns)), so it reads the same
    whatever the number of matching indicators: 1.0 means one standard deviation on average. Ties are broken
    by candidate row number (a stable sort), so the result is the same on every run.
    """
    k = min(k, len(candidates))
    if k == 0 or len(targets) == 0:
        return np.empty((len(targets), 0), dtype=int), np.empty((len(targets), 0))
    squared = ((targets[:, None, :] - candidates[None, :, :]) ** 2).mean(axis=2)
    order = np.argsort(squared, axis=1, kind="stable")[:, :k]
    return order, np.sqrt(np.take_along_axis(squared, order, axis=1))


def neighbour_weights(matches: pd.DataFrame, member_weights: pd.Series) -> pd.DataFrame:
    """One row per distinct group buurt (`matches`: target, candidate, distance): its weight, the sum over the
    members it was matched to of member weight / that member's number of neighbours (weights sum to 1), the
    members (';'-joined) and its smallest distance; nearest first."""
    columns = ["candidate", "weight", "targets", "distance"]
    if matches.empty:
        return pd.DataFrame(columns=columns)
    target_list, candidate_list = matches["target"].tolist(), matches["candidate"].tolist()
    given = member_weights.to_dict()
    share = {t: float(given.get(t, 0.0) or 0.0) for t in dict.fromkeys(target_list)}
    total = sum(share.values())
    share = {t: (w / total if total > 0 else 1.0 / len(share)) for t, w in share.items()}
    per_target = {t: target_list.count(t) for t in share}
    weight: dict[str, float] = defaultdict(float)
    targets: dict[str, set[str]] = defaultdict(set)
    distance: dict[str, float] = {}
    for target, candidate, dist in zip(target_list, candidate_list, matches["distance"].tolist(), strict=True):
        weight[candidate] += share[target] / per_target[target]
        targets[candidate].add(target)
        distance[candidate] = min(distance.get(candidate, np.inf), float(dist))
    rows = [(c, weight[c], ";".join(sorted(targets[c])), distance[c]) for c in weight]
    return pd.DataFrame(rows, columns=columns).sort_values(["distance", "candidate"], ignore_index=True)
