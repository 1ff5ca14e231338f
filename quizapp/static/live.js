// Live sessions: poll the session's tiny state endpoint once a second (ETag: 304 while nothing changed), fetch
// the page's changing part again when the version changes, count down between polls, and send an answer without
// leaving the page. Without script the page still works: reload it, and the answer form posts normally.
// When a question is open the state itself carries it (the same HTML for the whole class, no key in it): a phone
// that has not answered it shows it at once, without a second request. Once it closed (or the session ended) the
// state carries this phone's own result, shown the same way; anything else fetches the phone's panel.
(function () {
  "use strict";
  var root = document.querySelector("[data-live-state]");
  if (!root) return;
  var stateUrl = root.getAttribute("data-live-state");
  var panelUrl = root.getAttribute("data-live-panel");
  var panel = document.getElementById("live-panel");
  var version = root.getAttribute("data-version");
  var etag = null;
  var deadline = null; // performance.now() at which the open question closes, by the server's seconds left
  var paused = false;
  var refreshing = false;
  var again = false; // a refresh was asked for while one was under way
  var csrf = root.getAttribute("data-csrf");
  // The projector counts the answers coming in: it fetches its screen every other second while a question is open
  // (answers do not change the version, or 300 phones would each fetch their page 300 times a question).
  var projector = root.hasAttribute("data-live-projector");
  var open = false;
  var ticks = 0;

  function countdown() {
    var shown = panel.querySelector("[data-countdown]");
    if (!shown) return;
    if (paused) { shown.textContent = "Paused"; return; }
    if (deadline === null) return;
    var left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
    shown.textContent = left + " s";
  }

  function bindAnswer() {
    var form = panel.querySelector("form[data-live-answer]");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      fetch(form.action, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (result) {
        if (result.ok) { refresh(); return; }
        var error = form.querySelector("[data-live-error]");
        if (error) error.textContent = result.body.error || "Not saved: try again.";
        if (button) button.disabled = false;
      }).catch(function () {
        var error = form.querySelector("[data-live-error]");
        if (error) error.textContent = "No connection: try again.";
        if (button) button.disabled = false;
      });
    });
  }

  // The index of the question this phone answered (its panel says so), or null.
  function answeredIndex() {
    var mark = panel.querySelector("[data-answered]");
    return mark ? mark.getAttribute("data-answered") : null;
  }

  // The question form on the page when it is for question `index`: a pause, a resume or added time changes the
  // version but not the question, and drawing it again would throw away a choice made and not yet sent.
  function shownForm(index) {
    var form = panel.querySelector("form[data-live-answer]");
    var shownIndex = form && form.querySelector("input[name=index]");
    return shownIndex && shownIndex.value === String(index) ? form : null;
  }

  // The open question from the state: shown unless this phone answered it, or already shows it.
  function showQuestion(state) {
    if (answeredIndex() === String(state.index)) return false;
    var form = shownForm(state.index);
    if (form) {
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = !!state.paused;
      countdown();
      return true;
    }
    panel.innerHTML = state.question;
    var token = panel.querySelector("input[name=csrf_token]");
    if (token && csrf) token.value = csrf;
    bindAnswer();
    countdown();
    return true;
  }

  function line(tag, className, parts) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    parts.forEach(function (part) {
      if (typeof part === "string") { element.appendChild(document.createTextNode(part)); return; }
      element.appendChild(part);
    });
    return element;
  }

  // The phone's own result once the question closed (or the session ended), carried in the state: the same as
  // its panel would show, built from text (never HTML), without a second request.
  function showResult(state) {
    var result = state.result;
    var box = line("div", "", []);
    box.setAttribute("data-live-version", String(state.version));
    box.setAttribute("data-live-result", state.state);
    if (state.state === "reveal") {
      if (!result.answered) box.appendChild(line("p", "h4", ["No answer this time."]));
      else if (result.correct) box.appendChild(line("p", "h4 text-success", ["Right! +" + result.points + " points"]));
      else if (result.partly) {
        box.appendChild(line("p", "h4 text-warning-emphasis", ["Partly right: +" + result.points + " points"]));
      } else box.appendChild(line("p", "h4 text-danger", ["Not right this time."]));
      box.appendChild(line("p", "", ["The answer: ", line("strong", "", [result.key])]));
    } else {
      box.appendChild(line("p", "h4", ["The session has ended."]));
    }
    box.appendChild(line("p", "", [
      "Your score: ", line("strong", "", [String(result.score)]),
      " points \u00b7 place " + result.place + " of " + result.players
    ]));
    if (result.history) {
      var link = line("a", "", ["your history"]);
      link.setAttribute("href", result.history);
      box.appendChild(line("p", "", ["Your answers are in ", link, "."]));
    }
    panel.innerHTML = "";
    panel.appendChild(box);
    return true;
  }

  // A panel asked for at one version and answered after the state moved on (an answer sent in the last second,
  // then the question closed and the state drew the result) is stale: it is dropped and the panel asked for again.
  function refresh() {
    if (refreshing) { again = true; return Promise.resolve(); }
    refreshing = true;
    var asked = version;
    return fetch(panelUrl, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (!response.ok) return;
      return response.text().then(function (html) {
        if (version !== asked) return;
        var fresh = document.createElement("div");
        fresh.innerHTML = html;
        var freshIndex = fresh.querySelector("form[data-live-answer] input[name=index]");
        // Keep a half-made answer: only the countdown changes while the same question stays open.
        var kept = freshIndex && shownForm(freshIndex.value);
        if (kept) {
          var button = kept.querySelector("button[type=submit]");
          if (button) button.disabled = !!paused;
          countdown();
          return;
        }
        panel.innerHTML = html;
        bindAnswer();
        countdown();
      });
    }).catch(function () { /* the next poll tries again */ }).then(function () {
      refreshing = false;
      if (again || version !== asked) { again = false; return refresh(); }
    });
  }

  function poll() {
    var headers = { "Accept": "application/json" };
    if (etag) headers["If-None-Match"] = etag;
    fetch(stateUrl, { credentials: "same-origin", cache: "no-store", headers: headers }).then(function (response) {
      if (response.status === 304 || !response.ok) return;
      etag = response.headers.get("ETag");
      return response.json().then(function (state) {
        paused = !!state.paused;
        open = state.state === "question";
        deadline = state.seconds_left === null ? null : performance.now() + state.seconds_left * 1000;
        if (String(state.version) !== String(version)) {
          version = String(state.version);
          root.setAttribute("data-version", version);
          if (!projector && state.question && showQuestion(state)) return;
          if (!projector && state.result && showResult(state)) return;
          return refresh();
        }
      });
    }).catch(function () { /* offline for a moment: keep polling */ }).then(function () {
      ticks += 1;
      if (projector && open && ticks % 2 === 0) return refresh();
    }).then(function () {
      countdown();
      window.setTimeout(poll, 1000);
    });
  }

  var first = panel.querySelector("[data-countdown]");
  if (first) {
    paused = first.getAttribute("data-paused") === "true";
    var left = parseFloat(first.getAttribute("data-seconds-left"));
    if (!isNaN(left)) deadline = performance.now() + left * 1000;
  }
  bindAnswer();
  window.setInterval(countdown, 250);
  poll();
})();
