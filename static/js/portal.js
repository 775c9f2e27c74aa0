/* Progressive enhancement of the portal: the display switches apply at once
   (without a reload). Without JavaScript the same forms go through /tampilan/. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");

  function setCookie(name, value) {
    var secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie =
      name + "=" + value + "; path=/; max-age=31536000; samesite=lax" + secure;
  }

  function setTextSize(value) {
    ["normal", "large", "larger"].forEach(function (size) {
      root.classList.toggle("text-" + size, size === value);
    });
    setCookie("ppid_text", value);
    document
      .querySelectorAll('[data-display][name="text"]')
      .forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.value === value));
      });
  }

  function setContrast(button, value) {
    var high = value === "high";
    root.classList.toggle("contrast-high", high);
    root.classList.toggle("contrast-normal", !high);
    if (high) {
      root.setAttribute("data-bs-theme", "dark");
    } else {
      root.removeAttribute("data-bs-theme");
    }
    setCookie("ppid_contrast", value);
    button.setAttribute("aria-pressed", String(high));
    button.value = high ? "normal" : "high";
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-display]");
    if (!button) {
      return;
    }
    event.preventDefault();
    if (button.name === "text") {
      setTextSize(button.value);
    } else if (button.name === "contrast") {
      setContrast(button, button.value);
    }
  });
})();
