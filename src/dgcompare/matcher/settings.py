"""Every setting of the matcher, split by what depends on it: scores, or the rules that turn scores into links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Relation = Literal["equivalent", "related"]
Source = Literal["inferred", "curated"]
EQUIVALENT: Relation = "equivalent"
RELATED: Relation = "related"
Progress = Callable[[int, int], None]
"""Told (steps done, steps in all) as long work advances; the CLI draws a bar, the library stays silent."""


@dataclass(frozen=True)
class ScoringSettings:
    """Everything a pair's score depends on.

    A :class:`~dgcompare.matcher.index.MatcherIndex` is built for one of these and sees no other setting,
    so its stored profiles can be keyed by this object as a whole: a new field joins the key by itself.
    """

    term_weight: float = 0.3
    theme_weight: float = 0.5
    title_weight: float = 0.2
    title_repeat: float = 2.0
    """How much more a title word counts than a summary word."""
    neighbours: int = 5
    """A principle without curated themes borrows the themes of this many most similar tagged principles."""
    neighbour_weight: float = 1.5
    link_weight: float = 0.3
    """How much a theme linked to one side's (open source -> reuse) counts, against the same theme on both."""

    def __post_init__(self) -> None:
        weights = {name: getattr(self, name) for name in ("term_weight", "theme_weight", "title_weight", "link_weight")}
        if (
            any(w < 0 for w in weights.values())
            or not weights["term_weight"] + weights["theme_weight"] + weights["title_weight"]
        ):
            from dgcompare.errors import InputError

            raise InputError(
                f"scoring weights must be 0 or more and not all 0, got {weights}", hint="e.g. ScoringSettings()"
            )

    @property
    def part_weights(self) -> tuple[float, float, float, float, float]:
        """The weights of terms, themes, title and both halves of the linked themes; the first three sum to one."""
        total = self.term_weight + self.theme_weight + self.title_weight
        linked = self.theme_weight / total * self.link_weight / 2
        return self.term_weight / total, self.theme_weight / total, self.title_weight / total, linked, linked


PROGRAMME_KINDS = frozenset(
    {"strategy-principles", "legislation-principles", "declaration", "recommendation", "charter"}
)
"""Kinds of framework whose principles are an administration's programme, broad commitments, rather than the
practice of building services (service standards, design and technology principles)."""


@dataclass(frozen=True)
class MatchConfig:
    """Every setting of the matcher; the matcher reads nothing else."""

    equivalent: float = 0.32
    """Lowest score of an ``equivalent`` alignment (plus :attr:`across_kinds` between frameworks of different kinds)."""
    across_kinds: float = 0.08
    """How much more an equivalent needs between a programme (:data:`PROGRAMME_KINDS`: a strategy, a law, a
    declaration) and a practice (a service standard, design or technology principles): there a shared subject is
    more often an overlap than the same commitment."""
    related: float = 0.18
    """Lowest score of a ``related`` alignment; below it, no alignment."""
    related_share: float = 0.5
    """A related alignment must also reach this share of the best score of one of its two principles: a pair
    far below what both find elsewhere is noise beside their real counterparts."""
    margin: float = 0.95
    """An equivalent must score at least this fraction of each side's best counterpart."""
    max_related: int = 3
    """At most this many related counterparts per principle and framework, the strongest."""
    curated: bool = True
    """Apply curated crosswalks; False shows what the matcher infers alone."""
    split: bool = True
    """Also call equivalent a pair that is near-best on both sides though not in the best overall pairing."""
    linked: float = 0.55
    """A pair whose themes are this much linked (open source ~ reuse) is related from :attr:`linked_margin` below
    :attr:`related` on."""
    linked_margin: float = 0.1
    wording_below: float = 0.45
    """Under this score an equivalent needs shared wording as well as shared themes: a narrow criterion (a valid
    HTTPS certificate) and a broad principle of its theme (address security risks) share a subject, not the
    commitment. Shared wording is a terms cosine of :attr:`wording_terms`, or :attr:`wording_title` of either
    title's terms found in the other principle."""
    wording_terms: float = 0.2
    wording_title: float = 0.5
    compound: bool = True
    """Let a principle that bundles several commitments be equivalent to each narrower one it is the best for."""
    scoring: ScoringSettings = field(default_factory=ScoringSettings)

    def __post_init__(self) -> None:
        from dgcompare.errors import InputError

        if not (0 <= self.related <= 1 and 0 <= self.equivalent <= 1):
            raise InputError(
                f"thresholds run from 0 to 1, got equivalent {self.equivalent} and related {self.related}",
                hint="e.g. MatchConfig(equivalent=0.32, related=0.18)",
            )
        if not 0 <= self.related_share <= 1:
            raise InputError(
                f"related_share runs from 0 to 1, got {self.related_share}", hint="e.g. MatchConfig(related_share=0.5)"
            )
        wording = {
            "wording_below": self.wording_below,
            "wording_terms": self.wording_terms,
            "wording_title": self.wording_title,
        }
        if any(not 0 <= v <= 1 for v in wording.values()):
            raise InputError(
                f"the wording settings run from 0 to 1, got {wording}",
                hint="e.g. MatchConfig(wording_below=0.45, wording_terms=0.2, wording_title=0.5)",
            )
        if not 0 <= self.across_kinds <= 1:
            raise InputError(
                f"across_kinds runs from 0 to 1, got {self.across_kinds}",
                hint="e.g. MatchConfig(across_kinds=0.08)",
            )
        if self.related > self.equivalent:
            raise InputError(
                f"the related threshold ({self.related}) is above the equivalent one ({self.equivalent})",
                hint="the related threshold must not exceed the equivalent one",
            )

    def worded(self, terms: float, title: float) -> bool:
        """Two principles whose terms cosine and title cover are these share enough wording to be equivalent."""
        return terms >= self.wording_terms or title >= self.wording_title

    @property
    def related_linked(self) -> float:
        """The lowest score of a related pair whose themes are linked (open source ~ reuse) by :attr:`linked`."""
        return round(self.related - self.linked_margin, 4)

    @property
    def equivalent_across(self) -> float:
        """The lowest score of an equivalent between a programme and a practice (:attr:`across_kinds`)."""
        return self.equivalent_between("strategy-principles", "service-standard")

    def equivalent_between(self, kind_a: str | None, kind_b: str | None) -> float:
        """The lowest score of an equivalent between frameworks of these kinds (None: not declared)."""
        across = kind_a and kind_b and (kind_a in PROGRAMME_KINDS) != (kind_b in PROGRAMME_KINDS)
        return min(1.0, self.equivalent + (self.across_kinds if across else 0.0))
