"""The API's serializers build their fields once per class and language
(``core.base.serializers.FieldsOnce``) and give each instance its own copy:
the same fields DRF builds, never shared between two instances."""

from __future__ import annotations

import pytest
from django.urls import get_resolver
from django.utils import translation
from rest_framework import serializers

from core.base.serializers import FieldsOnce
from core.hazards.api import HazardSerializer
from core.hazards.models import Hazard


def _every_subclass(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _every_subclass(sub)


def _fields_once_serializers():
    get_resolver().url_patterns  # noqa: B018 - imports every API module
    # The shared bases (``ReadSerializer``, ``EnterpriseRowSerializer``) name
    # no model: only the serializers of a model build fields.
    return sorted(
        (
            cls
            for cls in set(_every_subclass(FieldsOnce))
            if getattr(getattr(cls, "Meta", None), "model", None) is not None
        ),
        key=lambda cls: cls.__qualname__,
    )


def test_the_api_lists_serializers_build_their_fields_once():
    names = {cls.__name__ for cls in _fields_once_serializers()}
    assert {
        "HazardSerializer",
        "AlarmSerializer",
        "EnterpriseSerializer",
        "InspectionTaskSerializer",
        "SubmissionSerializer",
        "RiskPointSerializer",
    } <= names


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_fields_are_those_drf_builds(language):
    with translation.override(language):
        for cls in _fields_once_serializers():
            kept = cls().get_fields()
            built = serializers.ModelSerializer.get_fields(cls())
            assert list(kept) == list(built), cls
            for name, field in kept.items():
                assert repr(field) == repr(built[name]), (cls, name)
                assert str(field.label) == str(built[name].label), (cls, name)


def test_each_instance_binds_its_own_fields():
    first, second = HazardSerializer(), HazardSerializer(context={"x": 1})
    for name, field in first.fields.items():
        other = second.fields[name]
        assert field is not other
        assert field.parent is first and other.parent is second
    assert second.fields["enterprise_name"].context == {"x": 1}
    assert first.fields["enterprise_name"].context == {}


def test_labels_follow_the_language():
    with translation.override("en"):
        english = str(HazardSerializer().fields["description"].label)
    with translation.override("zh-hans"):
        chinese = str(HazardSerializer().fields["description"].label)
    with translation.override("en"):
        assert str(HazardSerializer().fields["description"].label) == english
    assert english != chinese


def test_a_serializer_whose_fields_depend_on_more_than_its_class_is_refused():
    with pytest.raises(TypeError, match="get_fields"):

        class PerRequest(FieldsOnce, serializers.ModelSerializer):
            class Meta:
                model = Hazard
                fields = ["id"]

            def get_fields(self):
                return super().get_fields()
