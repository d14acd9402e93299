// The 2-2-1 network's arithmetic, in the same order as snippets/network.py,
// so every number agrees with the Python to the last bit or nearly.
// p: {i1, i2, y, w1..w6, lr}. Weights named as on the site: W1 = [[w1, w3],
// [w2, w4]] (rows: inputs, columns: hidden units), W2 = [[w5], [w6]].

export function forward(p) {
  const h1 = p.i1 * p.w1 + p.i2 * p.w2;
  const h2 = p.i1 * p.w3 + p.i2 * p.w4;
  const y_hat = h1 * p.w5 + h2 * p.w6;
  const d = y_hat - p.y;
  return { h1, h2, y_hat, E: (d * d) / 2 };
}

// Backpropagation in the four stages of the Backpropagation page.
export function backward(p) {
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

const WEIGHTS = ["w1", "w2", "w3", "w4", "w5", "w6"];

// One update, every gradient from the old weights.
export function step(p) {
  const g = backward(p);
  const next = { ...p };
  for (const w of WEIGHTS) next[w] = p[w] - p.lr * g[`grad_${w}`];
  return next;
}

// E before the first update and after each of `epochs` updates; `diverged` is
// the first epoch whose error is not finite, or above 1 and a thousand times
// the start's.
export function train(p, epochs) {
  const errors = [forward(p).E];
  let diverged = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    p = step(p);
    const { E } = forward(p);
    errors.push(E);
    const runaway = !Number.isFinite(E) || (E > 1000 * errors[0] && E > 1);
    if (diverged === null && runaway) diverged = epoch;
    if (!Number.isFinite(E)) break;
  }
  return { errors, diverged };
}
