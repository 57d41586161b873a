"""The one place that decides what a user may see and do.

Every view, API endpoint, export, PDF and map asks ``scope_for(user)`` and
filters through the returned ``Scope``; nothing filters enterprise data by hand.

| role                  | enterprises visible                          | may edit enterprise data |
|-----------------------|----------------------------------------------|--------------------------|
| superuser             | all                                          | all                      |
| committee office      | all                                          | registration data        |
| industry department   | those with one of the department's industries | none (supervises)       |
| territorial office    | those in the office's jurisdiction subtree   | none (supervises)        |
| enterprise manager    | its own enterprise                           | its own enterprise       |
| enterprise staff      | its own enterprise (own posts and tasks)     | none                     |
| anyone else           | none                                         | none                     |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import F, Q, QuerySet

from core.organizations.models import (
    ENTERPRISE_ROLES,
    GOVERNMENT_ROLES,
    Department,
    Enterprise,
    Industry,
    Membership,
    Person,
    Role,
    Unit,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

SUPERUSER = "superuser"


@dataclass(frozen=True)
class Scope:
    """What one user may see and do."""

    user_id: int | None
    role: str | None
    department: Department | None = None
    enterprise_id: int | None = None
    # For a territorial office: the materialised path of its subtree root.
    jurisdiction_path: str | None = None
    industry_ids: tuple[int, ...] = ()
    # A staff member the enterprise designated to fill in for its principal.
    fills_for_principal: bool = False

    # -- who ---------------------------------------------------------------
    @property
    def is_superuser(self) -> bool:
        return self.role == SUPERUSER

    @property
    def is_government(self) -> bool:
        return self.is_superuser or self.role in GOVERNMENT_ROLES

    @property
    def is_enterprise(self) -> bool:
        return self.role in ENTERPRISE_ROLES

    @property
    def sees_everything(self) -> bool:
        return self.role in (SUPERUSER, Role.COMMITTEE)

    # -- what may be seen ----------------------------------------------------
    def _enterprise_condition(self, prefix: str = "") -> Q:
        """A condition selecting the enterprises in scope (not for departments,
        whose condition crosses a many-to-many; ``enterprises()`` handles them).

        ``prefix`` is the lookup path from the queried model to the enterprise,
        e.g. ``"enterprise__"`` for a model with an ``enterprise`` foreign key.
        """
        if self.sees_everything:
            return Q()
        if self.role == Role.TERRITORIAL_OFFICE and self.jurisdiction_path:
            return Q(
                **{f"{prefix}jurisdiction__path__startswith": self.jurisdiction_path}
            )
        if self.is_enterprise and self.enterprise_id:
            return Q(**{f"{prefix}pk": self.enterprise_id})
        return Q(pk__in=[])

    def enterprises(self) -> QuerySet[Enterprise]:
        """The enterprises this user may see."""
        queryset = Enterprise.objects.all()
        if self.sees_everything:
            return queryset
        if self.role == Role.INDUSTRY_DEPARTMENT:
            # Through the M2M: de-duplicate with a sub-query, not DISTINCT, so
            # the result stays orderable and countable in one query.
            return queryset.filter(pk__in=self._industry_enterprise_ids())
        return queryset.filter(self._enterprise_condition())

    def _industry_enterprise_ids(self) -> QuerySet:
        """A department's enterprise ids, as a sub-query of its industry links
        (an enterprise in two of its industries appears twice: ``IN`` does
        not mind)."""
        return Enterprise.industries.through.objects.filter(
            industry_id__in=self.industry_ids
        ).values("enterprise_id")

    def filter(
        self, queryset: QuerySet, enterprise_field: str = "enterprise"
    ) -> QuerySet:
        """Limit any queryset of enterprise data to the enterprises in scope."""
        if self.sees_everything:
            return queryset
        if self.role == Role.INDUSTRY_DEPARTMENT:
            # A join through the M2M would repeat rows; a sub-query does not.
            return queryset.filter(
                **{f"{enterprise_field}__in": self.enterprises().values("pk")}
            )
        return queryset.filter(self._enterprise_condition(f"{enterprise_field}__"))

    def filter_by_key(
        self, queryset: QuerySet, enterprise_field: str = "enterprise"
    ) -> QuerySet:
        """The rows of ``filter``; a department's as ``<enterprise>_id IN
        (the enterprise ids of its industry links)``, without the enterprise
        table ``filter`` nests in that sub-query: one relation less to plan
        with the row's joins, and a count of a large scope reads the links
        and an (enterprise, …) index instead of scanning every enterprise
        (docs/performance.md). The other roles' conditions are ``filter``'s
        (a territorial office's join to the jurisdiction is what lets a page
        walk its order's index and stop)."""
        if self.role != Role.INDUSTRY_DEPARTMENT:
            return self.filter(queryset, enterprise_field)
        return queryset.filter(
            **{f"{enterprise_field}_id__in": self._industry_enterprise_ids()}
        )

    def can_view_enterprise(self, enterprise: Enterprise | int) -> bool:
        pk = enterprise if isinstance(enterprise, int) else enterprise.pk
        return self.enterprises().filter(pk=pk).exists()

    # -- what may be done ----------------------------------------------------
    def can_edit_enterprise(self, enterprise: Enterprise | int) -> bool:
        """Edit an enterprise's own data (profile, units, people)."""
        pk = enterprise if isinstance(enterprise, int) else enterprise.pk
        if self.is_superuser or self.role == Role.COMMITTEE:
            return True
        return self.role == Role.ENTERPRISE_MANAGER and self.enterprise_id == pk

    def can_register_enterprises(self) -> bool:
        """Create enterprises and change organisational set-up (jurisdictions...)."""
        return self.is_superuser or self.role == Role.COMMITTEE

    def can_manage_safety_records(self, enterprise: Enterprise | int) -> bool:
        """Write an enterprise's safety records (risk points, assessments...).

        Only the enterprise's own safety manager (and the superuser): the
        government roles, the committee included, supervise read-only.
        """
        pk = enterprise if isinstance(enterprise, int) else enterprise.pk
        if self.is_superuser:
            return True
        return self.role == Role.ENTERPRISE_MANAGER and self.enterprise_id == pk

    def can_fill_form(self, enterprise: Enterprise | int, fillers: str) -> bool:
        """Fill (submit, correct, draft, attach files to) a form for ``enterprise``.

        ``fillers`` is the form version's declaration of who fills it:
        ``"manager"`` (the enterprise's principal or safety manager),
        ``"assigned_staff"`` (the manager and staff assigned by a task) or
        ``"members"`` (any member of the enterprise). A staff member the
        enterprise designated (``Person.fills_for_principal``) also fills the
        manager's forms. Government users never
        fill an enterprise's forms: what they record is their own record. Until
        tasks exist, staff count as assigned to every form whose fillers
        include staff.
        """
        pk = enterprise if isinstance(enterprise, int) else enterprise.pk
        if self.is_superuser:
            return True
        if not self.is_enterprise or self.enterprise_id != pk:
            return False
        if self.role == Role.ENTERPRISE_MANAGER:
            return True
        if fillers == "manager":
            return self.fills_for_principal
        return fillers in ("assigned_staff", "members")

    def can_write_for_enterprise(self, enterprise: Enterprise | int) -> bool:
        """Write anything on ``enterprise``'s behalf (attach a file, keep a
        draft): only its own members, and the superuser."""
        pk = enterprise if isinstance(enterprise, int) else enterprise.pk
        return self.is_superuser or (self.is_enterprise and self.enterprise_id == pk)

    def can_review_definition(
        self, definition, designated_department_id: int | None = None
    ) -> bool:
        """Accept or return submissions to ``definition`` (a form definition).

        The department that owns the definition reviews; a pack original has
        no owner, so the department that assigned it (``designated_department_id``,
        the submission's assignment) reviews; a pack original due without
        any department's assignment (the pack's standing duty) is reviewed by
        the departments of its industry. Seeing the enterprise is not enough:
        a street office does not review a chemicals department's form.
        """
        if self.is_superuser:
            return True
        if not self.is_government or self.department is None:
            return False
        owners = {definition.department_id, designated_department_id} - {None}
        if not owners and definition.industry_id is not None:
            return (
                self.role == Role.INDUSTRY_DEPARTMENT
                and definition.industry_id in self.industry_ids
            )
        return self.department.pk in owners

    def configurable_industries(self) -> QuerySet[Industry]:
        """Industries whose configuration (thresholds, libraries...) the user
        may change: the committee every industry, an industry department its
        own industries, nobody else any."""
        if self.sees_everything:
            return Industry.objects.all()
        if self.role == Role.INDUSTRY_DEPARTMENT:
            return Industry.objects.filter(pk__in=self.industry_ids)
        return Industry.objects.none()

    def can_configure_industry(self, industry: Industry | int | None) -> bool:
        """Change configuration for ``industry``; ``None`` is the platform
        default, which only the committee (and the superuser) may change."""
        if self.sees_everything:
            return True
        if industry is None:
            return False
        pk = industry if isinstance(industry, int) else industry.pk
        return self.role == Role.INDUSTRY_DEPARTMENT and pk in self.industry_ids

    def posts(self) -> QuerySet[Unit]:
        """The posts a staff member holds (for other roles: every post in scope)."""
        posts = Unit.objects.filter(kind=Unit.Kind.POST)
        if self.role == Role.ENTERPRISE_STAFF:
            return posts.filter(holders__user_id=self.user_id)
        return self.filter(posts)

    def people(self) -> QuerySet[Person]:
        """The people a user may see: a staff member only their own record,
        every other role the people of the enterprises in scope."""
        people = Person.objects.all()
        if self.role == Role.ENTERPRISE_STAFF:
            return self.filter(people).filter(user_id=self.user_id)
        return self.filter(people)


NO_SCOPE = Scope(user_id=None, role=None)


def scope_for(user: AbstractBaseUser | AnonymousUser | None) -> Scope:
    """Return what ``user`` may see and do. Cached on the user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_SCOPE
    cached = getattr(user, "_safegrid_scope", None)
    if cached is not None:
        return cached
    scope = _build_scope(user)
    user._safegrid_scope = scope
    return scope


def _build_scope(user) -> Scope:
    if user.is_superuser:
        return Scope(user_id=user.pk, role=SUPERUSER)
    # One query: the user's membership (one at most) with its department and
    # jurisdiction, and the department's industries joined in, a row each
    # (one row without an industry for any other department); the ids in
    # ascending order, so the scope's SQL is the same in every process.
    # Every list of the API builds a scope first. (No ORDER BY: ordering on
    # the joined industries cost more to compile than the query it saves.)
    rows = list(
        Membership.objects.select_related("department__jurisdiction")
        .filter(user=user)
        .annotate(industry_pk=F("department__industries__pk"))
    )
    if not rows:
        return Scope(user_id=user.pk, role=None)
    membership = rows[0]
    department = membership.department
    if membership.role == Role.INDUSTRY_DEPARTMENT and department is not None:
        return Scope(
            user_id=user.pk,
            role=membership.role,
            department=department,
            industry_ids=tuple(
                sorted(row.industry_pk for row in rows if row.industry_pk is not None)
            ),
        )
    if membership.role == Role.TERRITORIAL_OFFICE and department is not None:
        jurisdiction = department.jurisdiction
        return Scope(
            user_id=user.pk,
            role=membership.role,
            department=department,
            jurisdiction_path=jurisdiction.path if jurisdiction else None,
        )
    if membership.role in ENTERPRISE_ROLES:
        designated = membership.role == Role.ENTERPRISE_STAFF and (
            Person.objects.filter(
                user=user,
                enterprise_id=membership.enterprise_id,
                fills_for_principal=True,
            ).exists()
        )
        return Scope(
            user_id=user.pk,
            role=membership.role,
            enterprise_id=membership.enterprise_id,
            fills_for_principal=designated,
        )
    return Scope(user_id=user.pk, role=membership.role, department=department)


def scope_from_key(key: list | tuple) -> Scope:
    """The scope whose identity (``core.base.scope_cache.scope_key``) is
    ``key``, for recomputing an office's kept figures in a background job:
    built from the key's values alone (no user), so it selects exactly what
    the scope the figures are kept for selects. LookupError when the
    department is gone."""
    role, department_id, enterprise_id, jurisdiction_path, industry_ids = key
    department = None
    if department_id is not None:
        department = (
            Department.objects.select_related("jurisdiction")
            .filter(pk=department_id)
            .first()
        )
        if department is None:
            raise LookupError(f"no department {department_id}")
    return Scope(
        user_id=None,
        role=role,
        department=department,
        enterprise_id=enterprise_id,
        jurisdiction_path=jurisdiction_path,
        industry_ids=tuple(industry_ids),
    )
