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
  const CAP = 300; // candidates checked at most; the work on very common words stays bounded
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
  let shown = [];
  let cursor = 0;
  let run = 0;

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
    const query = parse(input.value);
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
    const candidates = response.results.slice(0, CAP);
    const checked = [];
    for (let i = 0; i < candidates.length; i += 50) {
      const batch = await Promise.all(candidates.slice(i, i + 50).map(function (r) { return r.data(); }));
      if (id !== run) return;
      checked.push(...batch);
    }
    shown = checked.filter(function (data) {
      return !terms.length || matches(data.meta.title + " " + data.content, query);
    });
    const capped = response.results.length > CAP;
    status.textContent = shown.length === 0 ? strings.none
      : (capped ? strings.count_capped : (shown.length === 1 ? strings.count_one : strings.count))
          .replace("{n}", shown.length);
    list.replaceChildren();
    cursor = 0;
    showMore();
  }

  function showMore() {
    for (const data of shown.slice(cursor, cursor + PAGE)) {
      list.appendChild(render(data));
    }
    cursor += PAGE;
    more.hidden = cursor >= shown.length;
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
  more.addEventListener("click", showMore);
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  sortSelect.value = params.get("sort") || "";
  load().then(function () {
    if (input.value || tagSelect.value || yearSelect.value) search();
  });
})();
