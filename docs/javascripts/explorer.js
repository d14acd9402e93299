// The explorer page: read the inputs, recompute the epoch for the chosen network,
// show every number, draw the network and the error curve, run the presets.
// Arithmetic: backprop.js. Starting values and presets: the page's JSON, which
// the build computes from snippets/ (hooks/page_numbers_json.py).
import { linear, sigmoid, step, train } from "./backprop.js";

const DATA = JSON.parse(document.getElementById("page-numbers").textContent);
const NETS = { linear, sigmoid };
const MAX_EPOCHS = 10000;
// What each network shows beyond the weights, and to how many decimals.
const SHOWN = {
  linear: ["h1", "h2", "y_hat", "E", "delta", "dE_dh1", "dE_dh2"],
  sigmoid: ["h1", "h2", "o1", "o2", "E", "delta_o1", "delta_o2", "dE_dh1", "dE_dh2",
    "delta_h1", "delta_h2"],
};
const DECIMALS = { h1: 4, h2: 4, y_hat: 4, delta: 4 }; // the linear chapters' rounding
const SVG = "http://www.w3.org/2000/svg";

const $ = (selector) => document.querySelector(selector);
const form = $("form.explorer");
const alert = $(".explorer-alert");
const outputs = $(".explorer-outputs");
const summary = $(".explorer-summary"); // read out after each change
const rule = $(".explorer-rule");
const caption = $(".explorer-curve-caption");
let net = "linear";
let last = null; // the last valid parameters, and what they gave
let active = null; // the edge focused or pointed at
const hint = rule.textContent;

const names = (network = net) => Object.keys(DATA.networks[network]);
const learns = (p) => NETS[net].learns({ ...p, train_biases: true });

function parse(name, text) {
  const t = String(text).trim();
  if (t === "") return { error: `${name} is empty` };
  const value = Number(t);
  if (Number.isNaN(value)) return { error: `${name}: “${t}” is not a number` };
  if (!Number.isFinite(value)) return { error: `${name}: ${t} is too large to compute with` };
  if (name === "epochs" && !(Number.isInteger(value) && value >= 1 && value <= MAX_EPOCHS)) {
    return { error: `epochs must be a whole number from 1 to ${MAX_EPOCHS}` };
  }
  return { value };
}

function read(source, network = net) {
  const p = { loss: form.elements.loss.value, train_biases: form.elements.train_biases.checked };
  const errors = [];
  const bad = new Set();
  for (const name of names(network)) {
    const { value, error } = parse(name, source(name));
    if (error) {
      errors.push(error);
      bad.add(name);
    } else p[name] = value;
  }
  return { p, errors, bad };
}

function rounded(name, value) {
  if (!Number.isFinite(value)) return "not computable";
  if (name === "E_final") return value.toExponential(3);
  const decimals = net === "sigmoid" ? 9 : DECIMALS[name] ?? 6;
  const fixed = value.toFixed(decimals);
  // Too large, or too small to show a digit: powers of ten, not a wide row of zeros.
  return Math.abs(value) >= 1e5 || (value !== 0 && Number(fixed) === 0)
    ? value.toExponential(4) : fixed;
}

function show(el, name, value) {
  const ok = Number.isFinite(value);
  el.textContent = value === undefined ? "" : rounded(name, value);
  if (ok) el.dataset.exact = String(value);
  else el.removeAttribute("data-exact");
  return ok || value === undefined;
}

function compute(p) {
  const N = NETS[net];
  const g = N.backward(p);
  const next = step(N, p);
  const values = Object.fromEntries(SHOWN[net].map((k) => [k, g[k]]));
  for (const w of learns(p)) {
    values[`grad_${w}`] = g[`grad_${w}`];
    values[`${w}_next`] = next[w];
  }
  const after = N.forward(next);
  values.E_next = after.E;
  if (net === "linear") values.y_hat_next = after.y_hat;
  return { values, g, run: train(N, p, p.epochs) };
}

const span = (errors) => [Math.min(...errors), Math.max(...errors)].map((E) => E.toPrecision(4));

