// Every <time data-local> was written in UTC by the server (quizapp/local_time.py); show it in the
// reader's own time zone, with the zone named, and keep the UTC text as a tooltip.
(function () {
  "use strict";
  const styles = {
    datetime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
    date: { day: "numeric", month: "short", year: "numeric" },
    time: { hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
  };
  function localise(root) {
    root.querySelectorAll("time[data-local]").forEach(function (el) {
      const moment = new Date(el.getAttribute("datetime"));
      const style = styles[el.dataset.local];
      if (isNaN(moment.getTime()) || !style || el.dataset.localised) return;
      if (!el.title) el.title = el.textContent.trim();
      el.textContent = new Intl.DateTimeFormat(undefined, style).format(moment);
      el.dataset.localised = "true";
    });
  }
  localise(document);
  // Parts of pages filled in later (practice feedback) call this again.
  window.quizappLocalTimes = localise;
})();
