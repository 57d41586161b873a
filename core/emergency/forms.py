"""The portal's emergency forms (phone width first)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.base.form_fields import text_area
from core.hazards.forms import PhotosField


def _date_field(label, required=True):
    """A date typed with the phone's date picker."""
    return forms.DateField(
        label=label, required=required, widget=forms.DateInput({"type": "date"})
    )


def _text_area(label, required=False, rows=3, max_length=20000):
    """A free text of several lines."""
    return text_area(label, rows, required=required, max_length=max_length)


def _checkboxes(label):
    """A choice of any number of the view's options (ids), as checkboxes."""
    return forms.TypedMultipleChoiceField(
        label=label, required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )


class DrillForm(forms.Form):
    held_on = _date_field(_("Date"))
    scenario = forms.CharField(label=_("Scenario"), max_length=200)
    planned = forms.TypedChoiceField(
        label=_("Planned drill"), required=False, coerce=int, empty_value=None
    )
    plan = forms.TypedChoiceField(
        label=_("Emergency plan used"), required=False, coerce=int, empty_value=None
    )
    participant_count = forms.IntegerField(
        label=_("Number of participants"), min_value=1, max_value=100000
    )
    participants = _checkboxes(_("Participants"))
    evaluation = _text_area(_("Evaluation"))
    improvements = _text_area(_("Improvements"))
    photos = PhotosField(label=_("Photos"), required=False)

    def __init__(self, *args, planned=(), plans=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["planned"].choices = [("", "—")] + [
            (item.pk, f"{item.due_on:%Y-%m-%d} {item.scenario}") for item in planned
        ]
        self.fields["plan"].choices = [("", "—")] + [(p.pk, p.title) for p in plans]
        self.fields["participants"].choices = [(p.pk, p.name) for p in people]


# -- the safety manager's entry forms ---------------------------------------------------
# Every choice is the enterprise's own and bounded: posts, plans, risk events
# and people come from the view already limited (people and events through a
# search box when the enterprise has many).


class _Choices(forms.Form):
    """Fills the choice fields named in ``choices`` (field → [(value, label)])."""

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, options in (choices or {}).items():
            field = self.fields[name]
            blank = [] if isinstance(field, forms.MultipleChoiceField) else [("", "—")]
            field.choices = blank + list(options)


class _PlanText(_Choices):
    """What a plan's version holds (the plan's first version, or a new one)."""

    content = _text_area(_("Content"), required=True, rows=10)
    approved_on = _date_field(_("Approval date"), required=False)
    approved_by = forms.CharField(
        label=_("Approved by"), max_length=100, required=False
    )
    risk_events = _checkboxes(_("Risk events covered"))


class PlanForm(_PlanText):
    kind = forms.ChoiceField(label=_("Kind"), choices=())
    title = forms.CharField(label=_("Plan title"), max_length=200)
    field_order = ["kind", "title"]


class PlanVersionForm(_PlanText):
    change_note = forms.CharField(label=_("What changed"), max_length=300)
    field_order = ["content", "change_note"]


class PlanFileForm(_Choices):
    version = forms.TypedChoiceField(label=_("Version"), coerce=int)
    department = forms.TypedChoiceField(label=_("Department"), coerce=int)


class RescueTeamForm(_Choices):
    name = forms.CharField(label=_("Name"), max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), choices=())
    equipment = _text_area(_("Rescue equipment"))
    supplies_location = forms.CharField(
        label=_("Location of emergency supplies"), max_length=200, required=False
    )
    members = _checkboxes(_("Members"))
    duties = _text_area(
        _("Duties"),
        max_length=5000,
        rows=4,
    )
    duties.help_text = _("One line per member: name: duty (e.g. 张三: 队长).")

    def clean(self):
        data = super().clean()
        names = {
            label: value
            for value, label in self.fields["members"].choices
            if value in (data.get("members") or [])
        }
        duties: dict[int, str] = {}
        for line in (data.get("duties") or "").splitlines():
            if not line.strip():
                continue
            name, sep, duty = line.replace("：", ":").partition(":")
            if not sep or name.strip() not in names:
                self.add_error(
                    "duties",
                    _(
                        "“%(line)s”: write the name of a chosen member, a colon, the duty."
                    )
                    % {"line": line.strip()[:50]},
                )
                break
            duties[names[name.strip()]] = duty.strip()[:100]
        data["duty_of"] = duties
        return data


class RescueAgreementForm(forms.Form):
    party = forms.CharField(label=_("Rescue team (party)"), max_length=200)
    contact = forms.CharField(label=_("Contact"), max_length=100, required=False)
    valid_from = _date_field(_("Valid from"))
    valid_until = _date_field(_("Valid until"))