function outcome(run, epochs) {
  const { errors, diverged } = run;
  if (diverged !== null) {
    return `training diverges: the error grows without bound after ${diverged} ` +
      `epoch${diverged === 1 ? "" : "s"} (lower η)`;
  }
  if (run.oscillates) {
    const [lo, hi] = span(errors.slice(-11));
    return `the error no longer falls: it swings between ${lo} and ${hi} (η is past ` +
      "its limit)";
  }
  const [E0, E] = [errors[0], errors[errors.length - 1]].map((v) => v.toPrecision(4));
  return `${E0 === E ? "the error stays at" : `the error falls from ${E0} to`} ${E} ` +
    `over ${epochs} epoch${epochs === 1 ? "" : "s"}`;
}

function update() {
  const { p, errors, bad } = read((name) => form.elements[name].value);
  for (const name of names()) form.elements[name].setAttribute("aria-invalid", bad.has(name));
  if (errors.length) {
    say(`Not recomputed: ${errors.join("; ")}. The numbers below are for the last valid inputs.`);
    outputs.classList.add("stale");
    return;
  }
  const { values, g, run } = compute(p);
  const lost = [];
  for (const el of outputs.querySelectorAll("[data-value]")) {
    const name = el.dataset.value;
    if (name !== "E_final" && !show(el, name, values[name])) lost.push(name);
  }
  const problems = lost.length ? [`${lost.join(", ")} not computable (too large)`] : [];
  const final = outputs.querySelector('[data-value="E_final"]');
  const said = outcome(run, p.epochs);
  if (run.diverged !== null) {
    final.textContent = "grows without bound";
    final.removeAttribute("data-exact");
  } else show(final, "E_final", run.errors[run.errors.length - 1]);
  if (run.diverged !== null || run.oscillates) problems.unshift(said);
  say(problems.length ? `${problems.join("; ")}.` : "");
  summary.textContent = (net === "linear" ? `ŷ ${rounded("y_hat", g.y_hat)}, `
    : `o1 ${rounded("o1", g.o1)}, o2 ${rounded("o2", g.o2)}, `) +
    `E ${rounded("E", g.E)}; after one update E ${rounded("E_next", values.E_next)}. ` +
    `Training: ${said}.`;
  caption.textContent = `The error after each epoch: ${said}.`;
  outputs.classList.remove("stale");
  last = { p, g };
  history.replaceState(null, "", hash());
  drawNetwork(p, g);
  drawCurve(run.errors.filter(Number.isFinite), form.elements.log.checked);
}

function hash() {
  const fields = net === "linear" ? [] : [["network", net], ["loss", form.elements.loss.value],
    ["train_biases", Number(form.elements.train_biases.checked)]];
  for (const n of names()) fields.push([n, form.elements[n].value.trim()]);
  return `#${fields.map(([k, v]) => `${k}=${v}`).join("&")}`;
}

function say(message) {
  alert.textContent = message;
}

// Show the chosen network's fields, rows and labels, and its numbers.
function choose(network, p, loss = "squared", biases = false) {
  net = network;
  form.elements.network.value = network;
  form.elements.loss.value = loss;
  form.elements.train_biases.checked = biases;
  for (const el of document.querySelectorAll("[data-network]")) {
    el.hidden = el.dataset.network !== network;
  }
  for (const name of names()) form.elements[name].value = String(p[name]);
  active = null;
  rule.textContent = hint;
}

function start(network) {
  choose(network, DATA.networks[network]);
  update();
}

const short = (value, digits = 4) =>
  Number.isFinite(value) ? String(Number(value.toPrecision(digits))) : "—";

function el(tag, attrs, parent, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  parent.appendChild(node);
  return node;
}

// Units by column, and each weight's edge: [from, to, where its label sits].
const LAYOUT = {
  linear: {
    units: { i1: [40, 40], i2: [40, 170], h1: [250, 40], h2: [250, 170], y_hat: [440, 105] },
    edges: { w1: ["i1", "h1", 0.5, -8], w2: ["i2", "h1", 0.25, -8], w3: ["i1", "h2", 0.25, 16],
      w4: ["i2", "h2", 0.5, 16], w5: ["h1", "y_hat", 0.5, -8], w6: ["h2", "y_hat", 0.5, 16] },
  },
  sigmoid: {
    units: { i1: [30, 40], i2: [30, 170], h1: [240, 40], h2: [240, 170], o1: [450, 40],
      o2: [450, 170] },
    edges: { w1: ["i1", "h1", 0.5, -8], w2: ["i2", "h1", 0.2, -8], w3: ["i1", "h2", 0.2, 16],
      w4: ["i2", "h2", 0.5, 16], w5: ["h1", "o1", 0.5, -8], w6: ["h2", "o1", 0.64, 0],
      w7: ["h1", "o2", 0.64, 10], w8: ["h2", "o2", 0.5, 16] },
  },
};
const NAME = { y_hat: "ŷ" };

