"""Generate synthetic catalogs of many jurisdictions, with realistic principle texts.

Texts are drawn from the built-in catalog's vocabulary: each synthetic principle starts from a real
principle's title and summary, with words swapped for synonyms governments use, sentences dropped or
reordered, so that the matcher sees varied wording of real commitments (and no two sets are identical).
Deterministic for a given seed.

    python bench/generate.py 200 /tmp/catalog-200      # 200 jurisdictions
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

from dgcompare import load_catalog

SYNONYMS = {
    "users": ["citizens", "residents", "people", "the public", "customers"],
    "user": ["citizen", "resident", "person", "customer"],
    "service": ["service", "programme", "offering"],
    "secure": ["safe", "protected"],
    "team": ["squad", "group"],
    "open": ["open", "transparent"],
    "data": ["data", "information"],
    "improve": ["refine", "improve", "enhance"],
    "make": ["make", "keep", "ensure"],
    "use": ["use", "adopt", "apply"],
    "government": ["government", "the administration", "public bodies"],
}


def vary(text: str, rng: random.Random) -> str:
    """Reword ``text`` a little: synonyms, and for longer texts, one sentence fewer or reordered."""
    words = [rng.choice(SYNONYMS[w]) if w in SYNONYMS and rng.random() < 0.5 else w for w in text.split(" ")]
    sentences = " ".join(words).split(". ")
    if len(sentences) > 2 and rng.random() < 0.5:
        sentences.pop(rng.randrange(len(sentences)))
    if len(sentences) > 1 and rng.random() < 0.3:
        rng.shuffle(sentences)
    return ". ".join(sentences).strip()


def generate(count: int, seed: int = 7) -> list[dict[str, object]]:
    """``count`` catalog documents (jurisdictions), each with one to three frameworks."""
    rng = random.Random(seed)
    pool = [p for f in load_catalog().frameworks() for p in f.principles if p.summary]
    documents = []
    for index in range(count):
        code = f"s{index:04d}"
        frameworks = []
        for edition in range(rng.choice((1, 1, 2, 3))):
            principles = [
                {"number": number, "title": vary(p.title, rng), "summary": vary(p.summary or "", rng)}
                for number, p in enumerate(rng.sample(pool, rng.randint(7, 16)), start=1)
            ]
            frameworks.append(
                {
                    "id": f"{code}-standard-{edition + 1}",
                    "title": f"Synthetic digital service standard {index}, edition {edition + 1}",
                    "publisher": f"Synthetic digital office {index}",
                    "adopted": 2014 + edition * 4 + rng.randint(0, 3),
                    "url": f"https://example.org/{code}/standard-{edition + 1}",
                    "default": edition == 0,
                    "principles": principles,
                }
            )
        documents.append({"jurisdiction": {"code": code, "name": f"Synthetic {index}"}, "frameworks": frameworks})
    return documents


def write(documents: list[dict[str, object]], directory: Path) -> None:
    """One YAML file per jurisdiction."""
    directory.mkdir(parents=True, exist_ok=True)
    for document in documents:
        code = document["jurisdiction"]["code"]  # type: ignore[index]
        (directory / f"{code}.yaml").write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )


def main() -> int:
    """Write a synthetic catalog."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    write(generate(options.count, options.seed), options.directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
