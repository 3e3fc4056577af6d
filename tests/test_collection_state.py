"""States kept between builds (automatic tags, related articles) give, after any
sequence of edits, what a fresh computation gives."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from sitegen.collection.related import update_related
from sitegen.collection.tagging import TagState, tags_from_mentions
from sitegen.core.keys import digest
from sitegen.core.model import Article
from sitegen.greek.entities import find_mentions
from sitegen.greek.gazetteer import Gazetteer
from sitegen.greek.text import fold

from .conftest import benchmark_module

SENTENCES = [
    "Ο Γιάννης Παπαγεωργίου μίλησε στη Λάρισα.",
    "Ο Παπαγεωργίου επέμεινε.",
    "Οι Γάλλοι αντέδρασαν στις δηλώσεις του Μακρόν.",
    "Η ΕΛΑΣ ερευνά την υπόθεση στην Πάτρα.",
    "Σύμφωνα με τον δήμαρχο Πάτρας, η Πυροσβεστική Υπηρεσία έφτασε γρήγορα.",
    "Χθες η Κομισιόν ενέκρινε το σχέδιο.",
    "Το σχέδιο της Χθες δεν υπάρχει.",  # a word capitalised mid-sentence: new evidence
    "Η Βουλή ψήφισε, και η Ολομέλεια της Βουλής χειροκρότησε.",
    "Ο υπουργός Οικονομικών Κωστής Χατζηδάκης απάντησε.",
    "Ο Χατζηδάκης δεν απάντησε.",
]


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("tag-state")
    paths = benchmark_module("corpus").write_collection(folder, 80)
    return {p.stem: p.read_text(encoding="utf-8").split("\n", 1)[1] for p in paths}


def _mentions(text: str) -> list:
    return find_mentions([p for p in text.split("\n\n") if p.strip()])


@pytest.mark.parametrize("seed", range(6))
def test_updates_equal_a_fresh_derivation(texts: dict[str, str], seed: int) -> None:
    rng = random.Random(seed)
    gazetteer = Gazetteer()
    if seed % 2:
        gazetteer.add("Γιάννης Παπαγεωργίου", "Παπαγεωργίου")
    current = dict(texts)
    state = TagState(gazetteer)
    for step in range(30):
        ids = sorted(current)
        action = rng.choice(["add sentence", "add sentence", "delete", "new", "revert", "lead"])
        target = rng.choice(ids)
        if action == "add sentence":
            current[target] = current[target].rstrip() + " " + rng.choice(SENTENCES) + "\n"
        elif action == "delete" and len(current) > 10:
            del current[target]
        elif action == "new":
            current[f"new-{step}"] = " ".join(rng.sample(SENTENCES, 3)) + "\n"
        elif action == "revert" and target in texts:
            current[target] = texts[target]
        elif action == "lead":
            current[target] = rng.choice(SENTENCES) + "\n\n" + current[target]
        found = {aid: _mentions(text) for aid, text in current.items()}
        state.update({aid: (digest(m), m) for aid, m in found.items()})
        assert state.tags(6) == tags_from_mentions(found, gazetteer, 6), f"step {step}: {action}"


def test_an_unchanged_collection_ranks_nothing_again(
    texts: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.collection import tagging

    found = {aid: _mentions(text) for aid, text in texts.items()}
    state = TagState(Gazetteer())
    state.update({aid: (digest(m), m) for aid, m in found.items()})
    calls = []
    original = tagging.rank
    monkeypatch.setattr(tagging, "rank", lambda *a: calls.append(a) or original(*a))
    state.update({aid: (digest(m), m) for aid, m in found.items()})
    assert calls == []
    some = sorted(found)[5]
    found[some] = _mentions(texts[some] + " Η ΕΛΑΣ ερευνά.")
    state.update({aid: (digest(m), m) for aid, m in found.items()})
    assert 1 <= len(calls) < len(found)
    assert state.tags(6) == tags_from_mentions(found, Gazetteer(), 6)


def _site_lists(articles: list[Article]) -> tuple[tuple[Article, ...], dict[str, list[Article]]]:
    """Articles newest first and the members of each folded tag, as build_site makes them."""
    ordered = sorted(articles, key=lambda a: a.id)
    ordered.sort(key=lambda a: a.date, reverse=True)
    members: dict[str, list[Article]] = {}
    for article in ordered:
        for tag in article.tags:
            members.setdefault(fold(tag), []).append(article)
    return tuple(ordered), members


def _article(rng: random.Random, number: int) -> Article:
    tags = tuple(sorted({f"Θέμα {int(rng.paretovariate(1.2)) % 40}" for _ in range(3)}))
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(200))
    return Article(f"a{number}", "", day, "", "", "", "", "s", tags)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(8))
def test_related_updates_equal_a_fresh_computation(seed: int) -> None:
    rng = random.Random(seed)
    articles = [_article(rng, n) for n in range(40 + 40 * seed)]
    state = None
    for step in range(60):
        action = rng.choice(["retag", "redate", "add", "delete", "none"])
        i = rng.randrange(len(articles))
        if action == "retag":
            articles[i] = replace(articles[i], tags=_article(rng, 0).tags)
        elif action == "redate":
            articles[i] = replace(articles[i], date=articles[i].date + timedelta(days=1))
        elif action == "add":
            articles.append(_article(rng, 1000 + step))
        elif action == "delete":
            articles.pop(i)
        ordered, members = _site_lists(articles)
        state = update_related(ordered, members, state)
        fresh = update_related(ordered, members)
        assert state.related == fresh.related, f"step {step}: {action}"
