// storybrief's page. Every piece of article text is put in the page with textContent, never as HTML:
// an uploaded page that carries a <script> shows up as text and cannot run.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { files: [], brief: null, request: null, current: null };

// --- small DOM helpers -------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

function setStatus(target, kind, message) {
  target.className = "status" + (kind ? " " + kind : "");
  target.setAttribute("role", kind === "error" ? "alert" : "status");
  target.replaceChildren();
  if (kind === "loading") target.append(el("span", { class: "spinner", "aria-hidden": "true" }));
  if (message) target.append(message);
}

async function apiError(response) {
  try {
    const body = await response.json();
    // when no article was usable the service says why for each one
    const why = (body.articles || []).filter((a) => a.reason).map((a) => `${articleLabel(a)}: ${a.reason}`);
    return `${body.error || response.statusText} (HTTP ${response.status})${why.length ? " — " + why.join("; ") : ""}`;
  } catch {
    return `the service answered HTTP ${response.status} ${response.statusText}`;
  }
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// --- input: pasted text and files --------------------------------------------------------------

function pastedDocuments() {
  return $("paste").value.split(/^\s*---+\s*$/m).map((t) => t.trim()).filter((t) => t.length > 0);
}

function addFiles(list) {
  for (const f of list) state.files.push(f);
  renderFiles();
}

function renderFiles() {
  $("file-list").replaceChildren(...state.files.map((f, i) => el("li", {},
    el("span", { class: "file-name", text: f.name }),
    el("span", { class: "file-size", text: `${Math.max(1, Math.round(f.size / 1024))} KB` }),
    el("button", { type: "button", class: "link", "aria-label": `Remove ${f.name}`, text: "remove",
      onclick: () => { state.files.splice(i, 1); renderFiles(); } }),
  )));
}

function buildRequest() {
  const [kind, n] = $("length").value.split(":");
  const options = { [kind]: Number(n), method: $("method").value };
  const texts = pastedDocuments();
  if (state.files.length === 0) {
    const documents = texts.map((text, i) => ({ id: `article-${i + 1}`, text }));
    return { body: JSON.stringify({ documents, ...options }), headers: { "Content-Type": "application/json" } };
  }
  const form = new FormData();
  for (const t of texts) form.append("text", t);
  for (const f of state.files) form.append("files", f, f.name);
  for (const [k, v] of Object.entries(options)) form.append(k, String(v));
  return { body: form, headers: {} };
}

async function summarize(event) {
  event.preventDefault();
  const status = $("status");
  if (pastedDocuments().length === 0 && state.files.length === 0) {
    setStatus(status, "error", "Paste an article or add a file first.");
    $("paste").focus();
    return;
  }
  const request = buildRequest();
  $("go").disabled = true;
  setStatus(status, "loading", "Summarizing…");
  try {
    const response = await fetch("/summarize", { method: "POST", ...request });
    if (!response.ok) throw new Error(await apiError(response));
    const brief = await response.json();
    state.request = { url: "/summarize?format=markdown", init: { method: "POST", ...request } };
    showBrief(brief);
    setStatus(status, "", "");
  } catch (err) {
    setStatus(status, "error", `Could not summarize: ${err.message}`);
  } finally {
    $("go").disabled = false;
  }
}

// --- the brief ---------------------------------------------------------------------------------

function sourceNumbers(brief) {
  const cited = new Set(brief.sentences.flatMap((s) => s.sources));
  const numbers = new Map();
  for (const a of brief.articles) if (cited.has(a.id)) numbers.set(a.id, numbers.size + 1);
  return numbers;
}

// The service names each article (outlet, site, file name or id); older briefs may lack the name.
function articleLabel(a) {
  return a.name || a.source || a.id;
}

function showBrief(brief) {
  state.brief = brief;
  const numbers = sourceNumbers(brief);
  const byId = new Map(brief.articles.map((a) => [a.id, a]));
  $("brief-title").textContent = brief.title || "Brief";
  const n = numbers.size;
  $("brief-meta").textContent = [brief.date, `${n} source${n === 1 ? "" : "s"}`, `method: ${brief.method}`]
    .filter(Boolean).join(" · ");

  $("sentences").replaceChildren(...brief.sentences.map((s, i) => {
    const cited = s.sources.filter((id) => numbers.has(id));
    const names = cited.map((id) => articleLabel(byId.get(id))).join(", ");
    return el("li", {}, el("button", { type: "button", class: "sentence", "data-index": String(i),
      "aria-pressed": "false", "aria-label": `${s.text} (sources: ${names})`, onclick: () => showSource(i) },
      el("span", { class: "sentence-text", text: s.text + (s.truncated ? " …" : "") }),
      el("span", { class: "cites", "aria-hidden": "true" }, ...cited.map((id) =>
        el("span", { class: "cite", title: articleLabel(byId.get(id)), text: String(numbers.get(id)) }))),
    ));
  }));

  $("sources").replaceChildren(...[...numbers.keys()].map((id) => {
    const a = byId.get(id);
    const name = el("span", { class: "source-name", text: articleLabel(a) });
    const extra = [a.title && a.title !== articleLabel(a) ? `“${a.title}”` : null, a.date].filter(Boolean).join(", ");
    return el("li", { value: String(numbers.get(id)) }, name, extra ? el("span", { class: "source-extra", text: extra }) : null);
  }));

  const skipped = brief.articles.filter((a) => a.status !== "used");
  $("not-used").hidden = skipped.length === 0;
  $("not-used-list").replaceChildren(...skipped.map((a) => el("li", {
    text: `${a.origin || a.id}: ${a.status === "duplicate" ? "duplicate of " + a.duplicate_of : "rejected: " + a.reason}`,
  })));

  $("source-view").replaceChildren(el("p", { class: "placeholder",
    text: "Select a sentence of the brief to see it here, in its source article, with the page furniture that was removed shown faded." }));
  $("result").hidden = false;
}

// --- a sentence in its source article ----------------------------------------------------------

function showSource(index) {
  const brief = state.brief;
  const s = brief.sentences[index];
  const article = brief.articles.find((a) => a.id === s.article);
  for (const b of document.querySelectorAll(".sentence")) {
    b.setAttribute("aria-pressed", String(Number(b.dataset.index) === index));
  }
  const view = $("source-view");
  const others = s.sources.filter((id) => id !== s.article).map((id) => articleLabel(brief.articles.find((a) => a.id === id)));
  view.replaceChildren(
    el("p", { class: "eyebrow", text: "Source article" }),
    el("h2", { text: article.title || articleLabel(article) }),
    el("p", { class: "meta", text: [articleLabel(article), article.date].filter(Boolean).join(" · ") }),
    others.length ? el("p", { class: "also", text: `Also reported by: ${others.join(", ")}` }) : null,
    el("div", { class: "legend" }, el("span", { class: "swatch mark-swatch" }), " the sentence ",
      el("span", { class: "swatch removed-swatch" }), " removed from the page"),
    articleBody(article, s.start, s.end),
  );
  const mark = view.querySelector("mark");
  if (!mark) return;
  if (window.matchMedia("(max-width: 900px)").matches) mark.scrollIntoView({ block: "center" }); // one column
  else view.scrollTop = Math.max(0, mark.offsetTop - view.clientHeight / 3);
}

// The body line by line, the sentence's span marked, each removed piece faded where it stood.
function articleBody(article, start, end) {
  const body = article.body || "";
  // a piece without a place (a stored story keeps no raw text) is shown first, in page order
  const removed = [...(article.removed || [])].sort((a, b) => (a.at ?? -1) - (b.at ?? -1) || a.line - b.line);
  const container = el("div", { class: "article-body" });
  let offset = 0;
  let r = 0;
  const flushRemoved = (upto) => {
    while (r < removed.length && (removed[r].at ?? -1) <= upto) {
      const piece = removed[r++];
      container.append(el("p", { class: "removed", title: `removed: ${piece.reason}` },
        el("span", { class: "reason", text: piece.reason }), piece.text));
    }
  };
  for (const line of body.split("\n")) {
    flushRemoved(offset);
    container.append(lineWithMark(line, offset, start, end));
    offset += line.length + 1;
  }
  flushRemoved(Infinity);
  return container;
}

function lineWithMark(line, offset, start, end) {
  const from = Math.max(start - offset, 0);
  const to = Math.min(end - offset, line.length);
  if (to <= from) return el("p", { text: line });
  return el("p", {}, line.slice(0, from), el("mark", { text: line.slice(from, to) }), line.slice(to));
}

// --- downloads ---------------------------------------------------------------------------------

function briefName() {
  return (state.brief.title || state.brief.id || "brief").toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 60);
}

