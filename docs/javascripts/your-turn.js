// "Your turn": the number a reader worked out by hand, against the true value and
// the known slips, all computed from snippets/ when the site was built (the
// page's JSON, hooks/page_numbers_json.py). No server: it all happens here.
const { exercises } = JSON.parse(document.getElementById("page-numbers").textContent);

// The typed number, and the place of its last digit: "1.070" is 1.07 to 3 decimals,
// "-8.4e-2" is -0.084 to 3. null if it is not a plain decimal number.
function read(text) {
  let t = text.trim().replace(/^[−–]/, "-");
  if (!t.includes(".")) t = t.replace(",", "."); // a decimal comma
  const m = /^[-+]?(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(t);
  if (!m || !(m[1] + (m[2] ?? ""))) return null;
  const digits = (m[1] + (m[2] ?? "")).replace(/^0+/, "");
  return { value: Number(t), decimals: (m[2] ?? "").length - Number(m[3] ?? 0),
    significant: digits.length };
}

// Right when it is `value` rounded to the digits typed: within half a unit of the
// last one (either neighbour of a tie), digits past the twelfth not judged.
function matches(typed, value) {
  const half = 0.5 / 10 ** typed.decimals;
  return Math.abs(typed.value - value) <= Math.max(half * (1 + 1e-9), 5e-13 * Math.abs(value));
}

function check(name, text) {
  const typed = read(text);
  if (!typed || !Number.isFinite(typed.value)) {
    return ["wrong", "That is not a number: type digits, with a point before the decimals."];
  }
  if (typed.significant < 2) return ["wrong", "Type more digits: at least two significant ones."];
  const { value, slips } = exercises[name];
  if (matches(typed, value)) {
    return ["right", `Right: to nine significant digits it is ${value.toPrecision(9)}.`];
  }
  for (const [id, [slip, says]] of Object.entries(slips)) {
    if (matches(typed, slip)) return [`slip:${id}`, `Not quite. ${says}`];
  }
  return ["wrong", "Not right, and not a slip we know of: go through it again step by step."];
}

for (const form of document.querySelectorAll("form[data-exercise]")) {
  const status = form.querySelector("[role=status]");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const [verdict, message] = check(form.dataset.exercise, form.querySelector("input").value);
    status.dataset.verdict = verdict;
    status.textContent = message;
  });
}
