"""Django's and Wagtail's own messages that readers see on the public site (form errors, the
password page), copied into our site-wide catalogue.

LOCALE_PATHS comes before Django's and Wagtail's catalogues, so our translation wins. We need that
where theirs is missing (Wagtail has no Serbian, and its Slovak is filed under sk_SK, which Django
never loads for "sk"), in the wrong script (Django's Serbian is Cyrillic, Bridges' is Latin) or in
another register than ours (Django's German says "Bitte … eingeben" where Bridges says "Sie").
Listing the messages here keeps them in the catalogue when makemessages runs, and the catalogue
test then holds every locale to them.
"""

from django.utils.translation import gettext_lazy, ngettext_lazy

# The exact msgids of django/forms and django/core/validators (Django 5.2).
FORM_ERRORS = (
    gettext_lazy("This field is required."),
    gettext_lazy("Enter a valid value."),
    gettext_lazy("Enter a valid email address."),
    gettext_lazy("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_lazy("No file was submitted. Check the encoding type on the form."),
    gettext_lazy("No file was submitted."),
    gettext_lazy("The submitted file is empty."),
    gettext_lazy("Null characters are not allowed."),
)
# The same, counting characters.
FORM_ERRORS_WITH_COUNTS = (
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure this filename has at most %(max)d character (it has %(length)d).",
        "Ensure this filename has at most %(max)d characters (it has %(length)d).",
        "max",
    ),
)

# Wagtail's page for password-protected pages (wagtailcore/password_required.html and its form).
PASSWORD_PAGE = (
    gettext_lazy("Password required"),
    gettext_lazy("You need a password to access this page."),
    gettext_lazy("Password"),
    gettext_lazy("Continue"),
    gettext_lazy("The password you have entered is not correct. Please try again."),
)
