"""How the pages' routes reach their views (network.views)."""


def views():
    """network.views, imported when a request arrives: the views build on these models (the
    directory's queries, the registration service), so importing them while the models load
    would be a cycle inside the app. The one function-level import of the models package."""
    from network import views

    return views