async function downloadMarkdown() {
  if (!state.request) return;
  const status = $("status");
  try {
    const response = await fetch(state.request.url, state.request.init);
    if (!response.ok) throw new Error(await apiError(response));
    download(`${briefName()}.md`, await response.text(), "text/markdown");
  } catch (err) {
    setStatus(status, "error", `Could not download: ${err.message}`);
  }
}

function downloadJson() {
  if (state.brief) download(`${briefName()}.json`, JSON.stringify(state.brief, null, 2), "application/json");
}

// --- stories -----------------------------------------------------------------------------------

async function loadStories() {
  const status = $("stories-status");
  setStatus(status, "loading", "Loading stories…");
  try {
    const response = await fetch("/stories");
    if (!response.ok) throw new Error(await apiError(response));
    const { stories } = await response.json();
    $("stories-list").replaceChildren(...stories.map(storyItem));
    setStatus(status, "", stories.length ? "" : "The store holds no stories yet.");
  } catch (err) {
    $("stories-list").replaceChildren();
    setStatus(status, "error", `Could not load stories: ${err.message}`);
  }
}

function storyItem(story) {
  const count = story.articles;
  const when = story.date
    ? [story.date, story.last_date].filter((d, i, all) => d && all.indexOf(d) === i).join(" – ")
    : story.updated ? `updated ${String(story.updated).slice(0, 16).replace("T", " ")}` : null;
  const meta = [when, count != null ? `${count} article${count === 1 ? "" : "s"}` : null].filter(Boolean).join(" · ");
  const preview = ((story.brief && story.brief.summary) || "").split("\n")[0];
  return el("li", {}, el("button", { type: "button", class: "story", onclick: () => openStory(story.id) },
    el("span", { class: "story-main" }, el("span", { class: "story-title", text: story.title || story.id }),
      preview ? el("span", { class: "story-preview", text: preview }) : null),
    el("span", { class: "meta", text: meta })));
}

