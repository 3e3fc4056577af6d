"""Themes bundled with sitegen, shipped as package data (``sitegen.themes``)."""
