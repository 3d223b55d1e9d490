// Gaikan's inspection page: no build step, no external files; everything it needs comes from this server.
"use strict";

const token = new URLSearchParams(location.search).get("token");
const headers = token ? {"Authorization": "Bearer " + token} : {};
const state = {model: null, entries: [], threshold: 0.5, band: null};
const $ = id => document.getElementById(id);

function fmt(x, digits = 3) {
  return x === null || x === undefined || Number.isNaN(x) ? "" : Number(x).toFixed(digits);
}

function hasDefectScore() {
  return state.model && state.model.normal_classes.length > 0;
}

function verdictOf(entry) {
  if (entry.error) return "ERROR";
  if (entry.defect_score === undefined) return "";
  const s = entry.defect_score;
  if (state.band) return s < state.band[0] ? "OK" : s >= state.band[1] ? "NG" : "REVIEW";
  return s >= state.threshold ? "NG" : "OK";
}

async function loadModel() {
  const r = await fetch("v1/model", {headers});
  const m = await r.json();
  if (!r.ok) { $("model-info").textContent = "error: " + m.error; return; }
  state.model = m;
  $("model-name").textContent = m.run;
  const acc = m.metrics && m.metrics.accuracy !== undefined ? `, test accuracy ${fmt(100 * m.metrics.accuracy, 1)} % on ${m.metrics.count} images` : "";
  $("model-info").textContent = `${m.model} (${m.method}) at ${m.input_size} px; classes ${m.classes.join(", ")}` +
      (m.normal_classes.length ? `; normal: ${m.normal_classes.join(", ")}` : "; no normal classes (no defect score)") + acc;
  if (hasDefectScore()) {
    $("threshold-panel").hidden = false;
    state.threshold = m.threshold !== null ? m.threshold : 0.5;
    $("threshold").value = state.threshold;
    if (m.review_band) {
      $("use-band").checked = true;
      $("band-low").value = m.review_band[0];
      $("band-high").value = m.review_band[1];
    }
    readControls();
  }
}

function readControls() {
  state.threshold = Number($("threshold").value);
  $("threshold-value").textContent = fmt(state.threshold);
  const low = Number($("band-low").value), high = Number($("band-high").value);
  state.band = $("use-band").checked && low <= high ? [low, high] : null;
  $("threshold").disabled = state.band !== null;
  drawCurve();
  refreshVerdicts();
}

function curvePointAt(t) {
  const pts = state.model.operating_curve || [];
  let at = null;
  for (const p of pts) if (p.threshold <= t) at = p;
  return at;
}

function drawCurve() {
  const svg = $("curve");
  const pts = state.model.operating_curve;
  const W = 320, H = 240, L = 44, B = 34, T = 10, R = 10;
  const x = v => L + v * (W - L - R), y = v => H - B - v * (H - B - T);
  let s = `<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - B - T}" fill="#fafafa" stroke="#ccc"/>`;
  for (const v of [0, 0.5, 1]) {
    s += `<text x="${x(v)}" y="${H - B + 14}" font-size="10" text-anchor="middle">${v}</text>`;
    s += `<text x="${L - 6}" y="${y(v) + 3}" font-size="10" text-anchor="end">${v}</text>`;
  }
  s += `<text x="${(L + W - R) / 2}" y="${H - 6}" font-size="11" text-anchor="middle">over-detection rate</text>`;
  s += `<text x="12" y="${(T + H - B) / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${(T + H - B) / 2})">miss rate</text>`;
  if (!pts || pts.length === 0) {
    s += `<text x="${(L + W) / 2}" y="${H / 2}" font-size="11" text-anchor="middle">no operating curve in the run</text>`;
    svg.innerHTML = s;
    $("at-threshold").textContent = "";
    return;
  }
  s += `<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="${pts.map(p => x(p.over_detection_rate) + "," + y(p.miss_rate)).join(" ")}"/>`;
  const marks = state.band ? [state.band[0], state.band[1]] : [state.threshold];
  for (const t of marks) {
    const p = curvePointAt(t);
    if (p) s += `<circle cx="${x(p.over_detection_rate)}" cy="${y(p.miss_rate)}" r="5" fill="#c62828"/>`;
  }
  svg.innerHTML = s;
  const p = curvePointAt(state.threshold);
  const n = state.model.metrics ? state.model.metrics.count : "";
  $("at-threshold").textContent = state.band ? "review band: the two dots are its ends on the run's test curve"
      : p ? `on the run's ${n} test images at ${fmt(state.threshold)}: miss rate ${fmt(100 * p.miss_rate, 1)} %, over-detection ${fmt(100 * p.over_detection_rate, 1)} %` : "";
}

function refreshVerdicts() {
  const counts = {OK: 0, NG: 0, REVIEW: 0, ERROR: 0};
  for (const e of state.entries) {
    const v = verdictOf(e);
    if (v in counts) counts[v]++;
    for (const el of document.querySelectorAll(`[data-entry="${e.n}"] .verdict`)) {
      el.textContent = v || "—";
      el.className = "verdict " + v;
      el.closest("[data-entry]").dataset.verdict = v;
    }
  }
  $("counts").innerHTML = Object.entries(counts).filter(([k, v]) => v > 0 || k !== "ERROR")
      .map(([k, v]) => `<span class="verdict ${k}">${k}</span> ${v}`).join(" &nbsp; ");
}

