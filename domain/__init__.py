"""Pure procurement rules shared by the desktop client and the marketplace server.

Owns: money in integer paise and its Indian formatting, times in UTC shown in IST, and the
validation rules of a catalogue listing. Imports only the standard library and babel: never
Qt, HTTP, SQLAlchemy, `app` or `server` (an import-linter contract checks this).
"""
