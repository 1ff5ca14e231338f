// The question numbers of an attempt: open on a wide screen, folded away on a phone (the summary line still
// says how many are answered). Rendered open, so without script every number is there.
(function () {
  "use strict";
  const box = document.getElementById("navigator");
  if (box && window.matchMedia("(max-width: 767.98px)").matches) box.open = false;
})();
