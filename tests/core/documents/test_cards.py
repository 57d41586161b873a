"""The post cards and the notice board: content from known data, every font
embedded, the QR code decoding to the card's public page, scope on every
download, and a public page that shows no person's name or phone."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from django.urls import reverse

from core.documents.cards import card_pdf, post_is_exposed, post_points
from core.documents.models import CardKind, PublicCard
from core.organizations.models import Unit
from core.risks.services import (
    ControlData,
    EventData,
    MeasureData,
    risk_point_create,
)
from tests.core.documents.conftest import page_count, pdf_fonts, pdf_text
from tests.core.risks.conftest import reactor_data
from tests.factories import unit

zxingcpp = pytest.importorskip("zxingcpp")


def decode_qr(pdf: bytes) -> list[str]:
    """Render the first page and read every QR code on it."""
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=3).to_pil()
    finally:
        document.close()
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.fixture
def post(handbook_world):
    return Unit.objects.get(enterprise=handbook_world.enterprise_a, kind=Unit.Kind.POST)


@pytest.mark.parametrize("kind", [CardKind.POST_RISK, CardKind.EMERGENCY])
def test_card_prints_the_post_risks_and_its_qr_opens_the_public_page(
    handbook_world, post, kind, settings
):
    settings.SAFEGRID_PUBLIC_BASE_URL = "https://safegrid.example.gov.cn"
    pdf = card_pdf(enterprise=handbook_world.enterprise_a, kind=kind, post=post)
    assert page_count(pdf) >= 1
    assert all(font["embedded"] == "yes" for font in pdf_fonts(pdf))
    text = pdf_text(pdf)
    assert "反应釜操作岗" in text
    assert "1号反应釜" in text  # the workshop's point reaches the post
    assert "泄漏应急处置卡" in text  # its emergency measure
    assert "119" in text
    assert "李四" in text  # the printed card lists the contacts
    card = PublicCard.objects.get(post=post, kind=kind)
    expected = f"https://safegrid.example.gov.cn/c/{card.token}/"
    assert decode_qr(pdf) == [expected]
    # Printing again keeps the same address.
    card_pdf(enterprise=handbook_world.enterprise_a, kind=kind, post=post)
    assert PublicCard.objects.filter(post=post, kind=kind).count() == 1


def test_occupational_card_only_where_exposed(handbook_world):
    world = handbook_world
    company = Unit.objects.get(enterprise=world.enterprise_a, kind=Unit.Kind.COMPANY)
    workshop = unit(world.enterprise_a, "包装车间", Unit.Kind.WORKSHOP, company)
    team = unit(world.enterprise_a, "包装班", Unit.Kind.TEAM, workshop)
    post = unit(world.enterprise_a, "包装岗", Unit.Kind.POST, team)
    assert not post_is_exposed(post_points(post))
    with pytest.raises(Exception):  # noqa: B017, PT011 - NotExposed
        card_pdf(enterprise=world.enterprise_a, kind=CardKind.OCCUPATIONAL, post=post)
    risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=reactor_data(
            world,
            name="投料口",
            position=None,
            unit=workshop,
            factors=[],
            control=ControlData(),
            events=[
                EventData(
                    name="苯蒸气吸入中毒",
                    accident_types=["19"],
                    measures=[MeasureData(kind="ppe", description="佩戴防毒面具")],
                )
            ],
        ),
    )
    assert post_is_exposed(post_points(post))
    text = pdf_text(
        card_pdf(enterprise=world.enterprise_a, kind=CardKind.OCCUPATIONAL, post=post)
    )
    assert "职业危害告知卡" in text
    assert "佩戴防毒面具" in text


def test_poster_lists_every_risk_point(handbook_world):
    pdf = card_pdf(
        enterprise=handbook_world.enterprise_a, kind=CardKind.POSTER, post=None
    )
    text = pdf_text(pdf)
    assert "风险公告栏" in text
    assert "1号反应釜" in text and "2号储罐区" in text
    assert len(decode_qr(pdf)) == 1


def test_public_page_shows_no_private_field(client, handbook_world, post):
    card_pdf(enterprise=handbook_world.enterprise_a, kind=CardKind.POST_RISK, post=post)
    card = PublicCard.objects.get(post=post)
    page = client.get(reverse("public_card", args=[card.token]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "1号反应釜" in body and "可燃气体检测报警" in body
    for private in ("张三", "李四", "13800000001", "9122010"):  # people, phones, USCC
        assert private not in body, private
    import uuid

    assert client.get(reverse("public_card", args=[uuid.uuid4()])).status_code == 404


def test_portal_cards_for_the_enterprise(client, handbook_world, post):
    client.force_login(handbook_world.manager_a)
    home = client.get(reverse("documents:home"))
    assert b'data-testid="card-post_risk"' in home.content
    assert home.content.count(b'data-testid="cards"') == 1
    response = client.get(reverse("documents:card", args=[post.pk, "post_risk"]))
    assert response.status_code == 200
    assert "反应釜操作岗" in pdf_text(response.content)
    assert client.get(reverse("documents:poster")).status_code == 200
    assert (
        client.get(reverse("documents:card", args=[post.pk, "bogus"])).status_code
        == 404
    )
    # The reactor's poisoning event (GB 6441 type 19) exposes the post.
    response = client.get(reverse("documents:card", args=[post.pk, "occupational"]))
    assert response.status_code == 200
    assert "职业危害告知卡" in pdf_text(response.content)


@pytest.mark.parametrize("role", ["manager_b", "dept_construction", "street1_office"])
def test_foreign_post_cards_are_refused(client, handbook_world, post, role):
    client.force_login(getattr(handbook_world, role))
    for kind in ("post_risk", "emergency"):
        response = client.get(reverse("documents:card", args=[post.pk, kind]))
        # A foreign enterprise's post is not found; government users are sent
        # to the admin by the portal's entry guard.
        assert response.status_code in (302, 404)
        assert response.get("Content-Type") != "application/pdf"


@pytest.mark.parametrize(
    "role", ["manager_a", "dept_chemicals", "street1_office", "committee"]
)
def test_api_cards_in_scope(client, handbook_world, post, role):
    client.force_login(getattr(handbook_world, role))
    enterprise = handbook_world.enterprise_a
    response = client.get(
        reverse("api:card", args=[enterprise.pk, post.pk, "post_risk"])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert client.get(reverse("api:poster", args=[enterprise.pk])).status_code == 200


@pytest.mark.parametrize("role", ["manager_b", "dept_construction", "outsider"])
def test_api_cards_refused_out_of_scope(client, handbook_world, post, role):
    client.force_login(getattr(handbook_world, role))
    enterprise = handbook_world.enterprise_a
    for url in (
        reverse("api:card", args=[enterprise.pk, post.pk, "post_risk"]),
        reverse("api:poster", args=[enterprise.pk]),
    ):
        assert client.get(url).status_code in (403, 404), url


def test_api_poster_of_a_foreign_street_is_refused(client, handbook_world):
    client.force_login(handbook_world.street1_office)
    url = reverse("api:poster", args=[handbook_world.enterprise_b.pk])
    assert client.get(url).status_code == 404


def test_emergency_card_prints_the_emergency_apps_post_content(
    client, handbook_world, post
):
    """With the post's emergency content recorded, the card prints its first
    actions with who does each, the assembly point, the post's contacts, and
    still the risk events' emergency measures; the public page shows the
    actions and assembly point without the contacts."""
    from core.emergency.services import post_content_save

    post_content_save(
        actor=handbook_world.manager_a,
        post=post,
        scenario="反应釜物料泄漏着火",
        first_actions=[
            {"action": "立即停止进料并关闭紧急切断阀", "responsible": "主操作工"},
            {"action": "启动消防水幕并报告班长", "responsible": "副操作工"},
        ],
        reporting_path="操作工→班长→值班长→安全科",
        cautions="佩戴空气呼吸器\n从上风向接近",
        contacts=[{"name": "王五 值班长", "phone": "13900000009"}],
        escape_route="沿东侧疏散通道撤离",
        assembly_point="东门应急集合点",
    )
    pdf = card_pdf(
        enterprise=handbook_world.enterprise_a, kind=CardKind.EMERGENCY, post=post
    )
    text = pdf_text(pdf)
    for expected in (
        "反应釜物料泄漏着火",
        "立即停止进料并关闭紧急切断阀",
        "主操作工",
        "操作工→班长→值班长→安全科",
        "佩戴空气呼吸器",
        "东门应急集合点",
        "沿东侧疏散通道撤离",
        "13900000009",
        "泄漏应急处置卡",  # the risk event's measure follows
    ):
        assert expected in text, expected
    assert all(font["embedded"] == "yes" for font in pdf_fonts(pdf))
    token = PublicCard.objects.get(post=post, kind=CardKind.EMERGENCY).token
    page = client.get(reverse("public_card", args=[token])).content.decode()
    assert "立即停止进料并关闭紧急切断阀" in page
    assert "东门应急集合点" in page
    assert "13900000009" not in page and "王五" not in page


def test_emergency_card_falls_back_on_the_risks_without_post_content(
    handbook_world, post
):
    from core.documents.cards import card_content

    content = card_content(
        enterprise=handbook_world.enterprise_a, kind=CardKind.EMERGENCY, post=post
    )
    assert content["card"].source == "risks"
    assert any(
        action.text == "泄漏应急处置卡"
        for scenario in content["card"].scenarios
        for action in scenario.actions
    )
