"use strict";
// The batch gallery's cards: filters, pages and lazily loaded chunks of lines. No framework.
// Every piece of a line is outside text: it is set with textContent or setAttribute, never as
// HTML, and a file is shown only when its name is a plain relative path inside this folder.
(function () {
  const data = JSON.parse(document.getElementById("gallery-data").textContent);
  const loaded = new Map();
  const waiting = new Map();
  for (const [number, rows] of Object.entries(data.inline || {})) loaded.set(Number(number), rows);
  window.apiframeGallery = {
    add(number, rows) {
      loaded.set(number, rows);
      const done = waiting.get(number);
      if (done) done();
    },
  };
  const SAFE = /^[A-Za-z0-9_][A-Za-z0-9_.=+%-]*(\/[A-Za-z0-9_][A-Za-z0-9_.=+%-]*)*$/;
  const KINDS = new Set(["image", "video", "audio"]);
  const statusBox = document.getElementById("filter-status");
  const modelBox = document.getElementById("filter-model");
  const cards = document.getElementById("cards");

  function chunk(number) {
    if (loaded.has(number)) return Promise.resolve(loaded.get(number));
    return new Promise((resolve) => {
      const script = document.createElement("script");
      const finish = () => resolve(loaded.get(number) || []);
      waiting.set(number, finish);
      script.onerror = finish;
      script.src = "gallery/lines-" + String(number).padStart(6, "0") + ".js";
      document.head.appendChild(script);
    });
  }

  function wanted(status, model) {
    return (!statusBox.value || status === statusBox.value) && (!modelBox.value || model === modelBox.value);
  }

  function matches(entry) {
    let count = 0;
    for (const [status, model, n] of entry.k) if (wanted(status, model)) count += n;
    return count;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function media(url, kind, small) {
    if (!SAFE.test(url) || !KINDS.has(kind)) return null;
    const tag = kind === "image" ? "img" : kind;
    const node = document.createElement(tag);
    node.setAttribute("src", url);
    if (kind === "image") {
      node.setAttribute("loading", "lazy");
      node.setAttribute("alt", url);
    } else {
      node.setAttribute("preload", "metadata");
      node.setAttribute("controls", "");
      if (kind === "video") node.muted = true;
    }
    if (small) node.setAttribute("title", url);
    return node;
  }

  function card(row) {
    const node = element("article", "card");
    node.dataset.line = String(row.l);
    node.dataset.status = row.s;
    const shown = row.f.filter(([url, kind]) => SAFE.test(url) && KINDS.has(kind));
    if (shown.length) {
      const box = element("div", "media");
      const first = media(shown[0][0], shown[0][1], false);
      if (first) box.appendChild(first);
      node.appendChild(box);
      if (shown.length > 1) {
        const more = element("div", "more");
        for (const [url, kind] of shown.slice(1)) {
          const item = media(url, kind, true);
          if (item) more.appendChild(item);
        }
        node.appendChild(more);
      }
    }
    const meta = element("div", "meta");
    meta.appendChild(element("span", "badge " + row.s, row.s));
    meta.appendChild(element("span", "line", "line " + row.l));
    meta.appendChild(element("span", "model", row.m));
    if (row.c !== null) meta.appendChild(element("span", "credits", row.c + " credits"));
    node.appendChild(meta);
    if (row.p) node.appendChild(element("p", "prompt", row.p));
    if (row.e) node.appendChild(element("p", "error", row.e));
    if (row.j) node.appendChild(element("div", "job", row.j));
    if (row.f.length) {
      const files = element("div", "files");
      for (const [url] of row.f) {
        if (!SAFE.test(url)) continue;
        const link = element("a", null, decodeURIComponent(url));
        link.setAttribute("href", url);
        files.appendChild(link);
      }
      node.appendChild(files);
    }
    return node;
  }

  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const pick = (box, value) => {
      if ([...box.options].some((option) => option.value === value)) box.value = value;
    };
    pick(statusBox, params.get("status") || "");
    pick(modelBox, params.get("model") || "");
    return Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  }

  let current = 1;
  let drawing = 0;

  async function draw(page) {
    const token = ++drawing;
    const total = data.chunks.reduce((sum, entry) => sum + matches(entry), 0);
    const pages = Math.max(1, Math.ceil(total / data.page));
    current = Math.min(Math.max(1, page), pages);
    let skip = (current - 1) * data.page;
    const rows = [];
    for (const entry of data.chunks) {
      if (rows.length >= data.page) break;
      const count = matches(entry);
      if (count <= skip) {
        skip -= count;
        continue;
      }
      for (const row of await chunk(entry.n)) {
        if (!wanted(row.s, row.m)) continue;
        if (skip > 0) {
          skip -= 1;
          continue;
        }
        if (rows.length < data.page) rows.push(row);
      }
    }
    if (token !== drawing) return;
    cards.replaceChildren(...rows.map(card));
    document.getElementById("shown").textContent = total + " line(s) match";
    document.getElementById("page").textContent = "page " + current + " of " + pages;
    document.getElementById("previous").disabled = current <= 1;
    document.getElementById("next").disabled = current >= pages;
    const params = new URLSearchParams();
    if (statusBox.value) params.set("status", statusBox.value);
    if (modelBox.value) params.set("model", modelBox.value);
    if (current > 1) params.set("page", String(current));
    history.replaceState(null, "", params.toString() ? "#" + params.toString() : location.pathname);
    document.body.dataset.drawn = String(token);
  }

  statusBox.addEventListener("change", () => draw(1));
  modelBox.addEventListener("change", () => draw(1));
  document.getElementById("previous").addEventListener("click", () => draw(current - 1));
  document.getElementById("next").addEventListener("click", () => draw(current + 1));
  window.addEventListener("hashchange", () => draw(readHash()));
  window.apiframeGallery.draw = draw;
  draw(readHash());
})();
