"""Every hook of SafeGrid, each with what it receives and returns.

Hooks grow by adding arguments: an implementation may accept fewer arguments
than its specification. Hooks return plain data (see ``plugins.contributions``)
and never touch the database; the core syncs what they return. Each hook is
documented in ``docs/plugins.md`` under its exact signature, and exercised by
the dummy pack in ``tests/dummy_pack`` (a test fails otherwise).
"""

from __future__ import annotations

from plugins import hookspec
from plugins.contributions import (
    DirectCondition,
    DocumentSection,
    EmergencyTemplate,
    FormDefinitionContribution,
    IndustryContribution,
    InspectionSchedule,
    MonitoringParameter,
    NotificationChannel,
    PortalMenuItem,
    RiskLibraryEntry,
    ScheduledJob,
    ScoringRule,
)


@hookspec
def safegrid_industries() -> list[IndustryContribution]:
    """Return the industries this plugin brings.

    Each industry has a stable ``code`` (lowercase, e.g. ``chemicals``) and its
    Chinese and English names. The core syncs them into the ``Industry`` table;
    an industry whose pack is disabled is kept but marked inactive, so existing
    enterprises keep their history.
    """


@hookspec
def safegrid_portal_menu_items() -> list[PortalMenuItem]:
    """Return entries for the enterprise portal's navigation.

    Each entry names a Django URL and an order; entries are shown to the
    enterprise roles they list (all enterprise roles when none are listed).
    """


@hookspec
def safegrid_scoring_rules() -> list[ScoringRule]:
    """Return the scoring rules this plugin brings (LEC, LS, MES, GB 18218...).

    Each ``ScoringRule`` has a ``key`` unique across the enabled plugins, a
    title, a JSON Schema (draft 2020-12) of its inputs and an ``evaluate``
    function from validated inputs to a result dict. Risk methods
    (``kind="risk"``) return a ``value`` that the core maps to one of the four
    levels with configurable thresholds (defaults: ``default_thresholds``).
    The plugin that returns a rule is the rule's ``pack``.
    """


@hookspec
def safegrid_direct_determination_conditions() -> list[DirectCondition]:
    """Return conditions of direct determination (直接判定) as a major risk.

    After a risk method has scored a risk event, every condition that holds
    (ticked by the assessor, or decided by the condition's ``applies``) raises
    the level to at least the condition's ``raises_to`` and is recorded as a
    reason. A condition never lowers a level.
    """


@hookspec
def safegrid_risk_library() -> list[RiskLibraryEntry]:
    """Return typical risk points of an industry, with their events and measures.

    Enterprises start from these entries and adapt them: the core copies an
    entry into the enterprise's own risk points; the entry itself is never
    changed by an enterprise.
    """


@hookspec
def safegrid_form_definitions() -> list[FormDefinitionContribution]:
    """Return the checklists and forms this plugin provides.

    Each ``FormDefinitionContribution`` carries a key unique across the enabled
    plugins, an ``I18nText`` title, its kind (``checklist`` or ``form``), an
    industry code (or ``None``), the blocks as StreamField data
    (``[{"type", "value"}]``) and a version string. The core syncs them as
    *pack originals*: a changed version string rewrites the original and
    publishes a new form version; departments' copies are never overwritten.
    Plugin scoring rules for forms come through ``safegrid_scoring_rules()``
    with ``kind="checklist"``.
    """


@hookspec
def safegrid_monitoring_parameters() -> list[MonitoringParameter]:
    """Return the typical monitored parameters of an industry's major risk points.

    Each ``MonitoringParameter`` has a key unique within the plugin, its name,
    unit and usual sensor type, typical alarm thresholds (each citing its
    basis or marked typical) and the keys of the plugin's own risk library
    entries it is measured on. Plain data for the monitoring feature, which
    offers them when an enterprise sets up a sensor point; nothing is stored
    until then.
    """


@hookspec
def safegrid_document_sections() -> list[DocumentSection]:
    """Return the sections an industry adds to the documents the platform prints.

    Each ``DocumentSection`` names its document (``handbook`` for the risk
    control handbook, ``post_card`` for the post risk card, ``emergency_card``
    for the emergency card), a key unique per document within the plugin, a
    title, a description of what it contains and an order after the core's
    common sections. Plain data for the documents feature.
    """


@hookspec
def safegrid_inspection_schedules() -> list[InspectionSchedule]:
    """Return the checks an industry's standards require, with their frequencies.

    Each ``InspectionSchedule`` names who checks (operator, technical staff,
    workshop, plant, company, or one of the three persons accountable for a
    major hazard source), the kind of check, the longest interval
    (``InspectionPeriod``: ``times`` in every ``every`` ``unit``, units from
    ``hour`` and ``shift`` to ``year``) and/or the occasions that call for it
    (before holidays, major events, key periods, after a similar accident),
    which part of the enterprise it covers (all, 两重点一重大 units, major
    hazard sources) and the document that sets it. Plain data that the
    inspections feature turns into tasks; a pack returns only frequencies its
    standards give.
    """


@hookspec
def safegrid_notification_channels() -> list[NotificationChannel]:
    """Return channels that deliver notifications beyond the in-app list.

    Every notification the platform stores (``core.notifications.services.notify``)
    is also handed to each channel's ``deliver`` callable in a background job
    once it is committed: an SMS gateway or e-mail plugin implements this. The
    in-app notification never depends on a channel.
    """


@hookspec
def safegrid_scheduled_jobs() -> list[ScheduledJob]:
    """Return periodic jobs this plugin adds to the platform's schedule.

    Each ``ScheduledJob`` names a job (the import path of a task defined with
    ``core.jobs.job``) and its period (``hour``, ``day``, ``week``, ``month``
    or a number of seconds, with an optional ``HH:MM`` start). The scheduler
    enqueues it once per period slot, however many schedulers run; the job
    must be idempotent. The deployment's ``SAFEGRID_SCHEDULE`` overrides an
    entry of the same name or switches it off.
    """


@hookspec
def safegrid_emergency_templates() -> list[EmergencyTemplate]:
    """Return the industry's typical emergency plans, drill scenarios and
    required trainings (special-operation certificates included).

    Plain data (``EmergencyTemplate``); core/emergency offers them to the
    industry's enterprises (the demo data fills them in). ``kind`` is
    ``plan``, ``drill_scenario`` or ``training``; ``key`` is unique per kind
    within the plugin.
    """
