// The page for secretaries: choose a document, fill the form, check, preview, download.
// Plain script, no build step; the form is json-editor over the server's form schema.
"use strict";
(function () {
  const state = { lang: localStorage.getItem("docgenLang") || "zh", template: null,
    bundle: null, editor: null, seq: 0, timer: null, job: null, events: null };
  const $ = (id) => document.getElementById(id);
  const W = () => window.DOCGEN_WORDS[state.lang];
  const csrf = document.querySelector('meta[name="csrf-token"]').content;

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
  }

  async function api(path, options) {
    const opts = options || {};
    const headers = { "Accept-Language": state.lang, "X-CSRF-Token": csrf };
    let body;
    if (opts.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      body = opts.form;
    }
    if (opts.accept) headers.Accept = opts.accept;
    return fetch(path, { method: opts.method || (body ? "POST" : "GET"), headers, body,
      signal: opts.signal });
  }

  async function errorText(resp) {
    try {
      const body = await resp.json();
      const lines = [body.error.message];
      for (const p of body.error.problems || []) {
        lines.push((p.field ? p.field + "：" : "") + p.message);
      }
      return lines.join("\n");
    } catch (e) {
      return resp.status + " " + resp.statusText;
    }
  }

  async function download(resp) {
    const header = resp.headers.get("Content-Disposition") || "";
    const match = /filename\*=UTF-8''([^;]+)/.exec(header);
    const name = match ? decodeURIComponent(match[1]) : "document";
    const url = URL.createObjectURL(await resp.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return name;
  }

  function show(view) {
    for (const id of ["choose-view", "fill-view", "bundle-view"]) $(id).hidden = id !== view;
  }

  function translatePage() {
    document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
    for (const el of document.querySelectorAll("[data-i18n]")) {
      el.textContent = W()[el.dataset.i18n];
    }
    $("lang-switch").textContent = W().switchTo;
    if (window.JSONEditor) JSONEditor.defaults.language = state.lang;
  }

  // ---- Choose ----------------------------------------------------------------------------
  async function loadGallery() {
    const [templates, bundles] = await Promise.all([
      api("/api/templates").then((r) => r.json()),
      api("/api/bundles").then((r) => r.json()),
    ]);
    const gallery = $("gallery");
    gallery.textContent = "";
    const groups = { plans: [], reports: [], speeches: [] };
    for (const t of templates) (groups[t.genre] || (groups[t.genre] = [])).push(t);
    for (const [genre, items] of Object.entries(groups)) {
      gallery.appendChild(group(W().genres[genre] || genre, items.map((t) =>
        card(t.title, t.description, t.thumbnail, { template: t.name }, () => openTemplate(t.name, t.title)))));
    }
    gallery.appendChild(group(W().genres.bundles, bundles.map((b) =>
      card(b.title, b.description, b.thumbnail, { bundle: b.name }, () => openBundle(b)))));
  }

  function group(title, cards) {
    const section = document.createElement("section");
    section.className = "genre";
    const h = document.createElement("h2");
    h.textContent = title;
    const grid = document.createElement("div");
    grid.className = "cards";
    cards.forEach((c) => grid.appendChild(c));
    section.append(h, grid);
    return section;
  }

  function card(title, description, thumbnail, data, onClick) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "card";
    Object.assign(button.dataset, data);
    if (thumbnail) {
      const img = document.createElement("img");
      img.loading = "lazy";
      img.alt = title;
      img.src = thumbnail;
      button.appendChild(img);
    }
    const strong = document.createElement("strong");
    strong.textContent = title;
    const span = document.createElement("span");
    span.textContent = description;
    button.append(strong, span);
    button.addEventListener("click", onClick);
    return button;
  }

  // ---- Fill ------------------------------------------------------------------------------
  async function openTemplate(name, title, startval) {
    state.template = name;
    $("fill-title").textContent = title;
    show("fill-view");
    const [detail, schema] = await Promise.all([
      api("/api/templates/" + name).then((r) => r.json()),
      api("/api/templates/" + name + "/form-schema").then((r) => r.json()),
    ]);
    makeEditor(schema, startval !== undefined ? startval : detail.example || {});
  }

  // json-editor hides optional fields that hold no value; a form shows every field, so
  // "required" is kept aside (as x-required, for the label's mark) and all are shown.
  function showAll(node) {
    if (Array.isArray(node)) return node.map(showAll);
    if (!node || typeof node !== "object") return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      out[key === "required" && Array.isArray(value) ? "x-required" : key] =
        key === "enum" ? value : showAll(value);
    }
    return out;
  }

  // json-editor joins a field's messages with ". " and ends them with "."; ours are whole
  // sentences already (Chinese ones end without a Western full stop), so show them as given.
  const themeProto = JSONEditor.defaults.themes.html.prototype;
  const addInputError = themeProto.addInputError;
  themeProto.addInputError = function (input, text) {
    const lines = text.replace(/\.$/, "").split(". ");
    return addInputError.call(this, input, lines.join(state.lang === "zh" ? "；" : ". "));
  };

  function makeEditor(rawSchema, startval) {
    const schema = showAll(rawSchema);
    if (state.editor) state.editor.destroy();
    $("problems").textContent = "";
    $("preview").textContent = "";
    state.editor = new JSONEditor($("form"), {
      schema, startval, theme: "html", iconlib: null, disable_edit_json: true,
      disable_properties: true, show_errors: "never", remove_empty_properties: true,
      prompt_before_delete: false, use_default_values: false, required_by_default: true,
      no_additional_properties: true, disable_array_delete_last_row: true,
      disable_array_delete_all_rows: true, array_controls_top: false,
    });
    window.__docgenEditor = state.editor;
    state.editor.on("ready", () => scheduleCheck(0));
    state.editor.on("change", () => scheduleCheck(700));
  }

  function scheduleCheck(delay) {
    clearTimeout(state.timer);
    state.timer = setTimeout(check, delay);
  }

  async function check() {
    const seq = ++state.seq;
    const data = state.editor.getValue();
    const resp = await api("/api/validate", { json: { template: state.template, data } });
    if (seq !== state.seq) return;
    const result = await resp.json();
    showProblems(result.problems || []);
    if (result.ok) preview(seq, data);
    else $("preview-status").textContent = W().previewBlocked;
  }

  function showProblems(problems) {
    const box = $("problems");
    box.textContent = "";
    const errors = problems.filter((p) => p.severity === "error");
    const warnings = problems.filter((p) => p.severity === "warning");
    state.editor.showValidationErrors(errors.map((p) => ({
      path: "root" + (p.field ? "." + p.field.replace(/\[(\d+)\]/g, ".$1") : ""),
      property: p.code, message: p.message,
    })));
    for (const [items, cls, head] of [[errors, "error", W().errors], [warnings, "warning", W().warnings]]) {
      if (!items.length) continue;
      const list = document.createElement("ul");
      list.className = "problems " + cls;
      const title = document.createElement("li");
      title.className = "head";
      title.textContent = head;
      list.appendChild(title);
      for (const p of items) {
        const li = document.createElement("li");
        li.dataset.code = p.code;
        li.dataset.field = p.field || "";
        li.textContent = (p.field ? p.field + "：" : "") + p.message + " [" + p.code + "]";
        list.appendChild(li);
      }
      box.appendChild(list);
    }
    if (!problems.length) {
      const ok = document.createElement("p");
      ok.className = "ok";
      ok.textContent = W().noProblems;
      box.appendChild(ok);
    }
  }

  async function preview(seq, data) {
    $("preview-status").textContent = W().previewing;
    const resp = await api("/api/preview", { json: { template: state.template, data } });
    if (seq !== state.seq) return;
    if (!resp.ok) {
      $("preview-status").textContent = await errorText(resp);
      return;
    }
    const result = await resp.json();
    const box = $("preview");
    box.textContent = "";
    result.pages.forEach((src, i) => {
      const img = document.createElement("img");
      img.src = src;
      img.alt = (state.lang === "zh" ? "第 " + (i + 1) + " 页" : "page " + (i + 1));
      img.className = "page";
      box.appendChild(img);
    });
    $("preview-status").textContent = fill(W().previewReady, { n: result.pages.length });
  }

  async function getDocument(format) {
    const status = $("preview-status");
    status.textContent = W().working;
    const resp = await api("/api/render", {
      json: { template: state.template, data: state.editor.getValue(), format } });
    status.textContent = resp.ok ? W().done + "：" + (await download(resp)) : await errorText(resp);
  }

  async function loadDataFile(input) {
    const file = input.files[0];
    if (!file) return;
    const form = new FormData();
    form.append("file", file);
    const resp = await api("/api/data/parse", { form });
    const result = await resp.json();
    if (!resp.ok) {
      $("problems").textContent = await errorText(resp);
      return;
    }
    if (result.data) {
      state.editor.setValue(result.data);
      $("preview-status").textContent = fill(W().loaded, { name: file.name });
    } else {
      showProblems(result.problems);
    }
    input.value = "";
  }

  async function saveData(format) {
    const detail = await api("/api/templates/" + state.template).then((r) => r.json());
    const resp = await api("/api/data/export", {
      json: { kind: detail.kind, data: state.editor.getValue(), format } });
    $("preview-status").textContent = resp.ok ? W().done + "：" + (await download(resp)) : await errorText(resp);
  }

  // ---- Bundles and batch -----------------------------------------------------------------
  function openBundle(info) {
    state.bundle = info.name;
    $("bundle-title").textContent = info.title;
    $("bundle-description").textContent = info.description;
    $("bundle-status").textContent = "";
    show("bundle-view");
  }

  async function getBundle(packageKind) {
    const file = $("bundle-file").files[0];
    const status = $("bundle-status");
    if (!file) {
      status.textContent = W().chooseFile;
      return;
    }
    status.textContent = W().working;
    const form = new FormData();
    form.append("file", file);
    form.append("package", packageKind);
    const resp = await api("/api/bundles/" + state.bundle, { form });
    status.textContent = resp.ok ? W().done + "：" + (await download(resp)) : await errorText(resp);
  }

  async function startBatch() {
    const roster = $("batch-roster").files[0];
    const status = $("batch-status");
    if (!roster) {
      status.textContent = W().chooseFile;
      return;
    }
    const form = new FormData();
    form.append("bundle", state.bundle);
    form.append("roster", roster);
    for (const f of $("batch-files").files) form.append("files", f);
    const resp = await api("/api/jobs", { form });
    if (resp.status !== 202) {
      status.textContent = await errorText(resp);
      return;
    }
    follow(await resp.json());
  }

  function follow(job) {
    state.job = job;
    $("batch-progress").hidden = false;
    $("batch-cancel").hidden = false;
    $("batch-links").hidden = true;
    if (state.events) state.events.close();
    state.events = new EventSource(job.events_url);
    state.events.onmessage = (event) => {
      const now = JSON.parse(event.data);
      const bar = $("batch-progress");
      bar.max = Math.max(now.total, 1);
      bar.value = now.done;
      $("batch-status").textContent = fill(W().batchProgress, now);
      if (["done", "failed", "cancelled"].includes(now.status)) {
        state.events.close();
        $("batch-cancel").hidden = true;
        if (now.status === "done") {
          $("batch-status").textContent = fill(W().batchDone,
            { total: now.total, failed: now.failed_rows.length });
          $("batch-result").href = now.result_url;
          $("batch-report").href = now.report_url;
          $("batch-links").hidden = false;
        } else {
          $("batch-status").textContent = now.status === "cancelled" ? W().batchCancelled : now.message;
        }
      }
    };
  }

  async function cancelBatch() {
    if (state.job) await api("/api/jobs/" + state.job.id, { method: "DELETE" });
  }

  // ---- Wiring ----------------------------------------------------------------------------
  $("lang-switch").addEventListener("click", async () => {
    state.lang = state.lang === "zh" ? "en" : "zh";
    localStorage.setItem("docgenLang", state.lang);
    translatePage();
    await loadGallery();
    if (!$("fill-view").hidden && state.editor) {
      await openTemplate(state.template, $("fill-title").textContent, state.editor.getValue());
    }
  });
  for (const id of ["home", "back", "bundle-back"]) {
    $(id).addEventListener("click", (e) => { e.preventDefault(); show("choose-view"); });
  }
  $("get-docx").addEventListener("click", () => getDocument("docx"));
  $("get-pdf").addEventListener("click", () => getDocument("pdf"));
  $("data-file").addEventListener("change", (e) => loadDataFile(e.target));
  $("save-yaml").addEventListener("click", () => saveData("yaml"));
  $("save-xlsx").addEventListener("click", () => saveData("xlsx"));
  $("bundle-zip").addEventListener("click", () => getBundle("zip"));
  $("bundle-merged").addEventListener("click", () => getBundle("merged"));
  $("batch-start").addEventListener("click", startBatch);
  $("batch-cancel").addEventListener("click", cancelBatch);
  translatePage();
  loadGallery();
})();
