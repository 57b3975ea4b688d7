"""The "Network directory" admin screen: upload the centres spreadsheet (CSV or Excel), see what
every row would do, confirm, and download the directory in the same format.

The work is done by network/centres_csv.py (the same importer as `manage.py import_centres`):
the preview is a dry run of the real import inside a transaction that is rolled back, so what
the editor sees is exactly what the confirmation does. Between preview and confirmation the
uploaded file waits in a private temporary folder under a random name that only the editor's
session knows; the browser never sends a path.
"""

import re
import secrets
import tempfile
import time
from pathlib import Path

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from network.centres_csv import import_centres
from network.centres_export import export_centres, export_centres_xlsx
from network.centres_table import COLUMNS, CsvFormatError
from network.models import CountryPage

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_DIR = Path(tempfile.gettempdir()) / "bridges-centre-imports"
KEEP_UPLOADS_SECONDS = 24 * 3600
SESSION_KEY = "network_directory_upload"
TOKEN_PATTERN = re.compile(r"^[0-9a-f]{32}$")


def importable_countries(user) -> list[CountryPage] | None:
    """The country sections the user may import into: None means every country (superusers).

    Importing publishes centres, so it is for those who may publish in a country's section."""
    if user.is_superuser:
        return None
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
    return list(
        CountryPage.objects.filter(locale=Locale.get_default(), pk__in=pages.values("pk")).order_by(
            "title"
        )
    )


def user_can_use_directory(user) -> bool:
    countries = importable_countries(user)
    return countries is None or bool(countries)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet of centres"),
        help_text=_(
            "A CSV file (UTF-8) or an Excel workbook (.xlsx) with one centre per row and the "
            "column names in the first row. Download the directory below to start from the "
            "right columns."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Choose a CSV file (.csv) or an Excel workbook (.xlsx)."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 5 MB. Split it into smaller files.")
            )
        return upload


def _remove_old_uploads() -> None:
    if not UPLOAD_DIR.is_dir():
        return
    limit = time.time() - KEEP_UPLOADS_SECONDS
    for path in UPLOAD_DIR.iterdir():
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


def keep_upload(request, data: bytes, filename: str) -> str:
    """Keep the file until the editor confirms; returns the opaque token the form carries."""
    _remove_old_uploads()
    UPLOAD_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    token = secrets.token_hex(16)
    (UPLOAD_DIR / token).write_bytes(data)
    request.session[SESSION_KEY] = {"token": token, "filename": filename}
    return token


def kept_upload(request, token: str) -> tuple[bytes, str] | None:
    """The kept file, only for the session that uploaded it and only under its own token."""
    kept = request.session.get(SESSION_KEY) or {}
    if not TOKEN_PATTERN.match(token or "") or kept.get("token") != token:
        return None
    path = UPLOAD_DIR / token
    if not path.is_file():
        return None
    return path.read_bytes(), kept.get("filename", "")


def forget_upload(request, token: str) -> None:
    if TOKEN_PATTERN.match(token or ""):
        (UPLOAD_DIR / token).unlink(missing_ok=True)
    request.session.pop(SESSION_KEY, None)


class DirectoryPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not user_can_use_directory(request.user):
            raise PermissionDenied
        self.countries = importable_countries(request.user)
        return super().dispatch(request, *args, **kwargs)


class DirectoryView(DirectoryPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """Upload (GET shows the form, POST shows the preview) and the download links."""

    page_title = _("Network directory")
    header_icon = "site"
    template_name = "network/admin/directory/index.html"
    form_class = UploadForm

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["countries"] = self.countries
        context["columns"] = COLUMNS
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            report = import_centres(
                data,
                dry_run=True,
                user=self.request.user,
                filename=upload.name,
                allowed_countries=self.countries,
            )
        except CsvFormatError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        token = keep_upload(self.request, data, upload.name) if report_has_work(report) else ""
        return self.render_to_response(
            self.get_context_data(
                form=form, report=report, token=token, filename=upload.name, preview=True
            )
        )


def report_has_work(report) -> bool:
    return bool(report.count("created") or report.count("updated"))


class DirectoryConfirmView(DirectoryPermissionMixin, WagtailAdminTemplateMixin, View):
    """Import the kept file for real and show what was done."""

    page_title = _("Network directory")
    header_icon = "site"
    template_name = "network/admin/directory/index.html"

    def post(self, request):
        token = request.POST.get("token", "")
        kept = kept_upload(request, token)
        if kept is None:
            messages.error(
                request,
                _(
                    "The uploaded file is no longer here (it was imported or has expired). Upload it again."
                ),
            )
            return redirect("network_directory:index")
        data, filename = kept
        report = import_centres(
            data, user=request.user, filename=filename, allowed_countries=self.countries
        )
        forget_upload(request, token)
        messages.success(
            request,
            _("Imported: %(created)d new, %(updated)d changed, %(refused)d refused.")
            % {
                "created": report.count("created"),
                "updated": report.count("updated"),
                "refused": report.count("refused"),
            },
        )
        context = self.get_context_data(
            form=UploadForm(), report=report, filename=filename, done=True
        )
        context.update(countries=self.countries, columns=COLUMNS)
        return self.render_to_response(context)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("network_directory:index"), "label": self.page_title},
        ]


class DirectoryExportView(DirectoryPermissionMixin, View):
    """The directory (a country editor: her countries) in the import's format."""

    def get(self, request):
        if request.GET.get("format") == "xlsx":
            response = HttpResponse(
                export_centres_xlsx(countries=self.countries),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = 'attachment; filename="centres.xlsx"'
            return response
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="centres.csv"'
        response.write("\ufeff")  # spreadsheet programs read UTF-8 only with the byte order mark
        export_centres(response, countries=self.countries)
        return response
