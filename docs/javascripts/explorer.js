// The explorer page: read the inputs, recompute the epoch, show every number,
// draw the network and the error curve. Arithmetic lives in backprop.js.
import { backward, forward, step, train } from "./backprop.js";

const DEFAULTS = { i1: 2, i2: 3, y: 1, w1: 0.34, w2: 0.13, w3: 0.05, w4: 0.07,
  w5: 0.2, w6: 0.01, lr: 0.05, epochs: 30 };
const NAMES = Object.keys(DEFAULTS);
const WEIGHTS = ["w1", "w2", "w3", "w4", "w5", "w6"];
const MAX_EPOCHS = 10000;
// Decimals shown for each output, as the chapters round them.
const DECIMALS = { h1: 4, h2: 4, y_hat: 4, E: 6, delta: 4, dE_dh1: 6, dE_dh2: 6 };
const SVG = "http://www.w3.org/2000/svg";

const form = document.querySelector("form.explorer");
const alert = document.querySelector(".explorer-alert");
const outputs = document.querySelector(".explorer-outputs");
const summary = document.querySelector(".explorer-summary"); // read out after each change
let last = null; // the last valid parameters

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

function read(source) {
  const p = {};
  const errors = [];
  for (const name of NAMES) {
    const { value, error } = parse(name, source(name));
    if (error) errors.push(error);
    else p[name] = value;
  }
  return { p, errors };
}

function rounded(name, value) {
  if (name === "E_final") return value.toExponential(3);
  const decimals = DECIMALS[name] ?? 6;
  return value.toFixed(decimals);
}

function show(name, value) {
  const el = outputs.querySelector(`[data-value="${name}"]`);
  if (!Number.isFinite(value)) {
    el.textContent = "not computable";
    el.removeAttribute("data-exact");
    return false;
  }
  el.textContent = rounded(name, value);
  el.dataset.exact = String(value);
  return true;
}

function compute(p) {
  const g = backward(p);
  const next = step(p);
  const after = forward(next);
  const values = { h1: g.h1, h2: g.h2, y_hat: g.y_hat, E: g.E, delta: g.delta,
    dE_dh1: g.dE_dh1, dE_dh2: g.dE_dh2, y_hat_next: after.y_hat, E_next: after.E };
  for (const w of WEIGHTS) {
    values[`grad_${w}`] = g[`grad_${w}`];
    values[`${w}_next`] = next[w];
  }
  return { values, g, next, run: train(p, p.epochs) };
}

function update() {
  const { p, errors } = read((name) => form.elements[name].value);
  for (const name of NAMES) {
    form.elements[name].setAttribute("aria-invalid", String(errors.some((e) => e.startsWith(name))));
  }
  if (errors.length) {
    say(`Not recomputed: ${errors.join("; ")}. The numbers below are for the last valid inputs.`);
    outputs.classList.add("stale");
    return;
  }
  const { values, g, run } = compute(p);
  const problems = [];
  for (const [name, value] of Object.entries(values)) {
    if (!show(name, value)) problems.push(name);
  }
  const final = outputs.querySelector('[data-value="E_final"]');
  if (run.diverged !== null) {
    final.textContent = "grows without bound";
    final.removeAttribute("data-exact");
    problems.unshift(`training diverges: the error grows without bound after ${run.diverged} ` +
      `epoch${run.diverged === 1 ? "" : "s"} (lower the learning rate)`);
  } else {
    show("E_final", run.errors[run.errors.length - 1]);
  }
  say(problems.length ? `${problems.join("; ")}.` : "");
  summary.textContent = `ŷ ${rounded("y_hat", g.y_hat)}, E ${rounded("E", g.E)}; after one ` +
    `update E ${rounded("E_next", values.E_next)}.`;
  outputs.classList.toggle("stale", false);
  last = p;
  history.replaceState(null, "", `#${NAMES.map((n) => `${n}=${form.elements[n].value.trim()}`).join("&")}`);
  drawNetwork(p, g);
  drawCurve(run.errors.filter(Number.isFinite), form.elements.log.checked);
}

function say(message) {
  alert.textContent = message;
  alert.hidden = !message;
}

function fill(p) {
  for (const name of NAMES) form.elements[name].value = String(p[name]);
}

function short(value, digits) {
  return Number.isFinite(value) ? String(Number(value.toPrecision(digits))) : "—";
}

function el(tag, attrs, parent, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  parent.appendChild(node);
  return node;
}

