"""Buyer offices and the parts seller-firm names are made of."""

from __future__ import annotations

CG = "Government of Chhattisgarh"

# The demo buyer and approver work here.
DEMO_OFFICE = (CG, "Health and Family Welfare Department", "Directorate of Health Services",
               "Office of the Chief Medical and Health Officer (CMHO), Raipur", "Chhattisgarh", "Raipur")

# (ministry or state, department, organisation, office template, state, districts): one office
# per district named.
CG_OFFICE_KINDS: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    (CG, "Health and Family Welfare Department", "Directorate of Health Services",
     "Office of the Chief Medical and Health Officer (CMHO), {district}",
     ("Bilaspur", "Durg", "Rajnandgaon", "Korba", "Raigarh", "Bastar", "Surguja", "Dantewada")),
    (CG, "Health and Family Welfare Department", "Directorate of Health Services",
     "District Hospital, {district}", ("Raipur", "Mahasamund", "Kanker", "Jashpur")),
    (CG, "Medical Education Department", "Directorate of Medical Education",
     "Government Medical College, {district}", ("Raipur", "Bilaspur", "Rajnandgaon", "Surguja")),
    (CG, "School Education Department", "Directorate of Public Instruction",
     "Office of the District Education Officer, {district}",
     ("Raipur", "Bilaspur", "Durg", "Dhamtari", "Balod", "Kabirdham", "Sukma", "Bijapur", "Narayanpur")),
    (CG, "Public Works Department", "Public Works Department, Chhattisgarh",
     "Office of the Executive Engineer, PWD Division {district}", ("Raipur", "Bilaspur", "Durg", "Bastar")),
    (CG, "Home Department", "Chhattisgarh Police",
     "Office of the Superintendent of Police, {district}", ("Raipur", "Bilaspur", "Durg", "Bastar", "Kondagaon", "Sukma")),
    (CG, "Revenue and Disaster Management Department", "District Administration",
     "Collectorate, {district}",
     ("Raipur", "Bilaspur", "Durg", "Janjgir-Champa", "Mungeli", "Gariaband", "Balrampur", "Surajpur", "Koriya",
      "Gaurela-Pendra-Marwahi", "Manendragarh-Chirmiri-Bharatpur", "Mohla-Manpur-Ambagarh Chowki",
      "Sarangarh-Bilaigarh", "Khairagarh-Chhuikhadan-Gandai", "Sakti", "Baloda Bazar", "Bemetara")),
    (CG, "Panchayat and Rural Development Department", "Zila Panchayat",
     "Office of the Chief Executive Officer, Zila Panchayat {district}", ("Raipur", "Raigarh", "Kanker")),
]

# Central buyers located in Chhattisgarh.
CENTRAL_OFFICES: list[tuple[str, str, str, str, str, str]] = [
    ("Ministry of Railways", "Railway Board", "South East Central Railway",
     "Office of the Divisional Railway Manager, Bilaspur", "Chhattisgarh", "Bilaspur"),
    ("Ministry of Steel", "Department of Steel", "Steel Authority of India Limited",
     "Bhilai Steel Plant, Materials Management", "Chhattisgarh", "Durg"),
    ("Ministry of Coal", "Department of Coal", "South Eastern Coalfields Limited",
     "Materials Management Department, Bilaspur", "Chhattisgarh", "Bilaspur"),
    ("Ministry of Health and Family Welfare", "Department of Health and Family Welfare",
     "All India Institute of Medical Sciences, Raipur", "Stores and Purchase Section", "Chhattisgarh", "Raipur"),
    ("Ministry of Education", "Department of Higher Education", "Indian Institute of Technology Bhilai",
     "Purchase Section", "Chhattisgarh", "Durg"),
]

FIRM_FIRST = [
    "Shree", "Jai", "Maa", "Sai", "Om", "Bharat", "Chhattisgarh", "Mahanadi", "Indravati", "Danteshwari",
    "Bastar", "Vindhya", "Narmada", "Sahyadri", "Ganga", "Kaveri", "Arihant", "Balaji", "Ganesh", "Krishna",
    "Laxmi", "Siddhi", "Pragati", "Navkar", "Shubham", "Mahamaya", "Bamleshwari", "Sheorinarayan", "Arpa",
    "Hasdeo", "Maikal", "Sirpur", "Kalinga", "Deccan", "Satpura", "Nandi", "Surya", "Chandra", "Vikas", "Unnati",
]
FIRM_SECOND = {
    "manufacturer": ["Industries", "Manufacturing Co", "Steel Works", "Plastics", "Engineering Works",
                     "Fabricators", "Electricals", "Papers", "Healthcare Products", "Udyog"],
    "trader": ["Traders", "Enterprises", "Suppliers", "Agencies", "Trading Co", "Sales Corporation",
               "Office Solutions", "Computers", "Medicals", "Distributors"],
    "service_provider": ["Services", "Facility Management", "Travels", "Security Services", "Manpower Solutions",
                         "Housekeeping", "Consultants", "Tours and Travels"],
}
_COMPANY = ["", "", "", " Private Limited", " LLP"]
FIRM_SUFFIX = {
    "manufacturer": _COMPANY + [" and Sons"],
    "trader": _COMPANY + [" and Sons", " and Co"],
    "service_provider": _COMPANY,
}
# First names for the display names of the extra demo users.
PEOPLE = ["Anita Sahu", "Rakesh Verma", "Priya Tandon", "Sunil Dewangan", "Kavita Markam", "Amit Chandrakar",
          "Neha Sinha", "Ramesh Netam"]
