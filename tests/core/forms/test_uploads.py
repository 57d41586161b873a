"""Uploads are checked by what they hold, not by their names."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import Resolver404, resolve
from PIL import Image

from core.forms.models import FormUpload
from core.forms.services import upload_store
from core.forms.uploads import upload_content_check
from tests.factories import image_bytes, image_upload

pytestmark = pytest.mark.django_db

HTML = b"<html><script>alert(document.cookie)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.jpg", HTML),
        ("photo.png", SVG),
        ("photo.webp", b"RIFF0000WEBPVP8 "),
        ("report.pdf", HTML),
        ("sheet.xlsx", HTML),
        ("sheet.xlsx", b"PK\x03\x04not really a zip"),
        ("letter.doc", SVG),
        # An image followed by a script: the stored file is Pillow's, not this.
    ],
)
def test_content_that_is_not_what_its_name_says_is_refused(world, name, content):
    with pytest.raises(ValidationError) as refused:
        upload_store(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            file=SimpleUploadedFile(name, content),
        )
    assert "file" in refused.value.message_dict
    assert not FormUpload.objects.exists()


def test_images_are_re_encoded_without_their_metadata_or_trailing_bytes(world):
    image = Image.new("RGB", (8, 6), (10, 120, 30))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # camera make
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    polyglot = buffer.getvalue() + HTML
    stored = upload_store(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        file=SimpleUploadedFile("现场.jpg", polyglot),
    )
    content = stored.file.read()
    assert b"<script>" not in content and b"SecretCam" not in content
    with Image.open(io.BytesIO(content)) as decoded:
        assert decoded.format == "JPEG" and decoded.size == (8, 6)
        assert not decoded.getexif()
    assert stored.size == len(content)


def test_pdfs_and_office_files_pass_by_their_signature():
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.7\n%...")
    assert upload_content_check(file=pdf, extension=".pdf") is pdf
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    docx = SimpleUploadedFile("a.docx", buffer.getvalue())
    assert upload_content_check(file=docx, extension=".docx") is docx
    ole = SimpleUploadedFile("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 8)
    assert upload_content_check(file=ole, extension=".xls") is ole


def test_a_phone_photo_named_png_is_kept_as_a_png():
    checked = upload_content_check(
        file=SimpleUploadedFile("p.png", image_bytes("JPEG")), extension=".png"
    )
    assert checked.read()[:8] == b"\x89PNG\r\n\x1a\n"


def test_uploads_are_served_by_the_scoped_view_only(world, client):
    stored = upload_store(
        actor=world.manager_a, enterprise=world.enterprise_a, file=image_upload()
    )
    with pytest.raises(Resolver404):
        resolve(f"/media/{stored.file.name}")
    url = f"/portal/forms/uploads/{stored.pk}/"
    assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    client.force_login(world.manager_b)
    assert client.get(url).status_code == 404
    owner = Client()
    owner.force_login(world.manager_a)
    response = owner.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
