"""Copy the verified titles of ``../shared/reference`` into ``tests/fixtures/reference-titles.yaml``.

The test suite checks every built-in title against that fixture, so it runs where the reference folder is
absent (a clone of this repository alone). Run this after the reference changes or a framework joins the
catalog (add its reference file to ``SOURCES``), then review the diff:

    python scripts/reference_titles.py ../shared/reference
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "reference-titles.yaml"
SOURCES = {
    "ar-servicios-digitales-2016": "ar-principios-servicios-digitales-2016",
    "au-dss-v1": "au-digital-service-standard-v1-2016",
    "au-dss-v2": "au-digital-service-standard-v2-2023",
    "br-egd-2024": "br-estrategia-federal-governo-digital-2024-2027",
    "ca-digital-standards": "ca-digital-standards-2018",
    "de-digitalcheck-2023": "de-digitalcheck-principles-2023",
    "de-digitalcheck-2025": "de-digitalcheck-principles-2025",
    "dk-architecture-principles": "dk-faellesoffentlig-digital-arkitektur-principper",
    "dk-digital-ready-legislation": "dk-digital-ready-legislation-2018",
    "eu-berlin-2020": "eu-berlin-declaration-2020",
    "eu-eif-2017": "eu-european-interoperability-framework-2017",
    "eu-tallinn-2017": "eu-tallinn-declaration-2017",
    "ie-connecting-government-2030": "ie-connecting-government-2030",
    "in-e-kranti-2015": "in-e-kranti-principles-2015",
    "intl-digital-nations": "intl-digital-nations-charter-2018",
    "it-piano-triennale-2020": "it-piano-triennale-principi-guida-2020-2022",
    "it-piano-triennale-2024": "it-piano-triennale-principi-guida-2024-2026",
    "li-egovernment-principles": "li-e-government-principles",
    "nl-nora-2010": "nl-nora-basisprincipes-2010",
    "no-architecture-principles-2009": "no-overordnede-it-arkitekturprinsipper-2009",
    "nz-dsds": "nz-digital-service-design-standard-2018",
    "oecd-dgs-2014": "oecd-digital-government-strategies-2014",
    "uk-defra-2018": "uk-defra-digital-principles-2018",
    "uk-design-principles-2012": "uk-government-design-principles-2012",
    "uk-design-principles-2025": "uk-government-design-principles-2025",
    "uk-dss-2015": "uk-digital-service-standard-2015",
    "uk-service-standard-2019": "uk-service-standard-2019",
    "uk-tcop": "uk-technology-code-of-practice-current",
    "uk-tcop-2019": "uk-technology-code-of-practice-2019",
    "us-playbook": "us-digital-services-playbook-2014",
    "us-uswds-principles": "us-uswds-design-principles",
}
"""Catalog framework id -> reference file (without ``.yaml``)."""


def main(reference: Path) -> int:
    """Write the fixture from the reference files."""
    found = {}
    for framework, name in SOURCES.items():
        data = yaml.safe_load((reference / f"{name}.yaml").read_text(encoding="utf-8"))
        found[framework] = {
            "reference": name,
            "year": data.get("year"),
            "numbered": data.get("numbering_official", True),
            "titles": {p["number"]: p["title"] for p in data["principles"]},
        }
    header = (
        "# Verified titles and years copied from the project's reference facts by scripts/reference_titles.py;\n"
        "# the reference records where each was seen. Do not edit by hand.\n"
    )
    FIXTURE.write_text(header + yaml.safe_dump(found, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    print(f"wrote {FIXTURE.relative_to(ROOT)} ({len(found)} frameworks)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference"))
