"""Media on S3-compatible storage (django-storages) against a real local S3: moto's server, started
once per test session. Uploads, renditions, the story form's private files, publication files."""

import io
import json
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from django.core.files.storage import storages
from PIL import Image

from cms.core.factories import ImageFactory
from publications.factories import PublicationPageFactory, text_chapter
from stories.models import SubmissionFile
from tests.cache.servers import MotoS3
from tests.stories.test_submission import FORM_URL, phone_photo, story_data

pytestmark = pytest.mark.django_db

REGION = "us-east-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture(scope="session")
def s3_server():
    server = MotoS3()
    yield server
    server.stop()


@pytest.fixture
def s3(s3_server, settings):
    """A fresh bucket; the default and the private storage on it, as production configures them."""
    bucket = f"bridges-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_server.url, region_name=REGION, **CREDENTIALS)
    client.create_bucket(Bucket=bucket)
    # Public reads of the bucket, as production's bucket policy allows (but not of private/).
    client.put_bucket_policy(
        Bucket=bucket,
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "s3:GetObject",
                        "Resource": [
                            f"arn:aws:s3:::{bucket}/images/*",
                            f"arn:aws:s3:::{bucket}/publications/*",
                        ],
                    }
                ],
            }
        ),
    )
    options = {
        "bucket_name": bucket,
        "endpoint_url": s3_server.url,
        "region_name": REGION,
        "access_key": "testing",
        "secret_key": "testing",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**options, "default_acl": None, "querystring_auth": False},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **options,
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
                "custom_domain": None,
            },
        },
    }

    def keys(prefix=""):
        listed = client.list_objects_v2(Bucket=bucket, Prefix=prefix)
        return [item["Key"] for item in listed.get("Contents", [])]

    client.keys = keys
    client.bucket = bucket
    return client


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def test_uploads_and_renditions_live_in_the_bucket(s3, s3_server):
    image = ImageFactory(title="Kitchen", seed=5)
    assert image.file.name in s3.keys("original_images/")
    rendition = image.get_rendition("fill-120x80")
    assert rendition.file.name in s3.keys("images/")
    assert rendition.url.startswith(s3_server.url + f"/{s3.bucket}/images/")
    picture = Image.open(io.BytesIO(fetch(rendition.url)))
    assert picture.size == (120, 80)
    # A second reader's request reads the rendition's record, it does not make it again.
    assert image.get_rendition("fill-120x80").file.name == rendition.file.name


def test_the_story_forms_files_wait_in_the_private_prefix(
    client, s3, s3_server, section_pages, monkeypatch
):
    # The field took its storage when the model was defined (production: from the settings, S3).
    monkeypatch.setattr(SubmissionFile._meta.get_field("file"), "storage", storages["private"])
    response = client.post(FORM_URL, {**story_data(), "photos": [phone_photo("a.jpg")]})
    assert response.status_code == 302
    (sent,) = SubmissionFile.objects.all()
    private = s3.keys("private/")
    assert f"private/{sent.file.name}" in private
    # Only a signed, expiring address reaches it; the plain one is refused.
    plain = f"{s3_server.url}/{s3.bucket}/private/{sent.file.name}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(plain)
    assert refused.value.code == 403
    url = storages["private"].url(sent.file.name)
    assert "Signature=" in url or "X-Amz-Signature=" in url
    assert fetch(url)[:2] == b"\xff\xd8"  # the JPEG, for the editor who reviews it


def test_publication_files_are_stored_and_downloaded(client, s3, home_page):
    from publications.builds import build_edition

    page = PublicationPageFactory(
        parent=home_page,
        chapters=[text_chapter("Why this book", "Care work is everywhere and seen nowhere.")],
        publish=True,
    )
    build_edition(page, "epub")
    (key,) = s3.keys("publications/")
    assert key.endswith(".epub")
    response = client.get(page.url + "download/epub/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"PK"  # an EPUB is a zip
