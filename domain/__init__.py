"""Pure procurement rules shared by the desktop client and the marketplace server.

Owns: money in integer paise and its Indian formatting, times in UTC shown in IST, the
validation rules of a catalogue listing, which buying routes GFR Rule 149 allows by value
and date (buying_modes.py), and a bid's evaluation with the MSE and Make in India purchase
preferences (evaluation.py). Imports only the standard library and babel: never
Qt, HTTP, SQLAlchemy, `app` or `server` (an import-linter contract checks this).
"""
