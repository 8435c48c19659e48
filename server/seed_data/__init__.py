"""Static reference data for the demo marketplace (`server/seed.py`): the category tree with
its key parameters, brands and price ranges; places; buyer offices; firm-name parts.

Plain Python, so it needs no parsing and ships with the package."""
