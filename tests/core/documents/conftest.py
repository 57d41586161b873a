"""An enterprise with known risk data, and helpers to read the PDFs produced."""

from __future__ import annotations

import io
import subprocess
import tempfile

import pytest
from pypdf import PdfReader

from core.organizations.models import EnterpriseContact
from core.risks.services import risk_point_create
from tests.core.risks.conftest import reactor_data


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as a reader extracts it (searchable, copyable)."""
    return "\n".join(
        page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages
    )


def pdf_fonts(pdf: bytes) -> list[dict[str, str]]:
    """Every font of the PDF with whether it is embedded (poppler's pdffonts)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        output = subprocess.run(  # noqa: S603 - a fixed tool on our own file
            ["pdffonts", handle.name],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    rows = []
    for line in output.splitlines()[2:]:
        parts = line.split()
        # name type [type...] encoding emb sub uni object id
        rows.append({"name": parts[0], "embedded": parts[-5], "line": line})
    return rows


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def handbook_world(world):
    """Enterprise A with two risk points (general, and one not assessed) and a
    contact; enterprise B with a major one."""
    world.enterprise_a.address = "测试区一街道化工路1号"
    world.enterprise_a.save()
    EnterpriseContact.objects.create(
        enterprise=world.enterprise_a,
        name="李四",
        title="安全科长",
        phone="13800000001",
    )
    risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=reactor_data(world, name="2号储罐区", events=[], position=None),
    )
    return world
