// Follows a background job (drafting, importing) until it is done or failed.
(function () {
  "use strict";
  const box = document.getElementById("job");
  if (!box || !["queued", "running"].includes(box.dataset.status)) return;
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
      data.status === "queued" ? "Waiting for the worker…" : data.status === "running" ? "Working: " + data.stage + " (" + percent + "%)" :
      data.status === "done" ? "Done." : "It failed.";
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
  setTimeout(poll, 1000);
})();
