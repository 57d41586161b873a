"""The bulk strategy: the shapes of ``core.world.shapes`` with ``bulk_create``.

For the benchmark's sizes (thousands of enterprises, tens of thousands of
units): no query per object. Tree paths are computed here (what treebeard's
``add_child`` would write), so the rows are the ones the normal strategy
(``core.world.factories``) writes one by one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from core.organizations.models import (
    Enterprise,
    EnterpriseContact,
    Industry,
    Jurisdiction,
    Person,
    Unit,
)
from core.world.factories import contact_instances, enterprise_instance
from core.world.shapes import EnterpriseSpec, UnitTree


def tree_path(model, parent_path: str, step: int) -> str:
    """The materialised path of the ``step``-th child (1-based) of a node
    (``parent_path`` "" for the ``step``-th root)."""
    depth = len(parent_path) // model.steplen + 1
    return model._get_path(parent_path, depth, step)


def enterprises_bulk(
    items: Sequence[tuple[EnterpriseSpec, Jurisdiction, Sequence[Industry]]],
) -> list[Enterprise]:
    """The enterprises of ``items`` with their industries and contacts
    (not validated one by one: the specs are built valid)."""
    enterprises = Enterprise.objects.bulk_create(
        enterprise_instance(spec, jurisdiction) for spec, jurisdiction, _i in items
    )
    through = Enterprise.industries.through
    through.objects.bulk_create(
        through(enterprise_id=enterprise.pk, industry_id=industry.pk)
        for enterprise, (_spec, _j, industries) in zip(enterprises, items, strict=True)
        for industry in industries
    )
    EnterpriseContact.objects.bulk_create(
        contact
        for enterprise, (spec, _j, _i) in zip(enterprises, items, strict=True)
        for contact in contact_instances(enterprise, spec)
    )
    return enterprises


@dataclass
class UnitTrees:
    """What ``unit_trees_bulk`` wrote, by enterprise id."""

    units: list[Unit] = field(default_factory=list)
    posts: dict[int, list[Unit]] = field(default_factory=dict)
    workshops: dict[int, list[Unit]] = field(default_factory=dict)
    # post id → its holder
    holders: dict[int, Person] = field(default_factory=dict)


def unit_trees_bulk(
    trees: Sequence[tuple[Enterprise, str, UnitTree]],
    *,
    holder: Mapping[str, str],
) -> UnitTrees:
    """Company → workshops → teams → posts of each ``(enterprise, company,
    tree)``, new roots after the existing ones, and one person per post
    named ``holder["name"]`` with the post's running number formatted in
    (``"员工{n:05d}"``) and phone ``holder["phone"]``."""
    first_root = Unit.get_last_root_node()
    root_step = Unit._str2int(first_root.path) if first_root else 0
    written = UnitTrees()

    def node(enterprise, path: str, name: str, kind: str, children: int) -> Unit:
        unit = Unit(
            enterprise=enterprise,
            name=name,
            kind=kind,
            path=path,
            depth=len(path) // Unit.steplen,
            numchild=children,
        )
        written.units.append(unit)
        return unit

    def child(parent: Unit, number: int, name: str, kind: str, children: int) -> Unit:
        """The ``number``-th child of ``parent`` (numbered from 1)."""
        path = tree_path(Unit, parent.path, number)
        return node(parent.enterprise, path, name, kind, children)

    for i, (enterprise, company, tree) in enumerate(trees):
        root = node(
            enterprise,
            tree_path(Unit, "", root_step + i + 1),
            company,
            Unit.Kind.COMPANY,
            len(tree),
        )
        for w, (workshop_name, teams) in enumerate(tree, 1):
            workshop = child(root, w, workshop_name, Unit.Kind.WORKSHOP, len(teams))
            written.workshops.setdefault(enterprise.pk, []).append(workshop)
            for t, (team_name, post_names) in enumerate(teams, 1):
                team = child(workshop, t, team_name, Unit.Kind.TEAM, len(post_names))
                for p, post_name in enumerate(post_names, 1):
                    written.posts.setdefault(enterprise.pk, []).append(
                        child(team, p, post_name, Unit.Kind.POST, 0)
                    )
    Unit.objects.bulk_create(written.units, batch_size=2_000)
    all_posts = [post for posts in written.posts.values() for post in posts]
    people = Person.objects.bulk_create(
        (
            Person(
                enterprise=post.enterprise,
                name=holder["name"].format(n=n),
                phone=holder["phone"],
            )
            for n, post in enumerate(all_posts)
        ),
        batch_size=2_000,
    )
    Person.posts.through.objects.bulk_create(
        (
            Person.posts.through(person_id=person.pk, unit_id=post.pk)
            for person, post in zip(people, all_posts, strict=True)
        ),
        batch_size=5_000,
    )
    written.holders = {
        post.pk: person for person, post in zip(people, all_posts, strict=True)
    }
    return written
