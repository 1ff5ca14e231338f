// Review queue shortcuts: j/k move between questions, a approves, r rejects (focus the reason), e edits, x selects.
(function () {
  "use strict";
  const items = Array.from(document.querySelectorAll(".review-item"));
  if (!items.length) return;
  let current = -1;
  function focusItem(index) {
    current = Math.max(0, Math.min(items.length - 1, index));
    items[current].focus();
    items[current].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (event) {
    const tag = (event.target.tagName || "").toLowerCase();
    if (["input", "textarea", "select"].includes(tag) || event.ctrlKey || event.metaKey || event.altKey) return;
    const item = items[current];
    if (event.key === "j") { focusItem(current + 1); event.preventDefault(); }
    else if (event.key === "k") { focusItem(current - 1); event.preventDefault(); }
    else if (item && event.key === "a") { item.querySelector('[data-key="approve"]').click(); event.preventDefault(); }
    else if (item && event.key === "r") { item.querySelector('input[type="text"]').focus(); event.preventDefault(); }
    else if (item && event.key === "e") { item.querySelector('a[href*="/edit"]').click(); event.preventDefault(); }
    else if (item && event.key === "x") { const box = item.querySelector('input[type="checkbox"]'); box.checked = !box.checked; event.preventDefault(); }
  });
  items.forEach(function (item, index) { item.addEventListener("focusin", function () { current = index; }); });
  // Enter in a reason field rejects that question.
  items.forEach(function (item) {
    const reason = item.querySelector('input[type="text"]');
    reason.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); item.querySelector('[data-key="reject"]').click(); }
    });
  });
})();
// "Select all on this page" ticks every question's box; ticking or unticking one box updates it (mixed: indeterminate).
(function () {
  "use strict";
  const all = document.getElementById("select-all");
  if (!all) return;
  const boxes = Array.from(document.querySelectorAll(".select-one"));
  function sync() {
    const ticked = boxes.filter(function (box) { return box.checked; }).length;
    all.checked = ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
  }
  all.addEventListener("change", function () {
    boxes.forEach(function (box) { box.checked = all.checked; });
  });
  boxes.forEach(function (box) { box.addEventListener("change", sync); });
  // The x shortcut changes a box without a change event: keep the state right when the form is sent.
  document.getElementById("bulk-form").addEventListener("submit", sync);
})();
