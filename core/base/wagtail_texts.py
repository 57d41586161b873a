"""Wagtail's own texts that our catalogue translates.

Wagtail's Chinese catalogue leaves some of the admin's texts in English
("New: …", "Go to the first error", "- Select an option -", …) and renders
"Inspect" as 检查 (to check) where the view only shows a record (查看). Django
looks in ``LOCALE_PATHS`` before any app's catalogue, so a msgid translated in
``locale/`` replaces Wagtail's translation. Listing the msgids here, exactly as
Wagtail writes them, keeps them in ``locale/*/django.po`` through
``python -m core.i18n update`` (which drops msgids no source uses), and the
catalogue check then requires their translation. Only the texts a government
user of this platform meets are listed; Wagtail's page-tree, workflow and
API-token screens are not used here. The noscript notice's msgid carries a
link to an outside site: its translation says the same without the link.
"""

from django.utils.translation import gettext_noop

WAGTAIL_TEXTS = (
    gettext_noop("New: %(model_name)s"),
    gettext_noop("Go to the first error"),
    gettext_noop("- Select an option -"),
    gettext_noop("Save your changes before leaving"),
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
    gettext_noop("Search all pages…"),
    gettext_noop("Inspect"),
    gettext_noop(
        'JavaScript is required to use Wagtail, but it is currently disabled.<br /> Here are the <a href="https://www.enable-javascript.com/" target="_blank" rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.'
    ),
    gettext_noop("Shortcuts"),
    gettext_noop("item"),
    gettext_noop("items"),
    gettext_noop("Saved"),
    gettext_noop("Section"),
    gettext_noop("Status %(status)s"),
    gettext_noop("%(action)s by <b>%(who)s</b> at <b>%(at)s</b>"),
    gettext_noop("%(action)s at <b>%(at)s</b>"),
    gettext_noop("%(action)s by <b>%(who)s</b>"),
    gettext_noop("Item %(index)s of %(total)s"),
    gettext_noop("Checks"),
    gettext_noop("Disabled"),
    gettext_noop("More bulk actions"),
    gettext_noop("at %(time)s"),
    gettext_noop("at %(time)s by %(user_display_name)s"),
    gettext_noop("%(time)s by %(user_display_name)s"),
    gettext_noop("%(time_period)s ago by %(user_display_name)s"),
    gettext_noop("Application"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Save changes"),
    gettext_noop("(blank)"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("%(classname)s object (%(id)s)"),
    gettext_noop("Theme preferences"),
    gettext_noop("No %(model_name)s match your query."),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("Compare"),
    gettext_noop("If you confirm deletion"),
    gettext_noop("Create a new %(model_name)s"),
    gettext_noop("Date updated"),
    gettext_noop("Edited by"),
    gettext_noop("Any"),
    gettext_noop("Anyone"),
    gettext_noop("Show disabled"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("Refresh"),
    gettext_noop("Refreshing…"),
    gettext_noop("%(field_label)s:"),
    gettext_noop("A network error occurred"),
    gettext_noop("Edit account avatar"),
    gettext_noop("System"),
    gettext_noop("account"),
    gettext_noop("This %(model_name)s is referenced %(usage_count)s time."),
    gettext_noop(
        "One or more references to this %(model_name)s prevent it from being deleted."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop("Use server language: %(language_name)s"),
    gettext_noop("Can access Wagtail admin"),
    gettext_noop("Unknown content type"),
    gettext_noop("Date cannot be in the future."),
    gettext_noop("created"),
    gettext_noop("locale"),
    gettext_noop("prevents deletion"),
    gettext_noop("the %(model_name)s will also be deleted"),
    gettext_noop("will be set to the default %(model_name)s"),
    gettext_noop("will do nothing"),
    gettext_noop("may prevent deletion"),
    gettext_noop("will unset the reference"),
    gettext_noop("Required. Letters, digits and @/./+/-/_ only."),
    gettext_noop("admin theme"),
    gettext_noop("More contrast"),
    gettext_noop("contrast"),
    gettext_noop("Snug"),
    gettext_noop("density"),
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail."),
    gettext_noop("Can view"),
    gettext_noop("Never"),
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
    gettext_noop("The document could not be created due to errors."),
    # Found by crawling the admin as the committee office and an industry
    # department: the keyboard shortcuts dialog of every admin page and the
    # footer of the generic forms.
    gettext_noop("Actions (footer)"),
    gettext_noop("Add or show comments"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Text editing"),
    gettext_noop("Cut"),
    gettext_noop("Paste"),
    gettext_noop("Paste and match style"),
    gettext_noop("Paste without formatting"),
    gettext_noop("Text formatting"),
    gettext_noop("Insert or edit a link"),
    gettext_noop("Monospace (code)"),
    gettext_noop("Strike-through"),
)
