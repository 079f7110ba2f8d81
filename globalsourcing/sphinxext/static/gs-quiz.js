/* Self-check quizzes: options shuffled per reader, feedback that teaches, no network.
   Without this script each question keeps its "Answer and explanation" block; with it, that
   block is replaced by the interactive check. */
(function () {
  "use strict";
  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  var SEED_KEY = "gs-quiz-seed";

  function show(node, on) { if (node) node.hidden = !on; }

  // FNV-1a: a small, stable string hash for seeds.
  function hash(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return h >>> 0;
  }

  // mulberry32: a seeded generator, so one reader sees the same order on every visit.
  function generator(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // One seed per reader, kept in localStorage; a per-page constant when storage is blocked,
  // so the order is still stable across reloads.
  function readerSeed() {
    try {
      var stored = window.localStorage.getItem(SEED_KEY);
      if (stored && /^\d+$/.test(stored)) return { seed: stored, source: "reader" };
      var fresh = String(Math.floor(Math.random() * 4294967296));
      window.localStorage.setItem(SEED_KEY, fresh);
      return { seed: fresh, source: "reader" };
    } catch (e) {
      return { seed: String(hash(window.location.pathname)), source: "page" };
    }
  }

  // The shown order of n options for one reader and question: a seeded Fisher-Yates shuffle.
  function permutation(seed, quizId, qid, n) {
    var random = generator(hash(seed + "/" + quizId + "/" + qid));
    var order = [];
    for (var k = 0; k < n; k++) order.push(k);
    for (var i = n - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var tmp = order[i]; order[i] = order[j]; order[j] = tmp;
    }
    return order;
  }

  function shuffleOptions(fieldset, seed) {
    var box = fieldset.querySelector(".gs-quiz-options");
    if (!box) return;
    var rows = Array.prototype.slice.call(box.querySelectorAll(".gs-quiz-option"));
    var quizId = fieldset.closest(".gs-quiz").getAttribute("data-quiz");
    permutation(seed, quizId, fieldset.getAttribute("data-qid"), rows.length).forEach(function (k, shown) {
      box.appendChild(rows[k]);
      rows[k].querySelector(".gs-quiz-letter").textContent = LETTERS[shown] + ".";
    });
  }

  function letterOf(row) { return row.querySelector(".gs-quiz-letter").textContent.replace(".", ""); }

  function listLetters(rows) {
    var letters = rows.map(letterOf);
    if (letters.length < 2) return letters.join("");
    return letters.slice(0, -1).join(", ") + " and " + letters[letters.length - 1];
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function markAll(options) {
    options.forEach(function (o) {
      var correct = o.getAttribute("data-correct") === "true";
      show(o.querySelector(".gs-quiz-feedback"), true);
      o.classList.toggle("gs-quiz-key", correct);
      o.classList.toggle("gs-quiz-picked-wrong", !correct && o.querySelector("input").checked);
    });
  }

  function checkChoice(fieldset) {
    var options = Array.prototype.slice.call(fieldset.querySelectorAll(".gs-quiz-option"));
    var chosen = options.filter(function (o) { return o.querySelector("input").checked; });
    if (chosen.length === 0) return { text: "Choose an answer first.", state: "empty" };
    var isRight = function (o) { return o.getAttribute("data-correct") === "true"; };
    var wrongPicks = chosen.filter(function (o) { return !isRight(o); });
    var missing = options.filter(function (o) { return isRight(o) && chosen.indexOf(o) < 0; }).length;
    if (wrongPicks.length === 0 && missing === 0) {
      markAll(options);
      return { text: "Correct.", state: "correct", explain: true };
    }
    // A wrong try: feedback only for what the reader picked, so no right option is given away.
    options.forEach(function (o) {
      var picked = chosen.indexOf(o) >= 0;
      show(o.querySelector(".gs-quiz-feedback"), picked);
      o.classList.remove("gs-quiz-key");
      o.classList.toggle("gs-quiz-picked-wrong", picked && !isRight(o));
    });
    if (fieldset.getAttribute("data-type") === "single") {
      return { text: "Not quite: " + letterOf(wrongPicks[0]) + " is not the best answer. Read its feedback and try again.", state: "incorrect" };
    }
    var parts = [];
    if (wrongPicks.length) {
      parts.push(listLetters(wrongPicks) + (wrongPicks.length === 1 ? " is" : " are") + " wrong");
    }
    if (missing) parts.push(plural(missing, "right option is", "right options are") + " still missing");
    return { text: "Not quite: " + parts.join("; ") + ".", state: "incorrect" };
  }

  // Mirrors globalsourcing.quiz.numbers.parse_number (the browser tests compare them).
  function unitSpellings(unit) {
    unit = (unit || "").trim();
    var prefixes = "$£€".split("").filter(function (c) { return unit.indexOf(c) >= 0; });
    var suffixes = unit ? [unit] : [];
    var bare = unit.replace(/^[$£€]+|[$£€]+$/g, "").trim();
    if (bare && bare !== unit) suffixes.push(bare);
    var lower = unit.toLowerCase();
    if (lower === "%" || lower.indexOf("percent") >= 0 || lower.indexOf("per cent") >= 0) suffixes.push("%", "percent", "per cent");
    if (lower === "times") suffixes.push("x", "\u00d7");
    suffixes = suffixes.filter(function (s, i) { return s && suffixes.indexOf(s) === i; });
    suffixes.sort(function (a, b) { return b.length - a.length; });
    return { prefixes: prefixes, suffixes: suffixes };
  }

  function dropGroups(text, mark) {
    var parts = text.split(mark);
    var ok = /^[+-]?\d{1,3}$/.test(parts[0]) && parts.slice(1).every(function (g) { return /^\d{3}$/.test(g); });
    if (!ok) throw new Error("thousands separators must split the digits in threes");
    return parts.join("");
  }

  function parseNumber(text, unit) {
    var raw = String(text).trim().replace(/\u2212/g, "-");
    if (!raw) throw new Error("type a number");
    var sp = unitSpellings(unit);
    var s = raw;
    for (var i = 0; i < sp.suffixes.length; i++) {
      var suf = sp.suffixes[i];
      if (s.toLowerCase().slice(-suf.length) === suf.toLowerCase()) { s = s.slice(0, -suf.length).trim(); break; }
    }
    var sign = "";
    if (s[0] === "+" || s[0] === "-") { sign = s[0]; s = s.slice(1).trim(); }
    if (s[0] && sp.prefixes.indexOf(s[0]) >= 0) s = s.slice(1).trim();
    var core = (sign + s).replace(/(\d)[ '\u00a0\u202f\u2009](?=\d)/g, "$1");
    if (core.indexOf("%") >= 0) throw new Error("this question asks for " + (unit || "a plain number") + ", not a percentage");
    if (!/^[+-]?[\d.,]*\d[\d.,]*$/.test(core)) throw new Error("that is not a number this question accepts" + (unit ? " (its unit is " + unit + ")" : ""));
    var comma = core.indexOf(",") >= 0, dot = core.indexOf(".") >= 0;
    if (comma && dot) {
      var decimal = core.lastIndexOf(",") > core.lastIndexOf(".") ? "," : ".";
      var at = core.lastIndexOf(decimal);
      core = dropGroups(core.slice(0, at), decimal === "," ? "." : ",") + "." + core.slice(at + 1);
    } else if (core.split(",").length > 2 || core.split(".").length > 2) {
      core = dropGroups(core, comma ? "," : ".");
    } else if (/^[+-]?[1-9]\d{0,2},\d{3}$/.test(core)) {
      core = core.replace(",", "");
    } else {
      core = core.replace(",", ".");
    }
    var value = Number(core);
    if (!isFinite(value)) throw new Error("that is not a number");
    return value;
  }

  function formatNumber(x) { return String(Math.round(x * 1e6) / 1e6); }

  function checkNumeric(fieldset) {
    var input = fieldset.querySelector("input");
    var good = fieldset.querySelector(".gs-quiz-feedback-correct");
    var bad = fieldset.querySelector(".gs-quiz-feedback-incorrect");
    var unit = fieldset.getAttribute("data-unit") || "";
    var value;
    try {
      value = parseNumber(input.value, unit);
    } catch (e) {
      show(good, false); show(bad, false);
      return { text: "Not read as a number: " + e.message + ".", state: "empty" };
    }
    var answer = Number(fieldset.getAttribute("data-answer"));
    var tol = Number(fieldset.getAttribute("data-tolerance"));
    var gap = Math.abs(value - answer);
    // Say what was read when it differs from what was typed, so "1,234" is never a silent guess.
    var read = /^[+-]?\d+(\.\d+)?$/.test(input.value.trim()) ? "" : " (read as " + formatNumber(value) + ")";
    if (gap <= tol + 1e-12) {
      show(good, true); show(bad, false);
      return { text: "Correct" + read + ".", state: "correct", explain: true };
    }
    show(good, false); show(bad, true);
    var text = "Not quite" + read + ".";
    var close = tol > 0 ? gap <= 3 * tol : gap <= 0.01 * Math.abs(answer);
    if (close) {
      text = "Close" + read + ", but outside the accepted range" + (tol > 0 ? " of \u00b1" + formatNumber(tol) : "") + ": check your rounding and the last step.";
    } else if (answer !== 0 && (Math.abs(value * 100 - answer) <= tol + 1e-9 || Math.abs(value / 100 - answer) <= tol + 1e-9)) {
      text = "Not quite" + read + ": your number is 100 times too " + (Math.abs(value * 100 - answer) <= tol + 1e-9 ? "small" : "large") + "; check whether the question wants a percentage or a fraction.";
    }
    return { text: text, state: "incorrect" };
  }

  function reveal(fieldset) {
    if (fieldset.getAttribute("data-type") === "numeric") {
      show(fieldset.querySelector(".gs-quiz-feedback-correct"), true);
      show(fieldset.querySelector(".gs-quiz-feedback-incorrect"), false);
      var unit = fieldset.getAttribute("data-unit");
      var tol = Number(fieldset.getAttribute("data-tolerance"));
      return { text: "Answer: " + formatNumber(Number(fieldset.getAttribute("data-answer"))) + (unit ? " " + unit : "") + (tol ? " (\u00b1" + formatNumber(tol) + " accepted)" : "") + ".", state: "revealed", explain: true };
    }
    var options = Array.prototype.slice.call(fieldset.querySelectorAll(".gs-quiz-option"));
    markAll(options);
    var keys = options.filter(function (o) { return o.getAttribute("data-correct") === "true"; });
    return { text: "Answer: " + listLetters(keys) + ". Each option's feedback explains why.", state: "revealed", explain: true };
  }

  function settle(fieldset, outcome) {
    var result = fieldset.querySelector(".gs-quiz-result");
    result.textContent = outcome.text;
    fieldset.setAttribute("data-state", outcome.state);
    show(fieldset.querySelector(".gs-quiz-explanation"), !!outcome.explain);
  }

  function init() {
    var seed = readerSeed();
    document.querySelectorAll(".gs-quiz").forEach(function (quiz) {
      quiz.setAttribute("data-seed-source", seed.source);
    });
    document.querySelectorAll(".gs-quiz-question").forEach(function (fieldset) {
      // The interactive check replaces the no-JavaScript answer block.
      var block = fieldset.querySelector(".gs-quiz-answer");
      if (block) block.remove();
      shuffleOptions(fieldset, seed.seed);
      show(fieldset.querySelector(".gs-quiz-actions"), true);
      fieldset.querySelector(".gs-quiz-check").addEventListener("click", function () {
        settle(fieldset, fieldset.getAttribute("data-type") === "numeric" ? checkNumeric(fieldset) : checkChoice(fieldset));
      });
      fieldset.querySelector(".gs-quiz-reveal").addEventListener("click", function () {
        settle(fieldset, reveal(fieldset));
      });
      var input = fieldset.querySelector(".gs-quiz-numeric input");
      if (input) {
        input.addEventListener("keydown", function (e) {
          if (e.key === "Enter") { e.preventDefault(); fieldset.querySelector(".gs-quiz-check").click(); }
        });
      }
    });
  }
  window.gsQuiz = { parseNumber: parseNumber, permutation: permutation };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
