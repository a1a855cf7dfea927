"""urllib: only urllib.parse in this interpreter (no network access from scripts)."""
