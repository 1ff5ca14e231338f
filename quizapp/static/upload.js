// Bringing in an article: from the moment it is sent, the page says the work is under way and counts the seconds
// (a short article is drafted within the request, a few seconds with nothing else to show).
(function () {
  "use strict";
  const form = document.getElementById("upload-form");
  const busy = document.getElementById("upload-busy");
  if (!form || !busy) return;
  form.addEventListener("submit", function () {
    const button = form.querySelector('[type="submit"]');
    busy.classList.remove("d-none");
    const seconds = document.getElementById("upload-seconds");
    const began = Date.now();
    setInterval(function () {
      seconds.textContent = "(" + Math.round((Date.now() - began) / 1000) + " s)";
    }, 1000);
    // After the form has been sent: a disabled button would leave its own value out of the request.
    setTimeout(function () { if (button) { button.disabled = true; button.setAttribute("aria-disabled", "true"); } }, 0);
  });
})();
