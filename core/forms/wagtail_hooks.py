"""The forms engine in the Wagtail admin: policies and the "Forms" menu."""

from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.base.admin_hooks import read_only_in_admin
from core.forms.models import FormDefinition, Submission
from core.forms.policy import can_author, can_edit_definition, definitions_visible
from core.forms.viewsets import FormsViewSetGroup
from core.organizations.scope import scope_for


class FormDefinitionPermissionPolicy(ModelPermissionPolicy):
    """The role's model permissions narrowed by ``core.forms.policy``.

    Wagtail's snippet-style permissions are per model; which definitions a
    department may change is decided per row here. Nobody deletes a
    definition in the admin: versions and submissions refer to it.
    """

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        if not super().user_has_permission(user, action):
            return False
        if action == "add":
            return can_author(scope_for(user))
        return True

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        scope = scope_for(user)
        if action == "change":
            return can_edit_definition(scope, instance)
        return definitions_visible(scope).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return FormDefinition.objects.none()
        return definitions_visible(scope_for(user))


# Registered before any view asks Wagtail for these models' policies.
register_permission_policy(
    FormDefinition, FormDefinitionPermissionPolicy(FormDefinition)
)
# Submissions are written by enterprises (portal, API) and reviewed on their
# own page; the generic admin views only list them.
read_only_in_admin(Submission)
hooks.register("register_admin_viewset", FormsViewSetGroup)
