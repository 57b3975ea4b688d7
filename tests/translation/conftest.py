"""A Slovak translator logged in to the admin, with the Slovak and German trees ready
(`languages`, `slovak_translator`: tests/conftest.py)."""

import pytest


@pytest.fixture
def zuzana(slovak_translator):
    """The Slovak translator, by the name these tests call her."""
    return slovak_translator
