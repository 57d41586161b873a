import pytest
from django.urls import reverse
pytestmark = pytest.mark.django_db

def test_smoke(client, world, reactor, site_b):
    client.force_login(world.manager_a)
    for name, args in [("risks:overview", []), ("risks:list", []), ("risks:detail", [reactor.pk]), ("risks:library", []), ("risks:drafts", []), ("risks:excel_import", []), ("risks:reassess", [reactor.pk, reactor.events.first().pk])]:
        r = client.get(reverse(name, args=args))
        print(name, r.status_code)
        assert r.status_code == 200, r.content[:3000]
    r = client.get(reverse("risks:new"), follow=True)
    print(r.redirect_chain, r.status_code)
    assert r.status_code == 200, r.content[-3000:]
    r = client.get(reverse("risks:edit", args=[reactor.pk]), follow=True)
    print(r.redirect_chain, r.status_code)
    assert r.status_code == 200
    client.force_login(world.committee)
    r = client.get(reverse("risk_points:index"))
    print("admin index", r.status_code)
    assert r.status_code == 200, r.content[-3000:]
    r = client.get(reverse("risk_points:inspect", args=[reactor.pk]))
    print("admin inspect", r.status_code)
    assert r.status_code == 200, r.content[-3000:]
