/* Self-check quizzes: feedback for each option, no network, keyboard and screen-reader friendly. */
(function () {
  "use strict";
  function show(node, on) { if (node) node.hidden = !on; }

  function checkChoice(fieldset) {
    var options = Array.prototype.slice.call(fieldset.querySelectorAll(".gs-quiz-option"));
    var chosen = options.filter(function (o) { return o.querySelector("input").checked; });
    if (chosen.length === 0) return { text: "Choose an answer first.", state: "empty" };
    var allRight = true;
    options.forEach(function (o) {
      var correct = o.getAttribute("data-correct") === "true";
      var picked = o.querySelector("input").checked;
      var fb = o.querySelector(".gs-quiz-feedback");
      // Feedback for every option the reader picked, and for any right option they missed.
      show(fb, picked || (correct && fieldset.getAttribute("data-type") === "multiple" && !picked));
      o.classList.toggle("gs-quiz-picked-right", picked && correct);
      o.classList.toggle("gs-quiz-picked-wrong", picked && !correct);
      o.classList.toggle("gs-quiz-missed", !picked && correct && fieldset.getAttribute("data-type") === "multiple");
      if (picked !== correct) allRight = false;
    });
    return allRight ? { text: "Correct.", state: "correct" } : { text: "Not quite: read the feedback and try again.", state: "incorrect" };
  }

  function checkNumeric(fieldset) {
    var input = fieldset.querySelector("input");
    var raw = input.value.trim().replace(",", ".");
    var good = fieldset.querySelector(".gs-quiz-feedback-correct");
    var bad = fieldset.querySelector(".gs-quiz-feedback-incorrect");
    if (raw === "" || isNaN(Number(raw))) {
      show(good, false); show(bad, false);
      return { text: "Type a number first.", state: "empty" };
    }
    var answer = Number(fieldset.getAttribute("data-answer"));
    var tol = Number(fieldset.getAttribute("data-tolerance"));
    var ok = Math.abs(Number(raw) - answer) <= tol + 1e-12;
    show(good, ok); show(bad, !ok);
    return ok ? { text: "Correct.", state: "correct" } : { text: "Not quite: read the feedback and try again.", state: "incorrect" };
  }

  function onCheck(event) {
    var fieldset = event.target.closest(".gs-quiz-question");
    var outcome = fieldset.getAttribute("data-type") === "numeric" ? checkNumeric(fieldset) : checkChoice(fieldset);
    var result = fieldset.querySelector(".gs-quiz-result");
    result.textContent = outcome.text;
    fieldset.setAttribute("data-state", outcome.state);
  }

  function init() {
    document.querySelectorAll(".gs-quiz .gs-quiz-check").forEach(function (button) {
      button.addEventListener("click", onCheck);
    });
    document.querySelectorAll(".gs-quiz-numeric input").forEach(function (input) {
      input.addEventListener("keydown", function (e) {
        if (e.key === "Enter") { e.preventDefault(); input.closest(".gs-quiz-question").querySelector(".gs-quiz-check").click(); }
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
