"""The admin panel that tells a publication's editors how its files were built and what dropped out."""

from wagtail.admin.panels import Panel


class PublicationStatusPanel(Panel):
    """Read-only: each edition file's size and build date, the last build error, dropped chapters."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "publications/admin/status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if page.pk:
                context["files"] = list(page.edition_files.order_by("format"))
                context["dropped"] = page.contents.dropped
            else:
                context["files"], context["dropped"] = [], []
            return context
