// The attempt page: saves each answer as it changes, retries until the server has it,
// counts down from the server's figure (not the browser's clock), checks practice answers.
// Without this script the page still works: every button posts the form and the server saves.
(function () {
  "use strict";
  const root = document.querySelector("[data-attempt]");
  if (!root) return;

  let token = root.dataset.csrf;
  const status = document.getElementById("save-status");
  const loginBox = document.getElementById("login-needed");
  const timers = new Map(); // position -> pending save timer
  const failing = new Set(); // positions whose last save failed

  function setStatus(text, kind) {
    status.textContent = text;
    status.className = "badge text-bg-" + kind;
  }

  function fieldsOf(position) {
    const box = root.querySelector('fieldset[data-position="' + position + '"]');
    const prefix = "q" + position + "-";
    const fields = {};
    box.querySelectorAll("input, select").forEach(function (el) {
      if (!el.name || !el.name.startsWith(prefix)) return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      fields[el.name.slice(prefix.length)] = el.value;
    });
    return fields;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token },
      body: JSON.stringify(body),
    });
  }

  async function freshToken() {
    try {
      const r = await fetch(root.dataset.tokenUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!r.ok) return false;
      token = (await r.json()).token;
      // The page's plain forms (Next, Submit, the timeout submit) need the new token too.
      document.querySelectorAll('input[name="csrf_token"]').forEach(function (el) { el.value = token; });
      return true;
    } catch (e) {
      return false;
    }
  }

  const answeredSet = new Set((root.dataset.savedPositions || "").split(",").filter(Boolean).map(Number));
  const total = Number(root.dataset.total);

  function markAnswered(position, answered) {
    if (answered) answeredSet.add(position); else answeredSet.delete(position);
    const text = document.getElementById("progress-text");
    if (text) text.textContent = answeredSet.size + " of " + total + " answered";
    const bar = root.querySelector(".progress");
    if (bar) {
      bar.setAttribute("aria-valuenow", String(answeredSet.size));
      bar.querySelector(".progress-bar").style.width = (100 * answeredSet.size / total) + "%";
    }
    const nav = root.querySelector('[data-nav="' + position + '"]');
    if (nav) {
      if (!nav.classList.contains("btn-primary")) {
        nav.classList.toggle("btn-success", answered);
        nav.classList.toggle("btn-outline-secondary", !answered);
      }
      const flagged = nav.dataset.flagged ? ", flagged to come back to" : "";
      nav.setAttribute("aria-label", "Question " + (position + 1) + (answered ? ", answered" : ", not answered") + flagged);
      nav.querySelector(".nav-mark").textContent = answered ? "✓" : "";
    }
    const summary = document.getElementById("nav-summary");
    if (summary) {
      const open = total - answeredSet.size;
      summary.textContent = answeredSet.size + " of " + total + " answered" + (open ? ", " + open + " not yet" : "");
    }
  }

  // What is unfinished or refused about one answer, said at its question (an alert region, so it is announced).
  function showProblem(position, text) {
    const box = root.querySelector('[data-problem="' + position + '"]');
    if (!box) return;
    box.textContent = text || "";
    box.closest("fieldset").querySelectorAll("select").forEach(function (el) {
      el.classList.toggle("is-invalid", Boolean(text));
      if (text) el.setAttribute("aria-invalid", "true"); else el.removeAttribute("aria-invalid");
    });
  }

  function retryLater(position, attempt, message) {
    failing.add(position);
    setStatus(message, "danger");
    const delay = Math.min(30000, 1000 * Math.pow(2, Math.min(attempt, 5)));
    clearTimeout(timers.get(position));
    timers.set(position, setTimeout(function () { save(position, attempt + 1); }, delay));
  }

  async function save(position, attempt) {
    timers.delete(position);
    setStatus("Saving…", "secondary");
    let response;
    try {
      response = await post(root.dataset.saveUrl, { position: position, fields: fieldsOf(position) });
    } catch (e) {
      return retryLater(position, attempt, "Not saved (no connection), retrying…");
    }
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    if (response.ok) {
      failing.delete(position);
      loginBox.classList.add("d-none");
      setStatus(failing.size ? "Some answers not saved, retrying…" : "Saved", failing.size ? "danger" : "success");
      markAnswered(position, data.answered);
      showProblem(position, data.problem);
      return;
    }
    if (response.status === 401) {
      loginBox.textContent = "";
      loginBox.append("You were logged out. ");
      const link = document.createElement("a");
      link.href = data.login || "/login";
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = "Log in again in a new tab";
      loginBox.append(link, "; your answers are kept and saving resumes by itself.");
      loginBox.classList.remove("d-none");
      return retryLater(position, attempt, "Not saved, retrying…");
    }
    if (response.status === 400 && data.csrf) {
      await freshToken();
      return retryLater(position, attempt, "Not saved, retrying…");
    }
    if (response.status === 409 && data.closed) {
      setStatus(data.error, "warning");
      window.location.assign(data.review || root.dataset.reviewUrl);
      return;
    }
    if (response.status === 400 || response.status === 409) {
      failing.delete(position);
      setStatus("Not saved: " + (data.error || "check this answer"), "danger");
      showProblem(position, data.error);
      return;
    }
    return retryLater(position, attempt, "Not saved, retrying…");
  }

  function schedule(position, delay) {
    clearTimeout(timers.get(position));
    timers.set(position, setTimeout(function () { save(position, 0); }, delay));
  }

  // The backoff can reach 30 s; when the network comes back, or the student returns to the tab,
  // retry the unsaved answers at once instead of waiting out the timer.
  function retryFailingNow() {
    failing.forEach(function (position) { schedule(position, 0); });
  }
  window.addEventListener("online", retryFailingNow);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") retryFailingNow();
  });

  function positionOf(el) {
    const box = el.closest("fieldset[data-position]");
    return box ? Number(box.dataset.position) : null;
  }

  root.addEventListener("change", function (event) {
    const position = positionOf(event.target);
    if (position !== null) schedule(position, 150);
  });
  root.addEventListener("input", function (event) {
    const position = positionOf(event.target);
    if (position !== null && event.target.type === "text") schedule(position, 700);
  });

  async function flushAll() {
    const waiting = Array.from(timers.keys());
    waiting.forEach(function (p) { clearTimeout(timers.get(p)); });
    await Promise.all(waiting.map(function (p) { return save(p, 0); }));
  }

  // One request the student asked for (check, flag): its JSON on success; otherwise null, with what went wrong
  // said after ``refused`` ("Not checked"), or off to the review once the attempt has closed.
  async function askServer(url, body, refused) {
    let response;
    try {
      response = await post(url, body);
    } catch (e) {
      setStatus(refused + " (no connection); try again.", "danger");
      return null;
    }
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    if (response.status === 409 && data.closed) { window.location.assign(data.review || root.dataset.reviewUrl); return null; }
    if (!response.ok) {
      if (data.csrf) await freshToken();
      setStatus(refused + ": " + (data.error || "try again"), "danger");
      return null;
    }
    return data;
  }

  // Practice mode: check or reveal one answer without leaving the page.
  root.addEventListener("click", async function (event) {
    const button = event.target.closest("[data-check], [data-reveal]");
    if (!button) return;
    event.preventDefault();
    const position = Number(button.dataset.check !== undefined ? button.dataset.check : button.dataset.reveal);
    const giveUp = button.dataset.reveal !== undefined;
    clearTimeout(timers.get(position));
    const body = { position: position, fields: fieldsOf(position), give_up: giveUp };
    const data = await askServer(root.dataset.checkUrl, body, "Not checked");
    if (!data) return;
    const box = document.getElementById("feedback-" + position);
    box.innerHTML = data.html;
    markAnswered(position, true);
    setStatus("Saved", "success");
    if (data.revealed) {
      const fieldset = root.querySelector('fieldset[data-position="' + position + '"]');
      fieldset.querySelectorAll("input, select").forEach(function (el) { el.disabled = true; });
      const actions = fieldset.querySelector(".practice-actions");
      if (actions) actions.remove();
    }
    box.setAttribute("tabindex", "-1");
    box.focus();
  });

  // Flag to come back to: toggled in place (the form post without script reloads the page); the question numbers
  // and their summary follow.
  function showFlag(position, flagged) {
    const button = root.querySelector('[data-later="' + position + '"]');
    button.setAttribute("aria-pressed", flagged ? "true" : "false");
    button.classList.toggle("btn-warning", flagged);
    button.classList.toggle("btn-outline-secondary", !flagged);
    root.querySelector('[data-later-note="' + position + '"]').hidden = !flagged;
    const nav = root.querySelector('[data-nav="' + position + '"]');
    if (nav) {
      if (flagged) nav.dataset.flagged = "true"; else delete nav.dataset.flagged;
      nav.querySelector(".nav-flag").textContent = flagged ? "⚑" : "";
      markAnswered(position, answeredSet.has(position)); // rewrites the number's label, flag included
    }
    const count = root.querySelectorAll("[data-nav][data-flagged]").length;
    const summary = document.getElementById("nav-flagged");
    if (summary) summary.textContent = count ? ", ⚑ " + count + " flagged" : "";
  }

  root.addEventListener("click", async function (event) {
    const button = event.target.closest("[data-later]");
    if (!button || !root.dataset.laterUrl) return;
    event.preventDefault();
    const position = Number(button.dataset.later);
    const data = await askServer(root.dataset.laterUrl, { position: position }, "Not flagged");
    if (data) showFlag(position, data.flagged);
  });

  // Buttons that leave the page save first (the server saves the posted form too; saving twice is harmless).
  const form = document.getElementById("attempt-form");
  form.addEventListener("submit", function () { timers.forEach(function (t) { clearTimeout(t); }); });

  // The countdown starts from the seconds the server computed and runs on the monotonic clock.
  const timer = document.getElementById("timer");
  if (timer) {
    const total = Number(timer.dataset.secondsLeft);
    const started = performance.now();
    let submitted = false;
    const tick = async function () {
      const left = Math.max(0, total - (performance.now() - started) / 1000);
      const minutes = Math.floor(left / 60);
      const seconds = Math.floor(left % 60);
      timer.textContent = "Time left: " + minutes + ":" + String(seconds).padStart(2, "0");
      if (left <= 60) timer.className = "badge text-bg-danger fs-6";
      if (left <= 0 && !submitted) {
        submitted = true;
        await flushAll();
        document.getElementById("timeout-form").submit();
        return;
      }
      setTimeout(tick, 250);
    };
    tick();
  }
})();
