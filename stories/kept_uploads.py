"""Photos and recordings that passed their checks survive a form that comes back with an error.

Browsers cannot re-attach files to a form, so a mother on a slow connection who forgot the consent
box would have to find and upload her photos again. Instead the checked files wait in the private
storage (never served by the web server) under a random id, and the form carries a signed list of
those ids: no path, and a visitor cannot name any other file. Each address may keep only so much
(STORIES_KEPT_FILES_QUOTA_MB a day); waiting files older than a day are removed by the scheduled task
stories.tasks.clear_kept_uploads.
"""

import json
import re
import uuid
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone

from .private_files import EXTENSIONS, private_storage

PENDING_FOLDER = "pending"
MAX_AGE = timedelta(days=1)
_signer = signing.TimestampSigner(salt="stories.kept-uploads")
_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass
class KeptFile:
    id: str  # random, names nothing by itself
    extension: str  # one of private_files.EXTENSIONS, chosen from the content
    kind: str  # "photo", "video" or "audio"
    label: str  # the file name the visitor chose, shown back to her only

    @property
    def name(self) -> str:
        """Where it waits in the private storage."""
        return f"{PENDING_FOLDER}/{self.id}.{self.extension}"


def _quota_key(address: str) -> str:
    import hashlib

    return "stories:kept-bytes:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def within_quota(address: str, size: int) -> bool:
    """Count `size` bytes against the address's daily quota; False (nothing counted) if over it."""
    key = _quota_key(address)
    used = cache.get(key, 0)
    if used + size > settings.STORIES_KEPT_FILES_QUOTA_MB * 1024 * 1024:
        return False
    cache.set(key, used + size, timeout=int(MAX_AGE.total_seconds()))
    return True


def keep(content, extension: str, kind: str, label: str) -> KeptFile:
    if extension not in EXTENSIONS:
        raise ValueError(f"not a format we store: {extension!r}")
    kept = KeptFile(
        id=uuid.uuid4().hex, extension=extension, kind=kind, label=PurePath(label).name[:100]
    )
    content.seek(0)
    private_storage().save(kept.name, content)
    return kept


def sign(files: list[KeptFile]) -> str:
    return _signer.sign(json.dumps([asdict(f) for f in files])) if files else ""


def unsign(value: str) -> list[KeptFile]:
    """The files a signed value names; nothing if it is forged, broken or older than a day."""
    if not value:
        return []
    try:
        data = json.loads(_signer.unsign(value, max_age=MAX_AGE))
        files = [KeptFile(**item) for item in data if isinstance(item, dict)]
    except (signing.BadSignature, ValueError, TypeError):
        return []
    storage = private_storage()
    return [
        f
        for f in files
        if _ID.match(str(f.id)) and f.extension in EXTENSIONS and storage.exists(f.name)
    ]


def take(kept: KeptFile) -> ContentFile:
    """The file's content, removed from the waiting room, named by its kind and format."""
    storage = private_storage()
    with storage.open(kept.name, "rb") as stored:
        content = ContentFile(stored.read(), name=f"{kept.kind}.{kept.extension}")
    storage.delete(kept.name)
    return content


def clear_abandoned() -> int:
    """Delete waiting files of forms that were never sent again."""
    storage = private_storage()
    try:
        _folders, names = storage.listdir(PENDING_FOLDER)
    except FileNotFoundError:
        return 0
    limit = timezone.now() - MAX_AGE
    removed = 0
    for name in names:
        path = f"{PENDING_FOLDER}/{name}"
        if storage.get_modified_time(path) < limit:
            storage.delete(path)
            removed += 1
    return removed
