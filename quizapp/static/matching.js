// Matching questions: every answer becomes a tile above the prompts. Drag a tile by its handle onto a prompt
// (mouse, pen or finger), or press a tile (click, tap, Enter or Space) and then "Pair here" beside a prompt;
// Escape, or pressing the tile again, cancels. Each pairing and cancel is said in a live region. Pairing writes
// the answer into that prompt's dropdown and sends one "change" event, so attempt.js saves it like any answer.
// Tiles stay after pairing: an answer may serve more than one prompt, and a left-over one (a distractor) is
// as choosable as the rest. Without script the dropdowns alone are the question, as the server renders them.
(function () {
  "use strict";

  const DRAG_START_PX = 6; // a press that moves less than this is a press (pick), not a drag

  function selectOf(row) { return row.querySelector("select"); }
  function quoted(text) { return "“" + text + "”"; }

  function enhance(board) {
    const rows = Array.from(board.querySelectorAll("[data-match-row]"));
    if (!rows.length || rows.some(function (row) { return selectOf(row).disabled; })) return;
    const position = board.dataset.matchable;
    const answers = Array.from(selectOf(rows[0]).options).filter(function (option) { return option.value !== ""; });

    const help = document.createElement("p");
    help.className = "small text-body-secondary match-help";
    help.id = "match-help-" + position;
    help.textContent = "Drag an answer by its handle ⠿ onto a prompt, or press an answer and then “Pair here” " +
      "beside its prompt (Escape cancels). The lists beside the prompts work too.";
    const bank = document.createElement("div");
    bank.className = "match-bank d-flex flex-wrap gap-2 mb-3";
    bank.setAttribute("role", "group");
    bank.setAttribute("aria-label", "Answers to pair with the prompts");
    const live = document.createElement("div");
    live.className = "visually-hidden";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    board.before(help, bank);
    board.after(live);
    board.classList.add("matchable");

    let picked = null; // the tile chosen by a press, waiting for a prompt

    function locked() { return rows.some(function (row) { return selectOf(row).disabled; }); }
    function say(text) { live.textContent = text; }
    function leftOf(row) { return row.dataset.left; }

    const tiles = answers.map(function (option) {
      const tile = document.createElement("button");
      tile.type = "button";
      tile.className = "btn btn-outline-primary match-tile";
      tile.dataset.value = option.value;
      tile.dataset.label = option.textContent;
      tile.setAttribute("aria-pressed", "false");
      tile.setAttribute("aria-describedby", help.id);
      const grip = document.createElement("span");
      grip.className = "match-grip";
      grip.setAttribute("aria-hidden", "true");
      grip.textContent = "⠿";
      const text = document.createElement("span");
      text.textContent = option.textContent;
      const mark = document.createElement("span");
      mark.className = "match-mark";
      mark.setAttribute("aria-hidden", "true");
      const status = document.createElement("span");
      status.className = "visually-hidden match-status";
      tile.append(grip, text, mark, status);
      bank.appendChild(tile);
      return tile;
    });

    const pairButtons = rows.map(function (row) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-primary match-pair text-nowrap";
      button.textContent = "Pair here";
      button.hidden = true;
      row.querySelector(".match-slot").appendChild(button);
      button.addEventListener("click", function () {
        if (!picked) return;
        const tile = picked;
        place(row, tile);
        tile.focus(); // back to the answers, where the next one is picked
      });
      return button;
    });

    // Which prompts each tile is paired with, in words for screen readers and a tick for the eye.
    function refresh() {
      tiles.forEach(function (tile) {
        const with_ = rows.filter(function (row) { return selectOf(row).value === tile.dataset.value; }).map(leftOf);
        tile.classList.toggle("is-placed", with_.length > 0);
        tile.querySelector(".match-mark").textContent = with_.length ? "✓" : "";
        tile.querySelector(".match-status").textContent = with_.length ? "(paired with " + with_.join(", ") + ")" : "";
      });
    }

    function pick(tile) {
      if (locked()) return;
      if (picked === tile) { cancel(true); return; }
      if (picked) picked.setAttribute("aria-pressed", "false");
      picked = tile;
      tile.setAttribute("aria-pressed", "true");
      rows.forEach(function (row, index) {
        pairButtons[index].hidden = false;
        pairButtons[index].setAttribute("aria-label", "Pair here: " + quoted(tile.dataset.label) + " with " +
          quoted(leftOf(row)));
      });
      say(quoted(tile.dataset.label) + " picked. Now press “Pair here” beside its prompt, or Escape to cancel.");
    }

    function cancel(announce) {
      if (!picked) return;
      const tile = picked;
      picked = null;
      tile.setAttribute("aria-pressed", "false");
      pairButtons.forEach(function (button) { button.hidden = true; });
      if (announce) say("Pairing of " + quoted(tile.dataset.label) + " cancelled.");
    }

    function place(row, tile) {
      if (locked()) return;
      const select = selectOf(row);
      cancel(false);
      if (select.value !== tile.dataset.value) {
        select.value = tile.dataset.value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
      refresh();
      say(quoted(tile.dataset.label) + " paired with " + quoted(leftOf(row)) + ".");
    }

    board.parentElement.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !picked) return;
      event.preventDefault();
      const tile = picked;
      cancel(true);
      tile.focus();
    });

    // A dropdown changed by hand: the ticks follow.
    rows.forEach(function (row) { selectOf(row).addEventListener("change", refresh); });

    tiles.forEach(function (tile) {
      let press = null; // {id, x, y, dragging} while a pointer is down on the tile
      let releasedAt = -1000; // when a pointer last let go of this tile
      let over = null; // the row under a dragged tile

      // A press by pointer picks on release (below): Chromium sends no click for a tap it takes as the end of
      // a scroll. The click that may follow it, or that ends a drag, is ignored; a key's click (detail 0) picks.
      tile.addEventListener("click", function (event) {
        if (event.detail !== 0 && performance.now() - releasedAt < 600) return;
        pick(tile);
      });

      // Pointer events cover mouse, pen and touch alike. A finger drags only by the handle (touch-action: none
      // there, in app.css), so a finger elsewhere on a tile still scrolls the page or taps the tile.
      tile.addEventListener("pointerdown", function (event) {
        if (event.button !== 0 || locked()) return;
        const draggable = event.pointerType !== "touch" || Boolean(event.target.closest(".match-grip"));
        press = { id: event.pointerId, x: event.clientX, y: event.clientY, dragging: false, draggable: draggable };
        if (draggable) tile.setPointerCapture(event.pointerId);
      });

      function rowAt(x, y) {
        const hit = document.elementsFromPoint(x, y).find(function (el) {
          return el.closest("[data-match-row]") && board.contains(el);
        });
        return hit ? hit.closest("[data-match-row]") : null;
      }

      function highlight(row) {
        if (over === row) return;
        if (over) over.classList.remove("drop-target");
        over = row;
        if (over) over.classList.add("drop-target");
      }

      tile.addEventListener("pointermove", function (event) {
        if (!press || event.pointerId !== press.id) return;
        const dx = event.clientX - press.x;
        const dy = event.clientY - press.y;
        if (!press.dragging) {
          if (Math.hypot(dx, dy) < DRAG_START_PX) return;
          if (!press.draggable) { press = null; return; } // a finger scrolling the page from a tile's words
          press.dragging = true;
          cancel(false);
          tile.classList.add("dragging");
        }
        event.preventDefault();
        tile.style.transform = "translate(" + dx + "px, " + dy + "px)";
        highlight(rowAt(event.clientX, event.clientY));
        // Near the window's edge the page scrolls, so a prompt below the fold can be reached.
        const edge = 48;
        if (event.clientY > window.innerHeight - edge) window.scrollBy(0, 16);
        else if (event.clientY < edge) window.scrollBy(0, -16);
      });

      function end(event, dropped) {
        if (!press || event.pointerId !== press.id) return;
        const wasDragging = press.dragging;
        press = null;
        releasedAt = performance.now();
        if (!wasDragging) {
          if (dropped) pick(tile); // a press without a drag
          return;
        }
        const row = dropped ? rowAt(event.clientX, event.clientY) : null;
        highlight(null);
        tile.classList.remove("dragging");
        tile.style.transform = "";
        if (row) place(row, tile);
        else say(quoted(tile.dataset.label) + " was not dropped on a prompt; nothing changed.");
      }
      tile.addEventListener("pointerup", function (event) { end(event, true); });
      tile.addEventListener("pointercancel", function (event) { end(event, false); });
      tile.addEventListener("lostpointercapture", function (event) { end(event, false); });
    });

    refresh();
  }

  document.querySelectorAll("[data-matchable]").forEach(enhance);
})();
