// Ordering questions: drag an item by its handle (mouse, pen or finger), or focus the handle and press the
// arrow keys (Home/End for first/last), or press an item's up/down buttons; each move is announced in a live
// region. Every move writes the whole order into the position dropdowns (1..n, never two items at one number)
// and sends one "change" event, so attempt.js saves it like any answer. Picking a number in a dropdown moves
// that item to that place. Without script the dropdowns alone are the question, as the server renders them.
(function () {
  "use strict";

  function labelOf(item) { return item.dataset.label; }
  function itemsOf(list) { return Array.from(list.querySelectorAll(":scope > li[data-item]")); }
  function selectOf(item) { return item.querySelector("select"); }

  function makeButton(text, name, classes) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-outline-secondary " + classes;
    button.setAttribute("aria-label", name);
    button.textContent = text;
    return button;
  }

  function enhance(list) {
    const items = itemsOf(list);
    if (!items.length || items.some(function (item) { return selectOf(item).disabled; })) return;
    const count = items.length;
    const position = list.dataset.orderable;
    const live = document.createElement("div");
    live.className = "visually-hidden";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    const help = document.createElement("p");
    help.className = "small text-body-secondary order-help";
    help.id = "order-help-" + position;
    help.textContent = "Drag an item by its handle, or focus the handle and use the up and down arrow keys.";
    list.before(help);
    list.after(live);
    list.classList.add("orderable");

    // Show a saved order as a list in that order; unnumbered items keep their shown order, after the rest.
    const numbered = items.slice().sort(function (a, b) {
      const x = Number(selectOf(a).value) || count + 1;
      const y = Number(selectOf(b).value) || count + 1;
      return x - y;
    });
    numbered.forEach(function (item) { list.appendChild(item); });

    // Once a practice answer is shown its dropdowns are disabled (attempt.js): the order is final.
    function locked() { return itemsOf(list).some(function (item) { return selectOf(item).disabled; }); }

    function announce(item, verb) {
      const place = itemsOf(list).indexOf(item) + 1;
      live.textContent = "“" + labelOf(item) + "” " + verb + " position " + place + " of " + count + ".";
    }

    // The dropdowns follow the list, and one change event lets attempt.js save the question.
    function renumber(notify) {
      itemsOf(list).forEach(function (item, index) { selectOf(item).value = String(index + 1); });
      if (notify) selectOf(itemsOf(list)[0]).dispatchEvent(new Event("change", { bubbles: true }));
    }

    // The moving item itself stays in the document and the others are moved around it: removing it, even for
    // an instant, would drop its focus and end a drag's pointer capture.
    function moveTo(item, index) {
      const others = itemsOf(list).filter(function (other) { return other !== item; });
      const target = Math.max(0, Math.min(others.length, index));
      if (itemsOf(list).indexOf(item) === target) return;
      others.forEach(function (other, i) {
        if (i < target) list.insertBefore(other, item); else list.appendChild(other);
      });
    }

    items.forEach(function (item) {
      const label = labelOf(item);
      const handle = makeButton("⠿", "Move “" + label + "”", "drag-handle");
      handle.setAttribute("aria-describedby", help.id);
      const up = makeButton("↑", "Move up: " + label, "move-up");
      const down = makeButton("↓", "Move down: " + label, "move-down");
      const moves = document.createElement("span");
      moves.className = "d-inline-flex gap-1 ms-auto order-moves";
      moves.append(up, down);
      item.prepend(handle);
      item.append(moves);

      function step(delta) {
        if (locked()) return;
        const from = itemsOf(list).indexOf(item);
        const to = Math.max(0, Math.min(count - 1, from + delta));
        if (to === from) { announce(item, delta < 0 ? "is already first, at" : "is already last, at"); return; }
        moveTo(item, to);
        renumber(true);
        announce(item, "moved to");
      }
      up.addEventListener("click", function () { step(-1); });
      down.addEventListener("click", function () { step(1); });
      handle.addEventListener("keydown", function (event) {
        const steps = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1, Home: -count, End: count };
        if (!(event.key in steps)) return;
        event.preventDefault();
        step(steps[event.key]);
      });

      // Pointer events cover mouse, pen and touch alike; touch-action: none (app.css) keeps the finger
      // from scrolling the page while it drags the handle.
      let dragging = false;
      handle.addEventListener("pointerdown", function (event) {
        if (event.button !== 0 || locked()) return;
        dragging = true;
        handle.setPointerCapture(event.pointerId);
        item.classList.add("dragging");
        event.preventDefault();
      });
      handle.addEventListener("pointermove", function (event) {
        if (!dragging) return;
        const others = itemsOf(list).filter(function (other) { return other !== item; });
        let index = others.length;
        for (let i = 0; i < others.length; i++) {
          const box = others[i].getBoundingClientRect();
          if (event.clientY < box.top + box.height / 2) { index = i; break; }
        }
        moveTo(item, index);
      });
      function drop() {
        if (!dragging) return;
        dragging = false;
        item.classList.remove("dragging");
        renumber(true);
        announce(item, "dropped at");
        handle.focus();
      }
      handle.addEventListener("pointerup", drop);
      handle.addEventListener("pointercancel", drop);
      handle.addEventListener("lostpointercapture", drop);

      // A number picked in the dropdown moves the item there and the others make room.
      selectOf(item).addEventListener("change", function (event) {
        if (!event.isTrusted) return; // our own event after a move
        const wanted = Number(selectOf(item).value);
        if (!wanted) return; // "–": left unfinished on purpose; the server says what is missing
        moveTo(item, wanted - 1);
        renumber(false); // the student's own change event is already on its way to attempt.js
        announce(item, "moved to");
      });
    });
  }

  document.querySelectorAll("ol[data-orderable]").forEach(enhance);
})();
