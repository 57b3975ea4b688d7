"""The languages a centre can say it speaks: the network's languages and those of its visitors."""

from django.utils.translation import gettext_lazy as _

# Codes are ISO 639 (Romani has no two-letter code). Names are translated; Django's own catalogue
# already knows most of them in every language.
SPOKEN_LANGUAGES = [
    ("en", _("English")),
    ("de", _("German")),
    ("hu", _("Hungarian")),
    ("sk", _("Slovak")),
    ("cs", _("Czech")),
    ("sl", _("Slovenian")),
    ("nl", _("Dutch")),
    ("it", _("Italian")),
    ("bg", _("Bulgarian")),
    ("sr", _("Serbian")),
    ("uk", _("Ukrainian")),
    ("hr", _("Croatian")),
    ("bs", _("Bosnian")),
    ("ro", _("Romanian")),
    ("pl", _("Polish")),
    ("ru", _("Russian")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("sq", _("Albanian")),
    ("rom", _("Romani")),
]
SPOKEN_LANGUAGE_NAMES = dict(SPOKEN_LANGUAGES)
