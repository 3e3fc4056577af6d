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
  const YEAR = root.dataset.yearFilter;
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

  let pagefind = null;
  let run = 0;
  let query = null;
  let candidates = [];
  let checked = 0;
  let kept = [];
  let cursor = 0;
  let filtering = false;

  async function load() {
    if (!pagefind) {
      pagefind = await import(bundle + "pagefind.js");
      await pagefind.init();
      const filters = await pagefind.filters();
      fill(tagSelect, Object.keys(filters[TAG] || {}));
      fill(yearSelect, Object.keys(filters[YEAR] || {}).sort().reverse());
    }
    return pagefind;
  }
  function fill(select, values) {
    values.sort(function (a, b) { return select === yearSelect ? 0 : fold(a).localeCompare(fold(b)); });
    for (const value of values) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    }
    const wanted = new URLSearchParams(location.search).get(select.name);
    if (wanted) select.value = wanted;
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

  async function search() {
    const id = ++run;
    keepInUrl();
    query = parse(input.value);
    const filters = {};
    if (tagSelect.value) filters[TAG] = [tagSelect.value];
    if (yearSelect.value) filters[YEAR] = [yearSelect.value];
    if (!query.words.length && !query.phrases.length && !Object.keys(filters).length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    status.textContent = strings.searching;
    const pf = await load();
    const terms = query.words.concat(...query.phrases).map(stem);
    const options = { filters: filters };
    if (sortSelect.value === "newest") options.sort = { date: "desc" };
    const response = await pf.search(terms.length ? terms.join(" ") : null, options);
    if (id !== run) return;
    candidates = response.results;
    checked = 0;
    kept = [];
    cursor = 0;
    filtering = terms.length > 0;
    list.replaceChildren();
    await showMore(id);
  }

  // Check candidates in small batches until a page of results is ready: a common word
  // costs a few fragments, not hundreds.
  async function showMore(id) {
    id = id || run;
    const want = cursor + PAGE;
    while (kept.length < want && checked < candidates.length && checked < CAP) {
      const batch = candidates.slice(checked, Math.min(checked + BATCH, CAP));
      const data = await Promise.all(batch.map(function (r) { return r.data(); }));
      if (id !== run) return;
      checked += batch.length;
      for (const item of data) {
        if (!filtering || matches(item.meta.title + " " + item.content, query)) kept.push(item);
      }
    }
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
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  sortSelect.value = params.get("sort") || "";
  load().then(function () {
    if (input.value || tagSelect.value || yearSelect.value) search();
  });
})();
