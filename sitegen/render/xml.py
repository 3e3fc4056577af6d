"""XML documents (feeds, the sitemap): indented, with the one prologue they share."""

from __future__ import annotations

import xml.etree.ElementTree as ET


def xml_document(root: ET.Element) -> bytes:
    """The element as a UTF-8 XML document, indented, ending in a newline."""
    ET.indent(root)
    body = ET.tostring(root, "unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")
