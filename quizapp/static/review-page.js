// The review page: a report just sent to the teacher says so inside its question's card; bring that
// message into view and give it focus, so it is seen and read out (the URL's #fragment lands near it).
(function () {
  "use strict";
  const result = document.querySelector(".flag-result");
  if (!result) return;
  result.scrollIntoView({ block: "center" });
  result.focus({ preventScroll: true });
})();
