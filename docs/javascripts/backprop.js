// Both networks' arithmetic, in the order of snippets/network.py and
// snippets/sigmoid_network.py (losses.py for the cross-entropy), so every number
// agrees with the Python to the last bit or nearly. Weights named as on the
// site: W1 = [[w1, w3], [w2, w4]] (rows: inputs, columns: hidden units); the
// linear W2 = [[w5], [w6]], the sigmoid W2 = [[w5, w7], [w6, w8]] (Mazur's).

// The 2-2-1 network. p: {i1, i2, y, w1..w6, lr}.
function forward(p) {
  const h1 = p.i1 * p.w1 + p.i2 * p.w2;
  const h2 = p.i1 * p.w3 + p.i2 * p.w4;
  const y_hat = h1 * p.w5 + h2 * p.w6;
  const d = y_hat - p.y;
  return { h1, h2, y_hat, E: (d * d) / 2 };
}

// Backpropagation in the four stages of the Backpropagation page.
function backward(p) {
  const { h1, h2, y_hat, E } = forward(p);
  const delta = y_hat - p.y; // dE/dy_hat
  const dE_dh1 = delta * p.w5; // delta @ W2.T
  const dE_dh2 = delta * p.w6;
  return {
    h1, h2, y_hat, E, delta, dE_dh1, dE_dh2,
    grad_w5: h1 * delta, grad_w6: h2 * delta, // h.T @ delta
    grad_w1: p.i1 * dE_dh1, grad_w2: p.i2 * dE_dh1, // x.T @ dE/dh
    grad_w3: p.i1 * dE_dh2, grad_w4: p.i2 * dE_dh2,
  };
}

const W6 = ["w1", "w2", "w3", "w4", "w5", "w6"];
export const linear = { forward, backward, learns: () => W6 };

// The 2-2-2 sigmoid network with one bias per layer. p: {i1, i2, y1, y2,
// w1..w8, b1, b2, lr, loss: "squared" or "cross_entropy", train_biases}.
const sigma = (z) => 1 / (1 + Math.exp(-z));

function error(p, o1, o2) {
  if (p.loss === "cross_entropy") { // summed binary cross-entropy
    return -((p.y1 * Math.log(o1) + (1 - p.y1) * Math.log(1 - o1)) +
      (p.y2 * Math.log(o2) + (1 - p.y2) * Math.log(1 - o2)));
  }
  const d1 = o1 - p.y1;
  const d2 = o2 - p.y2;
  return (d1 * d1 + d2 * d2) / 2;
}

function sForward(p) {
  const h1 = sigma(p.i1 * p.w1 + p.i2 * p.w2 + p.b1);
  const h2 = sigma(p.i1 * p.w3 + p.i2 * p.w4 + p.b1);
  const o1 = sigma(h1 * p.w5 + h2 * p.w6 + p.b2);
  const o2 = sigma(h1 * p.w7 + h2 * p.w8 + p.b2);
  return { h1, h2, o1, o2, E: error(p, o1, o2) };
}

function sBackward(p) {
  const f = sForward(p);
  const { h1, h2, o1, o2 } = f;
  // dE/dz_o: sigmoid' = o (1 - o) times (o - y); the cross-entropy cancels it.
  const ce = p.loss === "cross_entropy";
  const delta_o1 = ce ? o1 - p.y1 : (o1 - p.y1) * o1 * (1 - o1);
  const delta_o2 = ce ? o2 - p.y2 : (o2 - p.y2) * o2 * (1 - o2);
  const dE_dh1 = delta_o1 * p.w5 + delta_o2 * p.w7; // delta_o @ W2.T: both paths
  const dE_dh2 = delta_o1 * p.w6 + delta_o2 * p.w8;
  const delta_h1 = dE_dh1 * h1 * (1 - h1);
  const delta_h2 = dE_dh2 * h2 * (1 - h2);
  return {
    ...f, delta_o1, delta_o2, dE_dh1, dE_dh2, delta_h1, delta_h2,
    grad_w5: h1 * delta_o1, grad_w6: h2 * delta_o1, // h.T @ delta_o
    grad_w7: h1 * delta_o2, grad_w8: h2 * delta_o2,
    grad_w1: p.i1 * delta_h1, grad_w2: p.i2 * delta_h1, // x.T @ delta_h
    grad_w3: p.i1 * delta_h2, grad_w4: p.i2 * delta_h2,
    grad_b1: delta_h1 + delta_h2, grad_b2: delta_o1 + delta_o2, // a bias feeds both
  };
}

const W8 = [...W6, "w7", "w8"];
export const sigmoid = {
  forward: sForward, backward: sBackward,
  learns: (p) => (p.train_biases ? [...W8, "b1", "b2"] : W8),
};

// One update, every gradient from the old weights.
export function step(net, p) {
  const g = net.backward(p);
  const next = { ...p };
  for (const w of net.learns(p)) next[w] = p[w] - p.lr * g[`grad_${w}`];
  return next;
}

// The error no longer falls: in the last ten epochs it rose at least once, by more
// than rounding (a relative 1e-9) and above 1e-20, where only rounding is left.
export function rises(errors) {
  for (let k = Math.max(1, errors.length - 10); k < errors.length; k++) {
    if (errors[k] > errors[k - 1] * (1 + 1e-9) && errors[k] > 1e-20) return true;
  }
  return false;
}

// E before the first update and after each of `epochs` updates; `diverged` is
// the first epoch whose error is not finite, or above 1 and a thousand times
// the start's; `oscillates` when it did not diverge but no longer falls.
export function train(net, p, epochs) {
  const errors = [net.forward(p).E];
  let diverged = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    p = step(net, p);
    const { E } = net.forward(p);
    errors.push(E);
    const runaway = !Number.isFinite(E) || (E > 1000 * errors[0] && E > 1);
    if (diverged === null && runaway) diverged = epoch;
    if (!Number.isFinite(E)) break;
  }
  return { errors, diverged, oscillates: diverged === null && rises(errors) };
}
