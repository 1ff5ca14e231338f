// Follows a background job (drafting, importing) until it is done or failed.
(function () {
  "use strict";
  const box = document.getElementById("job");
  if (!box || !["queued", "running"].includes(box.dataset.status)) return;
  const steps = Array.from(box.querySelectorAll(".job-step"));
  function label(stage) {
    const step = steps.find(function (li) { return li.dataset.key === stage; });
    return step ? step.firstChild.nextSibling.textContent : stage;
  }
  function markSteps(data) {
    const current = steps.find(function (li) { return li.dataset.key === data.stage; });
    const at = current ? Number(current.dataset.start) : (data.status === "queued" ? -1 : 2);
    steps.forEach(function (li) {
      const start = Number(li.dataset.start);
      const state = data.status === "done" || start < at ? "done" : (start === at && data.status === "running" ? "now" : "todo");
      li.className = "job-step job-step-" + state;
      li.lastChild.textContent = state === "done" ? ": done" : state === "now" ? ": under way" : "";
    });
  }
  async function poll() {
    let data;
    try {
      const r = await fetch(box.dataset.url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      data = await r.json();
    } catch (e) {
      return setTimeout(poll, 3000);
    }
    const percent = Math.round(data.progress * 100);
    document.getElementById("job-bar").style.width = percent + "%";
    box.querySelector(".progress").setAttribute("aria-valuenow", String(percent));
    document.getElementById("job-stage").textContent =
      data.status === "queued" ? "Waiting for the worker…" : data.status === "running" ? "Working: " + label(data.stage) + " (" + percent + "%)" :
      data.status === "done" ? "Done." : "It failed.";
    markSteps(data);
    if (["done", "failed"].includes(data.status)) {
      const leave = document.getElementById("job-leave");
      if (leave) leave.classList.add("d-none"); // nothing is left to wait for
    }
    // A page whose finished state is more than a line (an import's list of what was left out) is drawn anew.
    if (box.dataset.reload && ["done", "failed"].includes(data.status)) return window.location.reload();
    if (data.status === "done") {
      const done = document.getElementById("job-done");
      done.querySelector("a").href = data.review;
      done.firstChild.textContent = data.questions + (data.questions === 1 ? " draft question is" : " draft questions are") + " ready: ";
      done.classList.remove("d-none");
      return;
    }
    if (data.status === "failed") {
      const message = document.getElementById("job-message");
      message.textContent = data.message;
      message.classList.add("text-danger");
      return;
    }
    setTimeout(poll, 1000);
  }
  // The first look within half a second: a short document's steps show from the start.
  setTimeout(poll, 500);
})();
