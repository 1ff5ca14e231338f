// Fills a form's hidden time_zone field with the browser's zone ("Europe/Paris"): an account that never chose
// one takes it at login. Without script the field stays empty and the school's zone applies.
(function () {
  "use strict";
  let zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return; }
  document.querySelectorAll('input[name="time_zone"]').forEach(function (field) { field.value = zone; });
})();
