"""Shared fixtures: paths of the shipped glossary and seeds, small glossaries built in code."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def _isolated_caches(tmp_path_factory):
    """Tests (and the CLI subprocesses they start) never touch the user's caches or models."""
    import os

    base = tmp_path_factory.mktemp("user")
    os.environ["NEWSNORM_CACHE_DIR"] = str(base / "cache")
    os.environ["ARGOS_PACKAGES_DIR"] = str(base / "argos-packages")
    yield

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GLOSSARY = ROOT / "glossaries" / "mideast-diplomacy.yaml"


@pytest.fixture(scope="session")
def shipped_glossary():
    from normalizer.glossary import load_glossaries

    return load_glossaries([str(GLOSSARY)])


@pytest.fixture(scope="session")
def canonicalizer(shipped_glossary):
    from normalizer.canonicalize import Canonicalizer

    return Canonicalizer(shipped_glossary)
