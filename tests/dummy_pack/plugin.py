"""A test-only pack that implements every SafeGrid hook.

It proves the hook contract: ``tests/plugins/test_hook_contract.py`` fails when
a hook in ``plugins/hookspecs.py`` has no implementation here.
"""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution, PortalMenuItem


@hookimpl
def safegrid_industries():
    return [
        IndustryContribution(code="dummy", name=I18nText("测试行业", "Dummy industry"))
    ]


@hookimpl
def safegrid_portal_menu_items():
    return [
        PortalMenuItem("dummy", I18nText("测试", "Dummy"), "portal:home", order=999)
    ]
