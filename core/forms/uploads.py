"""What an uploaded file really is: checked by content, never by its name alone.

A file named ``.jpg`` may hold HTML or SVG that a browser would run when the
file is opened. ``upload_content_check`` therefore decides by the bytes:

* images (JPEG, PNG, WebP) are decoded with Pillow and encoded again in the
  format their extension names (SVG, HTML and anything else is no image). What is stored is Pillow's output, so a
  polyglot's trailing script, EXIF (GPS position, camera serial) and other
  metadata are gone; the EXIF orientation is applied first so photos stay
  upright. Images over ``IMAGE_MAX_PIXELS`` are refused before decoding
  (decompression bombs).
* PDFs must start with the PDF signature ``%PDF-``.
* Office files must be the container their extension names: the OLE2
  compound file of ``.doc``/``.xls``, the zip of ``.docx``/``.xlsx`` with its
  ``[Content_Types].xml``.

Anything else is refused with a ``ValidationError`` at ``file`` and a reason.
"""

from __future__ import annotations

import io
import os
import warnings
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

IMAGE_MAX_PIXELS = 50_000_000  # a 50-megapixel photo; larger is refused
PDF_SIGNATURE = b"%PDF-"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"

#: Extension -> the Pillow format that must be decoded and is written back.
IMAGE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
#: What is decoded: a phone's JPEG named .png is still a photo (stored as PNG).
DECODED_FORMATS = ("JPEG", "PNG", "WEBP")
OLE2_EXTENSIONS = frozenset({".doc", ".xls"})
OOXML_EXTENSIONS = frozenset({".docx", ".xlsx"})


def _refuse(reason: str) -> ValidationError:
    # Keyed "file" like the service's other upload errors: the portal's form
    # and the API put it at their file field.
    return ValidationError({"file": reason}, code="content")


def _head(file: UploadedFile, size: int = 16) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def upload_content_check(*, file: UploadedFile, extension: str) -> UploadedFile:
    """Return the file to store for ``extension``, or raise ``ValidationError``.

    Images come back re-encoded (a new file object); other kinds come back
    unchanged once their signature matched.
    """
    if getattr(file, "content_checked", False):
        return file  # checked (and re-encoded) once already, at the form field
    extension = extension.lower()
    if extension in IMAGE_FORMATS:
        return _reencoded_image(file, IMAGE_FORMATS[extension])
    if extension == ".pdf":
        if not _head(file, len(PDF_SIGNATURE)) == PDF_SIGNATURE:
            raise _refuse(_("This file is not a PDF document."))
        return file
    if extension in OLE2_EXTENSIONS:
        if _head(file, len(OLE2_SIGNATURE)) != OLE2_SIGNATURE:
            raise _refuse(_("This file is not the Office document its name says."))
        return file
    if extension in OOXML_EXTENSIONS:
        if _head(file, len(ZIP_SIGNATURE)) != ZIP_SIGNATURE:
            raise _refuse(_("This file is not the Office document its name says."))
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, EOFError):
            raise _refuse(
                _("This file is not the Office document its name says.")
            ) from None
        finally:
            file.seek(0)
        if "[Content_Types].xml" not in names:
            raise _refuse(_("This file is not the Office document its name says."))
        return file
    raise _refuse(
        _("This kind of file cannot be attached (use photos, PDF or Office).")
    )


def _reencoded_image(file: UploadedFile, image_format: str) -> UploadedFile:
    not_an_image = _("This file is not a photo (JPEG, PNG or WebP).")
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice it: refuse there too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file, formats=DECODED_FORMATS) as image:
                if image.width * image.height > IMAGE_MAX_PIXELS:
                    raise _refuse(
                        _("The image is too large (at most %(mp)d megapixels).")
                        % {"mp": IMAGE_MAX_PIXELS // 1_000_000}
                    )
                image.load()
                upright = ImageOps.exif_transpose(image)
                output = io.BytesIO()
                _save_plain(upright, output, image_format)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
    ):
        raise _refuse(not_an_image) from None
    finally:
        file.seek(0)
    name = os.path.basename(file.name or "image")
    checked = ContentFile(output.getvalue(), name=name)
    checked.content_checked = True
    return checked


def _save_plain(image: Image.Image, output: io.BytesIO, image_format: str) -> None:
    """Write ``image`` with no metadata (no EXIF, ICC comments, text chunks)."""
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(output, "JPEG", quality=90, optimize=True)
    elif image_format == "PNG":
        if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"):
            image = image.convert("RGBA")
        image.save(output, "PNG", optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA")
        image.save(output, "WEBP", quality=90)
