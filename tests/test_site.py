"""The site model: order, unique slugs, tags in Greek alphabetical order."""

from datetime import date

from sitegen.collection.site import build_site
from sitegen.core.config import Config
from sitegen.core.model import Article


def article(source: str, day: date, slug: str, tags: tuple[str, ...] = (), draft=False) -> Article:
    return Article(source, f"seeds/{source}.txt", day, "T", "S", "", "", slug, tags, draft)


def test_same_day_same_slug_gets_numbers_in_file_order() -> None:
    items = [
        article("b", date(2025, 1, 1), "idia"),
        article("a", date(2025, 1, 1), "idia"),
        article("c", date(2025, 1, 2), "idia"),  # another day keeps its slug
        article("d", date(2025, 1, 1), "idia"),
    ]
    site = build_site(Config(), items)
    slugs = {a.id: a.slug for a in site.articles}
    assert slugs == {"a": "idia", "b": "idia-2", "d": "idia-3", "c": "idia"}


def test_newest_first_and_drafts_left_out() -> None:
    items = [
        article("old", date(2024, 1, 1), "old"),
        article("new", date(2025, 1, 1), "new"),
        article("draft", date(2025, 6, 1), "draft", draft=True),
    ]
    assert [a.id for a in build_site(Config(), items).articles] == ["new", "old"]
    assert [a.id for a in build_site(Config(), items, drafts=True).articles][0] == "draft"


def test_tags_in_greek_alphabetical_order_with_folded_accents_and_case() -> None:
    names = ("Αθήνα", "Βόρεια Κορέα", "Άγκυρα", "αγορά", "ΑΓΓΛΙΑ")
    items = [article(str(i), date(2025, 1, 1), f"s{i}", (name,)) for i, name in enumerate(names)]
    site = build_site(Config(), items)
    assert [t.name for t in site.tags] == ["ΑΓΓΛΙΑ", "Άγκυρα", "αγορά", "Αθήνα", "Βόρεια Κορέα"]
    assert [t.slug for t in site.tags] == ["anglia", "agkyra", "agora", "athina", "voreia-korea"]


def test_one_tag_for_names_that_differ_only_in_accents_or_case() -> None:
    items = [
        article("a", date(2025, 1, 2), "a", ("Ρωσία",)),
        article("b", date(2025, 1, 1), "b", ("ΡΩΣΙΑ",)),
    ]
    [tag] = build_site(Config(), items).tags
    assert tag.name == "Ρωσία" and [a.id for a in tag.articles] == ["a", "b"]
