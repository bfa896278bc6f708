// Drawbridge "Leave quickly", part two. The button replaces the page it was pressed on, but the
// browser keeps the Drawbridge pages visited before it in the tab's history, and no page can
// remove those. So leaving also marks this tab (sessionStorage: this tab only, gone when it
// closes), and this file, loaded before the page's body is drawn, sends any Drawbridge page
// reached by Back or Forward in a marked tab straight on to the neutral site. Opening Drawbridge
// again on purpose (a link, the address bar, a reload) clears the mark.
(function () {
  var MARK = "drawbridge:left";
  function leaveAgain() {
    document.documentElement.style.visibility = "hidden";
    location.replace("/leave");
  }
  function marked() {
    try {
      return sessionStorage.getItem(MARK) === "1";
    } catch (error) {
      return false;
    }
  }
  if (marked()) {
    var entry = performance.getEntriesByType("navigation")[0];
    if (entry && entry.type === "back_forward") leaveAgain();
    else sessionStorage.removeItem(MARK);
  }
  // A page kept whole in the back-forward cache is not loaded again: it is only shown.
  addEventListener("pageshow", function (event) {
    if (event.persisted && marked()) leaveAgain();
  });
})();
