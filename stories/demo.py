"""Demo content of the stories app (called by load_demo_content, after the home app's)."""


def load(**options):
    return "nothing yet"
