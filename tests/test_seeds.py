"""The raw article layout: date line, paragraphs, encodings and the errors on bad files."""

from datetime import date
from pathlib import Path

import pytest

from sitegen.core.errors import Problems
from sitegen.sources.seeds import article_id, read_seed


def read(tmp_path: Path, data: bytes, name: str = "001_0123456789abcdef.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    problems = Problems()
    return read_seed(path, f"seeds/{name}", problems), problems


@pytest.mark.parametrize(
    ("data", "paragraphs"),
    [
        (b" date 2025-09-03 One paragraph.\n", ["One paragraph."]),
        (b"date 2025-09-03 First.\n\nSecond.\n\nThird.\n", ["First.", "Second.", "Third."]),
        (b"\n\n  date 2025-09-03 Leading blank lines.\n", ["Leading blank lines."]),
        (b"date 2025-09-03 CRLF.\r\n\r\nSecond.\r\n", ["CRLF.", "Second."]),
        (b"\xef\xbb\xbfdate 2025-09-03 BOM.\n\nSecond.", ["BOM.", "Second."]),
        (b"date 2025-09-03 Lines\njoined.\n \t\nNext.", ["Lines joined.", "Next."]),
        (b"date 2025-09-03\nText on the next line.", ["Text on the next line."]),
    ],
)
def test_layouts(tmp_path: Path, data: bytes, paragraphs: list[str]) -> None:
    article, problems = read(tmp_path, data)
    assert not problems.items
    assert article.date == date(2025, 9, 3)
    assert article.body_html == "\n".join(f"<p>{p}</p>" for p in paragraphs)
    assert article.id == "0123456789abcdef"


def test_body_is_escaped_but_quotes_untouched(tmp_path: Path) -> None:
    text = 'date 2025-09-03 Η «Ό,τι μπορεί» & ο "Λέει" έκλεισαν <script>x</script>.'
    article, _ = read(tmp_path, text.encode())
    assert article.body_html == (
        '<p>Η «Ό,τι μπορεί» &amp; ο "Λέει" έκλεισαν &lt;script&gt;x&lt;/script&gt;.</p>'
    )
    # the title is escaped when a page is rendered, not here
    assert article.title == 'Η «Ό,τι μπορεί» & ο "Λέει" έκλεισαν <script>x</script>'


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"", 1, "is empty"),
        (b"  \n\n \n", 1, "is empty"),
        (b"No date here.\n", 1, "does not start with a date"),
        (b"\n\nText first\ndate 2025-09-03 x", 3, "does not start with a date"),
        (b"date 2025-02-30 Text.", 1, 'the date "2025-02-30" is not a real day'),
        (b"date 03/09/2025 Text.", 1, 'the date "03/09/2025" is not written as YYYY-MM-DD'),
        (b"date 2025-09-03", 1, "has a date but no text"),
        (b"date 2025-09-03 \xc1\xf1\xf7\xde.", 1, "is not utf-8 text"),
        (b"date 2025-09-03 ok\n\n\x00\x01\x02", None, "is a binary file"),
    ],
)
def test_bad_files(tmp_path: Path, data: bytes, line: int | None, message: str) -> None:
    article, problems = read(tmp_path, data)
    assert article is None
    [problem] = problems.items
    assert problem.path == "seeds/001_0123456789abcdef.txt"
    assert problem.line == line
    assert message in problem.message
    assert problem.hint  # every error says how to fix it


def test_another_encoding_can_be_chosen(tmp_path: Path) -> None:
    path = tmp_path / "001_x.txt"
    path.write_bytes("date 2025-09-03 Αρχή.".encode("iso-8859-7"))
    problems = Problems()
    article = read_seed(path, "seeds/001_x.txt", problems, encoding="iso-8859-7")
    assert article.title == "Αρχή"


@pytest.mark.parametrize(
    ("name", "identifier"),
    [
        ("000_7ec5fab1d3816db2.txt", "7ec5fab1d3816db2"),
        ("plain.txt", "plain"),
        ("1_a_b.txt", "a_b"),
    ],
)
def test_article_id(name: str, identifier: str) -> None:
    assert article_id(Path(name)) == identifier
