"""The site's own words are complete in every locale: every catalogue (site-wide and per app) has
every message of the code, translated, with its placeholders and markup intact, compiled, and in
one polite register per language; Django's form errors follow that register on the public site."""

import functools
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache

from cms.public_messages import FORM_ERRORS, FORM_ERRORS_WITH_COUNTS, PASSWORD_PAGE

BASE_DIR = Path(settings.BASE_DIR)
LOCALES = [code for code, _name in settings.LANGUAGES]
TRANSLATED_LOCALES = [code for code in LOCALES if code != settings.LANGUAGE_CODE]
# The site-wide catalogue (templates/, cms/, home/) and one per app that has its own locale/.
CATALOGUES = sorted(
    str(path.relative_to(BASE_DIR)) for path in [BASE_DIR / "locale", *BASE_DIR.glob("*/locale")]
)
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{(\w*)\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b")


def po_path(catalogue: str, locale: str) -> Path:
    return BASE_DIR / catalogue / locale / "LC_MESSAGES" / "django.po"


def key(entry) -> tuple:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def entries(catalogue: str, locale: str) -> list:
    return [e for e in polib.pofile(str(po_path(catalogue, locale))) if not e.obsolete]


def msgstrs(entry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def placeholders(text: str) -> list[str]:
    return sorted(match.group(0) for match in PLACEHOLDER.finditer(text))


def test_there_are_catalogues_to_check():
    assert "locale" in CATALOGUES
    assert {"network/locale", "stories/locale", "walks/locale"} <= set(CATALOGUES)


@pytest.mark.parametrize("catalogue", CATALOGUES)
@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_every_message_is_translated(catalogue, locale):
    """Every msgid of the (English) catalogue is in the locale's, translated and not fuzzy."""
    expected = {key(e) for e in entries(catalogue, "en")}
    assert po_path(catalogue, locale).exists(), f"{catalogue} has no {locale} catalogue"
    found = {key(e): e for e in entries(catalogue, locale)}
    missing = sorted(k[1] for k in expected - found.keys())
    assert not missing, f"{len(missing)} messages missing in {catalogue}/{locale}: {missing[:5]}"
    extra = sorted(k[1] for k in found.keys() - expected)
    assert not extra, (
        f"{len(extra)} messages of {catalogue}/{locale} are not in English: {extra[:5]}"
    )
    untranslated = [
        e.msgid
        for e in found.values()
        if "fuzzy" in e.flags or not all(s.strip() for s in msgstrs(e))
    ]
    assert not untranslated, (
        f"{len(untranslated)} of {len(found)} messages untranslated or fuzzy in "
        f"{catalogue}/{locale}: {untranslated[:5]}"
    )


@pytest.mark.parametrize("catalogue", CATALOGUES)
@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_placeholders_and_markup_are_kept(catalogue, locale):
    """A translation keeps every %(name)s, %s and {name} and the same HTML tags as the English."""
    wrong = []
    for entry in entries(catalogue, locale):
        for form, text in enumerate(msgstrs(entry)):
            if not text:
                continue
            source = entry.msgid if form == 0 and not entry.msgid_plural else entry.msgid_plural
            if entry.msgid_plural:
                # A singular may spell out "one" instead of the number: no placeholder but the
                # English ones, and every named one that is not the count.
                allowed = set(placeholders(entry.msgid) + placeholders(entry.msgid_plural))
                if not set(placeholders(text)) <= allowed:
                    wrong.append((entry.msgid, text))
                continue
            if placeholders(text) != placeholders(source) or sorted(TAG.findall(text)) != sorted(
                TAG.findall(source)
            ):
                wrong.append((entry.msgid, text))
    assert not wrong, f"{catalogue}/{locale}: {wrong[:5]}"


@pytest.mark.parametrize("catalogue", CATALOGUES)
@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalogue_matches_its_source(catalogue, locale):
    """The .mo Django reads says what the .po says: nobody forgot to compile."""
    po = po_path(catalogue, locale)
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo.relative_to(BASE_DIR)} is missing: run msgfmt"

    def translations(catalogue_file) -> dict:
        return {
            key(e): msgstrs(e)
            for e in catalogue_file
            if e.msgid and not e.obsolete and "fuzzy" not in e.flags and all(msgstrs(e))
        }

    assert translations(polib.mofile(str(mo))) == translations(polib.pofile(str(po))), (
        f"{mo.relative_to(BASE_DIR)} is older than its .po: msgfmt --check-format -o django.mo django.po"
    )


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("catalogue", CATALOGUES)
@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_passes_msgfmt_checks(catalogue, locale):
    """Plural forms that fit the header, format strings that match: what msgfmt -c checks."""
    result = subprocess.run(
        ["msgfmt", "--check-format", "-c", "-o", "/dev/null", str(po_path(catalogue, locale))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


# One register per language: German "Sie", Hungarian "Ön", the polite plural in the Slavic
# languages and Bulgarian, Italian "Lei", Dutch "je" (as the story form always said it). These
# are the words of the other register that would give a translation away.
INFORMAL = {
    "de": r"\b([Dd]u|[Dd]ich|[Dd]ir|[Dd]ein|[Dd]eine[mnrs]?|[Dd]einer)\b",
    "hu": (
        r"\b([Tt]e|[Nn]eked|[Tt]éged|[Rr]ólad|[Tt]iéd|[Aa]dd meg|[Íí]rd|[Íí]rj|[Vv]álaszd|[Kk]attints|"
        r"[Tt]öltsd|[Nn]ézd|[Pp]róbáld|[Kk]üldd|[Mm]ondd|[Oo]szd meg|[Ll]épj|[Hh]agyd|[Jj]elöld|[Kk]érlek|"
        r"[Mm]eséld|[Tt]örténeted|[Tt]örténetedet|[Oo]rszágod|e-mail-címed|[Nn]eved|szeretnél|írsz)\b"
    ),
    "sk": r"\b([Tt]voj[aeiu]?|[Tt]vojho|[Tt]vojich|[Tt]ebe|[Tt]ebou)\b",
    "cs": r"\b([Tt]vůj|[Tt]voje|[Tt]vou|[Tt]vého|[Tt]vých|[Tt]ebe|[Tt]ebou)\b",
    "sl": r"\b([Tt]voj[aeiu]?|[Tt]vojega|[Tt]vojih|[Tt]ebe|[Tt]ebi)\b",
    "sr": r"\b([Tt]voj[aeiu]?|[Tt]vog|[Tt]vojih|[Tt]ebe|[Tt]ebi)\b",
    "uk": r"\b([Тт]и|[Тт]вій|[Тт]воя|[Тт]воє|[Тт]вої|[Тт]вого|[Тт]обі|[Тт]ебе)\b",
    "bg": r"\b([Тт]и|[Тт]вой|[Тт]воя|[Тт]воят|[Тт]вое|[Тт]вои|[Тт]ебе)\b",
    # Imperatives only with a capital: "lascia" and "spunta" are also polite forms and nouns.
    "it": (
        r"\b([Tt]uo|[Tt]ua|[Tt]uoi|[Tt]ue|[Hh]ai|[Pp]uoi|[Vv]uoi|Lascia|Spunta|Scegli|Inserisci|"
        r"Scrivi|Controlla|Assicurati|[Rr]accontaci|[Ss]crivici)\b"
    ),
    "nl": r"\b([Uu]|[Uu]w|alstublieft)\b",
}


@pytest.mark.parametrize("catalogue", CATALOGUES)
@pytest.mark.parametrize("locale", sorted(INFORMAL))
def test_one_polite_register(catalogue, locale):
    informal = re.compile(INFORMAL[locale])
    found = [
        (e.msgid, text)
        for e in entries(catalogue, locale)
        for text in msgstrs(e)
        if informal.search(text)
    ]
    assert not found, f"informal words in {catalogue}/{locale}: {found[:5]}"


@functools.cache
def library_msgids() -> set[str]:
    """The English msgids of Django's and Wagtail's own catalogues."""
    import django
    import wagtail

    found = set()
    for package in (django, wagtail):
        for po in Path(package.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
            found |= {e.msgid for e in polib.pofile(str(po))}
    return found


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_django_and_wagtail_public_messages_are_ours(locale):
    """Where our site-wide catalogue translates one of Django's or Wagtail's messages (form errors,
    the password page: cms/public_messages.py), ours is what readers get, not the library's."""
    from django.utils import translation

    shared = library_msgids()
    ours = [e for e in entries("locale", locale) if e.msgid in shared and all(msgstrs(e))]
    with translation.override(settings.LANGUAGE_CODE):
        listed = {str(message) for message in FORM_ERRORS + PASSWORD_PAGE}
    assert len([e for e in ours if e.msgid_plural]) >= len(FORM_ERRORS_WITH_COUNTS)
    assert listed <= {e.msgid for e in ours}, listed - {e.msgid for e in ours}
    nplurals = int(
        re.search(
            r"nplurals=(\d+)", polib.pofile(str(po_path("locale", locale))).metadata["Plural-Forms"]
        ).group(1)
    )
    with translation.override(locale):
        for e in ours:
            if e.msgid_plural:
                assert translation.ngettext(e.msgid, e.msgid_plural, 1) == e.msgstr_plural[0]
                assert (
                    translation.ngettext(e.msgid, e.msgid_plural, 5)
                    == e.msgstr_plural[nplurals - 1]
                )
            else:
                assert translation.gettext(e.msgid) == e.msgstr, e.msgid


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_serbian_is_in_latin_script(catalogue):
    """Bridges' Serbian is "Srpski", in Latin script: no Cyrillic word, ours or Django's."""
    cyrillic = [
        text
        for e in entries(catalogue, "sr")
        for text in msgstrs(e)
        if re.search(r"[\u0400-\u04ff]", text)
    ]
    assert not cyrillic, cyrillic[:5]


# A German and a Hungarian reader send the story form with a title too long and a language the form
# does not offer: the errors come from Django's validators, in the site's register.
EXPECTED_ERRORS = {
    "de": {
        "title": "Bitte geben Sie höchstens 120 Zeichen ein (Sie haben 130 eingegeben).",
        "language": "Bitte wählen Sie eine gültige Option. xx steht nicht zur Auswahl.",
    },
    "hu": {
        "title": "Legfeljebb 120 karaktert írhat (most 130 karakter van benne).",
        "language": "Válasszon a felkínált lehetőségek közül. xx nem szerepel köztük.",
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("locale", sorted(EXPECTED_ERRORS))
def test_form_errors_speak_in_the_sites_register(client, section_pages, locale):
    from cms.core.translation import translate_page

    cache.clear()  # the story form's rate limit counts by connection
    translate_page(section_pages["stories"].get_parent(), locale, {})
    translate_page(section_pages["stories"], locale, {})
    response = client.post(
        f"/{locale}/stories/tell-your-story/",
        {
            "public_name": "Jana",
            "email": "jana@example.org",
            "language": "xx",
            "title": "T" * 130,
            "text": "Every Tuesday we meet in the kitchen of our centre. " * 4,
            "consent_publish": "on",
            "website": "",
        },
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == locale
    shown = {
        box["id"].removeprefix("field-"): [
            li.get_text(strip=True) for li in box.select(".errorlist li")
        ]
        for box in soup.select(".form-field--error")
    }
    for field, message in EXPECTED_ERRORS[locale].items():
        assert shown.get(field) == [message], shown
        assert not re.search(INFORMAL[locale], message)
    if locale == "de":
        assert all(" Sie " in message for message in EXPECTED_ERRORS["de"].values())