class _Lines(forms.CharField):
    """Lines of ``first | second``: a list of dicts with ``keys``."""

    widget = forms.Textarea({"rows": 4})

    def __init__(self, *args, keys=("", ""), **kwargs):
        self.keys = keys
        super().__init__(*args, required=False, max_length=10000, **kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        rows = []
        for line in text.splitlines():
            if not line.strip():
                continue
            first, _sep, second = line.replace("｜", "|").partition("|")
            rows.append({self.keys[0]: first.strip(), self.keys[1]: second.strip()})
        return rows

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(
                f"{row.get(self.keys[0], '')} | {row.get(self.keys[1], '')}"
                for row in value
            )
        return value


class PostContentForm(_Choices):
    scenario = forms.CharField(label=_("Scenario and warning signs"), max_length=300)
    first_actions = _Lines(
        label=_("First actions"),
        keys=("action", "responsible"),
        help_text=_("One line per action, in order: action | who does it."),
    )
    reporting_path = _text_area(_("Reporting path"), max_length=2000)
    cautions = _text_area(_("Cautions"), max_length=2000)
    contacts = _Lines(
        label=_("Contacts"),
        keys=("name", "phone"),
        help_text=_("One line per contact: name | phone."),
    )
    escape_route = _text_area(_("Escape route"), max_length=2000)
    assembly_point = forms.CharField(
        label=_("Assembly point"), max_length=200, required=False
    )
    plan = forms.TypedChoiceField(
        label=_("On-site disposal plan"), required=False, coerce=int, empty_value=None
    )


class TrainingRequirementForm(_Choices):
    post = forms.TypedChoiceField(label=_("Post"), coerce=int)
    topic = forms.CharField(label=_("Topic"), max_length=200)
    is_certificate = forms.BooleanField(
        label=_("Special-operation certificate"), required=False
    )
    valid_months = forms.IntegerField(
        label=_("Valid for (months)"),
        required=False,
        min_value=1,
        max_value=240,
        help_text=_("Leave empty when once is enough."),
    )


class TrainingSessionForm(_Choices):
    topic = forms.CharField(label=_("Topic"), max_length=200)
    requirement = forms.TypedChoiceField(
        label=_("Required training it gives"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    trainer = forms.CharField(label=_("Trainer"), max_length=100, required=False)
    hours = forms.DecimalField(
        label=_("Hours"), min_value=0, max_value=1000, decimal_places=1
    )
    planned_on = _date_field(_("Planned for"), required=False)
    held_on = _date_field(_("Held on"), required=False)


class AttendanceForm(_Choices):
    person = forms.TypedChoiceField(label=_("Person"), coerce=int)
    passed = forms.TypedChoiceField(
        label=_("Assessment result"),
        required=False,
        choices=(("", "—"), ("yes", _("passed")), ("no", _("failed"))),
        coerce=lambda value: value == "yes",
        empty_value=None,
    )
    score = forms.DecimalField(
        label=_("Score"), required=False, min_value=0, max_value=1000, decimal_places=1
    )
    certificate_number = forms.CharField(
        label=_("Certificate number"), max_length=60, required=False
    )
    valid_until = _date_field(_("Valid until"), required=False)


class ExposureForm(_Choices):
    post = forms.TypedChoiceField(label=_("Post"), coerce=int)
    factor = forms.ChoiceField(label=_("Hazard factor"), choices=())
    agent = forms.CharField(
        label=_("Agent (e.g. benzene, silica dust)"), max_length=100, required=False
    )
    warning_signs = forms.CharField(
        label=_("Warning signs needed"), max_length=300, required=False
    )
    needs_notification_card = forms.BooleanField(
        label=_("Needs a notification card"), required=False, initial=True
    )


class WorkplaceTestForm(forms.Form):
    """The test and one result row per exposure of the enterprise (fields
    ``measured_<id>``, ``limit_<id>``, ``compliant_<id>``; a row left empty is
    not tested)."""

    tested_on = _date_field(_("Tested on"))
    next_due = _date_field(_("Next test due"))
    agency = forms.CharField(label=_("Testing agency"), max_length=200, required=False)

    def __init__(self, *args, exposures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.exposures = list(exposures)
        for exposure in self.exposures:
            name = f"{exposure.post.name} · {exposure.get_factor_display()}"
            if exposure.agent:
                name += f" ({exposure.agent})"
            self.fields[f"measured_{exposure.pk}"] = forms.CharField(
                label=_("%(name)s: measured value") % {"name": name},
                max_length=60,
                required=False,
            )
            self.fields[f"limit_{exposure.pk}"] = forms.CharField(
                label=_("Limit"), max_length=60, required=False
            )
            self.fields[f"compliant_{exposure.pk}"] = forms.TypedChoiceField(
                label=_("Within the limit"),
                required=False,
                choices=(("", "—"), ("yes", _("yes")), ("no", _("no"))),
                coerce=lambda value: value == "yes",
                empty_value=None,
            )

    def rows(self):
        """Each exposure's three bound fields, for the template."""
        return [
            (
                exposure,
                self[f"measured_{exposure.pk}"],
                self[f"limit_{exposure.pk}"],
                self[f"compliant_{exposure.pk}"],
            )
            for exposure in self.exposures
        ]

    def clean(self):
        data = super().clean()
        results = []
        for exposure in self.exposures:
            measured = data.get(f"measured_{exposure.pk}") or ""
            compliant = data.get(f"compliant_{exposure.pk}")
            if not measured and compliant is None:
                continue
            if not measured or compliant is None:
                self.add_error(
                    f"measured_{exposure.pk}",
                    _("Give the measured value and whether it is within the limit."),
                )
                continue
            results.append(
                {
                    "exposure": exposure.pk,
                    "measured": measured,
                    "limit": data.get(f"limit_{exposure.pk}") or "",
                    "compliant": compliant,
                }
            )
        if not results and not self.errors:
            self.add_error(None, _("Give at least one result."))
        data["results"] = results
        return data


class DrillPlanItemForm(_Choices):
    """A drill of the annual drill plan (年度应急演练计划)."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    scenario = forms.CharField(label=_("Scenario"), max_length=200)
    due_on = _date_field(_("To be held by"))
    plan = forms.TypedChoiceField(
        label=_("Emergency plan drilled"),
        coerce=int,
        empty_value=None,
        required=False,
    )
