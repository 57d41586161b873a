"""The safety manager's entry screens for the emergency records (portal,
phone width first): plans (create, new version, risk events, filing), the
rescue team and agreements, each post's emergency content, training
(requirements per post, sessions, attendance with the assessment and
certificate) and occupational hazards (exposed posts, workplace tests).

Only the enterprise's safety manager (``policy.can_write``) reaches them; a
worker gets a 403, a government user is sent to the admin (403 on a POST).
Every write calls a ``core.emergency.services`` function inside one
transaction; its problems show at their fields with a 400 and the form keeps
what was typed. Every choice is the enterprise's own and bounded: posts and
plans are listed (at most ``MAX_CHOICES``), people and risk events through a
search box (``q``) that lists at most ``MAX_MATCHES`` matches.

One module a concern: ``plans``, ``rescue`` (the team, agreements and each
post's content), ``training``, ``occupational``, ``drills`` (the annual drill
plan); ``frame`` holds what they share (the guard, saving through a service,
the bounded choices).
"""