function drawNetwork(p, g) {
  const svg = document.querySelector(".explorer-network");
  svg.replaceChildren();
  const at = { i1: [40, 40], i2: [40, 170], h1: [250, 40], h2: [250, 170], y_hat: [440, 105] };
  const value = { i1: p.i1, i2: p.i2, h1: g.h1, h2: g.h2, y_hat: g.y_hat };
  const edges = [["i1", "h1", "w1", 0.5, -8], ["i2", "h1", "w2", 0.25, -8],
    ["i1", "h2", "w3", 0.25, 16], ["i2", "h2", "w4", 0.5, 16],
    ["h1", "y_hat", "w5", 0.5, -8], ["h2", "y_hat", "w6", 0.5, 16]];
  for (const [a, b, w, t, dy] of edges) {
    const [x0, y0] = at[a];
    const [x1, y1] = at[b];
    el("line", { x1: x0, y1: y0, x2: x1, y2: y1, class: "edge" }, svg);
    el("text", { x: x0 + t * (x1 - x0), y: y0 + t * (y1 - y0) + dy, class: "label" }, svg,
      `${w} ${short(p[w], 3)}  ∂ ${short(g[`grad_${w}`], 3)}`);
  }
  for (const [name, [x, y]] of Object.entries(at)) {
    el("circle", { cx: x, cy: y, r: 26, class: "unit" }, svg);
    el("text", { x, y: y - 3, class: "name" }, svg, name === "y_hat" ? "ŷ" : name);
    el("text", { x, y: y + 12, class: "value" }, svg, short(value[name], 4));
  }
}

function drawCurve(errors, log) {
  const svg = document.querySelector(".explorer-curve");
  svg.replaceChildren();
  if (!errors.length) return;
  const [W, H, left, bottom] = [480, 200, 56, 28];
  const ys = errors.map((E) => (log ? Math.log10(Math.max(E, 1e-300)) : E));
  const lo = log ? Math.min(...ys) : 0;
  const hi = Math.max(...ys, lo + 1e-12);
  const x = (k) => left + (k / Math.max(errors.length - 1, 1)) * (W - left - 8);
  const y = (v) => 8 + (1 - (v - lo) / (hi - lo)) * (H - bottom - 8);
  el("line", { x1: left, y1: H - bottom, x2: W - 8, y2: H - bottom, class: "axis" }, svg);
  el("line", { x1: left, y1: 8, x2: left, y2: H - bottom, class: "axis" }, svg);
  el("polyline", { points: ys.map((v, k) => `${x(k)},${y(v)}`).join(" "), class: "curve" }, svg);
  const tick = (v) => (log ? `1e${Math.round(v)}` : v.toPrecision(2));
  el("text", { x: left - 4, y: 14, class: "tick end" }, svg, tick(hi));
  el("text", { x: left - 4, y: H - bottom, class: "tick end" }, svg, tick(lo));
  el("text", { x: left, y: H - 8, class: "tick" }, svg, "0");
  el("text", { x: W - 8, y: H - 8, class: "tick end" }, svg, `epoch ${errors.length - 1}`);
  svg.setAttribute("aria-label", `Error against epoch over ${errors.length - 1} epochs` +
    `${log ? ", log scale" : ""}: from ${errors[0].toPrecision(4)} to ` +
    `${errors[errors.length - 1].toPrecision(4)}.`);
}

function fromHash() {
  const hash = location.hash.slice(1);
  if (!hash) return { p: DEFAULTS };
  const fields = new URLSearchParams(hash);
  const unknown = [...fields.keys()].filter((k) => !NAMES.includes(k));
  const { p, errors } = read((name) => fields.get(name) ?? "");
  if (unknown.length || errors.length) {
    const why = [...unknown.map((k) => `unknown field ${k}`), ...errors].join("; ");
    return { p: DEFAULTS, message: `The link's numbers could not be used (${why}): showing the defaults.` };
  }
  return { p };
}

form.addEventListener("input", update);
form.addEventListener("submit", (event) => event.preventDefault());
form.querySelector('[data-action="step"]').addEventListener("click", () => {
  if (!last) return;
  const next = step(last);
  for (const w of WEIGHTS) form.elements[w].value = String(next[w]);
  update();
});
form.querySelector('[data-action="reset"]').addEventListener("click", () => {
  fill(DEFAULTS);
  update();
});

const start = fromHash();
fill(start.p);
update();
if (start.message) say(start.message);
