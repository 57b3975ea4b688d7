"""Admin hooks of the core app: the Outgoing mail screen."""

from wagtail import hooks

from cms.core.admin_views import outgoing_mail_viewset


@hooks.register("register_admin_viewset")
def register_outgoing_mail():
    return outgoing_mail_viewset
