"""Helpers for checking the built site: a local static server and a headless browser."""
