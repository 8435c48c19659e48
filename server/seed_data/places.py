"""Places the demo marketplace uses: Chhattisgarh's 33 districts and a few other states."""

from __future__ import annotations

# Chhattisgarh's 33 districts (2023 onwards: the 5 created in 2022-23 included).
CHHATTISGARH = "Chhattisgarh"
CG_DISTRICTS: tuple[str, ...] = (
    "Raipur",
    "Bilaspur",
    "Durg",
    "Rajnandgaon",
    "Korba",
    "Raigarh",
    "Janjgir-Champa",
    "Jashpur",
    "Surguja",
    "Bastar",
    "Dantewada",
    "Kanker",
    "Kabirdham",
    "Mahasamund",
    "Dhamtari",
    "Balod",
    "Baloda Bazar",
    "Bemetara",
    "Balrampur",
    "Gariaband",
    "Kondagaon",
    "Mungeli",
    "Narayanpur",
    "Sukma",
    "Surajpur",
    "Bijapur",
    "Koriya",
    "Gaurela-Pendra-Marwahi",
    "Manendragarh-Chirmiri-Bharatpur",
    "Mohla-Manpur-Ambagarh Chowki",
    "Sarangarh-Bilaigarh",
    "Khairagarh-Chhuikhadan-Gandai",
    "Sakti",
)
assert len(CG_DISTRICTS) == 33 and len(set(CG_DISTRICTS)) == 33

# Where Chhattisgarh's firms are, roughly by industrial weight.
CG_FIRM_DISTRICT_WEIGHTS: dict[str, int] = {
    "Raipur": 30, "Durg": 14, "Bilaspur": 12, "Korba": 6, "Raigarh": 6, "Rajnandgaon": 5,
    "Janjgir-Champa": 3, "Surguja": 3, "Bastar": 3, "Dhamtari": 2, "Mahasamund": 2,
    "Kanker": 2, "Kabirdham": 2, "Balod": 2, "Baloda Bazar": 2, "Bemetara": 1, "Jashpur": 1,
    "Dantewada": 1, "Koriya": 1, "Mungeli": 1, "Surajpur": 1, "Gariaband": 1, "Kondagaon": 1,
    "Sakti": 1,
}

# Head-office PIN codes of some districts, for listings that also name PIN codes.
PINCODES: dict[str, str] = {
    "Raipur": "492001", "Bilaspur": "495001", "Durg": "491001", "Rajnandgaon": "491441",
    "Korba": "495677", "Raigarh": "496001", "Bastar": "494001", "Surguja": "497001",
    "Dhamtari": "493773", "Mahasamund": "493445", "Kanker": "494334", "Janjgir-Champa": "495668",
    "Nagpur": "440001", "Pune": "411001", "Bhopal": "462001", "Indore": "452001",
    "Ahmedabad": "380001", "New Delhi": "110001", "Hyderabad": "500001", "Kolkata": "700001",
}

# Other states sellers come from: state -> (Udyam state code, districts).
OTHER_STATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Maharashtra": ("MH", ("Nagpur", "Pune", "Mumbai Suburban", "Thane", "Aurangabad")),
    "Madhya Pradesh": ("MP", ("Bhopal", "Indore", "Jabalpur", "Gwalior")),
    "Odisha": ("OD", ("Khordha", "Cuttack", "Sambalpur")),
    "Telangana": ("TS", ("Hyderabad", "Rangareddy")),
    "Delhi": ("DL", ("New Delhi", "South Delhi")),
    "Gujarat": ("GJ", ("Ahmedabad", "Surat", "Rajkot", "Vadodara")),
    "Uttar Pradesh": ("UP", ("Gautam Buddha Nagar", "Lucknow", "Kanpur Nagar")),
    "Tamil Nadu": ("TN", ("Chennai", "Coimbatore")),
    "Karnataka": ("KR", ("Bengaluru Urban", "Mysuru")),
    "Haryana": ("HR", ("Gurugram", "Faridabad")),
    "Jharkhand": ("JH", ("Ranchi", "East Singhbhum")),
    "West Bengal": ("WB", ("Kolkata", "Howrah")),
    "Punjab": ("PB", ("Ludhiana",)),
    "Rajasthan": ("RJ", ("Jaipur", "Jodhpur")),
}
OTHER_STATE_WEIGHTS: dict[str, int] = {
    "Maharashtra": 8, "Madhya Pradesh": 7, "Odisha": 5, "Delhi": 5, "Gujarat": 5,
    "Uttar Pradesh": 5, "Telangana": 4, "Tamil Nadu": 3, "Karnataka": 3, "Haryana": 3,
    "Jharkhand": 3, "West Bengal": 3, "Punjab": 2, "Rajasthan": 2,
}
