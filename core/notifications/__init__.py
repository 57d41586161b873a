"""In-app notifications: ``notify(recipient, verb, target, url)`` and the
portal's bell and list. Generic: any module (forms reminders today, hazards
tomorrow) tells a user something with a link to it."""
