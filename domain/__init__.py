"""Pure procurement rules shared by the desktop client and the marketplace server.

Owns: money in integer paise and its Indian formatting, times in UTC shown in IST, the
validation rules of a catalogue listing, which buying routes GFR Rule 149 allows by value
and date (buying_modes.py), a bid's fields (bid_fields.py) and evaluation with the MSE and
Make in India purchase preferences (evaluation.py), BID.json (bid_json.py), the L1
comparison (l1_comparison.py), and a reverse auction's rules: who enters, which bids stand,
extensions, savings (auction.py). Imports only the standard library and babel: never
Qt, HTTP, SQLAlchemy, `app` or `server` (an import-linter contract checks this).
"""
