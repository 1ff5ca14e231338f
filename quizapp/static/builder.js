// The quiz builder: one step at a time (settings, questions, random picks), the number of chosen questions kept
// live, and a rule's pool size shown as it is typed. Without script every step shows, one under the other.
(function () {
  "use strict";
  const steps = Array.from(document.querySelectorAll(".builder-step"));
  const links = Array.from(document.querySelectorAll(".builder-steps [data-step]"));
  if (steps.length && links.length) {
    const names = steps.map(function (step) { return step.id; });
    function show(name, focus) {
      steps.forEach(function (step) { step.hidden = step.id !== name; });
      links.forEach(function (link) {
        const on = link.dataset.step === name;
        link.classList.toggle("active", on);
        if (on) link.setAttribute("aria-current", "step"); else link.removeAttribute("aria-current");
      });
      if (focus) document.getElementById(name).focus();
    }
    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        history.replaceState(null, "", "#" + link.dataset.step);
        show(link.dataset.step, true);
      });
    });
    const wanted = window.location.hash.slice(1);
    const first = document.querySelector(".builder-steps").dataset.first;
    show(names.includes(wanted) && first === "questions" ? wanted : first, false);
  }

  const form = document.getElementById("questions-form");
  if (form) {
    const counts = Array.from(document.querySelectorAll(".chosen-count"));
    function recount() {
      const ticked = form.querySelectorAll('input[type="checkbox"][name="question"]:checked').length;
      const hidden = form.querySelectorAll('input[type="hidden"][name="question"]').length;
      counts.forEach(function (badge) { badge.textContent = (ticked + hidden) + " chosen"; });
    }
    form.addEventListener("change", recount);
  }

  const pool = document.getElementById("rule-pool");
  const ruleForm = pool && pool.closest(".card-body").querySelector("form");
  if (pool && ruleForm) {
    let timer = null;
    let asked = 0;
    async function ask() {
      const mine = ++asked;
      const query = new URLSearchParams();
      ["rule-count", "rule-document", "rule-question_type", "rule-tag"].forEach(function (name) {
        const field = ruleForm.elements[name];
        if (field) query.set(name, field.value);
      });
      let data;
      try {
        const r = await fetch(pool.dataset.url + "?" + query, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        data = await r.json();
      } catch (e) {
        return;
      }
      if (mine !== asked) return; // an older answer arriving late
      pool.textContent = data.ok ? data.message : data.error;
      pool.classList.toggle("text-danger", !data.ok || data.short);
      pool.classList.toggle("fw-semibold", !data.ok || data.short);
    }
    ruleForm.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 250); });
    ruleForm.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(ask, 100); });
    ask();
  }
})();
