"""The desktop windows (PySide6): a thin layer over the client core in `app/`.

Widgets turn what the user does into calls on the core (app.workspace, app.browse,
app.seller_catalogue, app.outbox) and the core's answers into repaints. Anything that may
wait (the network, a long query, a write that syncs to disk) runs through `tasks.py`, never
on the GUI thread. Every visible string goes through Qt's translation (`tr`); the Hindi
translation lives in resources/i18n. Imports: app's core, domain, resources and Qt; never
the server.
"""
