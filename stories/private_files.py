"""Where sent-in files wait for review: the "private" storage, which the web server never serves.

Files are named by what their content is (an extension from a fixed list, chosen after the checks
in uploads.py), never by what the visitor called them.
"""

from django.core.files.storage import storages

# The only extensions a sent-in file is ever stored under, and how each is served back.
EXTENSIONS = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "webm": "video/webm",
    "ogv": "video/ogg",
    "m4a": "audio/mp4",
    "ogg": "audio/ogg",
    "wav": "audio/wav",
    "mp3": "audio/mpeg",
}


def private_storage():
    """The storage of files waiting for review (a callable, so tests and settings may swap it)."""
    return storages["private"]


def safe_extension(name: str) -> str:
    """The extension of a name we gave, if it is one of ours; "bin" for anything else."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return extension if extension in EXTENSIONS else "bin"


def content_type(name: str) -> str:
    """The type a stored file is served with: ours, never a guess from the visitor's name."""
    return EXTENSIONS.get(safe_extension(name), "application/octet-stream")
