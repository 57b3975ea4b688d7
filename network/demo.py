"""Demo content of the network app (called by load_demo_content, after the home app's)."""


def load(**options):
    return "nothing yet"
