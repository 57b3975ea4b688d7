"""Photos and recordings that passed their checks survive a form that comes back with an error.

Browsers cannot re-attach files to a form, so a mother on a slow connection who forgot the consent
box would have to find and upload her photos again. Instead the checked files wait in storage under a
random name, and the form carries a signed list of them (a visitor cannot name any other file).
Waiting files older than a day are removed whenever a story arrives.
"""

import json
import uuid
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import PurePath

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

PENDING_FOLDER = "submissions/pending"
MAX_AGE = timedelta(days=1)
_signer = signing.TimestampSigner(salt="stories.kept-uploads")


@dataclass
class KeptFile:
    name: str  # where it waits in storage
    kind: str  # "photo", "video" or "audio"
    label: str  # the file name the visitor chose, shown back to her only


def keep(content, kind: str, label: str) -> KeptFile:
    suffix = PurePath(getattr(content, "name", "") or "").suffix.lower()
    content.seek(0)
    name = default_storage.save(f"{PENDING_FOLDER}/{uuid.uuid4().hex}{suffix}", content)
    return KeptFile(name=name, kind=kind, label=PurePath(label).name[:100])


def sign(files: list[KeptFile]) -> str:
    return _signer.sign(json.dumps([asdict(f) for f in files])) if files else ""


def unsign(value: str) -> list[KeptFile]:
    """The files a signed value names; nothing if it is forged, broken or older than a day."""
    if not value:
        return []
    try:
        data = json.loads(_signer.unsign(value, max_age=MAX_AGE))
    except (signing.BadSignature, ValueError):
        return []
    files = [KeptFile(**item) for item in data if isinstance(item, dict)]
    return [
        f
        for f in files
        if f.name.startswith(PENDING_FOLDER + "/") and default_storage.exists(f.name)
    ]


def take(kept: KeptFile) -> ContentFile:
    """The file's content, removed from the waiting room."""
    with default_storage.open(kept.name, "rb") as stored:
        content = ContentFile(stored.read(), name=PurePath(kept.name).name)
    default_storage.delete(kept.name)
    return content


def clear_abandoned() -> int:
    """Delete waiting files of forms that were never sent again."""
    try:
        _folders, names = default_storage.listdir(PENDING_FOLDER)
    except FileNotFoundError:
        return 0
    limit = timezone.now() - MAX_AGE
    removed = 0
    for name in names:
        path = f"{PENDING_FOLDER}/{name}"
        if default_storage.get_modified_time(path) < limit:
            default_storage.delete(path)
            removed += 1
    return removed
