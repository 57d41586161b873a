"""The enterprise portal: what a safety manager and the staff of an enterprise use.

Every page goes through ``enterprise_portal``: the user must be signed in and
hold an enterprise role; government users are sent to the admin, users without
a role get the "no access" page. Objects are looked up through the user's
scope, so an id of another enterprise is a 404. Writes go through the services
of ``core.organizations.services``; only the safety manager may write
(``Scope.can_edit_enterprise``), anyone else gets a 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.organizations import services
from core.organizations.models import Unit
from core.portal import selectors
from core.portal.forms import (
    ContactFormSet,
    EnterpriseProfileForm,
    PersonForm,
    UnitForm,
    contacts_from_formset,
)
from core.portal.frame import (
    enterprise_portal,
    form_page,
    portal_page,
    require_edit,
)
from core.portal.todo import portal_todo

PEOPLE_PER_PAGE = 50


class PortalLoginView(auth_views.LoginView):
    """Sign-in for everyone; ``/`` then sends each user where their role works."""

    template_name = "portal/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("root")


class PortalLogoutView(auth_views.LogoutView):
    """Sign-out (POST only, as Django requires)."""


# -- home and profile -----------------------------------------------------------


@portal_page("portal/home.html")
def home(request, *, scope, enterprise):
    facts = selectors.enterprise_facts(scope=scope, enterprise=enterprise)
    todo = portal_todo(
        scope=scope,
        enterprise=enterprise,
        user=request.user,
        today=timezone.localdate(),
    )
    return {"facts": facts, "todo": todo}


@portal_page("portal/profile.html")
def profile(request, *, scope, enterprise):
    facts = selectors.enterprise_facts(scope=scope, enterprise=enterprise)
    return {"facts": facts, "contacts": list(enterprise.contacts.all())}


@require_http_methods(["GET", "POST"])
@enterprise_portal
def profile_edit(request, *, scope, enterprise):
    require_edit(scope, enterprise)
    # Forms edit a fresh copy: a failed save must not alter what the page shows.
    instance = scope.enterprises().get(pk=enterprise.pk)
    form = EnterpriseProfileForm(request.POST or None, instance=instance)
    formset = ContactFormSet(request.POST or None, instance=instance, prefix="contacts")

    def write():
        services.enterprise_update_profile(
            enterprise=instance,
            profile={name: form.cleaned_data[name] for name in form.fields},
            contacts=contacts_from_formset(formset),
        )
        return _("The enterprise profile was saved.")

    facts = selectors.enterprise_facts(scope=scope, enterprise=enterprise)
    return form_page(
        request,
        form,
        write,
        to="portal:profile",
        also_valid=[formset],
        template="portal/profile_edit.html",
        scope=scope,
        enterprise=enterprise,
        context={"form": form, "formset": formset, "facts": facts},
    )


# -- units and posts ------------------------------------------------------------


def _unit_in_scope(scope, enterprise, pk) -> Unit:
    return get_object_or_404(
        scope.filter(Unit.objects.filter(enterprise=enterprise)), pk=pk
    )


@portal_page("portal/units.html")
def units(request, *, scope, enterprise):
    """The unit tree, as much of it as fits the page (``selectors.unit_branch``):
    ``?unit=`` opens a branch, ``?after=`` pages a long level, ``?q=`` finds
    units by name anywhere in the tree."""
    text = request.GET.get("q", "").strip()[:100]
    focus = None
    if request.GET.get("unit"):
        try:
            pk = int(request.GET["unit"])
        except ValueError:
            raise Http404 from None
        focus = _unit_in_scope(scope, enterprise, pk)
    branch = selectors.unit_branch(
        scope=scope,
        enterprise=enterprise,
        focus=focus,
        after=request.GET.get("after", "")[:255],
    )
    found = (
        selectors.unit_search(scope=scope, enterprise=enterprise, text=text)
        if text
        else None
    )
    return {
        "branch": branch,
        "rows": branch.rows,
        "has_company": branch.has_company,
        "search": text,
        "found": found,
    }


def _unit_form_page(request, form, write, scope, enterprise, *, kind, **context):
    """The page adding or renaming a unit (of ``kind``), saved through
    ``write`` and back to the unit tree."""
    return form_page(
        request,
        form,
        write,
        to="portal:units",
        template="portal/unit_form.html",
        scope=scope,
        enterprise=enterprise,
        context={"form": form, "kind_label": Unit.Kind(kind).label, **context},
    )


@require_http_methods(["GET", "POST"])
@enterprise_portal
def unit_add(request, *, scope, enterprise, parent_pk=None):
    """Add a unit under a parent, or a workshop under the company unit."""
    require_edit(scope, enterprise)
    parent = None if parent_pk is None else _unit_in_scope(scope, enterprise, parent_pk)
    kind = Unit.CHILD_KIND.get(parent.kind) if parent else Unit.Kind.WORKSHOP
    if kind is None:
        raise PermissionDenied(_("A post cannot have units under it."))
    form = UnitForm(request.POST or None)

    def write():
        unit = services.unit_add_child(
            enterprise=enterprise, parent=parent, name=form.cleaned_data["name"]
        )
        return _("%(kind)s “%(name)s” was added.") % {
            "kind": unit.get_kind_display(),
            "name": unit.name,
        }

    return _unit_form_page(
        request, form, write, scope, enterprise, parent=parent, kind=kind
    )


@require_http_methods(["GET", "POST"])
@enterprise_portal
def unit_edit(request, *, scope, enterprise, pk):
    require_edit(scope, enterprise)
    unit = _unit_in_scope(scope, enterprise, pk)
    form = UnitForm(request.POST or None, initial={"name": unit.name})

    def write():
        services.unit_rename(unit=unit, name=form.cleaned_data["name"])
        return _("The unit was renamed.")

    return _unit_form_page(
        request, form, write, scope, enterprise, unit=unit, kind=unit.kind
    )


@require_http_methods(["GET", "POST"])
@portal_page("portal/confirm_delete.html", post_status=409)
def unit_delete(request, *, scope, enterprise, pk):
    require_edit(scope, enterprise)
    unit = _unit_in_scope(scope, enterprise, pk)
    problem = services.unit_delete_problem(unit=unit)
    if request.method == "POST" and problem is None:
        try:
            services.unit_delete(unit=unit)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(
                request, _("“%(name)s” was deleted.") % {"name": unit.name}
            )
            return redirect("portal:units")
    return {
        "object_label": _("%(kind)s “%(name)s”")
        % {"kind": unit.get_kind_display(), "name": unit.name},
        "problem": problem,
        "cancel_url": reverse("portal:units"),
    }


# -- people ---------------------------------------------------------------------


@portal_page("portal/people.html")
def people(request, *, scope, enterprise):
    page = Paginator(
        selectors.people_list(scope=scope, enterprise=enterprise), PEOPLE_PER_PAGE
    ).get_page(request.GET.get("page"))
    labels = selectors.post_labels(enterprise=enterprise)
    rows = [
        (person, [labels.get(post.pk, post.name) for post in person.posts.all()])
        for person in page.object_list
    ]
    return {"page": page, "rows": rows}


def _person_form_page(request, *, scope, enterprise, person=None):
    require_edit(scope, enterprise)
    initial = None
    if person is not None:
        initial = {
            "name": person.name,
            "phone": person.phone,
            "posts": [post.pk for post in person.posts.all()],
            "fills_for_principal": person.fills_for_principal,
        }
    labels = selectors.post_labels(enterprise=enterprise)
    form = PersonForm(
        request.POST or None,
        initial=initial,
        enterprise=enterprise,
        post_labels=labels,
    )

    def write():
        data = form.cleaned_data
        fields = {k: data[k] for k in ("name", "phone", "posts", "fills_for_principal")}
        if person is None:
            services.person_create(enterprise=enterprise, **fields)
        else:
            services.person_update(person=person, **fields)
        return _("“%(name)s” was saved.") % {"name": data["name"]}

    empty_choices = _(
        "This enterprise has no posts yet: add them under Units and posts first."
    )
    return form_page(
        request,
        form,
        write,
        to="portal:people",
        template="portal/person_form.html",
        scope=scope,
        enterprise=enterprise,
        context={
            "form": form,
            "person": person,
            "empty_choices": "" if labels else empty_choices,
        },
    )


@require_http_methods(["GET", "POST"])
@enterprise_portal
def person_add(request, *, scope, enterprise):
    return _person_form_page(request, scope=scope, enterprise=enterprise)


@require_http_methods(["GET", "POST"])
@enterprise_portal
def person_edit(request, *, scope, enterprise, pk):
    require_edit(scope, enterprise)
    person = get_object_or_404(scope.people().filter(enterprise=enterprise), pk=pk)
    return _person_form_page(request, scope=scope, enterprise=enterprise, person=person)


@require_http_methods(["GET", "POST"])
@portal_page("portal/confirm_delete.html")
def person_delete(request, *, scope, enterprise, pk):
    require_edit(scope, enterprise)
    person = get_object_or_404(scope.people().filter(enterprise=enterprise), pk=pk)
    if request.method == "POST":
        services.person_delete(person=person)
        messages.success(request, _("“%(name)s” was removed.") % {"name": person.name})
        return redirect("portal:people")
    return {
        "object_label": person.name,
        "problem": None,
        "cancel_url": reverse("portal:people"),
        "note": _("Their user account, if they have one, is kept."),
    }