function addEntry(entry) {
  state.entries.push(entry);
  const card = document.createElement("div");
  card.className = "card" + (entry.error ? " error" : "");
  card.dataset.entry = entry.n;
  const name = document.createElement("div");
  name.className = "name";
  name.textContent = `${entry.n}. ${entry.name}`;
  card.appendChild(name);
  const pair = document.createElement("div");
  pair.className = "pair";
  const img = document.createElement("img");
  img.src = entry.url;
  img.alt = entry.name;
  pair.appendChild(img);
  if (entry.heatmap) {
    const map = document.createElement("img");
    map.src = "data:image/png;base64," + entry.heatmap;
    map.alt = "heat map of " + entry.name;
    map.className = "heatmap";
    pair.appendChild(map);
  }
  card.appendChild(pair);
  const line = document.createElement("div");
  if (entry.error) {
    line.textContent = "error: " + entry.error;
  } else {
    line.innerHTML = `<span class="verdict"></span> <b class="label"></b> ${fmt(entry.probability)}` +
        (entry.defect_score !== undefined ? ` · defect score <span class="score">${fmt(entry.defect_score, 4)}</span>` : "");
    line.querySelector(".label").textContent = entry.label;
  }
  card.appendChild(line);
  $("cards").prepend(card);

  const row = document.createElement("tr");
  row.dataset.entry = entry.n;
  for (const v of [entry.n, entry.name, entry.label || "", fmt(entry.probability), fmt(entry.defect_score, 4)]) {
    const td = document.createElement("td");
    td.textContent = v;
    row.appendChild(td);
  }
  const td = document.createElement("td");
  td.innerHTML = `<span class="verdict"></span>`;
  row.appendChild(td);
  document.querySelector("#results tbody").appendChild(row);
  $("csv").disabled = false;
}

async function classify(files) {
  const images = files.filter(f => f.type === "" || f.type.startsWith("image/"));
  const chunk = 4;
  let done = 0;
  for (let i = 0; i < images.length; i += chunk) {
    const part = images.slice(i, i + chunk);
    $("status").textContent = `classifying ${done + 1}-${done + part.length} of ${images.length}…`;
    const form = new FormData();
    part.forEach(f => form.append("image", f, f.webkitRelativePath || f.name));
    const heat = $("want-heatmaps").checked ? 1 : 0;
    let answer;
    try {
      const r = await fetch(`v1/classify?heatmap=${heat}`, {method: "POST", body: form, headers});
      answer = await r.json();
      if (!r.ok) throw new Error(answer.error || r.statusText);
    } catch (err) {
      if (part.length > 1) {  // one bad image refuses its whole request: send them one by one to name it
        for (const f of part) await classify([f]);
        done += part.length;
        continue;
      }
      addEntry({n: state.entries.length + 1, name: part[0].name, url: URL.createObjectURL(part[0]), error: err.message});
      done += 1;
      continue;
    }
    answer.results.forEach((res, k) => addEntry({
      n: state.entries.length + 1, name: res.name, url: URL.createObjectURL(part[k]), label: res.label,
      probability: res.probability, defect_score: res.defect_score, heatmap: res.heatmap_png, server_verdict: res.verdict,
    }));
    done += part.length;
    refreshVerdicts();
  }
  refreshVerdicts();
  $("status").textContent = `${state.entries.length} images classified since the page was opened`;
}

async function filesFromDrop(items) {
  const out = [];
  const walk = entry => new Promise(resolve => {
    if (entry.isFile) {
      entry.file(f => { out.push(f); resolve(); }, () => resolve());
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      const all = [];
      const next = () => reader.readEntries(async batch => {
        if (batch.length === 0) { for (const e of all) await walk(e); resolve(); } else { all.push(...batch); next(); }
      }, () => resolve());
      next();
    } else resolve();
  });
  const entries = [...items].map(i => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
  for (const e of entries) await walk(e);
  return out;
}

function downloadCsv() {
  const quote = v => /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  const lines = [["n", "image", "class", "probability", "defect_score", "verdict", "threshold", "review_band", "error"].join(",")];
  for (const e of state.entries) {
    lines.push([e.n, e.name, e.label || "", fmt(e.probability, 6), fmt(e.defect_score, 6), verdictOf(e),
      state.band ? "" : fmt(state.threshold, 4), state.band ? state.band.join(" ") : "", e.error || ""].map(quote).join(","));
  }
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], {type: "text/csv"}));
  a.download = "gaikan-verdicts.csv";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

$("files").addEventListener("change", e => classify([...e.target.files]));
$("folder").addEventListener("change", e => classify([...e.target.files]));
$("threshold").addEventListener("input", readControls);
for (const id of ["use-band", "band-low", "band-high"]) $(id).addEventListener("input", readControls);
$("csv").addEventListener("click", downloadCsv);
const drop = $("drop");
drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", async e => {
  e.preventDefault();
  drop.classList.remove("over");
  const files = e.dataTransfer.items ? await filesFromDrop(e.dataTransfer.items) : [...e.dataTransfer.files];
  classify(files);
});
loadModel();