// Upstream (the gradient at the unit an edge feeds, or at its net input) times
// local (the value that comes in on the edge) is the edge's gradient. Names are
// [letter, subscript].
function explain(w, p, g) {
  const [from, to] = LAYOUT[net].edges[w];
  const lin = net === "linear";
  const out = to === "y_hat";
  const at = lin ? (out ? ["ŷ", ""] : [to[0], to[1]]) : ["z", to];
  return {
    w: ["w", w[1]], from: [from[0], from[1]], at,
    upName: lin ? (out ? ["Δ", ""] : [`∂E/∂${to[0]}`, to[1]]) : ["δ", to],
    up: lin ? (out ? g.delta : g[`dE_d${to}`]) : g[`delta_${to}`],
    local: from[0] === "i" ? p[from] : g[from], gradient: g[`grad_${w}`],
  };
}

const plain = ([a, b]) => a + b;
const html = ([a, b]) => (b ? `${a}<sub>${b}</sub>` : a);

function describe(r) {
  return `${plain(r.w)}: ∂E/∂${plain(r.w)} = upstream ${plain(r.upName)} ${short(r.up, 6)} ` +
    `times local ${plain(r.from)} ${short(r.local, 6)} = ${short(r.gradient, 6)}`;
}

function showRule() {
  if (!active || !last) return;
  const r = explain(active, last.p, last.g);
  const out = (role, v) => `<output data-rule="${role}" data-exact="${v}">${short(v, 6)}</output>`;
  const [w, at, up] = [html(r.w), html(r.at), html(r.upName)];
  const named = up.startsWith("∂") ? up : `${up} = ∂E/∂${at}`;
  rule.innerHTML = `∂E/∂${w} = upstream × local = ${up} × ${html(r.from)} = ` +
    `${out("upstream", r.up)} × ${out("local", r.local)} = ${out("gradient", r.gradient)}` +
    `<br><small>upstream: ${named}, the gradient that arrives from the right; local: ` +
    `∂${at}/∂${w} = ${html(r.from)}, the value that comes in on the edge.</small>`;
  for (const edge of document.querySelectorAll("[data-edge]")) {
    edge.classList.toggle("active", edge.dataset.edge === active);
  }
}

function drawNetwork(p, g) {
  const svg = $(".explorer-network");
  svg.replaceChildren();
  const { units, edges } = LAYOUT[net];
  const value = (u) => (u[0] === "i" ? p[u] : g[u]);
  for (const [w, [a, b, t, dy]] of Object.entries(edges)) {
    const [[x0, y0], [x1, y1]] = [units[a], units[b]];
    const edge = el("g", { class: "edge", tabindex: 0, role: "img", "data-edge": w,
      "aria-label": describe(explain(w, p, g)) }, svg);
    el("line", { x1: x0, y1: y0, x2: x1, y2: y1, class: "line" }, edge);
    el("line", { x1: x0, y1: y0, x2: x1, y2: y1, class: "hit" }, edge);
    el("text", { x: x0 + t * (x1 - x0), y: y0 + t * (y1 - y0) + dy, class: "label" }, edge,
      `${w} ${short(p[w], 3)}  ∂ ${short(g[`grad_${w}`], 3)}`);
    for (const kind of ["focus", "mouseenter"]) {
      edge.addEventListener(kind, () => { active = w; showRule(); });
    }
  }
  for (const [name, [x, y]] of Object.entries(units)) {
    el("circle", { cx: x, cy: y, r: 26, class: "unit" }, svg);
    el("text", { x, y: y - 3, class: "name" }, svg, NAME[name] ?? name);
    el("text", { x, y: y + 12, class: "value" }, svg, short(value(name)));
  }
  if (net === "sigmoid") {
    el("text", { x: 240, y: 112, class: "value" }, svg, `b1 ${short(p.b1)}`);
    el("text", { x: 450, y: 112, class: "value" }, svg, `b2 ${short(p.b2)}`);
  }
  showRule();
}

