"""Benchmarks of Werkbaar that print numbers (never assert times). Entry point: run_all.py."""
