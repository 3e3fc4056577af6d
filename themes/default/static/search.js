// sitegen search: Pagefind finds candidates, this script keeps exactly the pages that
// hold the query's words (any grammatical case) and phrases (words in order), with
// accents, case and final sigma folded. No framework; strings come from the page.
(function () {
  "use strict";
  const root = document.querySelector("[data-sitegen-search]");
  if (!root) return;
  const strings = JSON.parse(root.dataset.strings);
  const bundle = root.dataset.bundle;
  const form = root.querySelector("form");
  const input = root.querySelector("#search-query");
  const tagSelect = root.querySelector("#search-tag");
  const yearSelect = root.querySelector("#search-year");
  const sortSelect = root.querySelector("#search-sort");
  const status = root.querySelector("#search-status");
  const list = root.querySelector("#search-results");
  const more = root.querySelector("#search-more");
  const TAG = root.dataset.tagFilter;
  const PAGE = 10;
  const BATCH = 20;
  const CAP = 1000; // candidates checked at most: the work on very common words stays bounded
  const ENDINGS = ["ουσ", "ων", "οσ", "ου", "ασ", "ησ", "εσ", "οι", "ισ", "υσ",
                   "α", "η", "ο", "ε", "ι", "υ", "ω", "σ"];

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ς/g, "σ");
  }
  function tokens(text) {
    return fold(text).match(/[\p{L}\p{N}]+/gu) || [];
  }
  // The same light stem for every case of a Greek noun: Ρωσία, Ρωσίας -> ρωσι
  function stem(word) {
    for (const ending of ENDINGS) {
      if (word.endsWith(ending) && word.length - ending.length >= 3) {
        return word.slice(0, -ending.length);
      }
    }
    return word;
  }
  function parse(query) {
    const phrases = [];
    const rest = query.replace(/["«“]([^"»”]+)["»”]/g, function (_, phrase) {
      const words = tokens(phrase);
      if (words.length) phrases.push(words);
      return " ";
    });
    const words = tokens(rest);
    return { phrases: phrases, words: words };
  }
  function matches(text, query) {
    const found = tokens(text);
    const stems = new Set(found.map(stem));
    if (!query.words.every(function (w) { return stems.has(stem(w)); })) return false;
    return query.phrases.every(function (phrase) {
      for (let i = 0; i + phrase.length <= found.length; i++) {
        let j = 0;
        while (j < phrase.length && found[i + j] === phrase[j]) j++;
        if (j === phrase.length) return true;
      }
      return false;
    });
  }

  // The index comes in parts, one Pagefind bundle per year, newest first: the newest
  // is loaded, the others merged into it (one runtime and one WebAssembly module).
  const PARTS = root.dataset.parts.split(" ").filter(Boolean);
  const VERSION = root.dataset.pagefindVersion;
  const YEAR = root.dataset.yearFilter;
  const retry = root.querySelector("#search-retry");
  const reload = root.querySelector("#search-reload");
  let engine = null; // Promise of the merged Pagefind
  let attempt = 0; // after a failure, Pagefind loads afresh (it keeps failed downloads)
  let run = 0;
  let query = null;
  let candidates = [];
  let checked = 0;
  let kept = [];
  let cursor = 0;
  let filtering = false;
  let busy = false;

  class SearchError extends Error {
    constructor(kind) { super(kind); this.kind = kind; } // "failed" or "stale"
  }

  // A part must be there, and of the version this page expects: a page kept from an
  // older build must not read a newer index, nor a missing one.
  async function check(name) {
    let response;
    try {
      response = await fetch(bundle + name + "/pagefind-entry.json");
    } catch (error) {
      throw new SearchError("failed");
    }
    if (response.status === 404) throw new SearchError("stale");
    if (!response.ok) throw new SearchError("failed");
    let entry;
    try {
      entry = await response.json();
    } catch (error) {
      throw new SearchError("failed");
    }
    if (entry.version !== VERSION) throw new SearchError("stale");
  }

  function load() {
    if (!engine) {
      engine = (async function () {
        await Promise.all(PARTS.map(check));
        try {
          const suffix = attempt ? "?" + attempt : "";
          const pagefind = await import(bundle + PARTS[0] + "/pagefind.js" + suffix);
          await pagefind.init();
          for (const name of PARTS.slice(1)) await pagefind.mergeIndex(bundle + name + "/");
          return pagefind;
        } catch (error) {
          throw new SearchError("failed");
        }
      })();
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  function keepInUrl() {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    for (const select of [tagSelect, yearSelect, sortSelect]) {
      if (select.value) params.set(select.name, select.value);
    }
    const query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  function showError(error) {
    const kind = error instanceof SearchError ? error.kind : "failed";
    status.textContent = strings[kind];
    retry.hidden = kind !== "failed";
    reload.hidden = kind !== "stale";
    more.hidden = true;
  }
  function clearError() {
    retry.hidden = true;
    reload.hidden = true;
  }

  async function search() {
    const id = ++run;
    keepInUrl();
    clearError();
    query = parse(input.value);
    const filters = {};
    if (tagSelect.value) filters[TAG] = [tagSelect.value];
    if (!query.words.length && !query.phrases.length && !tagSelect.value && !yearSelect.value) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    status.textContent = strings.searching;
    const terms = query.words.concat(...query.phrases).map(stem);
    const options = { filters: filters };
    const newest = sortSelect.value === "newest";
    if (newest) options.sort = { date: "desc" };
    const term = terms.length ? terms.join(" ") : null;
    let responses;
    try {
      const pagefind = await load();
      if (newest) {
        // Merged results come by score: a search a year, newest first, keeps the dates
        // in order (within a year, Pagefind sorts them).
        const years = yearSelect.value ? [yearSelect.value] : PARTS;
        responses = [];
        for (const year of years) {
          const yearly = Object.assign({}, filters, { [YEAR]: [year] });
          responses.push(await pagefind.search(term, { filters: yearly, sort: options.sort }));
        }
      } else {
        if (yearSelect.value) filters[YEAR] = [yearSelect.value];
        responses = [await pagefind.search(term, options)];
      }
    } catch (error) {
      if (id === run) showError(error);
      return;
    }
    if (id !== run) return;
    candidates = responses.flatMap(function (r) { return r.results; });
    checked = 0;
    kept = [];
    cursor = 0;
    filtering = terms.length > 0;
    list.replaceChildren();
    await showMore(id);
  }

  // Check candidates in small batches until a page of results is ready: a common word
  // costs a few fragments, not hundreds. One batch at a time, whatever the clicks.
  async function showMore(id) {
    if (busy && !id) return;
    id = id || run;
    busy = true;
    more.disabled = true;
    try {
      await fill(id);
    } catch (error) {
      if (id === run) showError(error);
    } finally {
      busy = false;
      more.disabled = false;
    }
  }

  async function fill(id) {
    const want = cursor + PAGE;
    while (kept.length < want && checked < candidates.length && checked < CAP) {
      const batch = candidates.slice(checked, Math.min(checked + BATCH, CAP));
      let data;
      try {
        data = await Promise.all(batch.map(function (r) { return r.data(); }));
      } catch (error) {
        throw new SearchError("failed");
      }
      if (id !== run) return;
      checked += batch.length;
      for (const item of data) {
        if (!filtering || matches(item.meta.title + " " + item.content, query)) kept.push(item);
      }
    }
    if (id !== run) return;
    for (const data of kept.slice(cursor, want)) list.appendChild(render(data));
    cursor = Math.min(want, kept.length);
    const complete = checked >= candidates.length;
    more.hidden = cursor >= kept.length && (complete || checked >= CAP);
    if (kept.length === 0 && (complete || checked >= CAP)) {
      status.textContent = strings.none;
    } else if (complete || !filtering) {
      const n = filtering ? kept.length : candidates.length;
      status.textContent = (n === 1 ? strings.count_one : strings.count).replace("{n}", n);
    } else {
      status.textContent = strings.count_capped.replace("{n}", candidates.length);
    }
  }

  function render(data) {
    const item = document.createElement("li");
    const article = document.createElement("article");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title;
    heading.appendChild(link);
    article.appendChild(heading);
    if (data.meta.date) {
      const date = document.createElement("p");
      date.className = "meta";
      date.textContent = data.meta.date;
      article.appendChild(date);
    }
    const excerpt = document.createElement("p");
    excerpt.className = "summary";
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the text and adds <mark>
    article.appendChild(excerpt);
    const tags = (data.filters && data.filters[TAG]) || [];
    if (tags.length) {
      const ul = document.createElement("ul");
      ul.className = "tags";
      ul.setAttribute("aria-label", strings.tags);
      for (const tag of tags) {
        const li = document.createElement("li");
        li.textContent = tag;
        ul.appendChild(li);
      }
      article.appendChild(ul);
    }
    item.appendChild(article);
    return item;
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  for (const select of [tagSelect, yearSelect, sortSelect]) select.addEventListener("change", search);
  more.addEventListener("click", function () { showMore(); });
  retry.addEventListener("click", function () {
    attempt += 1;
    engine = null;
    search();
  });
  reload.addEventListener("click", function () { location.reload(); });
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const select of [tagSelect, yearSelect, sortSelect]) {
    const wanted = params.get(select.name);
    if (wanted) select.value = wanted;
  }
  if (input.value || tagSelect.value || yearSelect.value) search();
})();