async function openStory(id) {
  const status = $("stories-status");
  setStatus(status, "loading", "Loading the brief…");
  try {
    const response = await fetch(`/stories/${encodeURIComponent(id)}`);
    if (!response.ok) throw new Error(await apiError(response));
    const story = await response.json();
    state.request = { url: `/stories/${encodeURIComponent(id)}?format=markdown`, init: {} };
    showBrief(story.brief);
    setStatus(status, "", "");
    selectTab("brief");
  } catch (err) {
    setStatus(status, "error", `Could not open the story: ${err.message}`);
  }
}

// --- tabs and start-up -------------------------------------------------------------------------

function selectTab(name) {
  for (const t of ["brief", "stories"]) {
    const on = t === name;
    $(`tab-${t}`).setAttribute("aria-selected", String(on));
    $(`tab-${t}`).tabIndex = on ? 0 : -1;
    $(`view-${t}`).hidden = !on;
  }
  if (name === "stories") loadStories();
}

async function loadMethods() {
  try {
    const response = await fetch("/health");
    if (!response.ok) return;
    const { methods } = await response.json();
    $("method").replaceChildren(...methods.map((m) => el("option", { value: m, text: m })));
    $("method").value = methods.includes("default") ? "default" : methods[0];
  } catch {
    // the default method stays; the summarize call will report a service that is down
  }
}

function wire() {
  $("input-form").addEventListener("submit", summarize);
  $("paste").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) $("input-form").requestSubmit();
  });
  const drop = $("drop");
  const input = $("file-input");
  drop.addEventListener("click", () => input.click());
  drop.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); }
  });
  input.addEventListener("change", () => { addFiles(input.files); input.value = ""; });
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); addFiles(e.dataTransfer.files); });
  $("dl-md").addEventListener("click", downloadMarkdown);
  $("dl-json").addEventListener("click", downloadJson);
  $("tab-brief").addEventListener("click", () => selectTab("brief"));
  $("tab-stories").addEventListener("click", () => selectTab("stories"));
  document.querySelector(".tabs").addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const next = $("tab-brief").getAttribute("aria-selected") === "true" ? "stories" : "brief";
    selectTab(next);
    $(`tab-${next}`).focus();
  });
  loadMethods();
}

document.addEventListener("DOMContentLoaded", wire);
