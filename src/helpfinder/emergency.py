"""What helpfinder says about 999, and which entries the emergency view lists: in one place.

Every view, message and export takes its emergency wording from here, so the
line a frightened person reads is the same everywhere and cannot drift. Only
strings: importing this costs nothing at start-up.
"""

from __future__ import annotations

BANNER = "In immediate danger? Call 999"
LINE = BANNER + "."
REMINDER = "In immediate danger, call 999."
#: The built-in guidance, printed before any file is read and whatever the directory holds.
FLOOR = [
    "If you or anyone else is in immediate danger, call 999 now.",
    "Deaf, hard of hearing or speech-impaired: text 999 if registered with emergencySMS, or use Relay UK on 18000.",
    "Not an emergency: call the police on 101.",
]
#: The needs the emergency view lists after the floor, in this order.
NEEDS = ("emergency", "non-emergency-police")
#: The 999 entry itself, which the floor already gives.
SERVICE = "police-emergency"