function drawCurve(all, log) {
  const svg = $(".explorer-curve");
  svg.replaceChildren();
  if (!all.length) return;
  const every = Math.ceil(all.length / 500); // a point per pixel is plenty
  const errors = all.filter((_, k) => k % every === 0 || k === all.length - 1);
  const epochOf = (k) => Math.min(k * every, all.length - 1);
  const [W, H, left, bottom] = [480, 200, 56, 28];
  const ys = errors.map((E) => (log ? Math.log10(Math.max(E, 1e-300)) : E));
  const lo = log ? Math.min(...ys) : 0;
  const hi = Math.max(...ys, lo + 1e-12);
  const x = (k) => left + (epochOf(k) / Math.max(all.length - 1, 1)) * (W - left - 8);
  const y = (v) => 8 + (1 - (v - lo) / (hi - lo)) * (H - bottom - 8);
  el("line", { x1: left, y1: H - bottom, x2: W - 8, y2: H - bottom, class: "axis" }, svg);
  el("line", { x1: left, y1: 8, x2: left, y2: H - bottom, class: "axis" }, svg);
  el("polyline", { points: ys.map((v, k) => `${x(k)},${y(v)}`).join(" "), class: "curve" }, svg);
  const tick = (v) => (log ? `1e${Math.round(v)}` : v.toPrecision(2));
  el("text", { x: left - 4, y: 14, class: "tick end" }, svg, tick(hi));
  el("text", { x: left - 4, y: H - bottom, class: "tick end" }, svg, tick(lo));
  el("text", { x: left, y: H - 8, class: "tick" }, svg, "0");
  el("text", { x: W - 8, y: H - 8, class: "tick end" }, svg, `epoch ${all.length - 1}`);
  svg.setAttribute("aria-label", `Error against epoch over ${all.length - 1} epochs` +
    `${log ? ", log scale" : ""}: from ${all[0].toPrecision(4)} to ` +
    `${all[all.length - 1].toPrecision(4)}.`);
}

function fromHash() {
  const fields = new URLSearchParams(location.hash.slice(1));
  const network = fields.get("network") ?? "linear";
  const loss = fields.get("loss") ?? "squared";
  const biases = fields.get("train_biases") ?? "0";
  const why = [];
  if (!(network in NETS)) why.push(`unknown network ${network}`);
  else if (!["squared", "cross_entropy"].includes(loss)) why.push(`unknown loss ${loss}`);
  else if (!["0", "1"].includes(biases)) why.push("train_biases must be 0 or 1");
  else {
    const known = [...names(network), "network", ...(network === "sigmoid" ? ["loss", "train_biases"] : [])];
    why.push(...[...fields.keys()].filter((k) => !known.includes(k)).map((k) => `unknown field ${k}`));
    const { p, errors } = read((name) => fields.get(name) ?? "", network);
    why.push(...errors);
    if (!why.length) return { args: [network, p, loss, biases === "1"] };
  }
  return { args: ["linear", DATA.networks.linear],
    message: `The link's numbers could not be used (${why.join("; ")}): showing the defaults.` };
}

form.addEventListener("input", (event) => {
  if (event.target.name === "network") start(event.target.value);
  else update();
});
form.addEventListener("submit", (event) => event.preventDefault());
form.querySelector('[data-action="step"]').addEventListener("click", () => {
  if (!last) return;
  const next = step(NETS[net], last.p);
  for (const w of learns(last.p)) form.elements[w].value = String(next[w]);
  update();
});
form.querySelector('[data-action="reset"]').addEventListener("click", () => start(net));

for (const button of document.querySelectorAll("[data-preset]")) {
  button.addEventListener("click", () => {
    choose("linear", { ...DATA.networks.linear, ...DATA.presets[button.dataset.preset] });
    update();
  });
}
for (const slot of document.querySelectorAll("[data-fill]")) {
  const key = slot.dataset.fill;
  slot.textContent = short(key === "limit" ? DATA.limit : DATA.presets[key].lr);
}

const first = location.hash.length > 1 ? fromHash() : { args: ["linear", DATA.networks.linear] };
choose(...first.args);
update();
if (first.message) say(first.message);
