"""The HTTP API (FastAPI): routers per job, JSON errors for every failure, the app factory.

Endpoints are thin: they parse and check the request, open a transaction and call
`server.services`; the rules live there.
"""
